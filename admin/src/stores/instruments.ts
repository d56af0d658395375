import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { loadInstrument, type Instrument } from '@pantau/shared';
import { fetchInstrumentSource } from '@/api/instrument-source';

/**
 * Instruments by version id, built with the shared `loadInstrument` from the version's stored source: the SPA scores
 * with the period's own version, exactly as the server does ("one source of truth"), never with a bundled copy.
 * Each version is fetched and parsed once (versions never change once stored); concurrent callers share the request.
 */
export const useInstrumentStore = defineStore('instruments', () => {
  const byVersion = shallowRef<Record<number, Instrument>>({});
  const pending = new Map<number, Promise<Instrument>>();

  function get(versionId: number): Promise<Instrument> {
    const have = byVersion.value[versionId];
    if (have) return Promise.resolve(have);
    let p = pending.get(versionId);
    if (!p) {
      p = (async () => {
        try {
          const src = await fetchInstrumentSource(versionId);
          const inst = loadInstrument(src.master, src.formulas);
          byVersion.value = { ...byVersion.value, [versionId]: inst };
          return inst;
        } finally {
          pending.delete(versionId);
        }
      })();
      pending.set(versionId, p);
    }
    return p;
  }

  return { byVersion, get };
});
