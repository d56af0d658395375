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

@ObjectType('ProgressUnitLevel', { description: 'One unit’s series at one level, one value per week of `weeks` (null before the level held answers)' })
export class ProgressUnitLevelGql {
  @Field({ description: 'SELF, KANWIL, TPI or TPN' })
  level!: string;
  @Field(() => [Float], { nullable: 'items', description: 'Completeness, 0–1' })
  completeness!: (number | null)[];
  @Field(() => [Float], { nullable: 'items', description: 'Total, 0–100' })
  total!: (number | null)[];
}

@ObjectType('ProgressLevelSeries', { description: 'The Kanwil average at one level, one value per week of `weeks`' })
export class ProgressLevelSeriesGql {
  @Field({ description: 'SELF, KANWIL, TPI or TPN' })
  level!: string;
  @Field(() => [Int], { description: 'Submissions with a value at this level that week (averaged over)' })
  submissions!: number[];
  @Field(() => [Float], { nullable: 'items', description: 'Average completeness, 0–1 (null when no submission has a value)' })
  averageCompleteness!: (number | null)[];
  @Field(() => [Float], { nullable: 'items', description: 'Average total, 0–100 (null when no submission has a value)' })
  averageTotal!: (number | null)[];
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
  @Field(() => [ProgressUnitLevelGql], { description: 'Every level’s series (SELF, KANWIL, TPI, TPN)' })
  levels!: ProgressUnitLevelGql[];
}

@ObjectType('ProgressOverTime', {
  description:
    'Completeness and total per ISO week at every level, from the progress snapshots (taken whenever a submission’s scores are ' +
    'recomputed after its answers changed; before that, replayed once from the audit trail, where answers that predate it — seed ' +
    'data, level copies — count from the start). `weeks`/`units` hold SELF, `levels` and `units.levels` every level.',
})
export class ProgressOverTimeGql {
  @Field(() => KanwilGql)
  kanwil!: KanwilGql;
  @Field(() => PeriodGql)
  period!: PeriodGql;
  @Field({ description: 'The level of `weeks` and of `units.completeness/selfTotal`: always SELF' })
  level!: string;
  @Field(() => [ProgressWeekGql])
  weeks!: ProgressWeekGql[];
  @Field(() => [ProgressUnitSeriesGql])
  units!: ProgressUnitSeriesGql[];
  @Field(() => [ProgressLevelSeriesGql], { description: 'The Kanwil averages per level (SELF, KANWIL, TPI, TPN)' })
  levels!: ProgressLevelSeriesGql[];
}
