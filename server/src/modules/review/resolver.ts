import { Arg, Ctx as GqlCtx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SubmissionGql } from '../submission/types';
import type { Ctx } from '../../common/context';
import { AnswerLevel } from '../../common/enums';
import { UserRefGql } from '../user/types';
import type { ReviewNote } from './entities';
import {
  addNote,
  assignEvaluator,
  notesLoader,
  evaluatorCandidates,
  latestDeskEvaluation,
  listEvaluators,
  listNotes,
  replyNote,
  resolveNote,
  returnedItems,
  unassignEvaluator,
} from './service';
import { DeskEvaluationGql, ReturnedItemGql, ReviewNoteGql, deskView, noteView, threadView, userRef } from './types';

@Resolver()
export class ReviewResolver {
  @Query(() => [ReviewNoteGql], { description: 'Review note threads of a submission (roots with replies), optionally of one item or open only' })
  async reviewNotes(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('soalId', () => Int, { nullable: true }) soalId?: number | null,
    @Arg('openOnly', () => Boolean, { nullable: true }) openOnly?: boolean | null,
  ): Promise<ReviewNoteGql[]> {
    return (await listNotes(ctx, submissionId, { soalId, openOnly })).map(threadView);
  }

  @Query(() => [ReturnedItemGql], { description: 'Items with open reviewer notes: what a return asks the unit to fix' })
  async returnedItems(@GqlCtx() ctx: Ctx, @Arg('submissionId', () => Int) submissionId: number): Promise<ReturnedItemGql[]> {
    return returnedItems(ctx, submissionId);
  }

  @Mutation(() => ReviewNoteGql, { description: 'A reviewer note on an item, at a level you may write now' })
  async addNote(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('soalId', () => Int) soalId: number,
    @Arg('level', () => AnswerLevel) level: AnswerLevel,
    @Arg('body') body: string,
  ): Promise<ReviewNoteGql> {
    return noteView(await addNote(ctx, submissionId, soalId, level, body));
  }

  @Mutation(() => ReviewNoteGql, { description: 'Reply in a note thread (the coordinator answering, or a reviewer)' })
  async replyNote(@GqlCtx() ctx: Ctx, @Arg('noteId', () => Int) noteId: number, @Arg('body') body: string): Promise<ReviewNoteGql> {
    return noteView(await replyNote(ctx, noteId, body));
  }

  @Mutation(() => ReviewNoteGql, { description: 'The reviewer marks a note thread resolved (or reopens it with resolved: false)' })
  async resolveNote(
    @GqlCtx() ctx: Ctx,
    @Arg('noteId', () => Int) noteId: number,
    @Arg('resolved', () => Boolean, { nullable: true, defaultValue: true }) resolved: boolean,
  ): Promise<ReviewNoteGql> {
    return noteView(await resolveNote(ctx, noteId, resolved));
  }

  @Mutation(() => [UserRefGql], { description: 'ADMIN / KANWIL_HEAD: assign an evaluator (a user with role EVALUATOR) to a submission' })
  async assignEvaluator(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('userId', () => Int) userId: number,
  ): Promise<UserRefGql[]> {
    await assignEvaluator(ctx, submissionId, userId);
    return (await listEvaluators(ctx, submissionId)).map((u) => userRef(u)!);
  }

  @Mutation(() => [UserRefGql], { description: 'ADMIN / KANWIL_HEAD: remove an evaluator from a submission' })
  async unassignEvaluator(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('userId', () => Int) userId: number,
  ): Promise<UserRefGql[]> {
    await unassignEvaluator(ctx, submissionId, userId);
    return (await listEvaluators(ctx, submissionId)).map((u) => userRef(u)!);
  }

  @Query(() => [UserRefGql], { description: 'Evaluators assigned to a submission' })
  async evaluators(@GqlCtx() ctx: Ctx, @Arg('submissionId', () => Int) submissionId: number): Promise<UserRefGql[]> {
    return (await listEvaluators(ctx, submissionId)).map((u) => userRef(u)!);
  }

  @Query(() => [UserRefGql], { description: 'ADMIN / KANWIL_HEAD of the submission’s Kanwil: active users with the EVALUATOR role, to assign' })
  async evaluatorCandidates(@GqlCtx() ctx: Ctx, @Arg('submissionId', () => Int) submissionId: number): Promise<UserRefGql[]> {
    return (await evaluatorCandidates(ctx, submissionId)).map((u) => userRef(u)!);
  }

  @Query(() => DeskEvaluationGql, { nullable: true, description: 'The latest desk evaluation (recommendation + LHE) of a submission' })
  async deskEvaluation(@GqlCtx() ctx: Ctx, @Arg('submissionId', () => Int) submissionId: number): Promise<DeskEvaluationGql | null> {
    const d = await latestDeskEvaluation(ctx, submissionId);
    return d ? deskView(d) : null;
  }
}

@Resolver(() => SubmissionGql)
export class SubmissionReviewResolver {
  @FieldResolver(() => [ReviewNoteGql], { description: 'Review note threads (roots with replies), batched across submissions' })
  async reviewNotes(
    @GqlCtx() ctx: Ctx,
    @Root() s: SubmissionGql,
    @Arg('openOnly', () => Boolean, { nullable: true }) openOnly?: boolean | null,
  ): Promise<ReviewNoteGql[]> {
    // the submission itself was authorised by the query that returned it
    const rows = await notesLoader(ctx).load(s.id);
    const replies = new Map<number, ReviewNote[]>();
    for (const r of rows) if (r.parent) (replies.get(r.parent.id) ?? replies.set(r.parent.id, []).get(r.parent.id)!).push(r);
    return rows.filter((r) => !r.parent && (!openOnly || !r.resolved)).map((r) => noteView(r, replies.get(r.id) ?? []));
  }
}
