import { DateTimeType, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { AnswerValue } from '@pantau/shared';
import { AnswerLevel } from '../../common/enums';
import { Submission } from '../submission/entities';
import { User } from '../user/entities';

/**
 * One answer slot: submission × soal × level. `valueJson` holds the JSON text of the value
 * (an option key string, a number, or null) so that every database stores it the same way.
 */
@Entity({ tableName: 'answer' })
@Unique({ properties: ['submission', 'soalId', 'level'] })
export class Answer {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Submission)
  submission!: Submission;

  @Property({ type: 'integer' })
  soalId!: number;

  @Enum({ items: () => AnswerLevel, type: 'string' })
  level!: AnswerLevel;

  @Property({ type: 'text', nullable: true })
  valueJson?: string | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToOne(() => User, { nullable: true })
  updatedBy?: User | null;

  @Property({ type: DateTimeType })
  updatedAt: Date = new Date();

  /**
   * Optimistic lock: clients send the version they edited (checked by the answer service for a CONFLICT with
   * details). Enforced by the database too: a version property, so every UPDATE is
   * `… set version = version + 1 where id = ? and version = ?` and one that matches no row (another process
   * saved first) fails with OptimisticLockError → CONFLICT. Never bump it by hand; set updatedAt on a change.
   * (The score cache does not read it: database triggers bump `submission.answers_rev` on every answer write.)
   */
  @Property({ type: 'integer', version: true })
  version: number = 1;

  get value(): AnswerValue {
    return decodeValue(this.valueJson);
  }
}

export function encodeValue(v: AnswerValue | undefined): string | null {
  return v === null || v === undefined ? null : JSON.stringify(v);
}

export function decodeValue(s: string | null | undefined): AnswerValue {
  if (s === null || s === undefined) return null;
  try {
    const v = JSON.parse(s);
    return typeof v === 'string' || typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}
