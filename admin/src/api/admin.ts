import { KanwilsDocument, SatkersDocument, type KanwilsQuery, type SatkersQuery } from '@/graphql/generated';
import { request } from './client';

export type SatkerRow = SatkersQuery['satkers'][number];

export async function fetchSatkers(): Promise<SatkerRow[]> {
  return (await request(SatkersDocument, { kanwilId: null })).satkers;
}

export type KanwilRow = KanwilsQuery['kanwils'][number];
export async function fetchKanwils(): Promise<KanwilRow[]> {
  return (await request(KanwilsDocument, {})).kanwils;
}
