import { Field, Float, Int, ObjectType } from 'type-graphql';
import { summariseScore, type Eligibility, type ScoreResult } from '@pantau/shared';
import { AnswerLevel, SurveyKindEnum, TargetPredicate } from '../../common/enums';

@ObjectType('AreaScore')
export class AreaScoreGql {
  @Field({ description: '"1"…"6" in instrument order' })
  code!: string;
  @Field()
  name!: string;
  @Field(() => Float)
  weight!: number;
  @Field(() => Float)
  pemenuhan!: number;
  @Field(() => Float)
  reform!: number;
  @Field(() => Float, { description: 'pemenuhan + reform' })
  score!: number;
  @Field(() => Float, { description: 'score as % of weight, 0–100' })
  percent!: number;
}

@ObjectType('HasilParts')
export class HasilPartsGql {
  @Field(() => Float)
  ipak!: number;
  @Field(() => Float)
  kinerja!: number;
  @Field(() => Float)
  bersih!: number;
  @Field(() => Float)
  pelayanan!: number;
}

@ObjectType('SurveyUsed', {
  description:
    'Survey index used for scoring and where it came from (ANSWER = the level’s own entry, otherwise the recorded result’s source BPS, TPN or INTERNAL (shared survey precedence))',
})
export class SurveyUsedGql {
  @Field(() => SurveyKindEnum)
  kind!: SurveyKindEnum;
  @Field(() => Float, { nullable: true })
  index!: number | null;
  @Field(() => String, { nullable: true })
  source!: string | null;
}

@ObjectType('Score', { description: 'Scores of one answer level (numbers unrounded)' })
export class ScoreGql {
  @Field(() => AnswerLevel)
  level!: AnswerLevel;
  @Field(() => Float)
  total!: number;
  @Field(() => Float)
  pengungkit!: number;
  @Field(() => Float)
  pemenuhan!: number;
  @Field(() => Float)
  reform!: number;
  @Field(() => Float)
  hasil!: number;
  @Field(() => Float, { description: 'answered ÷ required, 0–1' })
  completeness!: number;
  @Field(() => Int)
  answered!: number;
  @Field(() => Int)
  required!: number;
  @Field(() => [AreaScoreGql])
  areas!: AreaScoreGql[];
  @Field(() => HasilPartsGql)
  hasilParts!: HasilPartsGql;
  @Field(() => [SurveyUsedGql])
  survey!: SurveyUsedGql[];
  @Field(() => [Int], { description: 'Required items still unanswered, in instrument order' })
  unanswered!: number[];
}

@ObjectType('LevelScores')
export class LevelScoresGql {
  @Field(() => ScoreGql)
  self!: ScoreGql;
  @Field(() => ScoreGql)
  kanwil!: ScoreGql;
  @Field(() => ScoreGql, { description: 'The Eselon I step (routes with it; empty otherwise)' })
  eselonI!: ScoreGql;
  @Field(() => ScoreGql)
  tpi!: ScoreGql;
  @Field(() => ScoreGql, { description: 'The instansi’s own desk team (TPM routes; empty otherwise)' })
  tpm!: ScoreGql;
  @Field(() => ScoreGql, { description: 'The desk team’s answers (TPI or TPM) with the TPN answers laid over them' })
  tpn!: ScoreGql;
}

@ObjectType('EligibilityFailure')
export class EligibilityFailureGql {
  @Field({ description: 'total, pengungkit, area:<code>, bersih, ipak, kinerja, pelayanan, wbk' })
  requirement!: string;
  @Field(() => Float, { nullable: true })
  actual!: number | null;
  @Field(() => Float)
  required!: number;
  @Field()
  message!: string;
  @Field()
  awaitingSurvey!: boolean;
}

@ObjectType('Eligibility')
export class EligibilityGql {
  @Field(() => TargetPredicate)
  target!: TargetPredicate;
  @Field()
  eligible!: boolean;
  @Field(() => AnswerLevel, { description: 'Level whose scores were checked' })
  basisLevel!: AnswerLevel;
  @Field(() => [EligibilityFailureGql])
  failures!: EligibilityFailureGql[];
}

export function scoreView(level: AnswerLevel, s: ScoreResult): ScoreGql {
  return {
    level,
    ...summariseScore(s),
    survey: (Object.keys(s.survey) as SurveyKindEnum[]).map((kind) => ({ kind, index: s.survey[kind].index, source: s.survey[kind].source })),
    unanswered: s.unanswered,
  };
}

export function eligibilityView(e: Eligibility, basisLevel: AnswerLevel): EligibilityGql {
  return {
    target: e.target as TargetPredicate,
    eligible: e.eligible,
    basisLevel,
    failures: e.failures.map(failureView),
  };
}

/** One unmet requirement as the API shows it (eligibility failures, gap-planner blockers). */
export function failureView(f: Eligibility['failures'][number]): EligibilityFailureGql {
  return { requirement: f.requirement, actual: f.actual, required: f.required, message: f.message, awaitingSurvey: !!f.awaitingSurvey };
}
