import { Field, InputType, Int } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { StageEnum } from './entities';
import './types';

@InputType('PeriodInput')
export class PeriodInput {
  @Field(() => Int)
  year!: number;
  @Field()
  @MaxLength(200)
  name!: string;
  @Field(() => Int, { nullable: true, description: 'null = a period for every Kanwil' })
  kanwilId?: number | null;
  @Field(() => Int, { nullable: true, description: 'Default: the active instrument version of the year' })
  instrumentVersionId?: number | null;
  @Field(() => Date, { nullable: true })
  selfAssessmentDeadline?: Date | null;
  @Field(() => Date, { nullable: true })
  kanwilReviewDeadline?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Closes the Eselon I step of the routes that have one' })
  eselonReviewDeadline?: Date | null;
  @Field(() => Date, { nullable: true })
  deskEvaluationDeadline?: Date | null;
  @Field(() => Date, { nullable: true })
  nominationDeadline?: Date | null;
}

@InputType('PeriodUpdateInput', { description: 'Deadlines given replace the period’s own (use extendDeadline for recorded extensions)' })
export class PeriodUpdateInput {
  @Field(() => String, { nullable: true })
  @MaxLength(200)
  name?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Switch to another active version of the period’s year (refused when answered items would change type or disappear)',
  })
  instrumentVersionId?: number | null;
  @Field(() => Date, { nullable: true })
  selfAssessmentDeadline?: Date | null;
  @Field(() => Date, { nullable: true })
  kanwilReviewDeadline?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Closes the Eselon I step of the routes that have one' })
  eselonReviewDeadline?: Date | null;
  @Field(() => Date, { nullable: true })
  deskEvaluationDeadline?: Date | null;
  @Field(() => Date, { nullable: true })
  nominationDeadline?: Date | null;
}

@InputType('DeadlineExtensionInput')
export class DeadlineExtensionInput {
  @Field(() => Int)
  periodId!: number;
  @Field(() => StageEnum)
  stage!: StageEnum;
  @Field(() => Int, { nullable: true, description: 'One unit only; null = every unit of the period' })
  satkerId?: number | null;
  @Field(() => Date)
  deadline!: Date;
  @Field()
  @MaxLength(4000)
  reason!: string;
}
