import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { OpenSurveyRoundInput } from '@/graphql/generated';
import {
  closeSurveyRound,
  fetchSurveyRoundResult,
  fetchSurveyRounds,
  fetchSurveyUnits,
  openSurveyRound,
  type SurveyRoundResultData,
  type SurveyRoundRow,
} from '../rounds-api';

/**
 * The unit survey pages' state: the units the user may survey, the chosen unit's rounds in a period, the selected
 * round and the results of rounds (cached until the round changes); every call through rounds-api (generated client).
 */
export const useSurveyStore = defineStore('survey', () => {
  const units = ref<{ id: number; code: string; name: string; canManageSurveys: boolean }[]>([]);
  const unitId = ref<number | null>(null);
  const rounds = ref<SurveyRoundRow[]>([]);
  const selected = ref<number | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const results = ref<Record<number, SurveyRoundResultData>>({});

  /** Units (once), then the rounds of the chosen unit (first unit by default) in the period; keeps the selection when it still exists. */
  async function load(periodId: number | null) {
    loading.value = true;
    error.value = null;
    try {
      if (!units.value.length) units.value = await fetchSurveyUnits();
      if (unitId.value == null || !units.value.some((u) => u.id === unitId.value)) unitId.value = units.value[0]?.id ?? null;
      rounds.value = unitId.value == null ? [] : await fetchSurveyRounds(unitId.value, periodId);
      if (!rounds.value.some((r) => r.id === selected.value)) selected.value = rounds.value[0]?.id ?? null;
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }

  async function open(input: OpenSurveyRoundInput): Promise<SurveyRoundRow> {
    const r = await openSurveyRound(input);
    rounds.value = [r, ...rounds.value.filter((x) => x.id !== r.id)];
    selected.value = r.id;
    return r;
  }

  /** Closes a round (its result is recorded on the unit's submission); the cached results of that round are dropped. */
  async function close(id: number) {
    const out = await closeSurveyRound(id);
    rounds.value = rounds.value.map((x) => (x.id === id ? out.round : x));
    delete results.value[id];
    return out;
  }

  /** A round's results; `fresh` reloads them (responses keep arriving while a round is open). */
  async function result(id: number, fresh = false): Promise<SurveyRoundResultData> {
    if (fresh || !results.value[id]) results.value[id] = await fetchSurveyRoundResult(id);
    return results.value[id]!;
  }

  return { units, unitId, rounds, selected, loading, error, results, load, open, close, result };
});
