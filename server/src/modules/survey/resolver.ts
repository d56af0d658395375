import { Arg, Ctx as GqlCtx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SatkerGql } from '../org/types';
import type { Ctx } from '../../common/context';
import {
  mayManageSurveysOf,
  closeSurveyRoundView,
  openSurveyRoundView,
  recordSurveyResult,
  surveyRoundResultOf,
  surveyRoundsView,
  surveyRoundView,
} from './service';
import {
  CloseSurveyRoundPayload,
  OpenSurveyRoundInput,
  SurveyResultInput,
  SurveyResultPayload,
  SurveyRoundGql,
  SurveyRoundResultGql,
  roundGql,
  roundResultGql,
  surveyResultView,
} from './types';

const localeOf = (ctx: Ctx): 'id' | 'en' => (ctx.user?.locale === 'en' ? 'en' : 'id');

@Resolver()
export class SurveyResolver {
  @Query(() => [SurveyRoundGql], { description: "Survey rounds of the units the user may read (one unit's / one period's when given), newest first" })
  async surveyRounds(
    @GqlCtx() ctx: Ctx,
    @Arg('satkerId', () => Int, { nullable: true }) satkerId?: number,
    @Arg('periodId', () => Int, { nullable: true }) periodId?: number,
  ): Promise<SurveyRoundGql[]> {
    return (await surveyRoundsView(ctx, { satkerId, periodId })).map(roundGql);
  }

  @Query(() => SurveyRoundGql)
  async surveyRound(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<SurveyRoundGql> {
    return roundGql(await surveyRoundView(ctx, id));
  }

  @Query(() => SurveyRoundResultGql, { description: 'Index per statement, service type, respondent group and overall' })
  async surveyRoundResult(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<SurveyRoundResultGql> {
    return roundResultGql(await surveyRoundResultOf(ctx, id), localeOf(ctx));
  }

  @Mutation(() => SurveyRoundGql, { description: "KANWIL_HEAD / ADMIN / the unit's COORDINATOR: open a survey round (one public link + QR per service type)" })
  async openSurveyRound(@GqlCtx() ctx: Ctx, @Arg('input', () => OpenSurveyRoundInput) input: OpenSurveyRoundInput): Promise<SurveyRoundGql> {
    return roundGql(await openSurveyRoundView(ctx, input));
  }

  @Mutation(() => CloseSurveyRoundPayload, {
    description: 'Close a round: no more responses; its result is recorded as INTERNAL IPAK/IPKP on the unit’s submission',
  })
  async closeSurveyRound(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<CloseSurveyRoundPayload> {
    const out = await closeSurveyRoundView(ctx, id);
    return {
      round: roundGql(out.round),
      recorded: out.recorded.map(surveyResultView),
      warnings: out.warnings,
    };
  }

  @Mutation(() => SurveyResultPayload, {
    description: 'KANWIL_HEAD / ADMIN, any stage: record an IPAK/IPKP survey result (BPS/TPN/THIRD_PARTY need ≥ 30 respondents; internal ≥ 1)',
  })
  async recordSurveyResult(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('input', () => SurveyResultInput) input: SurveyResultInput,
  ): Promise<SurveyResultPayload> {
    const { result, warnings } = await recordSurveyResult(ctx, submissionId, input);
    return { result: surveyResultView(result), warnings };
  }
}

@Resolver(() => SatkerGql)
export class SatkerSurveyResolver {
  @FieldResolver(() => Boolean, { description: 'You may open and close survey rounds of this unit (its Kanwil head, admin, its coordinator)' })
  canManageSurveys(@GqlCtx() ctx: Ctx, @Root() s: SatkerGql): boolean {
    return mayManageSurveysOf(ctx, { id: s.id, kanwilId: s.kanwilId });
  }
}
