import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { fetchPeriods, type PeriodRow } from '@/api/org';

const STORAGE_KEY = 'pantau.period';

/** The evaluation periods the user may see, and the one selected (remembered across visits). */
export const usePeriodStore = defineStore('period', () => {
  const periods = ref<PeriodRow[]>([]);
  const selectedId = ref<number | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const loaded = ref(false);

  const selected = computed(() => periods.value.find((p) => p.id === selectedId.value) ?? null);

  async function load(force = false) {
    if (loaded.value && !force) return;
    loading.value = true;
    error.value = null;
    try {
      const list = [...(await fetchPeriods())].sort((a, b) => b.year - a.year || b.id - a.id);
      periods.value = list;
      loaded.value = true;
      let saved: number | null = null;
      try {
        saved = Number(localStorage.getItem(STORAGE_KEY)) || null;
      } catch {
        saved = null;
      }
      if (!list.some((p) => p.id === selectedId.value)) selectedId.value = list.find((p) => p.id === saved)?.id ?? list[0]?.id ?? null;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  function select(id: number) {
    selectedId.value = id;
    try {
      localStorage.setItem(STORAGE_KEY, String(id));
    } catch {
      /* ignore */
    }
  }

  return { periods, selectedId, selected, loading, error, loaded, load, select };
});
