/**
 * Notifications: written in the same transaction as the event they tell of (hand-offs, returns, notes and replies,
 * assignments), or by the scheduler (deadline reminders, units below a minimum) with a dedup key. E-mail follows
 * through the outbox (emailState PENDING) when SMTP is configured and the user wants e-mail.
 */
import type { EntityManager } from '@mikro-orm/sqlite';
import type { Ctx } from '../../common/context';
import { requireUser } from '../../common/authz';
import { Role } from '../../common/enums';
import { Kanwil } from '../org/entities';
import { EvaluatorAssignment, type Submission } from '../submission/entities';
import { RoleAssignment, User } from '../user/entities';
import { EmailState, Notification, NotificationPreference } from './entities';
import { langOf, renderMessage, type MessageParams } from './messages';

/** Evaluators: the TPI evaluators assigned to the submission; Eselon I reviewers and the TPM: those scoped to its Kanwil's Eselon I unit / instansi. */
export type Audience = 'coordinators' | 'kanwilHeads' | 'evaluators' | 'eselonReviewers' | 'tpmEvaluators';

/** Is e-mail configured at all (PANTAU_SMTP_URL)? Set by the app at start. */
export interface NotifyOptions {
  emailEnabled: boolean;
}

/** Active users of the submission's unit/Kanwil holding the audiences' roles (two statements, three with a reviewer team). */
export async function recipientsOf(em: EntityManager, sub: Submission, audiences: Audience[]): Promise<number[]> {
  const ids = new Set<number>();
  const or: Record<string, unknown>[] = [];
  const kanwilId = sub.satker.kanwil.id;
  if (audiences.includes('coordinators')) or.push({ role: Role.COORDINATOR, satker: sub.satker.id });
  if (audiences.includes('kanwilHeads')) or.push({ role: Role.KANWIL_HEAD, kanwil: kanwilId });
  if (audiences.includes('eselonReviewers') || audiences.includes('tpmEvaluators')) {
    const k = await em.findOneOrFail(Kanwil, kanwilId, { fields: ['instansi', 'eselon'] });
    if (audiences.includes('eselonReviewers'))
      or.push({ role: Role.ESELON_REVIEWER, $or: [{ kanwil: kanwilId }, ...(k.eselon ? [{ eselon: k.eselon.id, kanwil: null }] : [])] });
    if (audiences.includes('tpmEvaluators')) or.push({ role: Role.TPM_EVALUATOR, $or: [{ kanwil: kanwilId }, { instansi: k.instansi.id, kanwil: null }] });
  }
  if (or.length) for (const r of await em.find(RoleAssignment, { $or: or, user: { active: true } } as never)) ids.add(r.user.id);
  if (audiences.includes('evaluators'))
    for (const a of await em.find(EvaluatorAssignment, { submission: sub.id, user: { active: true } } as never)) ids.add(a.user.id);
  return [...ids];
}

export interface NotifyInput {
  userIds: number[];
  /** Left out (the actor does not notify themselves). */
  exceptUserId?: number | null;
  message: MessageParams;
  path: string;
  submission?: Submission | null;
  dedupKey?: string | null;
  /** Reminders and warnings respect the user's "reminders" choice. */
  reminder?: boolean;
}

/** Rows for many notifications, rendered in each recipient's language, e-mail state from their preference (two statements). */
export async function buildNotifications(em: EntityManager, opts: NotifyOptions, list: NotifyInput[], now = new Date()): Promise<Record<string, unknown>[]> {
  const all = [...new Set(list.flatMap((n) => n.userIds))];
  if (!all.length) return [];
  const [users, prefs] = await Promise.all([
    em.find(User, { id: { $in: all }, active: true }, { fields: ['id', 'locale', 'email'] }),
    em.find(NotificationPreference, { user: { $in: all } }),
  ]);
  const userOf = new Map(users.map((u) => [u.id, u]));
  const prefOf = new Map(prefs.map((p) => [p.user.id, p]));
  const rows: Record<string, unknown>[] = [];
  for (const n of list) {
    for (const id of new Set(n.userIds)) {
      const u = userOf.get(id);
      if (!u || id === n.exceptUserId) continue;
      const pref = prefOf.get(id);
      if (n.reminder && pref && !pref.reminders) continue;
      const { title, body } = renderMessage(n.message, langOf(u.locale));
      const wantsEmail = opts.emailEnabled && !!u.email && (pref?.email ?? true);
      rows.push({
        user: id,
        kind: n.message.kind,
        title,
        body,
        path: n.path,
        submission: n.submission?.id ?? null,
        dedupKey: n.dedupKey ?? null,
        createdAt: now,
        readAt: null,
        emailState: wantsEmail ? EmailState.PENDING : EmailState.NONE,
        emailAttempts: 0,
      });
    }
  }
  return rows;
}

/** Event notifications, in the caller's transaction. */
export async function notify(em: EntityManager, opts: NotifyOptions, n: NotifyInput): Promise<void> {
  for (const r of await buildNotifications(em, opts, [n])) em.create(Notification, r as never);
}

/**
 * Inserts rows once per (user, dedupKey): the unique key makes a repeated or concurrent insert of the same key (a
 * restart, another server process) a no-op. Plain knex so that the statement is portable (SQLite, PostgreSQL).
 */
export async function insertOnce(em: EntityManager, rows: Record<string, unknown>[]): Promise<void> {
  const mapped = rows.map((r) => ({
    user_id: r.user,
    kind: r.kind,
    title: r.title,
    body: r.body,
    path: r.path,
    submission_id: r.submission ?? null,
    dedup_key: r.dedupKey,
    created_at: r.createdAt,
    read_at: null,
    email_state: r.emailState,
    email_attempts: 0,
  }));
  for (let i = 0; i < mapped.length; i += 200) {
    await em
      .getKnex()('notification')
      .insert(mapped.slice(i, i + 200))
      .onConflict(['user_id', 'dedup_key'])
      .ignore();
  }
}

// ---- the signed-in user's notifications ----

export async function myNotifications(ctx: Ctx, opts: { unreadOnly?: boolean | null; limit?: number | null } = {}): Promise<Notification[]> {
  const user = requireUser(ctx);
  const where: Record<string, unknown> = { user: user.id };
  if (opts.unreadOnly) where.readAt = null;
  return ctx.em.find(Notification, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: Math.min(Math.max(opts.limit ?? 30, 1), 100) });
}

export async function unreadCount(ctx: Ctx): Promise<number> {
  const user = requireUser(ctx);
  return ctx.em.count(Notification, { user: user.id, readAt: null });
}

/** Marks the user's own notifications read (ids given) or all of them; another user's ids are left alone. */
export async function markRead(ctx: Ctx, ids: number[] | null): Promise<number> {
  const user = requireUser(ctx);
  const where: Record<string, unknown> = { user: user.id, readAt: null };
  if (ids) where.id = { $in: ids.slice(0, 500) };
  return ctx.em.nativeUpdate(Notification, where, { readAt: new Date() });
}

export async function preferenceOf(ctx: Ctx): Promise<{ email: boolean; reminders: boolean; hasEmailAddress: boolean; emailEnabled: boolean }> {
  const user = requireUser(ctx);
  const [pref, u] = await Promise.all([ctx.em.findOne(NotificationPreference, { user: user.id }), ctx.em.findOne(User, user.id, { fields: ['id', 'email'] })]);
  return { email: pref?.email ?? true, reminders: pref?.reminders ?? true, hasEmailAddress: !!u?.email, emailEnabled: !!ctx.config.smtpUrl };
}

export async function setPreference(ctx: Ctx, input: { email?: boolean | null; reminders?: boolean | null }) {
  const user = requireUser(ctx);
  const pref =
    (await ctx.em.findOne(NotificationPreference, { user: user.id })) ??
    ctx.em.create(NotificationPreference, { user: ctx.em.getReference(User, user.id), email: true, reminders: true, updatedAt: new Date() });
  if (input.email != null) pref.email = input.email;
  if (input.reminders != null) pref.reminders = input.reminders;
  pref.updatedAt = new Date();
  await ctx.em.flush();
  return preferenceOf(ctx);
}
