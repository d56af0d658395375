import { DateTimeType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { enumOf, STAGES, type Stage } from '@pantau/shared';
import { InstrumentVersion } from '../instrument/entities';
import { Kanwil, Satker } from '../org/entities';
import { User } from '../user/entities';

/** Stages with a deadline on the period (the shared `Stage`). */
export const StageEnum = enumOf(STAGES) satisfies { readonly [K in Stage]: K };
export type StageEnum = Stage;

/** One evaluation year, for one Kanwil or (kanwil = null) for all. */
@Entity({ tableName: 'period' })
export class Period {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @ManyToOne(() => Kanwil, { nullable: true })
  kanwil?: Kanwil | null;

  @ManyToOne(() => InstrumentVersion)
  instrumentVersion!: InstrumentVersion;

  @Property({ type: DateTimeType, nullable: true })
  selfAssessmentDeadline?: Date | null;

  @Property({ type: DateTimeType, nullable: true })
  kanwilReviewDeadline?: Date | null;

  /** Closes the Eselon I step of the routes that have one (shared/src/route.ts). */
  @Property({ type: DateTimeType, nullable: true })
  eselonReviewDeadline?: Date | null;

  @Property({ type: DateTimeType, nullable: true })
  deskEvaluationDeadline?: Date | null;

  @Property({ type: DateTimeType, nullable: true })
  nominationDeadline?: Date | null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
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
