import { DateTimeType, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { InstrumentVersion } from '../instrument/entities';
import { Kanwil } from '../org/entities';

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

  @Property({ type: DateTimeType, nullable: true })
  deskEvaluationDeadline?: Date | null;

  @Property({ type: DateTimeType, nullable: true })
  nominationDeadline?: Date | null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
