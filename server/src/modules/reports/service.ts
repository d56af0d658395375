/** Data for the PDF reports, under the same scope rules as the screens they come from. */
import { summariseScore, type AnswerValue } from '@pantau/shared';
import { assertCanReadSubmission, hasRole, requireUser } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { AnswerLevel, Role } from '../../common/enums';
import { Answer } from '../answer/entities';
import { instrumentOf } from '../instrument/service';
import { openKanwilView } from '../comparison/service';
import type { ChecklistItem } from '../nomination/checklist';
import { Nomination, NominationStatus } from '../nomination/entities';
import { DeskEvaluation } from '../review/entities';
import { EvaluatorAssignment, type Submission } from '../submission/entities';
import { submissionScores } from '../submission/service';
import { loadSubmission } from '../workflow/service';
import { lheDoc, lkeSummaryDoc, nominationRecapDoc, type LheNoteRow, type RecapRow, type ReportLevel, type UnitFacts } from './documents';
import { formatDateId } from './format';
import { renderPdf } from './pdf';

export interface PdfFile {
  data: Buffer;
  fileName: string;
}

const unitFacts = (s: Submission): UnitFacts => ({
  unitName: s.satker.name,
  unitCode: s.satker.code,
  kanwilName: s.satker.kanwil.name,
  year: s.period.year,
  target: s.target,
  status: s.status,
  pencananganDate: s.pencananganDate ?? null,
});

async function readable(ctx: Ctx, submissionId: number): Promise<Submission> {
  requireUser(ctx);
  const sub = await loadSubmission(ctx.em, submissionId);
  await assertCanReadSubmission(ctx, sub);
  return sub;
}

/** Ringkasan LKE of a unit (every level). */
export async function lkeSummaryPdf(ctx: Ctx, submissionId: number, now = new Date()): Promise<PdfFile> {
  const sub = await readable(ctx, submissionId);
  const s = await submissionScores(ctx, sub);
  const scores = {} as Record<ReportLevel, ReturnType<typeof summariseScore>>;
  for (const l of ['SELF', 'KANWIL', 'TPI', 'TPN'] as const) scores[l] = summariseScore(s.scores[l as AnswerLevel]);
  const data = await renderPdf(
    lkeSummaryDoc({
      unit: unitFacts(sub),
      areas: s.instrument.areas,
      scores,
      eligibility: s.eligibility[sub.target],
      basis: s.basis as ReportLevel,
      printedOn: formatDateId(now),
    }),
  );
  return { data, fileName: `Ringkasan LKE ${sub.period.year} - ${sub.satker.code}.pdf` };
}

const show = (v: AnswerValue | undefined) => (v === null || v === undefined || v === '' ? '–' : String(v));

/** LHE of the desk evaluation: TPI scores, TPI notes per item, recommendation (DRAF until finalised). */
export async function lhePdf(ctx: Ctx, submissionId: number, now = new Date()): Promise<PdfFile> {
  const sub = await readable(ctx, submissionId);
  const [s, evaluation, assignments, answers] = await Promise.all([
    submissionScores(ctx, sub),
    ctx.em.findOne(DeskEvaluation, { submission: sub.id }, { populate: ['finalisedBy'], orderBy: { finalisedAt: 'desc', id: 'desc' } }),
    ctx.em.find(EvaluatorAssignment, { submission: sub.id }, { populate: ['user'], orderBy: { id: 'asc' } }),
    ctx.em.find(Answer, { submission: sub.id, level: { $in: [AnswerLevel.SELF, AnswerLevel.TPI] } }),
  ]);
  const tpiNote = new Map(answers.filter((a) => a.level === AnswerLevel.TPI && a.note).map((a) => [a.soalId, a.note!]));
  const notes: LheNoteRow[] = [];
  for (const item of s.instrument.items) {
    const unit = s.byLevel.SELF[item.soalId];
    const tpi = s.byLevel.TPI[item.soalId];
    const note = tpiNote.get(item.soalId);
    const differs = show(tpi) !== '–' && show(tpi) !== show(unit);
    if (note || differs) notes.push({ item, unitAnswer: show(unit), tpiAnswer: show(tpi), note: note ?? '' });
  }
  const data = await renderPdf(
    lheDoc({
      unit: unitFacts(sub),
      areas: s.instrument.areas,
      tpi: summariseScore(s.scores.TPI),
      eligibility: s.eligibility[sub.target],
      evaluation: evaluation
        ? {
            round: evaluation.round,
            recommendedPredicate: evaluation.recommendedPredicate,
            recommendation: evaluation.recommendation,
            evaluatorName: evaluation.finalisedBy.displayName,
            finalisedAt: evaluation.finalisedAt,
          }
        : null,
      evaluators: assignments.map((a) => a.user.displayName),
      notes,
      printedOn: formatDateId(now),
    }),
  );
  return { data, fileName: `LHE ZI ${sub.period.year} - ${sub.satker.code}.pdf` };
}

/** The Kanwil's recap of its nominated units (not withdrawn) of a period, on TPI scores. */
export async function nominationRecapPdf(ctx: Ctx, periodId: number, kanwilIdArg: number | null, now = new Date()): Promise<PdfFile> {
  const user = requireUser(ctx);
  const { period, kanwil, kanwilId } = await openKanwilView(ctx, periodId, kanwilIdArg, 'Rekap usulan');
  const noms = await ctx.em.find(
    Nomination,
    { status: { $ne: NominationStatus.WITHDRAWN }, submission: { period: period.id, satker: { kanwil: kanwilId } } },
    { populate: ['submission', 'submission.satker', 'submission.satker.kanwil', 'submission.period'], orderBy: { submission: { satker: { code: 'asc' } } } },
  );
  const rows: RecapRow[] = [];
  const { areas } = await instrumentOf(ctx.em, period.instrumentVersion.id);
  for (const n of noms) {
    const s = await submissionScores(ctx, n.submission);
    const snap = (n.eligibility ?? {}) as { eligible?: boolean };
    rows.push({
      unitName: n.submission.satker.name,
      unitCode: n.submission.satker.code,
      target: n.target,
      afirmasi: n.afirmasi,
      score: summariseScore(s.scores.TPI),
      eligible: snap.eligible === true,
      overrideReason: n.overrideReason ?? null,
      prerequisites: ((n.checklist as ChecklistItem[] | null) ?? []).map((c) => ({ label: c.label, met: c.met, message: c.message })),
    });
  }
  const signer = hasRole(user, Role.KANWIL_HEAD, { kanwilId }) ? user.displayName : null;
  const data = await renderPdf(nominationRecapDoc({ kanwilName: kanwil.name, year: period.year, areas, rows, signer, printedOn: formatDateId(now) }));
  return { data, fileName: `Rekap usulan ZI ${period.year} - ${kanwil.code}.pdf` };
}
