import {
  AddPredicateDocument,
  CreateKanwilDocument,
  CreateSatkerDocument,
  OrgUnitsDocument,
  RevokePredicateDocument,
  UpdateKanwilDocument,
  UpdateSatkerDocument,
  type OrgUnitsQuery,
  type PredicateInput,
  type SatkerInput,
  type SatkerKind,
  type SatkerUpdateInput,
} from '@/graphql/generated';
import { request } from './client';

export type OrgUnits = OrgUnitsQuery;
export type OrgKanwil = OrgUnitsQuery['kanwils'][number];
export type OrgSatker = OrgUnitsQuery['satkers'][number];
export type OrgPredicate = OrgSatker['predicates'][number];
export type { SatkerKind };

export const SATKER_KINDS: SatkerKind[] = ['KANIM', 'RUTAN', 'LAPAS', 'RUDENIM', 'BAPAS', 'LPKA', 'RUPBASAN', 'KANWIL', 'OTHER'];

export async function fetchOrgUnits(): Promise<OrgUnits> {
  return request(OrgUnitsDocument, { kanwilId: null });
}
export async function createKanwil(code: string, name: string) {
  return (await request(CreateKanwilDocument, { input: { code, name } })).createKanwil;
}
export async function updateKanwil(id: number, name: string) {
  return (await request(UpdateKanwilDocument, { id, name })).updateKanwil;
}
export async function createSatker(input: SatkerInput) {
  return (await request(CreateSatkerDocument, { input })).createSatker;
}
export async function updateSatker(id: number, input: SatkerUpdateInput) {
  return (await request(UpdateSatkerDocument, { id, input })).updateSatker;
}
export async function addPredicate(satkerId: number, input: PredicateInput) {
  return (await request(AddPredicateDocument, { satkerId, input })).addPredicate;
}
export async function revokePredicate(predicateId: number, reason: string, decreeDate: string) {
  return (await request(RevokePredicateDocument, { predicateId, reason, decreeDate })).revokePredicate;
}
