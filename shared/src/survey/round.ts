/** When a survey round accepts responses (dates are calendar dates in Indonesia's western time zone, WIB). */

export const SURVEY_ROUND_STATES = ['SCHEDULED', 'OPEN', 'ENDED', 'CLOSED'] as const;
export type SurveyRoundState = (typeof SURVEY_ROUND_STATES)[number];

const WIB = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Jakarta at an instant. */
export function jakartaDate(at: Date = new Date()): string {
  return WIB.format(at);
}

/**
 * SCHEDULED before the start date, OPEN from the start date through the end date, ENDED after it, CLOSED once
 * closed by hand (the result is recorded then). Only OPEN accepts responses.
 */
export function surveyRoundState(round: { startDate: string; endDate: string; closed: boolean }, today: string): SurveyRoundState {
  if (round.closed) return 'CLOSED';
  if (today < round.startDate) return 'SCHEDULED';
  if (today > round.endDate) return 'ENDED';
  return 'OPEN';
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
