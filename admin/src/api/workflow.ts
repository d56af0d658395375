import {
  AvailableActionsDocument,
  SetPencananganDocument,
  SubmitBlockersDocument,
  SubmissionVersionDocument,
  TransitionDocument,
  type AvailableActionsQuery,
  type SubmitBlockersQuery,
  type TransitionInput,
  type TransitionMutation,
  type WorkflowAction,
} from '@/graphql/generated';
import { request } from './client';

export type ActionAvailability = AvailableActionsQuery['availableActions'][number];
export type SubmitBlockers = SubmitBlockersQuery['submitBlockers'];
export type { TransitionInput, WorkflowAction };

export async function fetchActions(submissionId: number): Promise<ActionAvailability[]> {
  return (await request(AvailableActionsDocument, { submissionId })).availableActions;
}
export async function fetchSubmitBlockers(submissionId: number): Promise<SubmitBlockers> {
  return (await request(SubmitBlockersDocument, { submissionId })).submitBlockers;
}
export async function transition(
  submissionId: number,
  action: WorkflowAction,
  input: TransitionInput | null,
  expectedVersion: number | null,
): Promise<TransitionMutation['transition']> {
  return (await request(TransitionDocument, { submissionId, action, input, expectedVersion })).transition;
}
export async function setPencanangan(submissionId: number, date: string | null, expectedVersion: number | null) {
  return (await request(SetPencananganDocument, { submissionId, date, expectedVersion })).setPencanangan;
}

export async function fetchSubmissionVersion(id: number) {
  return (await request(SubmissionVersionDocument, { id })).submission;
}
