import { DateTimeType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Satker } from '../org/entities';
import { Period } from '../period/entities';
import { User } from '../user/entities';

/** Stages with a deadline on the period (shared `Stage`). */
export enum StageEnum {
  selfAssessment = 'selfAssessment',
  kanwilReview = 'kanwilReview',
  deskEvaluation = 'deskEvaluation',
  nomination = 'nomination',
}

/**
 * An admin's extension of a stage deadline of a period, for every unit (satker = null) or for one unit.
 * The effective deadline is the latest of the period's own and every extension that applies.
 */
@Entity({ tableName: 'deadline_extension' })
@Index({ properties: ['period', 'stage'] })
export class DeadlineExtension {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Period)
  period!: Period;

  @Enum({ items: () => StageEnum, type: 'string' })
  stage!: StageEnum;

  @ManyToOne(() => Satker, { nullable: true })
  satker?: Satker | null;

  @Property({ type: DateTimeType })
  deadline!: Date;

  @Property({ type: 'text' })
  reason!: string;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
