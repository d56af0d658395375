import {
  KanwilComparisonDocument,
  PeriodsDocument,
  SatkerDetailDocument,
  SubmissionDetailDocument,
  SubmissionsDocument,
  type KanwilComparisonQuery,
  type PeriodsQuery,
  type SatkerDetailQuery,
  type SubmissionDetailQuery,
  type SubmissionsQuery,
} from '@/graphql/generated';
import { request } from './client';

export type PeriodRow = PeriodsQuery['periods'][number];
export type SubmissionRow = SubmissionsQuery['submissions'][number];
export type ComparisonData = KanwilComparisonQuery['kanwilComparison'];
export type ComparisonRow = ComparisonData['rows'][number];
export type SubmissionDetail = SubmissionDetailQuery['submission'];
export type SatkerDetail = SatkerDetailQuery['satker'];

export async function fetchPeriods(): Promise<PeriodRow[]> {
  return (await request(PeriodsDocument, {})).periods;
}
export async function fetchSubmissions(periodId: number, satkerId?: number): Promise<SubmissionRow[]> {
  return (await request(SubmissionsDocument, { periodId, satkerId: satkerId ?? null })).submissions;
}
export async function fetchComparison(periodId: number, kanwilId?: number): Promise<ComparisonData> {
  return (await request(KanwilComparisonDocument, { periodId, kanwilId: kanwilId ?? null })).kanwilComparison;
}
export async function fetchSubmissionDetail(id: number): Promise<SubmissionDetail> {
  return (await request(SubmissionDetailDocument, { id })).submission;
}
export async function fetchSatker(id: number): Promise<SatkerDetail> {
  return (await request(SatkerDetailDocument, { id })).satker;
}
