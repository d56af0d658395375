import {
  SaveAnswersDocument,
  SubmissionEvidenceDocument,
  SubmissionLkeDocument,
  type AnswerFieldsFragment,
  type AnswerInput as GqlAnswerInput,
  type AnswerLevel,
  type EvidenceFieldsFragment,
  type SaveAnswersMutation,
  type SubmissionLkeQuery,
} from '@/graphql/generated';
import { request } from './client';

export type Level = AnswerLevel;
export type LkeAnswer = AnswerFieldsFragment;
export type LkeEvidence = EvidenceFieldsFragment;
export type LkeSubmission = SubmissionLkeQuery['submission'];
export type SavePayload = SaveAnswersMutation['saveAnswers'];

export interface AnswerInput extends GqlAnswerInput {
  note: string | null;
  expectedVersion: number | null;
}

export async function fetchSubmissionLke(id: number): Promise<LkeSubmission> {
  return (await request(SubmissionLkeDocument, { id })).submission;
}

export async function fetchEvidence(submissionId: number, soalId?: number): Promise<LkeEvidence[]> {
  return (await request(SubmissionEvidenceDocument, { submissionId, soalId: soalId ?? null })).evidence;
}

export async function saveAnswers(submissionId: number, level: Level, answers: AnswerInput[]): Promise<SavePayload> {
  return (await request(SaveAnswersDocument, { submissionId, level, answers })).saveAnswers;
}
