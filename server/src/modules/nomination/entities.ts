import { DateTimeType, Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { TargetPredicate } from '../../common/enums';
import { Submission } from '../submission/entities';
import { User } from '../user/entities';

export enum NominationStatus {
  /** Proposed to the TPN, awaiting the outcome. */
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
  AWARDED = 'AWARDED',
  NOT_AWARDED = 'NOT_AWARDED',
}

/**
 * A proposal of a desk-evaluated submission to the TPN, with the eligibility and the prerequisite checklist
 * exactly as they were when it was made (JSON snapshots), and later the TPN outcome.
 */
@Entity({ tableName: 'nomination' })
export class Nomination {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Submission)
  submission!: Submission;

  @Enum({ items: () => TargetPredicate, type: 'string' })
  target!: TargetPredicate;

  /** P5/2024 priority unit (kategori WBK-AFIRMASI). */
  @Property({ type: 'boolean' })
  afirmasi: boolean = false;

  @Enum({ items: () => NominationStatus, type: 'string' })
  status: NominationStatus = NominationStatus.ACTIVE;

  /** Eligibility on TPI scores at nomination time (shared `Eligibility` + scores). */
  @Property({ type: 'json' })
  eligibility!: unknown;

  /** Prerequisite checklist at nomination time. */
  @Property({ type: 'json' })
  checklist!: unknown;

  @Property({ type: 'text', nullable: true })
  overrideReason?: string | null;

  @ManyToOne(() => User)
  nominatedBy!: User;

  @Property({ type: DateTimeType })
  nominatedAt: Date = new Date();

  @ManyToOne(() => User, { nullable: true })
  withdrawnBy?: User | null;

  @Property({ type: DateTimeType, nullable: true })
  withdrawnAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  withdrawnReason?: string | null;

  // --- TPN outcome ---
  @Enum({ items: () => TargetPredicate, type: 'string', nullable: true })
  predicate?: TargetPredicate | null;

  @Property({ type: 'string', length: 200, nullable: true })
  decreeNumber?: string | null;

  @Property({ type: 'string', length: 10, nullable: true })
  decreeDate?: string | null;

  @Property({ type: 'text', nullable: true })
  outcomeReason?: string | null;

  /** TPN eligibility computed when the outcome was recorded (JSON snapshot). */
  @Property({ type: 'json', nullable: true })
  tpnEligibility?: unknown;

  @ManyToOne(() => User, { nullable: true })
  decidedBy?: User | null;

  @Property({ type: DateTimeType, nullable: true })
  decidedAt?: Date | null;
}
