import {
  ChangePasswordDocument,
  CreatePortalRbTokenDocument,
  ImportAnswersDocument,
  InstansiListDocument,
  PortalRbTokensDocument,
  RevokePortalRbTokenDocument,
  RotatePortalRbTokenDocument,
  type AnswerLevel,
  type CreatePortalRbTokenMutation,
  type ImportAnswersMutation,
  type InstansiListQuery,
  type PortalRbTokensQuery,
} from '@/graphql/generated';
import { request } from './client';

export type PortalRbTokenRow = PortalRbTokensQuery['portalRbTokens'][number];
export type IssuedToken = CreatePortalRbTokenMutation['createPortalRbToken'];
export type ImportReport = ImportAnswersMutation['importAnswers'];

export type InstansiRow = InstansiListQuery['instansiList'][number];
/** Whose tokens: one Kanwil's, or an instansi's (every Kanwil of it; admin only). */
export type TokenOwner = { kanwilId: number; instansiId?: never } | { instansiId: number; kanwilId?: never };

export async function fetchInstansiList(): Promise<InstansiRow[]> {
  return (await request(InstansiListDocument, {})).instansiList;
}
/** The operations' variables name both owners; the one not given is null. */
const ownerVars = (owner: TokenOwner) => ({ kanwilId: owner.kanwilId ?? null, instansiId: owner.instansiId ?? null });

export async function fetchPortalRbTokens(owner: TokenOwner): Promise<PortalRbTokenRow[]> {
  return (await request(PortalRbTokensDocument, ownerVars(owner))).portalRbTokens;
}
export async function createPortalRbToken(owner: TokenOwner): Promise<IssuedToken> {
  return (await request(CreatePortalRbTokenDocument, ownerVars(owner))).createPortalRbToken;
}
export async function rotatePortalRbToken(owner: TokenOwner): Promise<IssuedToken> {
  return (await request(RotatePortalRbTokenDocument, ownerVars(owner))).rotatePortalRbToken;
}
export async function revokePortalRbToken(tokenId: number): Promise<PortalRbTokenRow> {
  return (await request(RevokePortalRbTokenDocument, { tokenId })).revokePortalRbToken;
}
export async function importAnswers(submissionId: number, level: AnswerLevel, json: Record<string, unknown>): Promise<ImportReport> {
  return (await request(ImportAnswersDocument, { submissionId, level, json })).importAnswers;
}
export async function changePassword(oldPassword: string, newPassword: string): Promise<boolean> {
  return (await request(ChangePasswordDocument, { oldPassword, newPassword })).changePassword;
}
