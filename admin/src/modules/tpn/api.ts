import {
  FileTpnSanggahDocument,
  RecordTpnAdminSelectionDocument,
  RecordTpnStepDocument,
  TpnRankingDocument,
  TpnStageDocument,
  type AdminSelectionOutcome,
  type TpnRankingQuery,
  type TpnStageFieldsFragment,
  type TpnStepInput,
} from '@/graphql/generated';
import { request } from '@/api/client';

/** The TPN stage of a nominated submission (issue 15 item 4): sub-stages, evaluation steps, quota ranking. */
export type TpnRanking = TpnRankingQuery['tpnRanking'];
export type TpnRankingRow = TpnRanking['rows'][number];
export type TpnStageState = TpnStageFieldsFragment;
export type { AdminSelectionOutcome };

export async function fetchTpnRanking(instansiId: number, year: number): Promise<TpnRanking> {
  return (await request(TpnRankingDocument, { instansiId, year })).tpnRanking;
}
export async function fetchTpnStage(submissionId: number): Promise<TpnStageState> {
  return (await request(TpnStageDocument, { submissionId })).tpnStage;
}
export async function recordAdminSelection(submissionId: number, outcome: AdminSelectionOutcome, notes: string | null): Promise<TpnStageState> {
  return (await request(RecordTpnAdminSelectionDocument, { submissionId, outcome, notes })).recordTpnAdminSelection;
}
export async function fileSanggah(submissionId: number, reason: string, evidenceIds: number[]): Promise<TpnStageState> {
  return (await request(FileTpnSanggahDocument, { submissionId, input: { reason, evidenceIds } })).fileTpnSanggah;
}
export async function recordStep(submissionId: number, input: TpnStepInput): Promise<number[]> {
  return (await request(RecordTpnStepDocument, { submissionId, input })).recordTpnStep.changedSoalIds;
}
