/**
 * Beranda inbox: what waits for the signed-in user, per role they hold, computed in a constant number of SQL
 * statements whatever the number of units (submissions in scope, open notes grouped by item, answered items and
 * evidence per submission, deadline extensions; for a Kanwil head the Kanwil comparison with its score cache).
 *  - COORDINATOR: items of a returned LKE with open reviewer notes, answered items without data dukung, the
 *    deadline of an LKE still being filled;
 *  - KANWIL_HEAD: submissions to pre-assess, units behind schedule or below a minimum, nominations to decide;
 *  - EVALUATOR: assigned submissions with the desk-evaluation deadline;
 *  - ESELON_REVIEWER, TPM_EVALUATOR: submissions of their Kanwils whose route waits for their step (shared table).
 */
import type { Ctx } from '../../common/context';
import { kanwilIdsWithRole, requireUser } from '../../common/authz';
import { AnswerLevel, Role, SubmissionStatus } from '../../common/enums';
import { notFound } from '../../common/errors';
import { Answer } from '../answer/entities';
import { kanwilComparison } from '../comparison/service';
import { Evidence, EvidencePurpose } from '../evidence/entities';
import { instrumentOf } from '../instrument/service';
import { DeadlineExtension, Period } from '../period/entities';
import {
  deadlineInForce,
  stageInForce,
  transitionsFor,
  type DeadlineExtensionLike as ExtensionLike,
  type Role as SharedRole,
  type Stage as StageKey,
} from '@pantau/shared';
import { ReviewNote } from '../review/entities';
import { submissionRouteCached } from '../route/lookup';
import { EvaluatorAssignment, Submission } from '../submission/entities';
import { InboxKind, type InboxEntryGql } from './types';

const DAY = 24 * 3600 * 1000;
/** A drafting unit counts as behind schedule this many days before its self-assessment deadline. */
export const BEHIND_SCHEDULE_DAYS = 7;
const EDITABLE: SubmissionStatus[] = [SubmissionStatus.DRAFT, SubmissionStatus.REVISION_REQUESTED];

const lkePath = (id: number, soalId?: number) => `/submissions/${id}/lke${soalId ? `?item=${soalId}` : ''}`;
const unitPath = (id: number) => `/submissions/${id}`;

/** The period the inbox is about: the one asked for, else the latest year's. */
async function periodOf(ctx: Ctx, periodId: number | null | undefined): Promise<Period | null> {
  if (periodId != null) {
    const p = await ctx.em.findOne(Period, periodId);
    if (!p) throw notFound('Periode', periodId);
    return p;
  }
  const [p] = await ctx.em.find(Period, {}, { orderBy: { year: 'desc', id: 'desc' }, limit: 1 });
  return p ?? null;
}

export async function inbox(ctx: Ctx, periodId?: number | null, now = new Date()): Promise<InboxEntryGql[]> {
  const user = requireUser(ctx);
  const period = await periodOf(ctx, periodId);
  if (!period) return [];
  const coordSatkers = user.roles.filter((r) => r.role === Role.COORDINATOR && r.satkerId != null).map((r) => r.satkerId!);
  const headKanwils = kanwilIdsWithRole(user, [Role.KANWIL_HEAD]);
  const isEvaluator = user.roles.some((r) => r.role === Role.EVALUATOR);
  const stepReviewers = STEP_ROLES.map((role) => ({ role, kanwilIds: kanwilIdsWithRole(user, [role]) })).filter((x) => x.kanwilIds.length);
  if (!coordSatkers.length && !headKanwils.length && !isEvaluator && !stepReviewers.length) return [];

  const extensions: ExtensionLike[] = (await ctx.em.find(DeadlineExtension, { period: period.id })).map((e) => ({
    stage: e.stage as string,
    satkerId: e.satker?.id ?? null,
    deadline: e.deadline,
  }));
  const due = (stage: StageKey, satkerId: number) => deadlineInForce(period, stage, satkerId, extensions);
  const out: InboxEntryGql[] = [];
  const base = (role: Role, s: Submission) => ({
    role,
    submissionId: s.id,
    satkerId: s.satker.id,
    satkerName: s.satker.name,
    status: s.status,
    soalId: null,
    itemCode: null,
    level: null,
  });

  if (coordSatkers.length) out.push(...(await coordinatorEntries(ctx, period, coordSatkers, due)));
  for (const kanwilId of headKanwils) {
    const subs = await ctx.em.find(
      Submission,
      { period: period.id, satker: { kanwil: kanwilId } },
      { populate: ['satker'], orderBy: { satker: { code: 'asc' } } },
    );
    const cmp = await kanwilComparison(ctx, period.id, kanwilId);
    const rowBySub = new Map(cmp.rows.filter((r) => r.submissionId != null).map((r) => [r.submissionId!, r]));
    for (const s of subs) {
      const b = base(Role.KANWIL_HEAD, s);
      if (s.status === SubmissionStatus.SUBMITTED) {
        out.push({ ...b, kind: InboxKind.PRE_ASSESS, count: 1, dueAt: due('kanwilReview', s.satker.id), detail: null, path: lkePath(s.id) });
      }
      if (EDITABLE.includes(s.status)) {
        const stage = stageInForce(s.status, s.returnedBy ?? null);
        const d = stage ? due(stage, s.satker.id) : null;
        if (d && d.getTime() - now.getTime() <= BEHIND_SCHEDULE_DAYS * DAY) {
          const c = rowBySub.get(s.id)?.completeness;
          out.push({ ...b, kind: InboxKind.BEHIND_SCHEDULE, count: 1, dueAt: d, detail: c == null ? null : `${Math.floor(c * 100)} %`, path: unitPath(s.id) });
        }
      }
      const e = rowBySub.get(s.id)?.eligibility;
      const live = !([SubmissionStatus.AWARDED, SubmissionStatus.NOT_AWARDED, SubmissionStatus.WITHDRAWN] as SubmissionStatus[]).includes(s.status);
      const failures = (e?.failures ?? []).filter((f) => !f.awaitingSurvey);
      if (live && e && failures.length) {
        out.push({ ...b, kind: InboxKind.BELOW_MINIMUM, count: failures.length, dueAt: null, detail: failures[0].message, path: unitPath(s.id) });
      }
      if (s.status === SubmissionStatus.DESK_EVALUATED || s.status === SubmissionStatus.NOMINATED) {
        out.push({
          ...b,
          kind: InboxKind.NOMINATION_DECISION,
          count: 1,
          dueAt: s.status === SubmissionStatus.DESK_EVALUATED ? due('nomination', s.satker.id) : null,
          detail: s.status === SubmissionStatus.DESK_EVALUATED ? 'nominate' : 'recordTpnOutcome',
          path: unitPath(s.id),
        });
      }
    }
  }
  if (isEvaluator) {
    const rows = await ctx.em.find(
      EvaluatorAssignment,
      { user: user.id, submission: { period: period.id, status: { $in: [SubmissionStatus.KANWIL_REVIEWED, SubmissionStatus.IN_DESK_REVIEW] } } },
      { populate: ['submission', 'submission.satker'], orderBy: { submission: { satker: { code: 'asc' } } } },
    );
    for (const { submission: s } of rows) {
      out.push({
        ...base(Role.EVALUATOR, s),
        kind: InboxKind.DESK_EVALUATION,
        count: 1,
        dueAt: due('deskEvaluation', s.satker.id),
        detail: s.status === SubmissionStatus.KANWIL_REVIEWED ? 'startDeskReview' : 'finalise',
        path: lkePath(s.id),
      });
    }
  }
  if (stepReviewers.length) out.push(...(await stepEntries(ctx, period, stepReviewers, due)));
  return out;
}

/** The reviewers of a route's own steps: the Eselon I unit's reviewers and the instansi's TPM (issue 15). */
const STEP_ROLES = [Role.ESELON_REVIEWER, Role.TPM_EVALUATOR] as const;
const STEP_STATUSES = [
  SubmissionStatus.ESELON_I_REVIEW,
  SubmissionStatus.KANWIL_REVIEWED,
  SubmissionStatus.ESELON_I_REVIEWED,
  SubmissionStatus.IN_DESK_REVIEW,
  SubmissionStatus.DESK_EVALUATED,
];

/** Submissions of the reviewers' Kanwils whose route has a next step of theirs (one query; routes memoised per instansi). */
async function stepEntries(
  ctx: Ctx,
  period: Period,
  reviewers: { role: Role; kanwilIds: number[] }[],
  due: (stage: StageKey, satkerId: number) => Date | null,
): Promise<InboxEntryGql[]> {
  const subs = await ctx.em.find(
    Submission,
    { period: period.id, status: { $in: STEP_STATUSES }, satker: { kanwil: { $in: [...new Set(reviewers.flatMap((r) => r.kanwilIds))] } } },
    { populate: ['satker', 'satker.kanwil'], orderBy: { satker: { code: 'asc' } } },
  );
  const out: InboxEntryGql[] = [];
  for (const s of subs) {
    const route = await submissionRouteCached(ctx, s);
    for (const { role, kanwilIds } of reviewers) {
      if (!kanwilIds.includes(s.satker.kanwil.id)) continue;
      // the step's forward action (returning is part of the same step); the TPM awards WBK only (WBBM goes to the TPN)
      const t = transitionsFor(s.status, [role as SharedRole], route).find((x) => x.action !== 'return' && x.action !== 'withdraw');
      if (!t || (t.action === 'recordTpmOutcome' && s.target !== 'WBK')) continue;
      const kind =
        role === Role.ESELON_REVIEWER ? InboxKind.ESELON_REVIEW : t.action === 'recordTpmOutcome' ? InboxKind.NOMINATION_DECISION : InboxKind.DESK_EVALUATION;
      out.push({
        role,
        submissionId: s.id,
        satkerId: s.satker.id,
        satkerName: s.satker.name,
        status: s.status,
        soalId: null,
        itemCode: null,
        level: null,
        kind,
        count: 1,
        dueAt: t.stage ? due(t.stage, s.satker.id) : null,
        detail: t.action,
        path: kind === InboxKind.NOMINATION_DECISION ? unitPath(s.id) : lkePath(s.id),
      });
    }
  }
  return out;
}

async function coordinatorEntries(
  ctx: Ctx,
  period: Period,
  satkerIds: number[],
  due: (stage: StageKey, satkerId: number) => Date | null,
): Promise<InboxEntryGql[]> {
  const em = ctx.em;
  const subs = await em.find(
    Submission,
    { period: period.id, satker: { $in: satkerIds }, status: { $in: EDITABLE } },
    { populate: ['satker'], orderBy: { satker: { code: 'asc' } } },
  );
  if (!subs.length) return [];
  const ids = subs.map((s) => s.id);
  const inst = await instrumentOf(em, period.instrumentVersion.id);
  const [noteRows, answered, evidence] = await Promise.all([
    em.find(
      ReviewNote,
      { submission: { $in: ids }, parent: null, resolved: false, level: { $ne: AnswerLevel.SELF } },
      { fields: ['id', 'submission', 'soalId', 'level', 'body'], orderBy: { id: 'asc' } },
    ),
    em
      .createQueryBuilder(Answer, 'a')
      .select(['s.id as sid', 'a.soalId'])
      .join('a.submission', 's')
      .where({ 's.id': { $in: ids }, 'a.level': AnswerLevel.SELF, 'a.valueJson': { $ne: null } })
      .execute<{ sid: number; soal_id: number }[]>('all', false),
    em
      .createQueryBuilder(Evidence, 'e')
      .select(['s.id as sid', 'e.soalId'])
      .distinct()
      .join('e.submission', 's')
      .where({ 's.id': { $in: ids }, 'e.purpose': EvidencePurpose.ANSWER, 'e.deleted': false })
      .execute<{ sid: number; soal_id: number }[]>('all', false),
  ]);
  // open root notes per submission × item × level: count and the latest body
  const notes = new Map<string, { sid: number; soalId: number; level: AnswerLevel; open: number; last: string }>();
  for (const n of noteRows) {
    const k = `${n.submission.id}:${n.soalId}:${n.level}`;
    const cur = notes.get(k);
    if (cur) {
      cur.open++;
      cur.last = n.body;
    } else notes.set(k, { sid: n.submission.id, soalId: n.soalId, level: n.level, open: 1, last: n.body });
  }
  const withEvidence = new Set(evidence.map((e) => `${e.sid}:${e.soal_id}`));
  const missing = new Map<number, number>();
  for (const a of answered) {
    if (!inst.itemById[a.soal_id]?.required || withEvidence.has(`${a.sid}:${a.soal_id}`)) continue;
    missing.set(a.sid, (missing.get(a.sid) ?? 0) + 1);
  }
  const order = (soalId: number) => inst.itemById[soalId]?.order ?? 0;
  const out: InboxEntryGql[] = [];
  for (const s of subs) {
    const b = { role: Role.COORDINATOR, submissionId: s.id, satkerId: s.satker.id, satkerName: s.satker.name, status: s.status };
    if (s.status === SubmissionStatus.REVISION_REQUESTED) {
      for (const n of [...notes.values()].filter((x) => x.sid === s.id).sort((x, y) => order(x.soalId) - order(y.soalId))) {
        out.push({
          ...b,
          kind: InboxKind.RETURNED_ITEM,
          soalId: n.soalId,
          itemCode: inst.itemById[n.soalId]?.code ?? String(n.soalId),
          level: n.level,
          count: n.open,
          dueAt: null,
          detail: n.last,
          path: lkePath(s.id, n.soalId),
        });
      }
    }
    const m = missing.get(s.id) ?? 0;
    if (m)
      out.push({
        ...b,
        kind: InboxKind.MISSING_EVIDENCE,
        soalId: null,
        itemCode: null,
        level: null,
        count: m,
        dueAt: null,
        detail: null,
        path: `${lkePath(s.id)}?filter=noEvidence`,
      });
    // a revision is due on the deadline of whoever returned it (shared stageInForce)
    const stage = stageInForce(s.status, s.returnedBy ?? null);
    const d = stage ? due(stage, s.satker.id) : null;
    out.push({
      ...b,
      kind: InboxKind.DEADLINE,
      soalId: null,
      itemCode: null,
      level: null,
      count: 1,
      dueAt: d,
      detail: s.status === SubmissionStatus.DRAFT ? 'submit' : 'resubmit',
      path: lkePath(s.id),
    });
  }
  return out;
}
