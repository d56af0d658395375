import type { EntityManager } from '@mikro-orm/knex';
import { AuditEvent } from '../modules/audit/entities';
import type { AuthUser } from './context';
import { User } from '../modules/user/entities';

export interface AuditInput {
  action: string;
  objectType: string;
  objectId: string | number;
  kanwilId?: number | null;
  satkerId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Records one audit event in the caller's unit of work: call it with the transaction's EntityManager so the
 * event is committed (or rolled back) together with the change it describes.
 */
export function audit(em: EntityManager, ctx: { user: AuthUser | null } | null, input: AuditInput): AuditEvent {
  const ev = em.create(AuditEvent, fieldsOf(em, ctx, input));
  em.persist(ev);
  return ev;
}

/**
 * The same event written at once by one INSERT (no unit of work): for write paths that send their own statements
 * (saveAnswers). Inside a transaction pass its manager, so the event commits or rolls back with the change.
 */
export async function auditNow(em: EntityManager, ctx: { user: AuthUser | null } | null, input: AuditInput): Promise<void> {
  const f = fieldsOf(em, ctx, input);
  await em.insert(AuditEvent, { ...f, actor: ctx?.user?.id ?? null } as never);
}

function fieldsOf(em: EntityManager, ctx: { user: AuthUser | null } | null, input: AuditInput) {
  return {
    actor: ctx?.user ? em.getReference(User, ctx.user.id) : null,
    action: input.action,
    objectType: input.objectType,
    objectId: String(input.objectId),
    kanwilId: input.kanwilId ?? null,
    satkerId: input.satkerId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    reason: input.reason ?? null,
    at: new Date(),
  };
}
