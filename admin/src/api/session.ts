import { LoginDocument, LogoutDocument, MeDocument, type SessionUserFragment } from '@/graphql/generated';
import { request } from './client';

export type SessionUser = SessionUserFragment;

export async function fetchMe(): Promise<SessionUser | null> {
  const data = await request(MeDocument, {}, { silentAuth: true });
  return data.me;
}

export async function login(username: string, password: string): Promise<SessionUser> {
  const data = await request(LoginDocument, { username, password }, { silentAuth: true });
  return data.login;
}

export async function logout(): Promise<void> {
  await request(LogoutDocument, {}, { silentAuth: true });
}
