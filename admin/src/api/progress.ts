import { ProgressOverTimeDocument, type ProgressOverTimeQuery } from '@/graphql/generated';
import { request } from './client';

export type ProgressData = ProgressOverTimeQuery['progressOverTime'];

/** SELF completeness and total per ISO week, per unit and Kanwil average (replayed by the server from the audit trail). */
export async function fetchProgress(periodId: number, kanwilId?: number): Promise<ProgressData> {
  return (await request(ProgressOverTimeDocument, { periodId, kanwilId: kanwilId ?? null })).progressOverTime;
}
