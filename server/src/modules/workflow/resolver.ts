import { Arg, Ctx as GqlCtx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { clearLoaders } from '../../common/loaders';
import { submissionView } from '../submission/service';
import { SubmissionGql } from '../submission/types';
import { submissionPermissions } from './permissions';
import { availableActions, runTransition, submitBlockers } from './service';
import { ActionAvailabilityGql, SubmissionPermissionsGql, SubmitBlockersGql, TransitionInput, TransitionPayload, WorkflowActionEnum } from './types';

@Resolver()
export class WorkflowResolver {
  @Mutation(() => TransitionPayload, {
    description:
      'Take a workflow step (shared transition table). INVALID_STATE names the steps open to you; FORBIDDEN for the wrong role; ' +
      'DEADLINE_PASSED past the stage deadline; BAD_USER_INPUT for a missing reason/decree/recommendation; CONFLICT when expectedVersion is stale',
  })
  async transition(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('action', () => WorkflowActionEnum) action: WorkflowActionEnum,
    @Arg('input', () => TransitionInput, { nullable: true }) input?: TransitionInput | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<TransitionPayload> {
    const r = await runTransition(ctx, submissionId, action, input ?? {}, expectedVersion);
    clearLoaders(ctx);
    return {
      submission: submissionView(r.submission),
      action,
      from: r.from,
      to: r.to,
      auditEventId: r.auditEventId,
      nominationId: r.nominationId,
    };
  }

  @Query(() => [ActionAvailabilityGql], { description: 'The workflow steps open to you on a submission, each enabled or with its reasons' })
  async availableActions(@GqlCtx() ctx: Ctx, @Arg('submissionId', () => Int) submissionId: number): Promise<ActionAvailabilityGql[]> {
    return (await availableActions(ctx, submissionId)) as ActionAvailabilityGql[];
  }

  @Query(() => SubmitBlockersGql, { description: 'Unanswered required items, pencanangan date and deadline blocking (re)submission' })
  async submitBlockers(@GqlCtx() ctx: Ctx, @Arg('submissionId', () => Int) submissionId: number): Promise<SubmitBlockersGql> {
    return (await submitBlockers(ctx, submissionId)) as SubmitBlockersGql;
  }
}

@Resolver(() => SubmissionGql)
export class SubmissionWorkflowResolver {
  @FieldResolver(() => [ActionAvailabilityGql], { description: 'Workflow buttons for the signed-in user (detail views; a few queries per submission)' })
  async availableActions(@GqlCtx() ctx: Ctx, @Root() s: SubmissionGql): Promise<ActionAvailabilityGql[]> {
    return (await availableActions(ctx, s.id)) as ActionAvailabilityGql[];
  }

  @FieldResolver(() => SubmissionPermissionsGql, {
    description: 'What else you may do on it now (answers, notes, evidence, evaluators, surveys); detail views',
  })
  async permissions(@GqlCtx() ctx: Ctx, @Root() s: SubmissionGql): Promise<SubmissionPermissionsGql> {
    return submissionPermissions(ctx, s.id);
  }
}
