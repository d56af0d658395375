import { DateTimeType, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Submission } from '../submission/entities';

/**
 * Derived data: per-level score summaries of one submission, valid while `fingerprint` equals the fingerprint of
 * its current answers and survey results (see score-cache.ts). Never the source of truth: a row may be missing or
 * stale at any time and is then recomputed from the answers.
 */
@Entity({ tableName: 'submission_score_cache' })
export class SubmissionScoreCache {
  @ManyToOne(() => Submission, { primary: true, deleteRule: 'cascade' })
  submission!: Submission;

  @Property({ type: 'string', length: 255 })
  fingerprint!: string;

  /** JSON text of CachedScores (text, not json: read back identically on every database). */
  @Property({ type: 'text' })
  payload!: string;

  @Property({ type: DateTimeType })
  computedAt: Date = new Date();
}

/**
 * Progress history: one submission's completeness and total at one level as they stood at the end of a day (UTC),
 * written whenever its scores are recomputed (score-cache.ts: on any read of the Kanwil's scores after the answers
 * changed, and by the scheduler's tick) and, once per submission, replayed from the audit trail (progress/history.ts).
 * The progress chart reads these rows only, so its cost does not grow with the audit log.
 */
@Entity({ tableName: 'score_snapshot' })
export class ScoreSnapshot {
  @ManyToOne(() => Submission, { primary: true, deleteRule: 'cascade' })
  submission!: Submission;

  @PrimaryKey({ type: 'string', length: 8 })
  level!: string;

  /** UTC day, `YYYY-MM-DD`. */
  @PrimaryKey({ type: 'string', length: 10 })
  day!: string;

  @Property({ type: 'double' })
  completeness!: number;

  @Property({ type: 'double' })
  total!: number;
}
