import { ProgressOverTimeDocument, type ProgressOverTimeQuery } from '@/graphql/generated';
import { request } from './client';

export type ProgressData = ProgressOverTimeQuery['progressOverTime'];

/** Completeness and total per ISO week: per unit (SELF) and Kanwil averages per level (from the server's progress snapshots). */
export async function fetchProgress(periodId: number, kanwilId?: number): Promise<ProgressData> {
  return (await request(ProgressOverTimeDocument, { periodId, kanwilId: kanwilId ?? null })).progressOverTime;
}
