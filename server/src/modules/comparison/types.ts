import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AnswerLevel, HasilStateEnum, SubmissionStatus, SurveyKindEnum, TargetPredicate } from '../../common/enums';
import { SatkerGql, KanwilGql } from '../org/types';
import { PeriodGql, DeadlineGql } from '../period/types';
import { EligibilityFailureGql, EligibilityGql } from '../submission/score-types';

@ObjectType('ComparisonArea')
export class ComparisonAreaGql {
  @Field()
  code!: string;
  @Field()
  name!: string;
  @Field(() => Float)
  weight!: number;
  @Field(() => Float, { nullable: true, description: 'SELF score as % of the area weight (null without SELF answers)' })
  selfPercent!: number | null;
  @Field(() => Float, { nullable: true })
  kanwilPercent!: number | null;
  @Field(() => Float, { nullable: true })
  tpiPercent!: number | null;
}

@ObjectType('GapChange')
export class GapChangeGql {
  @Field(() => Int)
  soalId!: number;
  @Field()
  code!: string;
  @Field()
  text!: string;
  @Field()
  areaCode!: string;
  @Field(() => String, { nullable: true })
  from!: string | null;
  @Field()
  to!: string;
  @Field(() => Int)
  steps!: number;
  @Field(() => Float)
  gain!: number;
}

@ObjectType('SurveyPlan', { description: 'One survey in a plan before the results (shared surveyPlans): what it must reach and what is assumed' })
export class SurveyPlanGql {
  @Field(() => SurveyKindEnum)
  kind!: SurveyKindEnum;
  @Field(() => HasilStateEnum)
  state!: HasilStateEnum;
  @Field(() => Float, { nullable: true, description: 'Value in force now (null when missing)' })
  index!: number | null;
  @Field(() => String, { nullable: true, description: 'ANSWER (own entry), BPS, TPN, THIRD_PARTY or INTERNAL' })
  source!: string | null;
  @Field(() => Float, { description: 'Index the plan works with (measured, else the estimate, else the minimum needed)' })
  assumedIndex!: number;
  @Field(() => Float)
  requiredIndex!: number;
  @Field()
  meets!: boolean;
  @Field({ description: '"IPKP ≥ 3,20 diperlukan (…)"' })
  message!: string;
}

@ObjectType('HasilStatus', {
  description: 'Whether the unit’s Hasil is measured, estimated or missing, on the basis level, with each survey value and its source',
})
export class HasilStatusGql {
  @Field(() => HasilStateEnum)
  state!: HasilStateEnum;
  @Field(() => AnswerLevel)
  basisLevel!: AnswerLevel;
  @Field(() => [SurveyPlanGql], { description: 'IPAK and IPKP for the row’s target' })
  surveys!: SurveyPlanGql[];
}

@ObjectType('GapSummary', {
  description: 'What it takes to reach the target (shared planGap), on the basis level; surveys not measured yet at the assumed index',
})
export class GapSummaryGql {
  @Field(() => TargetPredicate)
  target!: TargetPredicate;
  @Field(() => AnswerLevel)
  basisLevel!: AnswerLevel;
  @Field()
  assumption!: string;
  @Field(() => Float)
  requiredPengungkit!: number;
  @Field()
  reachable!: boolean;
  @Field(() => Int)
  itemCount!: number;
  @Field(() => Int)
  stepCount!: number;
  @Field(() => Float)
  totalAfter!: number;
  @Field(() => [GapChangeGql], { description: 'The smallest set of answer improvements' })
  changes!: GapChangeGql[];
  @Field(() => [GapChangeGql], { description: 'Best single changes' })
  topChanges!: GapChangeGql[];
  @Field(() => [String])
  unreachable!: string[];
  @Field(() => [EligibilityFailureGql], { description: 'Requirements answers cannot meet (capaian kinerja, prior WBK, a survey in force below its minimum)' })
  blockers!: EligibilityFailureGql[];
  @Field(() => [SurveyPlanGql], { description: 'What each survey must reach, and the index the plan assumes' })
  surveys!: SurveyPlanGql[];
}

@ObjectType('ComparisonRow', { description: 'One unit of the Kanwil in the period' })
export class ComparisonRowGql {
  @Field(() => SatkerGql)
  satker!: SatkerGql;
  @Field(() => Int, { nullable: true, description: 'null when the unit has no submission in the period' })
  submissionId!: number | null;
  @Field(() => SubmissionStatus, { nullable: true })
  status!: SubmissionStatus | null;
  @Field(() => TargetPredicate, { nullable: true })
  target!: TargetPredicate | null;
  @Field(() => String, { nullable: true })
  pencananganDate!: string | null;
  @Field()
  holdsWbk!: boolean;
  @Field(() => Float, { nullable: true, description: 'SELF completeness 0–1' })
  completeness!: number | null;
  @Field(() => Float, { nullable: true })
  selfTotal!: number | null;
  @Field(() => Float, { nullable: true })
  kanwilTotal!: number | null;
  @Field(() => Float, { nullable: true })
  tpiTotal!: number | null;
  @Field(() => [ComparisonAreaGql])
  areas!: ComparisonAreaGql[];
  @Field(() => EligibilityGql, { nullable: true, description: 'For the target, on the latest level with answers (see basisLevel)' })
  eligibility!: EligibilityGql | null;
  @Field(() => DeadlineGql, { nullable: true })
  nextDeadline!: DeadlineGql | null;
  @Field(() => HasilStatusGql, { nullable: true, description: 'Hasil measured / estimated / missing (null without a submission)' })
  hasil!: HasilStatusGql | null;

  /** internal: inputs for the gap field resolver */
  gapInput?: () => Promise<GapSummaryGql | null>;
}

@ObjectType('KanwilComparison')
export class KanwilComparisonGql {
  @Field(() => KanwilGql)
  kanwil!: KanwilGql;
  @Field(() => PeriodGql)
  period!: PeriodGql;
  @Field(() => [ComparisonRowGql])
  rows!: ComparisonRowGql[];
}
