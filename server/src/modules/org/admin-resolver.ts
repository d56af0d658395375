import { Arg, Ctx as GqlCtx, Int, Mutation, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { submissionView } from '../submission/service';
import { SubmissionGql } from '../submission/types';
import { addPredicate, createKanwil, createSatker, createSubmission, updateKanwil, updateSatker } from './admin-service';
import { CreateSubmissionInput, KanwilInput, PredicateInput, SatkerInput, SatkerUpdateInput } from './inputs';
import { KanwilGql, PredicateGql, SatkerGql, kanwilView, predicateView, satkerView } from './types';

@Resolver()
export class OrgAdminResolver {
  @Mutation(() => KanwilGql, { description: 'ADMIN: create a Kanwil' })
  async createKanwil(@GqlCtx() ctx: Ctx, @Arg('input', () => KanwilInput) input: KanwilInput): Promise<KanwilGql> {
    return kanwilView(await createKanwil(ctx, input));
  }

  @Mutation(() => KanwilGql, { description: 'ADMIN: rename a Kanwil' })
  async updateKanwil(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number, @Arg('name') name: string): Promise<KanwilGql> {
    return kanwilView(await updateKanwil(ctx, id, { name }));
  }

  @Mutation(() => SatkerGql, { description: 'ADMIN / KANWIL_HEAD of the Kanwil: create a unit' })
  async createSatker(@GqlCtx() ctx: Ctx, @Arg('input', () => SatkerInput) input: SatkerInput): Promise<SatkerGql> {
    return satkerView(await createSatker(ctx, input));
  }

  @Mutation(() => SatkerGql, { description: 'ADMIN / KANWIL_HEAD of the Kanwil: update a unit' })
  async updateSatker(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number, @Arg('input', () => SatkerUpdateInput) input: SatkerUpdateInput): Promise<SatkerGql> {
    return satkerView(await updateSatker(ctx, id, input));
  }

  @Mutation(() => PredicateGql, { description: 'ADMIN / KANWIL_HEAD: record a predicate the unit holds (history)' })
  async addPredicate(@GqlCtx() ctx: Ctx, @Arg('satkerId', () => Int) satkerId: number, @Arg('input', () => PredicateInput) input: PredicateInput): Promise<PredicateGql> {
    return predicateView(await addPredicate(ctx, satkerId, input));
  }

  @Mutation(() => SubmissionGql, { description: 'Open a unit’s submission for a period (DRAFT): ADMIN, KANWIL_HEAD, or the unit’s COORDINATOR' })
  async createSubmission(@GqlCtx() ctx: Ctx, @Arg('input', () => CreateSubmissionInput) input: CreateSubmissionInput): Promise<SubmissionGql> {
    return submissionView(await createSubmission(ctx, input));
  }
}
