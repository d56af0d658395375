import { computed, type Ref, type ShallowRef } from 'vue';
import {
  assessLevel,
  emptyAnswersByLevel,
  surveyInForce,
  type AnswersByLevel,
  type AnswerValue,
  type Answers,
  type Eligibility,
  type Instrument,
  type Locale,
  type ScoreResult,
  type SurveyInForce,
  type SurveyKind,
  type SurveyRecord,
} from '@pantau/shared';
import type { LkeAnswer, LkeSubmission, Level } from '@/api/lke';
import type { Draft } from './drafts';

export interface LiveScoreSource {
  submission: Ref<LkeSubmission | null>;
  level: Ref<Level>;
  server: Ref<Record<number, LkeAnswer>>;
  drafts: Ref<Record<number, Draft>>;
  inFlight: Ref<Record<number, Draft>>;
  instrument: ShallowRef<Instrument | null>;
  locale: Ref<Locale>;
}

/**
 * The live score of the LKE being edited, by the shared rules only: this level's answers (stored, then being saved,
 * then typed) over the other levels as stored, scored by assessLevel exactly as the server scores the level
 * (TPN over TPI, survey precedence, eligibility with hasWbk and the target's thresholds).
 */
export function useLiveScore(src: LiveScoreSource) {
  /** Every level's stored answer per item (reviewers compare with the level below theirs). */
  const otherLevels = computed(() => {
    const out: Record<number, LkeAnswer[]> = {};
    for (const a of src.submission.value?.answers ?? []) if (a.level !== src.level.value) (out[a.soalId] ??= []).push(a);
    return out;
  });

  const answers = computed<Answers>(() => {
    const out: Answers = {};
    for (const [k, a] of Object.entries(src.server.value)) out[Number(k)] = a.value as AnswerValue;
    for (const [k, d] of Object.entries(src.inFlight.value)) out[Number(k)] = d.value;
    for (const [k, d] of Object.entries(src.drafts.value)) out[Number(k)] = d.value;
    return out;
  });

  /** Every level's answers as stored, with this level's drafts on top: what the shared level scorer reads. */
  const byLevel = computed<AnswersByLevel>(() => {
    const out = emptyAnswersByLevel();
    for (const a of src.submission.value?.answers ?? []) if (a.level !== src.level.value) out[a.level][a.soalId] = a.value as AnswerValue;
    out[src.level.value] = answers.value;
    return out;
  });

  const surveys = computed<SurveyRecord[]>(() => src.submission.value?.surveyResults ?? []);

  /** This level's score and eligibility exactly as the server computes them (shared assessLevel). */
  const assessment = computed<{ score: ScoreResult; eligibility: Eligibility } | null>(() => {
    const sub = src.submission.value;
    if (!src.instrument.value || !sub) return null;
    return assessLevel(src.instrument.value, byLevel.value, src.level.value, surveys.value, sub.target, {
      hasWbk: sub.satker.holdsWbk,
      locale: src.locale.value,
    });
  });
  const score = computed<ScoreResult | null>(() => assessment.value?.score ?? null);
  const eligibility = computed<Eligibility | null>(() => assessment.value?.eligibility ?? null);

  /** The survey value in force for an item's kind at this level if the level had no entry of its own. */
  function surveyWithoutEntry(kind: SurveyKind): SurveyInForce {
    return surveyInForce(src.level.value, kind, null, surveys.value);
  }

  return { otherLevels, answers, byLevel, score, eligibility, surveyWithoutEntry };
}
