import { ACTION_LABELS, enumOf, type WorkflowAction } from '@pantau/shared';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { AnswerLevel, SubmissionStatus, TargetPredicate } from '../../common/enums';
import { SubmissionGql } from '../submission/types';
import { NominationChecklistInput } from '../nomination/types';
import { RecommendedPredicate } from '../review/entities';
import { LocalDate } from '../../common/scalars';

/** The actions of the shared workflow table (shared/src/workflow.ts `WorkflowAction`). */
export const WorkflowActionEnum = enumOf(Object.keys(ACTION_LABELS) as WorkflowAction[]) satisfies { readonly [K in WorkflowAction]: K };
export type WorkflowActionEnum = WorkflowAction;
registerEnumType(WorkflowActionEnum, { name: 'WorkflowAction', description: 'A step of the submission workflow (shared transition table)' });
registerEnumType(RecommendedPredicate, { name: 'RecommendedPredicate', description: 'The TPI’s recommendation: a predicate, or not recommended' });

@InputType('TransitionInput', { description: 'What an action needs besides the click (only the fields of that action are read)' })
export class TransitionInput {
  @Field(() => String, {
    nullable: true,
    description: 'return, withdraw, withdrawNomination; recordTpnOutcome when the outcome differs from the computed TPN result',
  })
  @MaxLength(4000)
  reason?: string | null;
  @Field(() => String, { nullable: true, description: 'nominate: written reason to nominate a unit that misses a score threshold' })
  @MaxLength(4000)
  overrideReason?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'nominate: P5/2024 priority unit (WBK-AFIRMASI)' })
  afirmasi?: boolean | null;
  @Field(() => NominationChecklistInput, { nullable: true, description: 'nominate: prerequisite checklist values and evidence' })
  checklist?: NominationChecklistInput | null;
  @Field(() => String, { nullable: true, description: 'finalise: the TPI recommendation text' })
  @MaxLength(4000)
  recommendation?: string | null;
  @Field(() => RecommendedPredicate, { nullable: true, description: 'finalise: recommended predicate or NOT_RECOMMENDED' })
  recommendedPredicate?: RecommendedPredicate | null;
  @Field(() => Boolean, { nullable: true, description: 'recordTpnOutcome: the unit received the predicate' })
  awarded?: boolean | null;
  @Field(() => TargetPredicate, { nullable: true, description: 'recordTpnOutcome: predicate awarded (default: the target)' })
  predicate?: TargetPredicate | null;
  @Field(() => String, { nullable: true, description: 'recordTpnOutcome: decree number' })
  @MaxLength(200)
  decreeNumber?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'recordTpnOutcome: decree date' })
  decreeDate?: string | null;
}

@ObjectType('TransitionPayload')
export class TransitionPayload {
  @Field(() => SubmissionGql)
  submission!: SubmissionGql;
  @Field(() => WorkflowActionEnum)
  action!: WorkflowActionEnum;
  @Field(() => SubmissionStatus)
  from!: SubmissionStatus;
  @Field(() => SubmissionStatus)
  to!: SubmissionStatus;
  @Field(() => Int)
  auditEventId!: number;
  @Field(() => Int, { nullable: true })
  nominationId!: number | null;
}

@ObjectType('SubmissionPermissions', {
  description: 'What the signed-in user may do on the submission now besides workflow steps (the checks the writes run; for showing buttons)',
})
export class SubmissionPermissionsGql {
  @Field(() => [AnswerLevel], { description: 'Levels whose answers, notes (add, resolve), evidence (upload, replace, delete) and imports you may write now' })
  writableLevels!: AnswerLevel[];

  @Field({ description: 'You may upload the nomination documents (SPTJM, prerequisite evidence)' })
  nominationDocuments!: boolean;

  @Field({ description: 'You may reply in review note threads' })
  replyNotes!: boolean;

  @Field({ description: 'You may assign and unassign TPI evaluators' })
  assignEvaluators!: boolean;

  @Field({ description: 'You may record IPAK/IPKP survey results' })
  recordSurvey!: boolean;
}

@ObjectType('ActionAvailability', { description: 'A workflow button for the signed-in user: enabled, or why not' })
export class ActionAvailabilityGql {
  @Field(() => WorkflowActionEnum)
  action!: WorkflowActionEnum;
  @Field()
  label!: string;
  @Field()
  labelEn!: string;
  @Field()
  enabled!: boolean;
  @Field(() => [String], { description: 'Unmet guards and closed deadlines (Indonesian)' })
  reasons!: string[];
  @Field(() => [String], { description: 'Guards met by filling the action form (reason, decree, recommendationGiven, eligibleOrOverride…)' })
  needsInput!: string[];
  @Field({ description: 'Destination status, RETURNER (whoever returned it) or OUTCOME' })
  to!: string;
  @Field(() => Date, { nullable: true, description: 'Deadline in force for this step (extensions included)' })
  deadline!: Date | null;
}

@ObjectType('GuardResult')
export class GuardResultGql {
  @Field()
  guard!: string;
  @Field()
  ok!: boolean;
  @Field()
  message!: string;
}

@ObjectType('SubmitBlockers', { description: 'What stands between the coordinator and (re)submitting' })
export class SubmitBlockersGql {
  @Field(() => WorkflowActionEnum)
  action!: WorkflowActionEnum;
  @Field(() => [Int])
  unansweredSoalIds!: number[];
  @Field(() => [String])
  unansweredCodes!: string[];
  @Field()
  pencananganMissing!: boolean;
  @Field(() => Date, { nullable: true })
  deadline!: Date | null;
  @Field()
  deadlinePassed!: boolean;
  @Field(() => [GuardResultGql])
  guards!: GuardResultGql[];
  @Field()
  canSubmit!: boolean;
}
