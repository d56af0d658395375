import { DateTimeType, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ReturnedBy, SubmissionStatus, TargetPredicate } from '../../common/enums';
import { Satker } from '../org/entities';
import { Period } from '../period/entities';
import { User } from '../user/entities';

/** One satker × period: its target predicate, ZI declaration date and workflow status. */
@Entity({ tableName: 'submission' })
@Unique({ properties: ['satker', 'period'] })
export class Submission {
  /** Properties with defaults: optional in em.create(). */
  [OptionalProps]?: 'status' | 'round' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Satker)
  satker!: Satker;

  @ManyToOne(() => Period)
  period!: Period;

  @Enum({ items: () => TargetPredicate, type: 'string' })
  target!: TargetPredicate;

  /** Pencanangan (ZI declaration) date, ISO `YYYY-MM-DD`. */
  @Property({ type: 'string', length: 10, nullable: true })
  pencananganDate?: string | null;

  @Enum({ items: () => SubmissionStatus, type: 'string' })
  status: SubmissionStatus = SubmissionStatus.DRAFT;

  @Property({ type: 'integer' })
  round: number = 1;

  @Enum({ items: () => ReturnedBy, type: 'string', nullable: true })
  returnedBy?: ReturnedBy | null;

  /** Alasan pengembalian: the reason of the latest return, kept on the submission so the unit can read it. */
  @Property({ type: 'text', nullable: true })
  returnReason?: string | null;

  @Property({ type: DateTimeType, nullable: true })
  returnedAt?: Date | null;

  /** Optimistic lock for status/metadata changes (bumped by MikroORM on every update). */
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /**
   * Change counter of this submission's answers, bumped by database triggers on every insert, update and delete of
   * its `answer` rows (migration …_answers_rev), in the writing statement's own transaction — whoever writes
   * (save, import, level copy, seed, raw SQL). The score cache and the progress snapshots compare it instead of
   * scanning the answers. Never written by the application (lazy: not loaded, so never part of an UPDATE).
   */
  @Property({ type: 'integer', default: 0, lazy: true })
  answersRev?: number;

  /** Its progress history was replayed from the audit trail into score_snapshot (progress/history.ts; once). */
  @Property({ type: 'boolean', default: false, lazy: true })
  historyReplayed?: boolean;
}

/** An evaluator (TPI) assigned to a submission: the only submissions an EVALUATOR may see. */
@Entity({ tableName: 'evaluator_assignment' })
@Unique({ properties: ['submission', 'user'] })
export class EvaluatorAssignment {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Submission)
  submission!: Submission;

  @ManyToOne(() => User)
  user!: User;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
