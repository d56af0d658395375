import {
  ChangePasswordDocument,
  CreatePortalRbTokenDocument,
  ImportAnswersDocument,
  PortalRbTokensDocument,
  RevokePortalRbTokenDocument,
  RotatePortalRbTokenDocument,
  type AnswerLevel,
  type CreatePortalRbTokenMutation,
  type ImportAnswersMutation,
  type PortalRbTokensQuery,
} from '@/graphql/generated';
import { request } from './client';

export type PortalRbTokenRow = PortalRbTokensQuery['portalRbTokens'][number];
export type IssuedToken = CreatePortalRbTokenMutation['createPortalRbToken'];
export type ImportReport = ImportAnswersMutation['importAnswers'];

export async function fetchPortalRbTokens(kanwilId: number): Promise<PortalRbTokenRow[]> {
  return (await request(PortalRbTokensDocument, { kanwilId })).portalRbTokens;
}
export async function createPortalRbToken(kanwilId: number): Promise<IssuedToken> {
  return (await request(CreatePortalRbTokenDocument, { kanwilId })).createPortalRbToken;
}
export async function rotatePortalRbToken(kanwilId: number): Promise<IssuedToken> {
  return (await request(RotatePortalRbTokenDocument, { kanwilId })).rotatePortalRbToken;
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
