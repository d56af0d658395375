import { Field, Float, Int, ObjectType } from 'type-graphql';
import { KanwilGql, SatkerGql } from '../org/types';
import { PeriodGql } from '../period/types';

@ObjectType('ProgressWeek', { description: 'One ISO week of the progress series: the state at the end of the week (now for the current week)' })
export class ProgressWeekGql {
  @Field({ description: 'ISO week, e.g. 2026-W47' })
  week!: string;
  @Field(() => Date, { description: 'Monday 00:00 UTC' })
  start!: Date;
  @Field(() => Date, { description: 'The instant the state is taken at: the next Monday 00:00 UTC, or now for the current week' })
  asOf!: Date;
  @Field(() => Int, { description: 'Submissions that existed by then (averaged over)' })
  submissions!: number;
  @Field(() => Float, { nullable: true, description: 'Kanwil average SELF completeness, 0–1 (null without submissions)' })
  averageCompleteness!: number | null;
  @Field(() => Float, { nullable: true, description: 'Kanwil average SELF total, 0–100 (null without submissions)' })
  averageSelfTotal!: number | null;
}

@ObjectType('ProgressUnitSeries', { description: 'One unit’s SELF series, one value per week of `weeks` (null before its submission existed)' })
export class ProgressUnitSeriesGql {
  @Field(() => SatkerGql)
  satker!: SatkerGql;
  @Field(() => Int)
  submissionId!: number;
  @Field(() => [Float], { nullable: 'items' })
  completeness!: (number | null)[];
  @Field(() => [Float], { nullable: 'items' })
  selfTotal!: (number | null)[];
}

@ObjectType('ProgressOverTime', {
  description:
    'SELF completeness and SELF total per ISO week, replayed from the audit trail (answers.save / answers.import of level SELF). ' +
    'Only the SELF level: the copies into KANWIL/TPI on a transition are not audited per answer, so those levels cannot be replayed. ' +
    'Answers that predate the audit trail (seeded data) count from the start of the series.',
})
export class ProgressOverTimeGql {
  @Field(() => KanwilGql)
  kanwil!: KanwilGql;
  @Field(() => PeriodGql)
  period!: PeriodGql;
  @Field({ description: 'Always SELF (see the type description)' })
  level!: string;
  @Field(() => [ProgressWeekGql])
  weeks!: ProgressWeekGql[];
  @Field(() => [ProgressUnitSeriesGql])
  units!: ProgressUnitSeriesGql[];
}
