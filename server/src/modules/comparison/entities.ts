import { DateTimeType, Entity, ManyToOne, Property } from '@mikro-orm/core';
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
