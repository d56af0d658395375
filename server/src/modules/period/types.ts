import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { STAGE_DEADLINE_FIELD, type DeadlineInForce } from '@pantau/shared';
import { UserRefGql } from '../user/types';
import { StageEnum, type DeadlineExtension, type Period } from './entities';

registerEnumType(StageEnum, { name: 'WorkflowStage', description: 'A stage with a deadline on the period' });

@ObjectType('Period', { description: 'One evaluation year (for one Kanwil, or global when kanwilId is null)' })
export class PeriodGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Int)
  year!: number;
  @Field()
  name!: string;
  @Field(() => Int, { nullable: true })
  kanwilId!: number | null;
  @Field(() => Int)
  instrumentVersionId!: number;
  @Field(() => Date, { nullable: true })
  selfAssessmentDeadline!: Date | null;
  @Field(() => Date, { nullable: true })
  kanwilReviewDeadline!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Closes the Eselon I step of the routes that have one' })
  eselonReviewDeadline!: Date | null;
  @Field(() => Date, { nullable: true })
  deskEvaluationDeadline!: Date | null;
  @Field(() => Date, { nullable: true })
  nominationDeadline!: Date | null;
}

@ObjectType('Deadline')
export class DeadlineGql {
  @Field({ description: 'SELF_ASSESSMENT | KANWIL_REVIEW | ESELON_REVIEW | DESK_EVALUATION | NOMINATION' })
  stage!: string;
  @Field(() => Date)
  at!: Date;
}

export const periodView = (p: Period): PeriodGql => ({
  id: p.id,
  year: p.year,
  name: p.name,
  kanwilId: p.kanwil?.id ?? null,
  instrumentVersionId: p.instrumentVersion.id,
  selfAssessmentDeadline: p.selfAssessmentDeadline ?? null,
  kanwilReviewDeadline: p.kanwilReviewDeadline ?? null,
  eselonReviewDeadline: p.eselonReviewDeadline ?? null,
  deskEvaluationDeadline: p.deskEvaluationDeadline ?? null,
  nominationDeadline: p.nominationDeadline ?? null,
});

@ObjectType('DeadlineExtension')
export class DeadlineExtensionGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Int)
  periodId!: number;
  @Field(() => StageEnum)
  stage!: StageEnum;
  @Field(() => Int, { nullable: true })
  satkerId!: number | null;
  @Field(() => Date)
  deadline!: Date;
  @Field(() => Date, { nullable: true, description: 'The period’s own deadline for the stage' })
  originalDeadline!: Date | null;
  @Field()
  reason!: string;
  @Field(() => UserRefGql)
  createdBy!: UserRefGql;
  @Field(() => Date)
  createdAt!: Date;
}

export function extensionView(e: DeadlineExtension): DeadlineExtensionGql {
  return {
    id: e.id,
    periodId: e.period.id,
    stage: e.stage,
    satkerId: e.satker?.id ?? null,
    deadline: e.deadline,
    originalDeadline: e.period[STAGE_DEADLINE_FIELD[e.stage]] ?? null,
    reason: e.reason,
    createdBy: { id: e.createdBy.id, username: e.createdBy.username, displayName: e.createdBy.displayName },
    createdAt: e.createdAt,
  };
}

/** The GraphQL spelling of a stage in `Deadline.stage` (SELF_ASSESSMENT, KANWIL_REVIEW, …). */
export const deadlineView = (d: DeadlineInForce | null): DeadlineGql | null =>
  d ? { stage: d.stage.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(), at: d.at } : null;
