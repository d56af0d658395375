import {
  NominationPreviewDocument,
  NominationsDocument,
  type NominationChecklistInput,
  type NominationPreviewQuery,
  type NominationsQuery,
} from '@/graphql/generated';
import { request } from './client';

export type NominationAssessment = NominationPreviewQuery['nominationPreview'];
export type NominationRow = NominationsQuery['nominations'][number];
export type { NominationChecklistInput };

export async function fetchNominationPreview(submissionId: number, checklist: NominationChecklistInput | null): Promise<NominationAssessment> {
  return (await request(NominationPreviewDocument, { submissionId, checklist })).nominationPreview;
}
export async function fetchNominations(submissionId: number): Promise<NominationRow[]> {
  return (await request(NominationsDocument, { submissionId })).nominations;
}
