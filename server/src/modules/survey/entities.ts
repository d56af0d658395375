import { DateTimeType, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SurveyKindEnum, SurveySource } from '../../common/enums';
import { Submission } from '../submission/entities';
import { Satker } from '../org/entities';
import { Period } from '../period/entities';
import { User } from '../user/entities';

/** A code + display name (service types and respondent groups of a round). */
export interface CodedName {
  code: string;
  name: string;
}

/**
 * A survey round (putaran survei) of one unit and period: the unit's own SPKP + SPAK survey among people who have
 * finished a service, for the listed service types (jenis layanan) and respondent groups (kelompok responden),
 * open from startDate to endDate (ISO dates, Asia/Jakarta) unless closed earlier.
 */
@Entity({ tableName: 'survey_round' })
export class SurveyRound {
  [OptionalProps]?: 'createdAt' | 'closedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Satker)
  satker!: Satker;

  @ManyToOne(() => Period)
  period!: Period;

  /** Questionnaire version id (shared BUNDLED_QUESTIONNAIRES). */
  @Property({ type: 'string', length: 40 })
  questionnaireVersion!: string;

  @Property({ type: 'string', length: 10 })
  startDate!: string;

  @Property({ type: 'string', length: 10 })
  endDate!: string;

  /** JSON text of CodedName[] (text, not json: read back identically on every database). */
  @Property({ type: 'text' })
  serviceTypesJson!: string;

  /** JSON text of CodedName[]. */
  @Property({ type: 'text' })
  respondentGroupsJson!: string;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  /** Closed (ended early or after the end date): no more responses; the result was recorded then. */
  @Property({ type: DateTimeType, nullable: true })
  closedAt?: Date | null = null;
}

/** The public link of one service type of a round (printed as a QR code). The token is not a secret. */
@Entity({ tableName: 'survey_link' })
export class SurveyLink {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => SurveyRound, { deleteRule: 'cascade' })
  round!: SurveyRound;

  @Property({ type: 'string', length: 40 })
  serviceType!: string;

  @Property({ type: 'string', length: 64 })
  @Unique()
  token!: string;
}

/** A one-time response ticket handed out with the form (only its SHA-256 is stored); one response per ticket. */
@Entity({ tableName: 'survey_ticket' })
export class SurveyTicket {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => SurveyLink, { deleteRule: 'cascade' })
  link!: SurveyLink;

  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @Property({ type: DateTimeType })
  issuedAt: Date = new Date();
}

/** One respondent's answers (no personal data): every statement of the round's questionnaire, all or nothing. */
@Entity({ tableName: 'survey_response' })
export class SurveyResponse {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => SurveyRound, { deleteRule: 'cascade' })
  round!: SurveyRound;

  @ManyToOne(() => SurveyLink)
  link!: SurveyLink;

  /** The ticket it was sent with: unique, so a second submission with the same ticket fails in the database. */
  @ManyToOne(() => SurveyTicket, { unique: true })
  ticket!: SurveyTicket;

  @Property({ type: 'string', length: 40 })
  serviceType!: string;

  @Property({ type: 'string', length: 40 })
  respondentGroup!: string;

  /** JSON text of { statementCode: score }. */
  @Property({ type: 'text' })
  scoresJson!: string;

  @Property({ type: DateTimeType })
  submittedAt: Date = new Date();
}

/** Per-link request counter in fixed one-minute windows (the public form's rate limit, shared by all processes). */
@Entity({ tableName: 'survey_rate_window' })
export class SurveyRateWindow {
  @PrimaryKey({ type: 'integer' })
  linkId!: number;

  /** 'form' (form fetches) or 'submit' (submission attempts). */
  @PrimaryKey({ type: 'string', length: 10 })
  action!: string;

  /** Window start, minutes since the epoch. */
  @PrimaryKey({ type: 'integer' })
  windowStart!: number;

  @Property({ type: 'integer' })
  hits!: number;
}

/** An IPAK/IPKP survey result recorded for a submission; which one counts at a level is the shared survey precedence (surveyInForce). */
@Entity({ tableName: 'survey_result' })
export class SurveyResult {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Submission)
  submission!: Submission;

  @Enum({ items: () => SurveyKindEnum, type: 'string' })
  kind!: SurveyKindEnum;

  /** Index 0.00–4.00 */
  @Property({ type: 'double' })
  index!: number;

  @Property({ type: 'integer', nullable: true })
  respondents?: number | null;

  @Enum({ items: () => SurveySource, type: 'string' })
  source!: SurveySource;

  @Property({ type: DateTimeType })
  recordedAt: Date = new Date();

  /**
   * Id of the unit's own survey round this INTERNAL result came from (null: entered by hand). A plain column, not
   * a foreign key: SQLite cannot add a foreign key to an existing table without rebuilding it.
   */
  @Property({ type: 'integer', nullable: true })
  @Index()
  roundId?: number | null;
}
