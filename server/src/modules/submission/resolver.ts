import { Arg, Ctx as GqlCtx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { AnswerLevel, TargetPredicate } from '../../common/enums';
import { answersLoader, surveysLoader } from '../../common/loaders';
import { scoreView, eligibilityView, EligibilityGql, LevelScoresGql, ScoreGql } from './score-types';
import { SurveyResultGql, surveyResultView } from '../survey/types';
import { AnswerGql, AnswerInput, SaveAnswersPayload, SubmissionGql } from './types';
import { answerView, getSubmission, listSubmissions, saveAnswers, setPencanangan, submissionScores, submissionView } from './service';
import { currentDeadline } from '../period/deadlines';
import { DeadlineGql, deadlineView } from '../period/types';
import { LocalDate } from '../../common/scalars';

@Resolver(() => SubmissionGql)
export class SubmissionResolver {
  @Query(() => [SubmissionGql], { description: 'Submissions of a period you may see (optionally one satker)' })
  async submissions(
    @GqlCtx() ctx: Ctx,
    @Arg('periodId', () => Int) periodId: number,
    @Arg('satkerId', () => Int, { nullable: true }) satkerId?: number | null,
  ): Promise<SubmissionGql[]> {
    return (await listSubmissions(ctx, periodId, satkerId)).map(submissionView);
  }

  @Query(() => SubmissionGql)
  async submission(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<SubmissionGql> {
    return submissionView(await getSubmission(ctx, id));
  }

  @FieldResolver(() => [AnswerGql], { description: 'Stored answers (all levels, or one)' })
  async answers(
    @GqlCtx() ctx: Ctx,
    @Root() s: SubmissionGql,
    @Arg('level', () => AnswerLevel, { nullable: true }) level?: AnswerLevel | null,
  ): Promise<AnswerGql[]> {
    const rows = await answersLoader(ctx).load(s.id);
    return rows.filter((a) => !level || a.level === level).map(answerView);
  }

  @FieldResolver(() => LevelScoresGql, { description: 'Scores per level (with survey fallback)' })
  async scores(@GqlCtx() ctx: Ctx, @Root() s: SubmissionGql): Promise<LevelScoresGql> {
    const r = await submissionScores(ctx, s.entity);
    return {
      self: scoreView(AnswerLevel.SELF, r.scores.SELF),
      kanwil: scoreView(AnswerLevel.KANWIL, r.scores.KANWIL),
      eselonI: scoreView(AnswerLevel.ESELON_I, r.scores.ESELON_I),
      tpi: scoreView(AnswerLevel.TPI, r.scores.TPI),
      tpm: scoreView(AnswerLevel.TPM, r.scores.TPM),
      tpn: scoreView(AnswerLevel.TPN, r.scores.TPN),
    };
  }

  @FieldResolver(() => EligibilityGql, {
    description: 'Eligibility for the submission’s target, on the latest level with answers (the desk team’s, else ESELON_I, else KANWIL, else SELF)',
  })
  async eligibility(@GqlCtx() ctx: Ctx, @Root() s: SubmissionGql): Promise<EligibilityGql> {
    const r = await submissionScores(ctx, s.entity);
    return eligibilityView(r.eligibility[s.target], r.basis);
  }

  @FieldResolver(() => [EligibilityGql], { description: 'Eligibility for WBK and WBBM, on the same level' })
  async eligibilityAll(@GqlCtx() ctx: Ctx, @Root() s: SubmissionGql): Promise<EligibilityGql[]> {
    const r = await submissionScores(ctx, s.entity);
    return [TargetPredicate.WBK, TargetPredicate.WBBM].map((t) => eligibilityView(r.eligibility[t], r.basis));
  }

  @FieldResolver(() => EligibilityGql, {
    description: 'Eligibility for the submission’s target on the TPN level (TPN answers over TPI): what the TPN outcome is weighed against',
  })
  async tpnEligibility(@GqlCtx() ctx: Ctx, @Root() s: SubmissionGql): Promise<EligibilityGql> {
    const r = await submissionScores(ctx, s.entity);
    return eligibilityView(r.tpnEligibility[s.target], AnswerLevel.TPN);
  }

  @FieldResolver(() => [Int], { description: 'Required items still unanswered at a level (default SELF)' })
  async unanswered(
    @GqlCtx() ctx: Ctx,
    @Root() s: SubmissionGql,
    @Arg('level', () => AnswerLevel, { nullable: true }) level?: AnswerLevel | null,
  ): Promise<number[]> {
    const r = await submissionScores(ctx, s.entity);
    return r.scores[level ?? AnswerLevel.SELF].unanswered;
  }

  @FieldResolver(() => [SurveyResultGql], { description: 'Recorded IPAK/IPKP survey results, newest first' })
  async surveyResults(@GqlCtx() ctx: Ctx, @Root() s: SubmissionGql): Promise<SurveyResultGql[]> {
    const rows = await surveysLoader(ctx).load(s.id);
    return rows.map(surveyResultView);
  }

  @FieldResolver(() => DeadlineGql, {
    nullable: true,
    description: 'The deadline in force for this submission: its status’s stage (a revision: the returner’s), extensions included',
  })
  async nextDeadline(@GqlCtx() ctx: Ctx, @Root() s: SubmissionGql): Promise<DeadlineGql | null> {
    return deadlineView(await currentDeadline(ctx.em, s.entity));
  }

  @Mutation(() => SaveAnswersPayload, {
    description: 'Save a batch of answers of one level, all or nothing (validation, optimistic locking, audit)',
  })
  async saveAnswers(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('level', () => AnswerLevel) level: AnswerLevel,
    @Arg('answers', () => [AnswerInput]) answers: AnswerInput[],
  ): Promise<SaveAnswersPayload> {
    const r = await saveAnswers(ctx, submissionId, level, answers);
    return { submission: submissionView(r.submission), answers: r.answers, level };
  }

  @Mutation(() => SubmissionGql, { description: 'Set (or clear) the pencanangan date, YYYY-MM-DD' })
  async setPencanangan(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('date', () => LocalDate, { nullable: true }) date: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<SubmissionGql> {
    return submissionView(await setPencanangan(ctx, submissionId, date, expectedVersion));
  }
}

@Resolver(() => SaveAnswersPayload)
export class SaveAnswersPayloadResolver {
  @FieldResolver(() => ScoreGql, { description: 'New scores of the level written (computed only when asked for)' })
  async score(@GqlCtx() ctx: Ctx, @Root() p: SaveAnswersPayload): Promise<ScoreGql> {
    const scores = await submissionScores(ctx, p.submission.entity);
    return scoreView(p.level, scores.scores[p.level]) as ScoreGql;
  }
}
