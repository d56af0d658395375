import { Collection, DateTimeType, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AnswerLevel } from '../../common/enums';
import { Submission } from '../submission/entities';
import { User } from '../user/entities';

/** What a piece of evidence supports. */
export enum EvidencePurpose {
  /** Data dukung of one LKE item (soalId set). */
  ANSWER = 'ANSWER',
  /** The TPI's evaluation report (Laporan Hasil Evaluasi) at desk-evaluation end. */
  LHE = 'LHE',
  /** The unit head's statement of responsibility, needed for the nomination. */
  SPTJM = 'SPTJM',
  /** Evidence of a nomination prerequisite (TLHP, LHKPN, SAKIP, …). */
  PREREQUISITE = 'PREREQUISITE',
}

/**
 * One evidence document of a submission (a file with revisions). Soft-deleted only: its revisions stay
 * stored and auditable.
 */
@Entity({ tableName: 'evidence' })
@Index({ properties: ['submission', 'soalId'] })
export class Evidence {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Submission)
  submission!: Submission;

  @Enum({ items: () => EvidencePurpose, type: 'string' })
  purpose: EvidencePurpose = EvidencePurpose.ANSWER;

  /** The LKE item (soal_id) for ANSWER evidence; null for LHE/SPTJM/PREREQUISITE. */
  @Property({ type: 'integer', nullable: true })
  soalId?: number | null;

  /** Whose view the evidence belongs to (SELF for the unit's data dukung, TPI for the LHE, …). */
  @Enum({ items: () => AnswerLevel, type: 'string' })
  level: AnswerLevel = AnswerLevel.SELF;

  @Property({ type: 'string', length: 200, nullable: true })
  title?: string | null;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** Number of the revision served by default (the latest). */
  @Property({ type: 'integer' })
  currentRevision: number = 1;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType })
  updatedAt: Date = new Date();

  @Property({ type: 'boolean' })
  deleted: boolean = false;

  @Property({ type: DateTimeType, nullable: true })
  deletedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  deletedBy?: User | null;

  @OneToMany(() => EvidenceRevision, (r) => r.evidence)
  revisions = new Collection<EvidenceRevision>(this);
}

/** One uploaded file of an evidence. The bytes live at `<dataDir>/evidence/<sha[0:2]>/<sha>`. */
@Entity({ tableName: 'evidence_revision' })
@Unique({ properties: ['evidence', 'no'] })
export class EvidenceRevision {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Evidence)
  evidence!: Evidence;

  /** 1, 2, … per evidence. */
  @Property({ type: 'integer' })
  no!: number;

  /** Lower-case hex SHA-256 of the content (also its storage address). */
  @Property({ type: 'string', length: 64 })
  @Index()
  sha256!: string;

  @Property({ type: 'integer' })
  size!: number;

  /** Sniffed from the content, never taken from the client. */
  @Property({ type: 'string', length: 120 })
  mimeType!: string;

  /** The client's file name, sanitised (see sanitizeFileName). */
  @Property({ type: 'string', length: 200 })
  fileName!: string;

  @ManyToOne(() => User)
  uploadedBy!: User;

  @Property({ type: DateTimeType })
  uploadedAt: Date = new Date();
}
