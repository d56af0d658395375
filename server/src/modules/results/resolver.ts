import { Arg, Ctx as GqlCtx, Field, Float, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { SurveyKindEnum, SurveySource } from '../../common/enums';
import { PredicateGql, predicateView } from '../org/types';
import { SurveyResultGql } from '../submission/types';
import { recordSurveyResult, revokePredicate } from './service';

@InputType('SurveyResultInput')
export class SurveyResultInput {
  @Field(() => SurveyKindEnum)
  kind!: SurveyKindEnum;
  @Field(() => Float, { description: 'Index 0.00–4.00 (two decimals at most)' })
  index!: number;
  @Field(() => Int, { description: 'Respondents: ≥ 30 for BPS/TPN; ≥ 1 for INTERNAL (fewer than 30 accepted with a warning)' })
  respondents!: number;
  @Field(() => SurveySource)
  source!: SurveySource;
}

@ObjectType('SurveyResultPayload')
export class SurveyResultPayload {
  @Field(() => SurveyResultGql)
  result!: SurveyResultGql;
  @Field(() => [String])
  warnings!: string[];
}

@Resolver()
export class ResultsResolver {
  @Mutation(() => SurveyResultPayload, { description: 'KANWIL_HEAD / ADMIN, any stage: record an IPAK/IPKP survey result (BPS/TPN need ≥ 30 respondents; internal ≥ 1)' })
  async recordSurveyResult(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('input', () => SurveyResultInput) input: SurveyResultInput,
  ): Promise<SurveyResultPayload> {
    const { result: r, warnings } = await recordSurveyResult(ctx, submissionId, input);
    return { result: { id: r.id, kind: r.kind, index: r.index, respondents: r.respondents ?? null, source: r.source, recordedAt: r.recordedAt }, warnings };
  }

  @Mutation(() => PredicateGql, { description: 'ADMIN / KANWIL_HEAD: revoke a predicate (reason + decree date); the unit cannot be proposed for 2 years' })
  async revokePredicate(
    @GqlCtx() ctx: Ctx,
    @Arg('predicateId', () => Int) predicateId: number,
    @Arg('reason') reason: string,
    @Arg('decreeDate', { description: 'YYYY-MM-DD' }) decreeDate: string,
  ): Promise<PredicateGql> {
    return predicateView(await revokePredicate(ctx, predicateId, reason, decreeDate));
  }
}

