/**
 * Index arithmetic of a survey round (DOMAIN.md §8): each statement's mean over its respondents, the unit's mean =
 * mean of the statement means, converted to the 0–4 index with the questionnaire version's conversion and two
 * decimals; the same per service type and per respondent group. Fewer than 30 respondents: shown with a warning.
 */
import type { SurveyKind } from '../instrument/types';
import { convertToIndex, roundIndex, type Questionnaire, type SurveyName } from './questionnaire';

/** At least this many respondents per unit for a result that counts (official results require it). */
export const MIN_SURVEY_RESPONDENTS = 30;

/** One stored response: the service received, the respondent's group and a score per statement code. */
export interface SurveyResponseData {
  serviceType: string;
  respondentGroup: string;
  scores: Record<string, number>;
}

export interface StatementResult {
  code: string;
  /** Mean score over the respondents who rated the statement (null: nobody did). */
  mean: number | null;
  respondents: number;
}

export interface SurveyIndexResult {
  kind: SurveyKind;
  survey: SurveyName;
  statements: StatementResult[];
  /** Mean of the statement means (unrounded), null without responses. */
  mean: number | null;
  /** The 0–4 index with two decimals (what enters [125]/[127]), null without responses. */
  index: number | null;
}

export interface SurveyGroupResult {
  respondents: number;
  /** True when respondents < 30: the result is shown but does not count as a unit result. */
  belowMinimum: boolean;
  indices: Record<SurveyKind, SurveyIndexResult>;
}

export interface SurveyRoundResult extends SurveyGroupResult {
  byServiceType: ({ key: string } & SurveyGroupResult)[];
  byRespondentGroup: ({ key: string } & SurveyGroupResult)[];
}

function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** Index results of a set of responses, for every block of the questionnaire. */
export function surveyGroupResult(q: Questionnaire, responses: readonly SurveyResponseData[]): SurveyGroupResult {
  const indices = {} as Record<SurveyKind, SurveyIndexResult>;
  for (const block of q.blocks) {
    const statements = block.statements.map((s) => {
      const xs = responses.map((r) => r.scores[s.code]).filter((v): v is number => typeof v === 'number');
      return { code: s.code, mean: mean(xs), respondents: xs.length };
    });
    const m = mean(statements.map((s) => s.mean).filter((v): v is number => v !== null));
    indices[block.index] = {
      kind: block.index,
      survey: block.survey,
      statements,
      mean: m,
      index: m === null ? null : roundIndex(convertToIndex(m, q.conversion)),
    };
  }
  return { respondents: responses.length, belowMinimum: responses.length < MIN_SURVEY_RESPONDENTS, indices };
}

function groupBy(responses: readonly SurveyResponseData[], key: (r: SurveyResponseData) => string, order: readonly string[]) {
  const m = new Map<string, SurveyResponseData[]>(order.map((k) => [k, []]));
  for (const r of responses) {
    const k = key(r);
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(r);
  }
  return [...m.entries()];
}

/**
 * The whole round: overall, per service type and per respondent group (in the given orders, then any other key
 * met in the responses). Overall statement means run over all respondents (not a mean of the service types).
 */
export function surveyRoundResult(
  q: Questionnaire,
  responses: readonly SurveyResponseData[],
  order: { serviceTypes?: readonly string[]; respondentGroups?: readonly string[] } = {},
): SurveyRoundResult {
  return {
    ...surveyGroupResult(q, responses),
    byServiceType: groupBy(responses, (r) => r.serviceType, order.serviceTypes ?? []).map(([key, rs]) => ({ key, ...surveyGroupResult(q, rs) })),
    byRespondentGroup: groupBy(responses, (r) => r.respondentGroup, order.respondentGroups ?? []).map(([key, rs]) => ({ key, ...surveyGroupResult(q, rs) })),
  };
}

/** The warning shown with a result below the minimum number of respondents. */
export function respondentWarning(respondents: number, locale: 'id' | 'en' = 'id'): string | null {
  if (respondents >= MIN_SURVEY_RESPONDENTS) return null;
  return locale === 'id'
    ? `Jumlah responden ${respondents} kurang dari ${MIN_SURVEY_RESPONDENTS} (batas minimal survei per unit)`
    : `${respondents} respondents is fewer than ${MIN_SURVEY_RESPONDENTS} (the minimum per unit)`;
}
