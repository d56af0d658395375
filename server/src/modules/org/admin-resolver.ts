import { Arg, Ctx as GqlCtx, Int, Mutation, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { submissionView } from '../submission/service';
import { SubmissionGql } from '../submission/types';
import {
  addPredicate,
  createEselonUnit,
  createInstansi,
  createKanwil,
  createSatker,
  createSubmission,
  placeKanwil,
  updateInstansi,
  updateKanwil,
  updateSatker,
} from './admin-service';
import {
  CreateSubmissionInput,
  EselonUnitInput,
  InstansiInput,
  KanwilInput,
  KanwilPlacementInput,
  PredicateInput,
  SatkerInput,
  SatkerUpdateInput,
} from './inputs';
import { EselonUnitGql, InstansiGql, KanwilGql, PredicateGql, SatkerGql, eselonView, instansiView, kanwilView, predicateView, satkerView } from './types';

@Resolver()
export class OrgAdminResolver {
  @Mutation(() => InstansiGql, { description: 'ADMIN: create an instansi (ministry or agency)' })
  async createInstansi(@GqlCtx() ctx: Ctx, @Arg('input', () => InstansiInput) input: InstansiInput): Promise<InstansiGql> {
    return instansiView(await createInstansi(ctx, input));
  }

  @Mutation(() => InstansiGql, { description: 'ADMIN: rename an instansi' })
  async updateInstansi(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number, @Arg('name') name: string): Promise<InstansiGql> {
    return instansiView(await updateInstansi(ctx, id, { name }));
  }

  @Mutation(() => EselonUnitGql, { description: 'ADMIN: create an Eselon I unit (Ditjen, Itjen) of an instansi' })
  async createEselonUnit(@GqlCtx() ctx: Ctx, @Arg('input', () => EselonUnitInput) input: EselonUnitInput): Promise<EselonUnitGql> {
    return eselonView(await createEselonUnit(ctx, input));
  }

  @Mutation(() => KanwilGql, { description: 'ADMIN: place a Kanwil under an instansi / Eselon I unit and set its kind' })
  async placeKanwil(
    @GqlCtx() ctx: Ctx,
    @Arg('id', () => Int) id: number,
    @Arg('input', () => KanwilPlacementInput) input: KanwilPlacementInput,
  ): Promise<KanwilGql> {
    return kanwilView(await placeKanwil(ctx, id, input));
  }

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
  async updateSatker(
    @GqlCtx() ctx: Ctx,
    @Arg('id', () => Int) id: number,
    @Arg('input', () => SatkerUpdateInput) input: SatkerUpdateInput,
  ): Promise<SatkerGql> {
    return satkerView(await updateSatker(ctx, id, input));
  }

  @Mutation(() => PredicateGql, { description: 'ADMIN / KANWIL_HEAD: record a predicate the unit holds (history)' })
  async addPredicate(
    @GqlCtx() ctx: Ctx,
    @Arg('satkerId', () => Int) satkerId: number,
    @Arg('input', () => PredicateInput) input: PredicateInput,
  ): Promise<PredicateGql> {
    return predicateView(await addPredicate(ctx, satkerId, input));
  }

  @Mutation(() => SubmissionGql, { description: 'Open a unit’s submission for a period (DRAFT): ADMIN, KANWIL_HEAD, or the unit’s COORDINATOR' })
  async createSubmission(@GqlCtx() ctx: Ctx, @Arg('input', () => CreateSubmissionInput) input: CreateSubmissionInput): Promise<SubmissionGql> {
    return submissionView(await createSubmission(ctx, input));
  }
}
