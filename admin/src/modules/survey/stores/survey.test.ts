import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../rounds-api', () => ({
  fetchSurveyUnits: vi.fn(),
  fetchSurveyRounds: vi.fn(),
  fetchSurveyRoundResult: vi.fn(),
  openSurveyRound: vi.fn(),
  closeSurveyRound: vi.fn(),
}));
import * as api from '../rounds-api';
import { useSurveyStore } from './survey';

const round = (id: number, state = 'OPEN') =>
  ({ id, state, startDate: '2026-12-01', endDate: '2026-12-08', respondents: 0, serviceTypes: [], canManage: true }) as never;

describe('useSurveyStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.resetAllMocks();
    vi.mocked(api.fetchSurveyUnits).mockResolvedValue([
      { id: 7, code: 'IMI-TARAKAN', name: 'Tarakan', canManageSurveys: true },
      { id: 9, code: 'PAS-RUTAN-MEDAN', name: 'Rutan', canManageSurveys: false },
    ] as never);
    vi.mocked(api.fetchSurveyRounds).mockResolvedValue([round(2), round(1, 'CLOSED')]);
  });

  it('loads the units once, the first unit by default, and selects the newest round', async () => {
    const s = useSurveyStore();
    await s.load(1);
    expect(s.unitId).toBe(7);
    expect(api.fetchSurveyRounds).toHaveBeenCalledWith(7, 1);
    expect(s.selected).toBe(2);
    s.unitId = 9;
    s.selected = 1;
    await s.load(1);
    expect(api.fetchSurveyUnits).toHaveBeenCalledTimes(1);
    expect(api.fetchSurveyRounds).toHaveBeenLastCalledWith(9, 1);
    expect(s.selected).toBe(1); // still there: kept
    vi.mocked(api.fetchSurveyRounds).mockResolvedValue([]);
    await s.load(2);
    expect([s.rounds, s.selected]).toEqual([[], null]);
  });

  it('keeps the error of a failed load and clears it on the next one', async () => {
    const s = useSurveyStore();
    vi.mocked(api.fetchSurveyUnits).mockRejectedValueOnce(new Error('down'));
    await s.load(1);
    expect((s.error as Error).message).toBe('down');
    expect(s.loading).toBe(false);
    await s.load(1);
    expect(s.error).toBeNull();
  });

  it('puts an opened round first and selects it; closing replaces it and drops its cached results', async () => {
    const s = useSurveyStore();
    await s.load(1);
    vi.mocked(api.openSurveyRound).mockResolvedValue(round(3));
    await s.open({ satkerId: 7, periodId: 1 } as never);
    expect(s.rounds.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(s.selected).toBe(3);

    vi.mocked(api.fetchSurveyRoundResult).mockResolvedValue({ respondents: 5 } as never);
    await s.result(3);
    await s.result(3);
    expect(api.fetchSurveyRoundResult).toHaveBeenCalledTimes(1);
    await s.result(3, true);
    expect(api.fetchSurveyRoundResult).toHaveBeenCalledTimes(2);

    vi.mocked(api.closeSurveyRound).mockResolvedValue({ round: round(3, 'CLOSED'), recorded: [], warnings: [] } as never);
    await s.close(3);
    expect(s.rounds.find((r) => r.id === 3)!.state).toBe('CLOSED');
    expect(s.results[3]).toBeUndefined();
  });
});
