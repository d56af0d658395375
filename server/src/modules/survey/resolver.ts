import { Arg, Ctx as GqlCtx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { closeSurveyRoundView, openSurveyRoundView, surveyRoundResultOf, surveyRoundsView, surveyRoundView } from './service';
import { CloseSurveyRoundPayload, OpenSurveyRoundInput, SurveyRoundGql, SurveyRoundResultGql, roundGql, roundResultGql } from './types';

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

  @Mutation(() => CloseSurveyRoundPayload, { description: 'Close a round: no more responses; its result is recorded as INTERNAL IPAK/IPKP on the unit’s submission' })
  async closeSurveyRound(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<CloseSurveyRoundPayload> {
    const out = await closeSurveyRoundView(ctx, id);
    return {
      round: roundGql(out.round),
      recorded: out.recorded.map((r) => ({ id: r.id, kind: r.kind, index: r.index, respondents: r.respondents ?? null, source: r.source, recordedAt: r.recordedAt })),
      warnings: out.warnings,
    };
  }
}
