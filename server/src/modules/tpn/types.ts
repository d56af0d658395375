import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { currentTpnSubstage, TPN_SUBSTAGES, type TpnSubstage } from '@pantau/shared';
import { MaxLength } from 'class-validator';
import { LocalDate } from '../../common/scalars';
import { SatkerGql, satkerView } from '../org/types';
import { UserRefGql } from '../user/types';
import { userRef } from '../review/types';
import { SubmissionStatus } from '../../common/enums';
import { AdminSelectionOutcome, TpnEvaluationStep, type TpnCycle, type TpnStage, type TpnStep } from './entities';
import type { RankingRow } from './service';

registerEnumType(AdminSelectionOutcome, {
  name: 'AdminSelectionOutcome',
  description: 'TPN administrative selection: lulus / lulus dengan catatan / tidak lulus',
});

registerEnumType(TpnEvaluationStep, { name: 'TpnEvaluationStep', description: 'TPN evaluation steps after the administrative selection: desk, field, panel' });

/** The TPN sub-stages as a GraphQL enum (shared TPN_SUBSTAGES). */
const TpnSubstageEnum = Object.fromEntries(TPN_SUBSTAGES.map((s) => [s, s])) as { [K in TpnSubstage]: K };
registerEnumType(TpnSubstageEnum, { name: 'TpnSubstage', description: 'Where a nominated submission is in the TPN stage' });

@ObjectType('TpnStep', { description: 'One TPN evaluation step (desk, field, panel) of a nominated submission' })
export class TpnStepGql {
  @Field(() => TpnEvaluationStep)
  step!: TpnEvaluationStep;
  @Field(() => LocalDate, { description: 'The day the step was held' })
  heldOn!: string;
  @Field(() => String, { nullable: true })
  notes!: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'FIELD: the field team’s values by soal_id' })
  fieldAnswers!: Record<string, unknown> | null;
  @Field(() => UserRefGql, { nullable: true })
  recordedBy!: UserRefGql | null;
  @Field(() => Date)
  recordedAt!: Date;
}

@ObjectType('TpnStepResult')
export class TpnStepResultGql {
  @Field(() => TpnStepGql)
  step!: TpnStepGql;
  @Field(() => [Int], { description: 'Items whose TPN answer the field values replaced' })
  changedSoalIds!: number[];
}

@InputType('TpnStepInput')
export class TpnStepInput {
  @Field(() => TpnEvaluationStep)
  step!: TpnEvaluationStep;
  @Field(() => LocalDate)
  heldOn!: string;
  @Field(() => String, { nullable: true })
  @MaxLength(5000)
  notes?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'FIELD only: the field team’s values by soal_id (items not assessed left out)' })
  fieldAnswers?: Record<string, unknown> | null;
}

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
  @Field(() => [TpnStepGql], { description: 'Desk, field and panel steps recorded so far' })
  steps!: TpnStepGql[];
  @Field(() => TpnSubstageEnum, { description: 'The sub-stage the submission is at (RESULT once the TPN outcome is recorded)' })
  substage!: TpnSubstage;
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
export const stepView = (s: TpnStep): TpnStepGql => ({
  step: s.step,
  heldOn: s.heldOn,
  notes: s.notes ?? null,
  fieldAnswers: s.fieldAnswers ?? null,
  recordedBy: userRef(s.recordedBy),
  recordedAt: s.recordedAt,
});
export const stageView = (submissionId: number, s: TpnStage | null, steps: TpnStep[] = [], status?: SubmissionStatus): TpnStageGql => ({
  submissionId,
  adminOutcome: s?.adminOutcome ?? null,
  adminNotes: s?.adminNotes ?? null,
  adminRecordedAt: s?.adminRecordedAt ?? null,
  sanggahReason: s?.sanggahReason ?? null,
  sanggahEvidenceIds: s?.sanggahEvidenceIds ?? [],
  sanggahFiledAt: s?.sanggahFiledAt ?? null,
  steps: steps.map(stepView),
  substage: currentTpnSubstage({
    adminOutcome: s?.adminOutcome ?? null,
    sanggahFiled: !!s?.sanggahFiledAt,
    steps: steps.map((x) => x.step),
    resultRecorded: status === SubmissionStatus.AWARDED || status === SubmissionStatus.NOT_AWARDED,
  }),
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
