/**
 * The notification scheduler: deadline reminders (7, 3 and 1 days before each stage deadline in force), warnings
 * when a submitted unit is below a minimum of its target, and the e-mail outbox. Everything it knows lives in the
 * database, so it survives restarts, and it is safe to run in several server processes at once:
 *  - reminders and warnings are inserted with a dedup key unique per user (a second insert is ignored);
 *  - an e-mail is sent by the process whose conditional update claimed it (PENDING → SENDING), then marked SENT.
 *    A claim older than EMAIL_CLAIM_STALE_MS (a process died mid-send) is taken over by another process.
 */
import type { Orm } from '../../db/orm';
import type { EntityManager } from '@mikro-orm/sqlite';
import type { Stage } from '@pantau/shared';
import type { AppConfig } from '../../config';
import type { Ctx } from '../../common/context';
import { Role, SubmissionStatus } from '../../common/enums';
import { kanwilComparison } from '../comparison/service';
import { DeadlineExtension, Period } from '../period/entities';
import { deadlineInForce, stageInForce, type DeadlineExtensionLike as ExtensionLike } from '@pantau/shared';
import { EvaluatorAssignment, Submission } from '../submission/entities';
import { RoleAssignment, User } from '../user/entities';
import { EmailState, Notification } from './entities';
import { createMailer, type Mailer } from './mailer';
import { NotificationKind } from './messages';
import { buildNotifications, insertOnce, type Audience, type NotifyInput } from './service';

const DAY = 24 * 3600 * 1000;
export const REMINDER_DAYS = [1, 3, 7] as const;
export const EMAIL_CLAIM_STALE_MS = 10 * 60 * 1000;
export const EMAIL_MAX_ATTEMPTS = 5;

/** Whose step a status is (the stage deadline that closes it is the shared stageInForce). */
const STEP: Partial<Record<SubmissionStatus, { stage: Stage; audience: Audience }>> = {
  [SubmissionStatus.DRAFT]: { stage: 'selfAssessment', audience: 'coordinators' },
  [SubmissionStatus.REVISION_REQUESTED]: { stage: 'selfAssessment', audience: 'coordinators' },
  [SubmissionStatus.SUBMITTED]: { stage: 'kanwilReview', audience: 'kanwilHeads' },
  [SubmissionStatus.KANWIL_REVIEWED]: { stage: 'deskEvaluation', audience: 'evaluators' },
  [SubmissionStatus.IN_DESK_REVIEW]: { stage: 'deskEvaluation', audience: 'evaluators' },
  [SubmissionStatus.DESK_EVALUATED]: { stage: 'nomination', audience: 'kanwilHeads' },
};
/** Statuses whose scores the below-minimum warning watches (the unit's own draft is its business). */
const WATCHED = [
  SubmissionStatus.SUBMITTED,
  SubmissionStatus.KANWIL_REVIEWED,
  SubmissionStatus.IN_DESK_REVIEW,
  SubmissionStatus.REVISION_REQUESTED,
  SubmissionStatus.DESK_EVALUATED,
];

export interface TickResult {
  reminders: number;
  warnings: number;
  emailsSent: number;
  emailsFailed: number;
}

/** The reminder a remaining time calls for: the smallest of 1/3/7 days it is within (none past the deadline). */
export function reminderDays(deadline: Date, now: Date): number | null {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return null;
  for (const d of REMINDER_DAYS) if (left <= d * DAY) return d;
  return null;
}

export class NotificationScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly mailer: Mailer | null;

  constructor(
    private readonly orm: Orm,
    private readonly config: AppConfig,
    private readonly log: (e: unknown) => void = () => {},
  ) {
    this.mailer = createMailer(config);
  }

  start(): void {
    if (this.timer || this.config.schedulerIntervalSeconds <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.config.schedulerIntervalSeconds * 1000);
    this.timer.unref();
  }

  /** One run unless one is in progress in this process. */
  runOnce(now = new Date()): Promise<TickResult | null> {
    if (this.running) return this.running as Promise<TickResult | null>;
    const p = this.tick(now)
      .catch((e) => {
        this.log(e);
        return null;
      })
      .finally(() => {
        this.running = null;
      });
    this.running = p;
    return p;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    this.mailer?.close();
  }

  async tick(now = new Date()): Promise<TickResult> {
    const em = this.orm.em.fork() as EntityManager;
    const reminders = await this.reminders(em, now);
    const warnings = await this.belowMinimum(this.orm.em.fork() as EntityManager, now);
    const mail = await this.sendEmails(this.orm.em.fork() as EntityManager, now);
    return { reminders, warnings, ...mail };
  }

  private opts() {
    return { emailEnabled: !!this.mailer };
  }

  /** Recipients by audience for many submissions at once (two statements). */
  private async audiences(em: EntityManager, subs: Submission[]) {
    const satkerIds = [...new Set(subs.map((s) => s.satker.id))];
    const kanwilIds = [...new Set(subs.map((s) => s.satker.kanwil.id))];
    const [grants, assigned] = await Promise.all([
      em.find(RoleAssignment, {
        user: { active: true },
        $or: [
          { role: Role.COORDINATOR, satker: { $in: satkerIds } },
          { role: Role.KANWIL_HEAD, kanwil: { $in: kanwilIds } },
        ],
      } as never),
      em.find(EvaluatorAssignment, { submission: { $in: subs.map((s) => s.id) }, user: { active: true } } as never),
    ]);
    return (s: Submission, a: Audience[]): number[] => {
      const ids = new Set<number>();
      for (const g of grants) {
        if (a.includes('coordinators') && g.role === Role.COORDINATOR && g.satker?.id === s.satker.id) ids.add(g.user.id);
        if (a.includes('kanwilHeads') && g.role === Role.KANWIL_HEAD && g.kanwil?.id === s.satker.kanwil.id) ids.add(g.user.id);
      }
      if (a.includes('evaluators')) for (const x of assigned) if (x.submission.id === s.id) ids.add(x.user.id);
      return [...ids];
    };
  }

  private async openSubmissions(em: EntityManager, statuses: SubmissionStatus[]) {
    return em.find(Submission, { status: { $in: statuses } }, { populate: ['satker', 'period'] });
  }

  async reminders(em: EntityManager, now: Date): Promise<number> {
    const subs = await this.openSubmissions(em, Object.keys(STEP) as SubmissionStatus[]);
    if (!subs.length) return 0;
    const extensions = new Map<number, ExtensionLike[]>();
    for (const e of await em.find(DeadlineExtension, { period: { $in: [...new Set(subs.map((s) => s.period.id))] } })) {
      const l = extensions.get(e.period.id) ?? [];
      l.push({ stage: e.stage, satkerId: e.satker?.id ?? null, deadline: e.deadline });
      extensions.set(e.period.id, l);
    }
    const due = subs.flatMap((s) => {
      // a revision is due on the deadline of whoever returned it (shared stageInForce)
      const step = { ...STEP[s.status]!, stage: stageInForce(s.status, s.returnedBy ?? null) ?? STEP[s.status]!.stage };
      const deadline = deadlineInForce(s.period as Period, step.stage, s.satker.id, extensions.get(s.period.id) ?? []);
      const days = deadline ? reminderDays(deadline, now) : null;
      return deadline && days ? [{ s, step, deadline, days }] : [];
    });
    if (!due.length) return 0;
    const who = await this.audiences(
      em,
      due.map((d) => d.s),
    );
    const inputs: NotifyInput[] = [];
    for (const { s, step, deadline, days } of due) {
      const path =
        step.stage === 'selfAssessment' || step.stage === 'deskEvaluation' || step.stage === 'kanwilReview'
          ? `/submissions/${s.id}/lke`
          : `/submissions/${s.id}`;
      inputs.push({
        userIds: who(s, [step.audience]),
        message: { kind: NotificationKind.DEADLINE_REMINDER, unit: s.satker.name, stage: step.stage, days, date: deadline.toISOString().slice(0, 10) },
        path,
        submission: s,
        // the deadline is part of the key: an extension brings new reminders
        dedupKey: `reminder:${s.id}:${step.stage}:${deadline.toISOString()}:${days}`,
        reminder: true,
      });
    }
    const rows = await buildNotifications(em, this.opts(), inputs, now);
    await insertOnce(em, rows);
    return rows.length;
  }

  /** Units whose basis score fails a minimum of their target: the Kanwil head and the unit, once per set of failures. */
  async belowMinimum(em: EntityManager, now: Date): Promise<number> {
    const subs = await this.openSubmissions(em, WATCHED);
    if (!subs.length) return 0;
    const ctx = systemCtx(em, this.config);
    const who = await this.audiences(em, subs);
    const subById = new Map(subs.map((s) => [s.id, s]));
    const scopes = new Map<string, { periodId: number; kanwilId: number }>();
    for (const s of subs) scopes.set(`${s.period.id}:${s.satker.kanwil.id}`, { periodId: s.period.id, kanwilId: s.satker.kanwil.id });
    const inputs: NotifyInput[] = [];
    for (const { periodId, kanwilId } of scopes.values()) {
      const cmp = await kanwilComparison(ctx, periodId, kanwilId);
      for (const r of cmp.rows) {
        const s = r.submissionId != null ? subById.get(r.submissionId) : undefined;
        const failures = (r.eligibility?.failures ?? []).filter((f) => !f.awaitingSurvey);
        if (!s || !r.eligibility || !failures.length) continue;
        const key = `below:${s.id}:${r.eligibility.basisLevel}:${failures
          .map((f) => f.requirement)
          .sort()
          .join(',')}`;
        inputs.push({
          userIds: who(s, ['kanwilHeads', 'coordinators']),
          message: { kind: NotificationKind.BELOW_MINIMUM, unit: s.satker.name, failures: failures.map((f) => f.message) },
          path: `/submissions/${s.id}`,
          submission: s,
          dedupKey: key.slice(0, 200),
          reminder: true,
        });
      }
    }
    const rows = await buildNotifications(em, this.opts(), inputs, now);
    await insertOnce(em, rows);
    return rows.length;
  }

  /** Sends PENDING e-mails (and stale claims): claimed one by one with a conditional update, so each goes once. */
  async sendEmails(em: EntityManager, now: Date): Promise<{ emailsSent: number; emailsFailed: number }> {
    if (!this.mailer) return { emailsSent: 0, emailsFailed: 0 };
    const stale = new Date(now.getTime() - EMAIL_CLAIM_STALE_MS);
    const candidates = await em.find(
      Notification,
      { $or: [{ emailState: EmailState.PENDING }, { emailState: EmailState.SENDING, emailClaimedAt: { $lt: stale } }] },
      { orderBy: { id: 'asc' }, limit: 100, populate: ['user'] },
    );
    let emailsSent = 0;
    let emailsFailed = 0;
    for (const n of candidates) {
      const claimed = await em.nativeUpdate(
        Notification,
        { id: n.id, emailState: n.emailState, emailAttempts: n.emailAttempts },
        { emailState: EmailState.SENDING, emailClaimedAt: now, emailAttempts: n.emailAttempts + 1 },
      );
      if (claimed !== 1) continue; // another process has it
      const to = (n.user as User).email;
      try {
        if (!to) throw new Error('no address');
        const link = this.config.publicUrl ? `\n\n${this.config.publicUrl}${n.path}` : '';
        await this.mailer.send({ to, subject: `[Pantau ZI] ${n.title}`, text: `${n.body}${link}` });
        await em.nativeUpdate(Notification, { id: n.id }, { emailState: EmailState.SENT, emailSentAt: new Date() });
        emailsSent++;
      } catch (e) {
        this.log(e);
        const failed = !to || n.emailAttempts + 1 >= EMAIL_MAX_ATTEMPTS;
        await em.nativeUpdate(Notification, { id: n.id }, { emailState: failed ? EmailState.FAILED : EmailState.PENDING });
        if (failed) emailsFailed++;
      }
    }
    return { emailsSent, emailsFailed };
  }
}

/** The scheduler reads every Kanwil as an admin would (no request, no session). */
function systemCtx(em: EntityManager, config: AppConfig): Ctx {
  return {
    em,
    user: { id: 0, username: 'system', displayName: 'Pantau ZI', locale: 'id', roles: [{ role: Role.ADMIN, kanwilId: null, satkerId: null }], sessionId: '' },
    req: undefined as never,
    res: undefined as never,
    config,
    ip: 'scheduler',
    cache: new Map(),
  };
}
