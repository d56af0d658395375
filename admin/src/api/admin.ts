import { KanwilsDocument, OrganisationDocument, SatkersDocument, type KanwilsQuery, type OrganisationQuery, type SatkersQuery } from '@/graphql/generated';
import { request } from './client';

export type SatkerRow = SatkersQuery['satkers'][number];

export async function fetchSatkers(): Promise<SatkerRow[]> {
  return (await request(SatkersDocument, { kanwilId: null })).satkers;
}

export type KanwilRow = KanwilsQuery['kanwils'][number];
export async function fetchKanwils(): Promise<KanwilRow[]> {
  return (await request(KanwilsDocument, {})).kanwils;
}

/** Instansi and Eselon I units (the scopes of the route reviewers' roles). */
export type OrganisationRows = OrganisationQuery;
export async function fetchOrganisation(): Promise<OrganisationRows> {
  return request(OrganisationDocument, {});
}
