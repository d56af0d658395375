import { DateTimeType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { enumOf, RECOMMENDATIONS, type Recommendation } from '@pantau/shared';
import { AnswerLevel } from '../../common/enums';
import { Submission } from '../submission/entities';
import { User } from '../user/entities';

/**
 * A review note on one item of a submission, at one level, in one round; replies (parent set) form a thread.
 * Open (unresolved) root notes are what a return asks the unit to fix; they stay visible until the reviewer
 * resolves them.
 */
@Entity({ tableName: 'review_note' })
@Index({ properties: ['submission', 'soalId'] })
export class ReviewNote {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Submission)
  submission!: Submission;

  @Property({ type: 'integer' })
  soalId!: number;

  @Enum({ items: () => AnswerLevel, type: 'string' })
  level!: AnswerLevel;

  @Property({ type: 'integer' })
  round!: number;

  @ManyToOne(() => User)
  author!: User;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: 'boolean' })
  resolved: boolean = false;

  @ManyToOne(() => User, { nullable: true })
  resolvedBy?: User | null;

  @Property({ type: DateTimeType, nullable: true })
  resolvedAt?: Date | null;

  @ManyToOne(() => ReviewNote, { nullable: true })
  parent?: ReviewNote | null;
}

export const RecommendedPredicate = enumOf(RECOMMENDATIONS) satisfies { readonly [K in Recommendation]: K };
export type RecommendedPredicate = Recommendation;

/** The TPI's closing of a desk evaluation: recommendation and the LHE it rests on. */
@Entity({ tableName: 'desk_evaluation' })
export class DeskEvaluation {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Submission)
  submission!: Submission;

  @Property({ type: 'integer' })
  round!: number;

  @Property({ type: 'text' })
  recommendation!: string;

  @Enum({ items: () => RecommendedPredicate, type: 'string' })
  recommendedPredicate!: RecommendedPredicate;

  /** Evidence id of the LHE (purpose LHE) at finalisation. */
  @Property({ type: 'integer', nullable: true })
  lheEvidenceId?: number | null;

  @ManyToOne(() => User)
  finalisedBy!: User;

  @Property({ type: DateTimeType })
  finalisedAt: Date = new Date();
}
