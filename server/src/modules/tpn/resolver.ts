import { Arg, Ctx as GqlCtx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { AdminSelectionOutcome } from './entities';
import { fileSanggah, recordAdminSelection, recordTpnStep, setTpnCycle, tpnRanking, tpnStageOf } from './service';
import {
  SanggahInput,
  TpnCycleGql,
  TpnCycleInput,
  TpnRankingGql,
  TpnStageGql,
  TpnStepInput,
  TpnStepResultGql,
  cycleView,
  rankingRowView,
  stageView,
  stepView,
} from './types';

@Resolver()
export class TpnResolver {
  @Mutation(() => TpnCycleGql, { description: 'ADMIN: an instansi’s TPN quota and sanggah deadline for a year' })
  async setTpnCycle(@GqlCtx() ctx: Ctx, @Arg('input', () => TpnCycleInput) input: TpnCycleInput): Promise<TpnCycleGql> {
    return cycleView(await setTpnCycle(ctx, input));
  }

  @Mutation(() => TpnStageGql, { description: 'ADMIN / KANWIL_HEAD: record the TPN administrative selection of a nominated submission' })
  async recordTpnAdminSelection(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('outcome', () => AdminSelectionOutcome) outcome: AdminSelectionOutcome,
    @Arg('notes', () => String, { nullable: true }) notes?: string | null,
  ): Promise<TpnStageGql> {
    const s = await recordAdminSelection(ctx, submissionId, outcome, notes);
    return stageView(submissionId, s.stage, s.steps, s.status);
  }

  @Mutation(() => TpnStageGql, { description: 'COORDINATOR / KANWIL_HEAD: the one sanggah against the administrative selection, before its deadline' })
  async fileTpnSanggah(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('input', () => SanggahInput) input: SanggahInput,
  ): Promise<TpnStageGql> {
    const s = await fileSanggah(ctx, submissionId, input.reason, input.evidenceIds);
    return stageView(submissionId, s.stage, s.steps, s.status);
  }

  @Query(() => TpnStageGql, { description: 'The TPN sub-stages recorded for a submission and the one it is at' })
  async tpnStage(@GqlCtx() ctx: Ctx, @Arg('submissionId', () => Int) submissionId: number): Promise<TpnStageGql> {
    const s = await tpnStageOf(ctx, submissionId);
    return stageView(submissionId, s.stage, s.steps, s.status);
  }

  @Mutation(() => TpnStepResultGql, {
    description:
      'ADMIN / KANWIL_HEAD: record (or correct) a TPN evaluation step — desk, field, panel, in order, after passing the administrative selection; ' +
      'field values that differ replace the TPN answers (TPI with the desk answers over them)',
  })
  async recordTpnStep(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('input', () => TpnStepInput) input: TpnStepInput,
  ): Promise<TpnStepResultGql> {
    const r = await recordTpnStep(ctx, submissionId, input);
    return { step: stepView(r.step), changedSoalIds: r.changed };
  }

  @Query(() => TpnRankingGql, { description: 'The instansi’s TPN candidates of a year ranked against its quota' })
  async tpnRanking(@GqlCtx() ctx: Ctx, @Arg('instansiId', () => Int) instansiId: number, @Arg('year', () => Int) year: number): Promise<TpnRankingGql> {
    const r = await tpnRanking(ctx, instansiId, year);
    return { instansiId, year, quota: r.cycle?.quota ?? null, rows: r.rows.map(rankingRowView) };
  }
}
