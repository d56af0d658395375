import {
  CreateUserDocument,
  ResetUserPasswordDocument,
  UpdateUserDocument,
  UsersDocument,
  type AdminUserFragment,
  type CreateUserInput,
  type UpdateUserInput,
} from '@/graphql/generated';
import { request } from '@/api/client';

export type UserRow = AdminUserFragment;

export async function fetchUsers(): Promise<UserRow[]> {
  return (await request(UsersDocument, {})).users;
}
export async function createUser(input: CreateUserInput): Promise<number> {
  return (await request(CreateUserDocument, { input })).createUser.id;
}
export async function updateUser(id: number, input: UpdateUserInput): Promise<UserRow> {
  return (await request(UpdateUserDocument, { id, input })).updateUser;
}
/** A generated temporary password (shown once); the user must change it at the next sign-in. */
export async function resetUserPassword(id: number): Promise<{ user: UserRow; temporaryPassword: string }> {
  return (await request(ResetUserPasswordDocument, { id })).resetUserPassword;
}
