import { CreateUserDocument, KanwilsDocument, SatkersDocument, UpdateUserDocument, UsersDocument, type CreateUserInput, type KanwilsQuery, type SatkersQuery, type UpdateUserInput, type UsersQuery } from '@/graphql/generated';
import { request } from './client';

export type UserRow = UsersQuery['users'][number];
export type SatkerRow = SatkersQuery['satkers'][number];

export async function fetchUsers(): Promise<UserRow[]> {
  return (await request(UsersDocument, {})).users;
}
export async function fetchSatkers(): Promise<SatkerRow[]> {
  return (await request(SatkersDocument, { kanwilId: null })).satkers;
}

export type KanwilRow = KanwilsQuery['kanwils'][number];
export async function fetchKanwils(): Promise<KanwilRow[]> {
  return (await request(KanwilsDocument, {})).kanwils;
}
export async function createUser(input: CreateUserInput) {
  return (await request(CreateUserDocument, { input })).createUser;
}
export async function updateUser(id: number, input: UpdateUserInput) {
  return (await request(UpdateUserDocument, { id, input })).updateUser;
}
