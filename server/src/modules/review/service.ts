/**
 * Review notes per item (threads), evaluator assignments and the desk evaluation record.
 * Who may write a level's notes is the shared table's level rule (canWriteLevel via the core's assertCanWriteLevel).
 */
import type { EntityManager } from '@mikro-orm/knex';
import { submissionRoute } from '../route/lookup';
import { FINAL_STATUSES, canWriteLevel, mayReplyNotes, type Level, type SubmissionStatus as SharedStatus } from '@pantau/shared';
import { audit } from '../../common/audit';
import { assertCanWriteLevel, isKanwilHeadOf, requireUser } from '../../common/authz';
import DataLoader from 'dataloader';
import { memo, type Ctx } from '../../common/context';
import { AnswerLevel, Role, SubmissionStatus } from '../../common/enums';
import { badInput, forbidden, invalidState, notFound } from '../../common/errors';
import { instrumentOf } from '../instrument/service';
import { notifyAssigned, notifyNote } from '../notification/events';
import { EvaluatorAssignment, type Submission } from '../submission/entities';
import { RoleAssignment, User } from '../user/entities';
import { loadSubmission, rolesForAction } from '../workflow/service';
import { DeskEvaluation, ReviewNote } from './entities';

const FINAL = FINAL_STATUSES as SubmissionStatus[];
const MAX_BODY = 4000;

function cleanBody(body: string): string {
  const b = (body ?? '').trim();
  if (!b) throw badInput('Isi catatan harus diisi');
  if (b.length > MAX_BODY) throw badInput(`Catatan terlalu panjang (maksimal ${MAX_BODY} karakter)`);
  return b;
}

async function loadNote(em: EntityManager, id: number): Promise<ReviewNote> {
  const n = await em.findOne(ReviewNote, id, { populate: ['submission', 'submission.satker', 'submission.period', 'parent'] });
  if (!n) throw notFound('Catatan', id);
  return n;
}

function noteAudit(ctx: Ctx, em: EntityManager, action: string, sub: Submission, n: ReviewNote, extra: Record<string, unknown> = {}) {
  audit(em, ctx, {
    action,
    objectType: 'ReviewNote',
    objectId: n.id,
    kanwilId: sub.satker.kanwil.id,
    satkerId: sub.satker.id,
    after: { submissionId: sub.id, soalId: n.soalId, level: n.level, round: n.round, parentId: n.parent?.id ?? null, resolved: n.resolved, ...extra },
  });
}

/** A reviewer's note on an item at their level (the level must be writable by them now). */
export async function addNote(ctx: Ctx, submissionId: number, soalId: number, level: AnswerLevel, body: string): Promise<ReviewNote> {
  const user = requireUser(ctx);
  const text = cleanBody(body);
  const saved = await ctx.em.transactional(async (em) => {
    const sub = await loadSubmission(em, submissionId);
    await rolesForAction(em, user, sub);
    await assertCanWriteLevel({ ...ctx, em }, sub, level);
    const inst = await instrumentOf(em, sub.period.instrumentVersion.id);
    if (!inst.itemById[soalId]) throw badInput(`Butir LKE (soal_id) ${soalId} tidak ada pada instrumen ini`);
    const n = em.create(ReviewNote, {
      submission: sub,
      soalId,
      level,
      round: sub.round,
      author: em.getReference(User, user.id),
      body: text,
      createdAt: new Date(),
      resolved: false,
    });
    em.persist(n);
    await em.flush();
    noteAudit(ctx, em, 'note.add', sub, n, { body: text });
    await notifyNote(em, ctx, sub, { soalId, itemCode: inst.itemById[soalId].code, body: text, rootAuthorId: null });
    await em.flush();
    return n;
  });
  return reloadNote(ctx, saved);
}

/** A reply in a note's thread: the unit's coordinator answering, or a reviewer following up. */
export async function replyNote(ctx: Ctx, noteId: number, body: string): Promise<ReviewNote> {
  const user = requireUser(ctx);
  const text = cleanBody(body);
  const saved = await ctx.em.transactional(async (em) => {
    const parent = await loadNote(em, noteId);
    const root = parent.parent ?? parent;
    const sub = parent.submission;
    const { roles, assigned } = await rolesForAction(em, user, sub);
    if (!mayReplyNotes(roles, assigned)) throw forbidden('Anda tidak berwenang membalas catatan pada penilaian ini');
    if (FINAL.includes(sub.status)) throw invalidState('Penilaian sudah selesai: catatan tidak dapat dibalas');
    const n = em.create(ReviewNote, {
      submission: sub,
      soalId: root.soalId,
      level: root.level,
      round: sub.round,
      author: em.getReference(User, user.id),
      body: text,
      createdAt: new Date(),
      resolved: false,
      parent: root,
    });
    em.persist(n);
    await em.flush();
    noteAudit(ctx, em, 'note.reply', sub, n, { body: text });
    const inst = await instrumentOf(em, sub.period.instrumentVersion.id);
    await notifyNote(em, ctx, sub, {
      soalId: root.soalId,
      itemCode: inst.itemById[root.soalId]?.code ?? String(root.soalId),
      body: text,
      rootAuthorId: root.author.id,
    });
    await em.flush();
    return n;
  });
  return reloadNote(ctx, saved);
}

/** The reviewer of the note's level closes (or reopens) a thread. */
export async function resolveNote(ctx: Ctx, noteId: number, resolved: boolean): Promise<ReviewNote> {
  const user = requireUser(ctx);
  const saved = await ctx.em.transactional(async (em) => {
    const note = await loadNote(em, noteId);
    if (note.parent) throw badInput('Hanya catatan utama (bukan balasan) yang dapat ditandai selesai');
    const sub = note.submission;
    const { roles, assigned } = await rolesForAction(em, user, sub);
    const route = await submissionRoute(em, sub);
    if (!canWriteLevel(note.level as Level, sub.status as SharedStatus, roles, assigned, route)) {
      const reviewerAtAll = (['DRAFT', 'SUBMITTED', 'ESELON_I_REVIEW', 'IN_DESK_REVIEW', 'REVISION_REQUESTED'] as SharedStatus[]).some((s) =>
        canWriteLevel(note.level as Level, s, roles, assigned, route),
      );
      if (!reviewerAtAll) throw forbidden('Hanya penilai tingkat catatan ini yang dapat menandainya selesai');
      throw invalidState(`Catatan tingkat ${note.level} tidak dapat ditandai selesai saat status penilaian "${sub.status}"`);
    }
    if (note.resolved === resolved) return note;
    note.resolved = resolved;
    note.resolvedBy = resolved ? em.getReference(User, user.id) : null;
    note.resolvedAt = resolved ? new Date() : null;
    noteAudit(ctx, em, resolved ? 'note.resolve' : 'note.reopen', sub, note);
    await em.flush();
    return note;
  });
  return reloadNote(ctx, saved);
}

/** A note as the API returns it: with its author, resolver and submission, read again after the write. */
async function reloadNote(ctx: Ctx, n: ReviewNote): Promise<ReviewNote> {
  return ctx.em.findOneOrFail(ReviewNote, n.id, { populate: ['author', 'resolvedBy', 'submission'], refresh: true });
}

/** Note threads of many submissions in one query (per request), for list and detail views. */
export function notesLoader(ctx: Ctx): DataLoader<number, ReviewNote[]> {
  return memo(
    ctx,
    'loader:reviewNotes',
    () =>
      new DataLoader<number, ReviewNote[]>(async (ids) => {
        const rows = await ctx.em.find(ReviewNote, { submission: { $in: [...ids] } }, { populate: ['author', 'resolvedBy'], orderBy: { id: 'asc' } });
        const by = new Map<number, ReviewNote[]>();
        for (const r of rows) (by.get(r.submission.id) ?? by.set(r.submission.id, []).get(r.submission.id)!).push(r);
        return ids.map((id) => by.get(id) ?? []);
      }),
  );
}

export interface NoteThread {
  note: ReviewNote;
  replies: ReviewNote[];
}

/** Note threads of a submission (optionally one item / open only), in two constant queries. */
export async function listNotes(ctx: Ctx, submissionId: number, opts: { soalId?: number | null; openOnly?: boolean | null } = {}): Promise<NoteThread[]> {
  const user = requireUser(ctx);
  const sub = await loadSubmission(ctx.em, submissionId);
  await rolesForAction(ctx.em, user, sub);
  const where: Record<string, unknown> = { submission: submissionId };
  if (opts.soalId != null) where.soalId = opts.soalId;
  const rows = await ctx.em.find(ReviewNote, where, { populate: ['author', 'resolvedBy'], orderBy: { id: 'asc' } });
  const threads = new Map<number, NoteThread>();
  for (const r of rows) if (!r.parent) threads.set(r.id, { note: r, replies: [] });
  for (const r of rows) if (r.parent) threads.get(r.parent.id)?.replies.push(r);
  return [...threads.values()].filter((t) => !opts.openOnly || !t.note.resolved);
}

export interface ReturnedItem {
  soalId: number;
  code: string;
  level: AnswerLevel;
  openNotes: number;
  lastNote: string;
}

/** The items a return asks the unit to fix: items with open (unresolved) reviewer notes. */
export async function returnedItems(ctx: Ctx, submissionId: number): Promise<ReturnedItem[]> {
  const threads = await listNotes(ctx, submissionId, { openOnly: true });
  const sub = await loadSubmission(ctx.em, submissionId);
  const inst = await instrumentOf(ctx.em, sub.period.instrumentVersion.id);
  const byKey = new Map<string, ReturnedItem>();
  for (const t of threads) {
    if (t.note.level === AnswerLevel.SELF) continue;
    const k = `${t.note.soalId}:${t.note.level}`;
    const cur = byKey.get(k);
    if (cur) {
      cur.openNotes++;
      cur.lastNote = t.note.body;
    } else
      byKey.set(k, {
        soalId: t.note.soalId,
        code: inst.itemById[t.note.soalId]?.code ?? String(t.note.soalId),
        level: t.note.level,
        openNotes: 1,
        lastNote: t.note.body,
      });
  }
  return [...byKey.values()].sort((a, b) => (inst.itemById[a.soalId]?.order ?? 0) - (inst.itemById[b.soalId]?.order ?? 0));
}

// ---- evaluator assignments ----

/** Assigning or unassigning evaluators now: the unit's Kanwil head (or admin), while the submission is not final. */
export function mayAssignEvaluators(user: Ctx['user'], sub: Submission): boolean {
  return isKanwilHeadOf(user, sub.satker.kanwil.id) && !FINAL.includes(sub.status);
}

async function assertCanAssign(ctx: Ctx, em: EntityManager, submissionId: number): Promise<Submission> {
  const user = requireUser(ctx);
  const sub = await loadSubmission(em, submissionId);
  if (!mayAssignEvaluators(user, sub)) {
    if (!isKanwilHeadOf(user, sub.satker.kanwil.id)) throw forbidden('Hanya admin atau Kepala Kanwil unit ini yang dapat menugaskan evaluator');
    throw invalidState('Penilaian sudah selesai: penugasan evaluator tidak dapat diubah');
  }
  return sub;
}

export async function assignEvaluator(ctx: Ctx, submissionId: number, userId: number): Promise<EvaluatorAssignment> {
  return ctx.em.transactional(async (em) => {
    const sub = await assertCanAssign(ctx, em, submissionId);
    const evaluator = await em.findOne(User, userId);
    if (!evaluator || !evaluator.active) throw notFound('Pengguna', userId);
    if (!(await em.count(RoleAssignment, { user: userId, role: Role.EVALUATOR }))) throw badInput(`${evaluator.displayName} tidak memiliki peran EVALUATOR`);
    const existing = await em.findOne(EvaluatorAssignment, { submission: sub.id, user: userId }, { populate: ['user'] });
    if (existing) return existing;
    const a = em.create(EvaluatorAssignment, { submission: sub, user: evaluator, createdAt: new Date() });
    em.persist(a);
    await em.flush();
    audit(em, ctx, {
      action: 'evaluator.assign',
      objectType: 'Submission',
      objectId: sub.id,
      kanwilId: sub.satker.kanwil.id,
      satkerId: sub.satker.id,
      after: { evaluatorId: userId, username: evaluator.username },
    });
    await notifyAssigned(em, ctx, sub, userId);
    await em.flush();
    return a;
  });
}

export async function unassignEvaluator(ctx: Ctx, submissionId: number, userId: number): Promise<boolean> {
  return ctx.em.transactional(async (em) => {
    const sub = await assertCanAssign(ctx, em, submissionId);
    const existing = await em.findOne(EvaluatorAssignment, { submission: sub.id, user: userId }, { populate: ['user'] });
    if (!existing) return false;
    em.remove(existing);
    audit(em, ctx, {
      action: 'evaluator.unassign',
      objectType: 'Submission',
      objectId: sub.id,
      kanwilId: sub.satker.kanwil.id,
      satkerId: sub.satker.id,
      before: { evaluatorId: userId, username: existing.user.username },
    });
    await em.flush();
    return true;
  });
}

export async function listEvaluators(ctx: Ctx, submissionId: number): Promise<User[]> {
  const user = requireUser(ctx);
  const sub = await loadSubmission(ctx.em, submissionId);
  await rolesForAction(ctx.em, user, sub);
  const rows = await ctx.em.find(EvaluatorAssignment, { submission: submissionId }, { populate: ['user'], orderBy: { id: 'asc' } });
  return rows.map((r) => r.user);
}

/**
 * Users who may be assigned as evaluator of a submission: active users holding the EVALUATOR role. Listed only for
 * those who may assign (admin, Kanwil head of the submission's Kanwil) — the `users` query stays admin-only.
 */
export async function evaluatorCandidates(ctx: Ctx, submissionId: number): Promise<User[]> {
  const user = requireUser(ctx);
  const sub = await loadSubmission(ctx.em, submissionId);
  if (!isKanwilHeadOf(user, sub.satker.kanwil.id)) throw forbidden('Hanya admin atau Kepala Kanwil unit ini yang dapat melihat calon evaluator');
  return ctx.em.find(User, { active: true, roles: { role: Role.EVALUATOR } } as never, { orderBy: { displayName: 'asc', id: 'asc' } });
}

export async function latestDeskEvaluation(ctx: Ctx, submissionId: number): Promise<DeskEvaluation | null> {
  const user = requireUser(ctx);
  const sub = await loadSubmission(ctx.em, submissionId);
  await rolesForAction(ctx.em, user, sub);
  return ctx.em.findOne(DeskEvaluation, { submission: submissionId }, { populate: ['finalisedBy'], orderBy: { id: 'desc' } });
}
