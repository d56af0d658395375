import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { LocalDate } from '../../common/scalars';
import { SatkerGql, satkerView } from '../org/types';
import { AdminSelectionOutcome, type TpnCycle, type TpnStage } from './entities';
import type { RankingRow } from './service';

registerEnumType(AdminSelectionOutcome, {
  name: 'AdminSelectionOutcome',
  description: 'TPN administrative selection: lulus / lulus dengan catatan / tidak lulus',
});

@ObjectType('TpnCycle', { description: 'An instansi’s yearly TPN quota and sanggah deadline' })
export class TpnCycleGql {
  @Field(() => Int)
  instansiId!: number;
  @Field(() => Int)
  year!: number;
  @Field(() => Int, { nullable: true })
  quota!: number | null;
  @Field(() => LocalDate, { nullable: true, description: 'Last day to file a sanggah (WIB)' })
  sanggahDeadline!: string | null;
}

@ObjectType('TpnStage', { description: 'A nominated submission’s TPN sub-stages' })
export class TpnStageGql {
  @Field(() => Int)
  submissionId!: number;
  @Field(() => AdminSelectionOutcome, { nullable: true })
  adminOutcome!: AdminSelectionOutcome | null;
  @Field(() => String, { nullable: true })
  adminNotes!: string | null;
  @Field(() => Date, { nullable: true })
  adminRecordedAt!: Date | null;
  @Field(() => String, { nullable: true })
  sanggahReason!: string | null;
  @Field(() => [Int])
  sanggahEvidenceIds!: number[];
  @Field(() => Date, { nullable: true })
  sanggahFiledAt!: Date | null;
}

@ObjectType('TpnRankingRow')
export class TpnRankingRowGql {
  @Field(() => Int)
  submissionId!: number;
  @Field(() => SatkerGql)
  satker!: SatkerGql;
  @Field(() => String)
  target!: string;
  @Field(() => String)
  status!: string;
  @Field(() => Float, { description: 'TPN-level total (TPN answers over TPI)' })
  score!: number;
  @Field(() => AdminSelectionOutcome, { nullable: true })
  adminOutcome!: AdminSelectionOutcome | null;
  @Field(() => Int, { nullable: true, description: 'Rank among candidates still in the race (null: failed administrative selection)' })
  rank!: number | null;
  @Field()
  withinQuota!: boolean;
}

@ObjectType('TpnRanking')
export class TpnRankingGql {
  @Field(() => Int)
  instansiId!: number;
  @Field(() => Int)
  year!: number;
  @Field(() => Int, { nullable: true })
  quota!: number | null;
  @Field(() => [TpnRankingRowGql])
  rows!: TpnRankingRowGql[];
}

@InputType('TpnCycleInput')
export class TpnCycleInput {
  @Field(() => Int)
  instansiId!: number;
  @Field(() => Int)
  year!: number;
  @Field(() => Int, { nullable: true })
  quota?: number | null;
  @Field(() => LocalDate, { nullable: true })
  sanggahDeadline?: string | null;
}

@InputType('SanggahInput')
export class SanggahInput {
  @Field()
  @MaxLength(5000)
  reason!: string;
  @Field(() => [Int])
  evidenceIds!: number[];
}

export const cycleView = (c: TpnCycle): TpnCycleGql => ({
  instansiId: c.instansi.id,
  year: c.year,
  quota: c.quota ?? null,
  sanggahDeadline: c.sanggahDeadline ?? null,
});
export const stageView = (s: TpnStage): TpnStageGql => ({
  submissionId: s.submission.id,
  adminOutcome: s.adminOutcome ?? null,
  adminNotes: s.adminNotes ?? null,
  adminRecordedAt: s.adminRecordedAt ?? null,
  sanggahReason: s.sanggahReason ?? null,
  sanggahEvidenceIds: s.sanggahEvidenceIds ?? [],
  sanggahFiledAt: s.sanggahFiledAt ?? null,
});
export const rankingRowView = (r: RankingRow): TpnRankingRowGql => ({
  submissionId: r.submission.id,
  satker: satkerView(r.submission.satker),
  target: r.submission.target,
  status: r.submission.status,
  score: r.score,
  adminOutcome: r.outcome,
  rank: r.rank,
  withinQuota: r.withinQuota,
});
