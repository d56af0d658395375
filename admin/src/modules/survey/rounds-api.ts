import {
  CloseSurveyRoundDocument,
  OpenSurveyRoundDocument,
  SurveyRoundResultDocument,
  SurveyRoundsDocument,
  SurveyUnitsDocument,
  type OpenSurveyRoundInput,
  type SurveyRoundResultQuery,
  type SurveyRoundsQuery,
} from '@/graphql/generated';
import { request } from '@/api/client';

export type SurveyRoundRow = SurveyRoundsQuery['surveyRounds'][number];
export type SurveyRoundResultData = SurveyRoundResultQuery['surveyRoundResult'];
export type SurveyGroup = SurveyRoundResultData['overall'];

export async function fetchSurveyUnits() {
  return (await request(SurveyUnitsDocument, {})).satkers;
}
export async function fetchSurveyRounds(satkerId: number | null, periodId: number | null): Promise<SurveyRoundRow[]> {
  return (await request(SurveyRoundsDocument, { satkerId, periodId })).surveyRounds;
}
export async function fetchSurveyRoundResult(id: number): Promise<SurveyRoundResultData> {
  return (await request(SurveyRoundResultDocument, { id })).surveyRoundResult;
}
export async function openSurveyRound(input: OpenSurveyRoundInput): Promise<SurveyRoundRow> {
  return (await request(OpenSurveyRoundDocument, { input })).openSurveyRound;
}
export async function closeSurveyRound(id: number) {
  return (await request(CloseSurveyRoundDocument, { id })).closeSurveyRound;
}
