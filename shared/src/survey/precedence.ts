/**
 * Which IPAK/IPKP value counts at a level, and where it came from (DOMAIN §2 "Survey items"):
 * - SELF and KANWIL: the level's own entry; else the newest official result (BPS, TPN, third party); else the
 *   newest INTERNAL round (the unit's own SPAK/SPKP);
 * - TPI and TPN: the newest official result wins over any entry or internal round; else the entry; else the newest
 *   internal round.
 * The source is returned so it can be shown wherever the value is.
 */
import { isBlank, type AnswerValue } from '../answers';
import { OFFICIAL_SURVEY_SOURCES, type Level, type SurveyKind, type SurveySource } from '../vocabulary';

/** A survey result recorded on a submission (official, or an internal round's result). */
export interface SurveyRecord {
  kind: SurveyKind;
  /** Index 0.00–4.00 */
  index: number;
  source: SurveySource;
  recordedAt: Date | string | number;
  /** Breaks ties between results recorded at the same instant (higher = newer). */
  id?: number;
}

/** ANSWER = the level's own entry; otherwise the survey result's source. */
export type SurveyOrigin = 'ANSWER' | SurveySource;

export interface SurveyInForce {
  index: number | null;
  source: SurveyOrigin | null;
}

const time = (d: Date | string | number) => (d instanceof Date ? d.getTime() : typeof d === 'number' ? d : Date.parse(d));

/** Newer first: by recordedAt, then id. */
function newer(a: SurveyRecord, b: SurveyRecord): boolean {
  const ta = time(a.recordedAt);
  const tb = time(b.recordedAt);
  return ta > tb || (ta === tb && (a.id ?? 0) > (b.id ?? 0));
}

/** The newest result of a kind among the given sources (null if none). */
export function newestSurvey(surveys: readonly SurveyRecord[], kind: SurveyKind, sources: readonly SurveySource[]): SurveyRecord | null {
  let best: SurveyRecord | null = null;
  for (const s of surveys) if (s.kind === kind && sources.includes(s.source) && (!best || newer(s, best))) best = s;
  return best;
}

const OFFICIAL_WINS: Record<Level, boolean> = { SELF: false, KANWIL: false, ESELON_I: false, TPI: true, TPM: true, TPN: true };

/** The survey value in force at a level, given the level's own entry for the item and the results recorded. */
export function surveyInForce(level: Level, kind: SurveyKind, ownEntry: AnswerValue | undefined, surveys: readonly SurveyRecord[]): SurveyInForce {
  const official = newestSurvey(surveys, kind, OFFICIAL_SURVEY_SOURCES);
  const entry: SurveyInForce | null = !isBlank(ownEntry) && typeof ownEntry === 'number' ? { index: ownEntry, source: 'ANSWER' } : null;
  const internal = newestSurvey(surveys, kind, ['INTERNAL']);
  const fromRecord = (r: SurveyRecord): SurveyInForce => ({ index: r.index, source: r.source });
  if (OFFICIAL_WINS[level] && official) return fromRecord(official);
  if (entry) return entry;
  if (official) return fromRecord(official);
  if (internal) return fromRecord(internal);
  return { index: null, source: null };
}
