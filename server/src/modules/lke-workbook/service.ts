/**
 * LKE workbooks in and out of a submission. Import: an .xlsx (PortalRB template or classic Lampiran III) is read into
 * a jawaban-unit document by the shared mapping; the SPA then confirms it through the `importAnswers` mutation (the
 * all-or-nothing change report). Export: the classic layout with every level's answers, notes, evidence links and
 * real formulas, planned by shared `planClassicWorkbook` from the server's own scores.
 */
import {
  CLASSIC_LEVELS,
  readLkeWorkbook,
  WorkbookError,
  planClassicWorkbook,
  type ClassicLevelData,
  type WorkbookDocument,
  type WorkbookLayout,
} from '@pantau/shared';
import { readXlsxGrid, writePlannedWorkbook } from '@pantau/shared/xlsx';
import { assertCanReadSubmission, requireUser } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { AnswerLevel } from '../../common/enums';
import { badInput } from '../../common/errors';
import { Answer } from '../answer/entities';
import { EvidencePurpose, Evidence } from '../evidence/entities';
import { evidenceUrl } from '../evidence/service';
import { instrumentOf } from '../instrument/service';
import { submissionScores } from '../submission/service';
import { loadSubmission } from '../workflow/service';
import { formatDateId } from '../reports/format';

export interface ParsedWorkbook {
  layout: WorkbookLayout;
  /** Answer rows read (one per soal). */
  rows: number;
  /** The jawaban-unit document for `importAnswers`. */
  document: WorkbookDocument;
}

/** Read a workbook against the submission's instrument; BAD_USER_INPUT with `issues: [{ sheet, cell, message }]`. */
export async function parseWorkbook(ctx: Ctx, submissionId: number, data: Buffer): Promise<ParsedWorkbook> {
  requireUser(ctx);
  const sub = await loadSubmission(ctx.em, submissionId);
  await assertCanReadSubmission(ctx, sub);
  const inst = await instrumentOf(ctx.em, sub.period.instrumentVersion.id);
  try {
    const { layout, document } = readLkeWorkbook(inst, await readXlsxGrid(data));
    return { layout, rows: document.answers.length, document };
  } catch (e) {
    if (e instanceof WorkbookError) throw badInput(e.message, { issues: e.issues });
    throw e;
  }
}

const LEVEL_OF = { SELF: AnswerLevel.SELF, KANWIL: AnswerLevel.KANWIL, TPI: AnswerLevel.TPI, TPN: AnswerLevel.TPN } as const;

/** The classic LKE workbook of a submission; `baseUrl` makes the evidence links absolute. */
export async function exportWorkbook(ctx: Ctx, submissionId: number, baseUrl: string, now = new Date()): Promise<{ data: Buffer; fileName: string }> {
  requireUser(ctx);
  const sub = await loadSubmission(ctx.em, submissionId);
  await assertCanReadSubmission(ctx, sub);
  const [scores, answers, evidence] = await Promise.all([
    submissionScores(ctx, sub),
    ctx.em.find(Answer, { submission: sub.id }),
    ctx.em.find(Evidence, { submission: sub.id, purpose: EvidencePurpose.ANSWER, deleted: false }, { orderBy: { id: 'asc' } }),
  ]);
  const levels = {} as Record<(typeof CLASSIC_LEVELS)[number], ClassicLevelData>;
  for (const l of CLASSIC_LEVELS) {
    const notes: Record<number, string | null> = {};
    for (const a of answers) if (a.level === LEVEL_OF[l] && a.note) notes[a.soalId] = a.note;
    levels[l] = { answers: scores.byLevel[LEVEL_OF[l]], notes, score: scores.scores[LEVEL_OF[l]] };
  }
  const ev: Record<number, { descriptions: string[]; links: string[] }> = {};
  for (const e of evidence) {
    if (e.soalId == null) continue;
    const x = (ev[e.soalId] ??= { descriptions: [], links: [] });
    const d = [e.title, e.description].filter((s) => s && s.trim()).join(' — ');
    if (d) x.descriptions.push(d);
    x.links.push(baseUrl + evidenceUrl(e.id));
  }
  const plan = planClassicWorkbook({
    instrument: scores.instrument,
    identity: {
      unitName: sub.satker.name,
      unitCode: sub.satker.code,
      kanwilName: sub.satker.kanwil.name,
      year: sub.period.year,
      status: sub.status,
      exportedAt: formatDateId(now),
    },
    levels,
    evidence: ev,
  });
  const data = await writePlannedWorkbook(plan);
  return { data, fileName: `LKE ZI ${sub.period.year} - ${sub.satker.code} ${sub.satker.name}.xlsx` };
}
