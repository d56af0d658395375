/**
 * The server's reading of the shared workflow table (shared/src/workflow.ts): which roles a user holds ON a given
 * submission, stage deadlines with admin extensions, and who may write which answer level.
 */
import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Role as SharedRole } from '@pantau/shared';
import type { AuthUser } from '../../common/context';
import { rolesOnSubmission } from '../../common/authz';
import { EvaluatorAssignment } from '../submission/entities';

export interface SubRef {
  id: number;
  satkerId: number;
  kanwilId: number;
}

/** The roles of the shared table a user holds on one submission (the core's rolesOnSubmission). */
export function rolesOn(user: AuthUser | null, sub: SubRef): SharedRole[] {
  return user ? (rolesOnSubmission(user, sub) as SharedRole[]) : [];
}

export async function isAssignedEvaluator(em: EntityManager, userId: number, submissionId: number): Promise<boolean> {
  return (await em.count(EvaluatorAssignment, { user: userId, submission: submissionId })) > 0;
}

/** The EntityManager that loaded an entity (the transaction's, when loaded inside one). */
export function emOf(entity: object, fallback: EntityManager): EntityManager {
  return ((wrap(entity, true) as unknown as { __em?: EntityManager }).__em ?? fallback) as EntityManager;
}
