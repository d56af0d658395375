import {
  ADMIN_SELECTION_OUTCOMES,
  enumOf,
  TPN_EVALUATION_STEPS,
  type AdminSelectionOutcome as SharedOutcome,
  type AnswerValue,
  type TpnEvaluationStep as SharedStep,
} from '@pantau/shared';
import { DateTimeType, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Instansi } from '../org/entities';
import { Submission } from '../submission/entities';
import { User } from '../user/entities';

export const AdminSelectionOutcome = enumOf(ADMIN_SELECTION_OUTCOMES) satisfies { readonly [K in SharedOutcome]: K };
export type AdminSelectionOutcome = SharedOutcome;
export const TpnEvaluationStep = enumOf(TPN_EVALUATION_STEPS) satisfies { readonly [K in SharedStep]: K };
export type TpnEvaluationStep = SharedStep;

/** KemenPANRB's yearly settings for one instansi: its quota of TPN candidates and the objection (sanggah) deadline. */
@Entity({ tableName: 'tpn_cycle' })
@Unique({ properties: ['instansi', 'year'] })
export class TpnCycle {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Instansi)
  instansi!: Instansi;

  @Property({ type: 'integer' })
  year!: number;

  /** Number of units the TPN evaluates for the instansi this year (null = no quota set). */
  @Property({ type: 'integer', nullable: true })
  quota?: number | null;

  /** Last day (YYYY-MM-DD, WIB) to file a sanggah against the administrative selection. */
  @Property({ type: 'string', length: 10, nullable: true })
  sanggahDeadline?: string | null;

  @Property({ type: DateTimeType })
  updatedAt: Date = new Date();
}

/** A nominated submission's TPN sub-stages: administrative selection and its one sanggah. */
@Entity({ tableName: 'tpn_stage' })
export class TpnStage {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Submission)
  @Unique()
  submission!: Submission;

  @Enum({ items: () => AdminSelectionOutcome, type: 'string', nullable: true })
  adminOutcome?: AdminSelectionOutcome | null;

  @Property({ type: 'text', nullable: true })
  adminNotes?: string | null;

  @Property({ type: DateTimeType, nullable: true })
  adminRecordedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  adminRecordedBy?: User | null;

  @Property({ type: 'text', nullable: true })
  sanggahReason?: string | null;

  /** Evidence ids (of this submission) supporting the sanggah. */
  @Property({ type: 'json', nullable: true })
  sanggahEvidenceIds?: number[] | null;

  @Property({ type: DateTimeType, nullable: true })
  sanggahFiledAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  sanggahFiledBy?: User | null;
}

/**
 * One TPN evaluation step of a nominated submission (desk, field, panel): when it was held, notes, who recorded it.
 * The field step also keeps the values the field team recorded; those that differ were written into the TPN answer
 * level (TPI with the desk answers over it), so the TPN score and outcome follow them.
 */
@Entity({ tableName: 'tpn_step' })
@Unique({ properties: ['submission', 'step'] })
export class TpnStep {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Submission)
  submission!: Submission;

  @Enum({ items: () => TpnEvaluationStep, type: 'string' })
  step!: TpnEvaluationStep;

  /** YYYY-MM-DD: the day the step was held (desk review, field visit, panel session). */
  @Property({ type: 'string', length: 10 })
  heldOn!: string;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  /** FIELD: the field team's values by soal_id (items not assessed are absent). */
  @Property({ type: 'json', nullable: true })
  fieldAnswers?: Record<string, AnswerValue> | null;

  @ManyToOne(() => User)
  recordedBy!: User;

  @Property({ type: DateTimeType })
  recordedAt: Date = new Date();
}
