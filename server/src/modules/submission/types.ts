import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { MaxLength } from 'class-validator';
import { AnswerLevel, ReturnedBy, SubmissionStatus, TargetPredicate } from '../../common/enums';
import { SatkerGql } from '../org/types';
import { PeriodGql } from '../period/types';
import { UserRefGql } from '../user/types';
import { ScoreGql } from './score-types';
import type { Submission } from './entities';

// simpleResolvers: plain properties, read by graphql's default resolver (an LKE open returns ~500 of them)
@ObjectType('Answer', { description: 'One level’s answer to one item', simpleResolvers: true })
export class AnswerGql {
  @Field(() => Int)
  soalId!: number;
  @Field(() => AnswerLevel)
  level!: AnswerLevel;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Option key ("Ya", "A"…), a count, a survey index, or null' })
  value!: string | number | null;
  @Field(() => String, { nullable: true })
  note!: string | null;
  @Field(() => Int, { description: 'Send back as expectedVersion when editing this answer' })
  version!: number;
  @Field(() => Date)
  updatedAt!: Date;
  @Field(() => UserRefGql, { nullable: true })
  updatedBy!: UserRefGql | null;
}

@ObjectType('Submission', { description: 'One satker × period: target, status, answers per level, scores and eligibility' })
export class SubmissionGql {
  @Field(() => Int)
  id!: number;
  @Field(() => SatkerGql)
  satker!: SatkerGql;
  @Field(() => PeriodGql)
  period!: PeriodGql;
  @Field(() => TargetPredicate)
  target!: TargetPredicate;
  @Field(() => SubmissionStatus)
  status!: SubmissionStatus;
  @Field(() => String, { nullable: true, description: 'Pencanangan (ZI declaration) date, YYYY-MM-DD' })
  pencananganDate!: string | null;
  @Field(() => Int)
  round!: number;
  @Field(() => ReturnedBy, { nullable: true })
  returnedBy!: ReturnedBy | null;
  @Field(() => String, { nullable: true, description: 'Reason of the latest return (alasan pengembalian), shown to the unit while REVISION_REQUESTED' })
  returnReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the submission was last returned' })
  returnedAt!: Date | null;
  @Field(() => Int, { description: 'Optimistic-lock version of the submission record' })
  version!: number;
  @Field(() => Date)
  createdAt!: Date;
  @Field(() => Date)
  updatedAt!: Date;

  /** not exposed: the entity, for field resolvers */
  entity!: Submission;
}

@InputType('AnswerInput')
export class AnswerInput {
  @Field(() => Int)
  soalId!: number;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Option key, count, survey index, or null to clear' })
  value?: unknown;
  @Field(() => String, { nullable: true })
  @MaxLength(4000)
  note?: string | null;
  @Field(() => Int, { nullable: true, description: 'Version the client edited; null for an answer that does not exist yet' })
  expectedVersion?: number | null;
}

@ObjectType('SaveAnswersPayload')
export class SaveAnswersPayload {
  @Field(() => SubmissionGql)
  submission!: SubmissionGql;
  @Field(() => [AnswerGql], { description: 'The answers of the batch as stored now' })
  answers!: AnswerGql[];
  @Field(() => ScoreGql, { description: 'New scores of the level written (computed only when asked for)' })
  score?: ScoreGql;

  /** not exposed: the level written, for the score field resolver */
  level!: AnswerLevel;
}
