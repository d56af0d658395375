/** Answers as plain rows (one SELECT with their authors, no entity hydration): LKE opens, scoring, saves. */
import type { EntityManager } from '@mikro-orm/knex';
import { toDate } from '../../db/lean';

export interface AnswerRow {
  id: number;
  submissionId: number;
  soalId: number;
  level: string;
  valueJson: string | null;
  note: string | null;
  version: number;
  updatedAt: Date;
  updatedBy: { id: number; username: string; displayName: string } | null;
}

export function answerRowOf(r: Record<string, unknown>): AnswerRow {
  return {
    id: Number(r.id),
    submissionId: Number(r.submission_id),
    soalId: Number(r.soal_id),
    level: String(r.level),
    valueJson: (r.value_json as string | null) ?? null,
    note: (r.note as string | null) ?? null,
    version: Number(r.version),
    updatedAt: toDate(r.updated_at),
    updatedBy: r.u_id == null ? null : { id: Number(r.u_id), username: String(r.u_username), displayName: String(r.u_display_name) },
  };
}

const COLUMNS = [
  'a.id',
  'a.submission_id',
  'a.soal_id',
  'a.level',
  'a.value_json',
  'a.note',
  'a.version',
  'a.updated_at',
  'u.id as u_id',
  'u.username as u_username',
  'u.display_name as u_display_name',
];

/** Every stored answer of the submissions (all levels), ordered by soal id. */
export async function answerRows(em: EntityManager, submissionIds: readonly number[]): Promise<AnswerRow[]> {
  if (!submissionIds.length) return [];
  const qb = em
    .getKnex()
    .select(COLUMNS)
    .from('answer as a')
    .leftJoin('app_user as u', 'u.id', 'a.updated_by_id')
    .whereIn('a.submission_id', [...submissionIds])
    .orderBy([{ column: 'a.submission_id' }, { column: 'a.soal_id' }, { column: 'a.id' }]);
  const rows = await em.execute<Record<string, unknown>[]>(qb);
  return rows.map(answerRowOf);
}
