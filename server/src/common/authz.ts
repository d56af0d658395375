/**
 * Authorisation, in one place. Services call these; resolvers never decide access themselves.
 *  - ADMIN: everything.
 *  - KANWIL_HEAD / VIEWER with a kanwil: every satker of that Kanwil.
 *  - COORDINATOR / VIEWER with a satker: that satker.
 *  - EVALUATOR: only the submissions assigned to them (and their satkers, read-only).
 * A user may hold several assignments; the scope is their union.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { Ctx, AuthUser } from './context';
import { memo } from './context';
import { AnswerLevel, Role } from './enums';
import { forbidden, invalidState, unauthenticated } from './errors';
import { DEFAULT_ROUTE, canWriteLevel, levelWriteStage, levelWritersDependOnRoute, levelWritersOn } from '@pantau/shared';
import type { EntityManager } from '@mikro-orm/knex';
import type { Role as SharedRole } from '@pantau/shared';
import { EvaluatorAssignment, type Submission } from '../modules/submission/entities';
import { Satker } from '../modules/org/entities';
import type { Period } from '../modules/period/entities';
import { assertStageOpen } from '../modules/period/deadlines';
import { submissionRoute } from '../modules/route/lookup';

export interface Scope {
  all: boolean;
  /** Kanwil whose every satker is readable. */
  kanwilIds: Set<number>;
  /** Satker readable on their own. */
  satkerIds: Set<number>;
  /** Submissions assigned to the user as EVALUATOR. */
  assignedSubmissionIds: Set<number>;
  /** Satkers of those submissions. */
  assignedSatkerIds: Set<number>;
}

export function requireUser(ctx: Pick<Ctx, 'user'>): AuthUser {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}

export function hasRole(user: AuthUser | null, role: Role, where: { kanwilId?: number | null; satkerId?: number | null } = {}): boolean {
  if (!user) return false;
  return user.roles.some(
    (r) =>
      r.role === role && (where.kanwilId === undefined || r.kanwilId === where.kanwilId) && (where.satkerId === undefined || r.satkerId === where.satkerId),
  );
}

export const isAdmin = (user: AuthUser | null) => hasRole(user, Role.ADMIN);

/** The Kanwil (ids) in which the user holds one of these roles. */
export function kanwilIdsWithRole(user: AuthUser | null, roles: readonly Role[]): number[] {
  if (!user) return [];
  return [...new Set(user.roles.filter((r) => roles.includes(r.role) && r.kanwilId != null).map((r) => r.kanwilId!))];
}

/**
 * Roles that see a whole Kanwil (with a kanwil on the assignment): the Kanwil head and viewer, and the reviewers of
 * the later steps of a route — the Eselon I reviewer (granted on an Eselon I unit) and the instansi's TPM (granted
 * on an instansi), whose grants modules/org/scope.ts expands into one per Kanwil under it.
 */
const KANWIL_VIEW_ROLES = [Role.KANWIL_HEAD, Role.VIEWER, Role.ESELON_REVIEWER, Role.TPM_EVALUATOR] as const;

/** The Kanwil the user sees as a whole, as Kanwil head or as a viewer scoped to it (admins: see `canViewKanwil`). */
export const viewedKanwilIds = (user: AuthUser | null): number[] => kanwilIdsWithRole(user, KANWIL_VIEW_ROLES);

/** THE Kanwil-view check: admin, the Kanwil's head, or a viewer scoped to that Kanwil. */
export function canViewKanwil(user: AuthUser | null, kanwilId: number): boolean {
  return isAdmin(user) || viewedKanwilIds(user).includes(kanwilId);
}

/** FORBIDDEN unless the user may see the whole Kanwil (`canViewKanwil`). */
export function requireKanwilView(
  ctx: Pick<Ctx, 'user'>,
  kanwilId: number,
  message = 'Hanya admin, Kepala Kanwil dan pengamat Kanwil tersebut yang dapat melihat ini',
): AuthUser {
  const u = requireUser(ctx);
  if (!canViewKanwil(u, kanwilId)) throw forbidden(message);
  return u;
}

/** THE admin check: FORBIDDEN unless the user is an admin. */
export function requireAdmin(ctx: Pick<Ctx, 'user'>, message = 'Hanya admin yang dapat melakukan tindakan ini'): AuthUser {
  const u = requireUser(ctx);
  if (!isAdmin(u)) throw forbidden(message);
  return u;
}

/** FORBIDDEN unless the user is an admin or the head of that Kanwil. */
export function requireKanwilHead(
  ctx: Pick<Ctx, 'user'>,
  kanwilId: number,
  message = 'Hanya admin atau Kepala Kanwil tersebut yang dapat melakukan tindakan ini',
): AuthUser {
  const u = requireUser(ctx);
  if (!isKanwilHeadOf(u, kanwilId)) throw forbidden(message);
  return u;
}

/** The user's read scope (computed once per request; one query for evaluator assignments). */
export function readScope(ctx: Ctx): Promise<Scope> {
  const user = requireUser(ctx);
  return memo(ctx, 'authz:scope', async () => {
    const scope: Scope = {
      all: false,
      kanwilIds: new Set(),
      satkerIds: new Set(),
      assignedSubmissionIds: new Set(),
      assignedSatkerIds: new Set(),
    };
    scope.all = isAdmin(user);
    for (const id of viewedKanwilIds(user)) scope.kanwilIds.add(id);
    for (const r of user.roles) {
      if ((r.role === Role.KANWIL_HEAD || r.role === Role.VIEWER || r.role === Role.COORDINATOR) && r.satkerId != null) scope.satkerIds.add(r.satkerId);
    }
    if (!scope.all && user.roles.some((r) => r.role === Role.EVALUATOR)) {
      const rows = await ctx.em.find(EvaluatorAssignment, { user: user.id }, { populate: ['submission'] });
      for (const a of rows) {
        scope.assignedSubmissionIds.add(a.submission.id);
        scope.assignedSatkerIds.add(a.submission.satker.id);
      }
    }
    return scope;
  });
}

export function canReadSatker(scope: Scope, satker: { id: number; kanwilId: number }): boolean {
  return scope.all || scope.kanwilIds.has(satker.kanwilId) || scope.satkerIds.has(satker.id) || scope.assignedSatkerIds.has(satker.id);
}

export function canReadSubmission(scope: Scope, sub: { id: number; satkerId: number; kanwilId: number }): boolean {
  return scope.all || scope.kanwilIds.has(sub.kanwilId) || scope.satkerIds.has(sub.satkerId) || scope.assignedSubmissionIds.has(sub.id);
}

export function submissionRef(s: Submission) {
  return { id: s.id, satkerId: s.satker.id, kanwilId: s.satker.kanwil.id };
}

export function satkerRef(s: Satker) {
  return { id: s.id, kanwilId: s.kanwil.id };
}

export async function assertCanReadSubmission(ctx: Ctx, s: Submission): Promise<void> {
  const scope = await readScope(ctx);
  if (!canReadSubmission(scope, submissionRef(s))) throw forbidden('Anda tidak berwenang melihat penilaian unit ini');
}

export async function assertCanReadSatker(ctx: Ctx, s: Satker): Promise<void> {
  const scope = await readScope(ctx);
  if (!canReadSatker(scope, satkerRef(s))) throw forbidden('Anda tidak berwenang melihat unit ini');
}

/** MikroORM filter restricting satkers to the scope (`null` = no restriction). */
export function satkerFilter(scope: Scope): FilterQuery<Satker> | null {
  if (scope.all) return null;
  return {
    $or: [{ kanwil: { $in: [...scope.kanwilIds] } }, { id: { $in: [...scope.satkerIds, ...scope.assignedSatkerIds] } }],
  } as FilterQuery<Satker>;
}

/** MikroORM filter restricting submissions to the scope (`null` = no restriction). */
export function submissionFilter(scope: Scope): FilterQuery<Submission> | null {
  if (scope.all) return null;
  return {
    $or: [{ satker: { kanwil: { $in: [...scope.kanwilIds] } } }, { satker: { $in: [...scope.satkerIds] } }, { id: { $in: [...scope.assignedSubmissionIds] } }],
  } as FilterQuery<Submission>;
}

/**
 * Kanwil whose periods the user may see: those read as a whole plus the Kanwil of every unit the user can read
 * (a coordinator's or an evaluator's unit). One query, memoised per request.
 */
export function periodKanwilIds(ctx: Ctx): Promise<Set<number> | null> {
  return memo(ctx, 'authz:periodKanwils', async () => {
    const scope = await readScope(ctx);
    if (scope.all) return null;
    const ids = new Set(scope.kanwilIds);
    const units = [...scope.satkerIds, ...scope.assignedSatkerIds];
    if (units.length) for (const s of await ctx.em.find(Satker, { id: { $in: units } }, { fields: ['id', 'kanwil'] })) ids.add(s.kanwil.id);
    return ids;
  });
}

/** MikroORM filter on periods: global periods and those of the Kanwil the user works with (`null` = all). */
export async function periodFilter(ctx: Ctx): Promise<FilterQuery<Period> | null> {
  const ids = await periodKanwilIds(ctx);
  if (!ids) return null;
  return { $or: [{ kanwil: null }, { kanwil: { $in: [...ids] } }] } as FilterQuery<Period>;
}

export async function assertCanReadPeriod(ctx: Ctx, p: Period): Promise<void> {
  const ids = await periodKanwilIds(ctx);
  if (ids && p.kanwil && !ids.has(p.kanwil.id)) throw forbidden('Anda tidak berwenang melihat periode ini');
}

/** Kanwil-level powers (Kanwil head of that Kanwil, or admin). */
export function isKanwilHeadOf(user: AuthUser | null, kanwilId: number): boolean {
  return isAdmin(user) || hasRole(user, Role.KANWIL_HEAD, { kanwilId });
}

// ---------------------------------------------------------------------------------------------------------
// Who may write which answer level in which status: THE single place for this rule, driven by the shared
// workflow table (shared/src/workflow.ts: LEVEL_WRITERS, canWriteLevel, levelWriteStage); stage deadlines with admin
// extensions come from modules/period/deadlines.ts (assertStageOpen).
// ---------------------------------------------------------------------------------------------------------

const LEVEL_TEXT: Record<AnswerLevel, string> = {
  SELF: 'penilaian mandiri (SELF)',
  KANWIL: 'penilaian Kanwil',
  ESELON_I: 'penilaian Eselon I',
  TPI: 'penilaian TPI',
  TPM: 'penilaian TPM',
  TPN: 'penilaian TPN',
};

const ROLE_TEXT: Record<Role, string> = {
  ADMIN: 'admin',
  KANWIL_HEAD: 'tim Kanwil',
  COORDINATOR: 'koordinator ZI unit tersebut',
  EVALUATOR: 'evaluator TPI yang ditugaskan',
  VIEWER: 'pengamat',
  ESELON_REVIEWER: 'penilai Eselon I',
  TPM_EVALUATOR: 'Tim Penilai Mandiri (TPM) instansi',
};

/** The user's roles that apply to this submission (scoped roles only count for their own Kanwil/satker). */
export function rolesOnSubmission(user: AuthUser, sub: { satkerId: number; kanwilId: number }): Role[] {
  const out = new Set<Role>();
  for (const r of user.roles) {
    if (r.role === Role.ADMIN || r.role === Role.EVALUATOR) out.add(r.role);
    else if ((r.role === Role.KANWIL_HEAD || r.role === Role.ESELON_REVIEWER || r.role === Role.TPM_EVALUATOR) && r.kanwilId === sub.kanwilId) out.add(r.role);
    else if (r.role === Role.COORDINATOR && r.satkerId === sub.satkerId) out.add(r.role);
    else if (r.role === Role.VIEWER && (r.kanwilId === sub.kanwilId || r.satkerId === sub.satkerId)) out.add(r.role);
  }
  return [...out];
}

/** The roles of the shared table a user holds on one submission (none when signed out). */
export function rolesOn(user: AuthUser | null, sub: { satkerId: number; kanwilId: number }): SharedRole[] {
  return user ? (rolesOnSubmission(user, sub) as SharedRole[]) : [];
}

export async function isAssignedEvaluator(em: EntityManager, userId: number, submissionId: number): Promise<boolean> {
  return (await em.count(EvaluatorAssignment, { user: userId, submission: submissionId })) > 0;
}

/**
 * THE level-write check (answers, notes, evidence, PortalRB imports and the unit's pencanangan date, which is SELF data).
 * Throws FORBIDDEN (wrong role / out of scope), INVALID_STATE (level closed in this status) or DEADLINE_PASSED.
 * `sub` must have satker and period loaded; inside a transaction pass `{ ...ctx, em }` (the transaction's manager).
 * `what` names the data in the messages (default: the level's answers).
 */
export async function assertCanWriteLevel(ctx: Ctx, sub: Submission, level: AnswerLevel, opts: { now?: Date; what?: string } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const what = opts.what ?? `Jawaban ${LEVEL_TEXT[level]}`;
  const user = requireUser(ctx);
  const scope = await readScope(ctx);
  const ref = submissionRef(sub);
  if (!canReadSubmission(scope, ref)) throw forbidden('Anda tidak berwenang mengubah penilaian unit ini');
  const roles = rolesOnSubmission(user, ref);
  const assigned = scope.assignedSubmissionIds.has(sub.id);
  // SELF, KANWIL and TPN are written the same on every route: no lookup on the unit's save path
  const route = levelWritersDependOnRoute(level) ? await submissionRoute(ctx.em, sub) : DEFAULT_ROUTE;
  const writers = levelWritersOn(route).filter((w) => w.level === level);
  if (!writers.length) throw invalidState(`${what} tidak dipakai pada alur penilaian unit ini`, { level });
  const roleOk = writers.some((w) => w.roles.some((r) => roles.includes(r as Role)) && (!w.assignedOnly || assigned));
  if (!roleOk) {
    const who = [...new Set(writers.flatMap((w) => w.roles.map((r) => ROLE_TEXT[r as Role])))].join(' atau ');
    throw forbidden(`${what} hanya dapat diisi oleh ${who}`);
  }
  if (!canWriteLevel(level, sub.status, roles, assigned, route)) {
    throw invalidState(`${what} tidak dapat diubah saat status penilaian ${sub.status}`, {
      status: sub.status,
      allowedStatuses: [...new Set(writers.flatMap((w) => w.statuses))],
    });
  }
  const stage = levelWriteStage(level, sub.status, sub.returnedBy ?? null);
  // The stage deadline, pushed later by any admin extension (modules/period/deadlines.ts).
  if (stage) await assertStageOpen(ctx.em, sub, stage, now);
}
