import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
vi.mock('@/api/instruments', async (orig) => {
  const real = await orig<typeof import('@/api/instruments')>();
  return { ...real, fetchInstrumentVersions: vi.fn(), validateInstrument: vi.fn(), createInstrumentVersion: vi.fn(), activateInstrumentVersion: vi.fn() };
});
import * as api from '@/api/instruments';
import { mountWithApp } from '@/test/mount';
import InstrumentsView from './InstrumentsView.vue';

const V1 = {
  id: 1,
  year: 2026,
  active: true,
  valid: true,
  itemCount: 127,
  requiredCount: 125,
  ownFormulas: true,
  formulasFromVersionId: null,
  sourceFileName: null,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: null,
  issues: [],
  periods: [{ id: 1, name: 'Periode 2026' }],
};
const REPORT = {
  ok: true,
  year: 2027,
  itemCount: 127,
  requiredCount: 125,
  formulasProvided: false,
  formulasReused: true,
  formulasFromVersionId: 1,
  formulaTableRequired: false,
  issues: [],
  areas: [{ code: '1', name: 'Manajemen Perubahan', weight: 8, pemenuhanWeight: 4, reformWeight: 4 }],
  diff: { baseVersionId: 1, baseYear: 2026, added: [], removed: [], textChanged: [7], unchanged: 126, typeChanged: [] },
};

async function pick(wrapper: ReturnType<typeof mountWithApp>['wrapper'], selector: string, name: string, content: string) {
  const input = wrapper.get(selector).element as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([content], name, { type: 'application/json' })], configurable: true });
  await wrapper.get(selector).trigger('change');
  await vi.waitFor(() => expect(wrapper.text()).toContain(name));
  await flushPromises();
}

describe('InstrumentsView', () => {
  beforeEach(() => {
    vi.mocked(api.fetchInstrumentVersions).mockReset().mockResolvedValue([V1]);
    vi.mocked(api.validateInstrument).mockReset().mockResolvedValue(REPORT);
    vi.mocked(api.createInstrumentVersion)
      .mockReset()
      .mockResolvedValue({ ...V1, id: 2, year: 2027, active: false, ownFormulas: false, formulasFromVersionId: 1, sourceFileName: 'm.json', periods: [] });
    vi.mocked(api.activateInstrumentVersion)
      .mockReset()
      .mockResolvedValue({ ...V1, id: 2, year: 2027, active: true, periods: [] });
  });

  it('lists versions, validates an uploaded list, shows the report, saves and activates it', async () => {
    const { wrapper } = mountWithApp(InstrumentsView);
    await flushPromises();
    expect(wrapper.get('[data-test=versions-table]').text()).toContain('2026');
    expect(wrapper.text()).toContain('Bawaan sistem');

    await pick(wrapper, '[data-test=master-input]', 'master-2027.json', JSON.stringify({ tahun: 2027, data: [] }));
    await vi.waitFor(() => expect(wrapper.find('[data-test=instrument-report]').exists()).toBe(true));
    expect(api.validateInstrument).toHaveBeenCalledWith({ tahun: 2027, data: [] }, null);
    const rep = wrapper.get('[data-test=instrument-report]').text();
    expect(rep).toContain('valid dan siap disimpan');
    expect(rep).toContain('Tabel rumus versi 1 dipakai ulang');
    expect(rep).toContain('Manajemen Perubahan');
    expect(wrapper.get('[data-test=diff-text]').text()).toContain('[7]');

    await wrapper.get('[data-test=save-version]').trigger('click');
    await flushPromises();
    expect(api.createInstrumentVersion).toHaveBeenCalledWith({ tahun: 2027, data: [] }, null, 'master-2027.json');
    expect(wrapper.get('[data-test=saved]').text()).toContain('Versi 2 (tahun 2027) tersimpan');

    await wrapper.get('[data-test=activate-saved]').trigger('click');
    await flushPromises();
    expect(api.activateInstrumentVersion).toHaveBeenCalledWith(2);
    expect(wrapper.get('[data-test=notice]').text()).toContain('Versi 2 kini aktif untuk tahun 2027');
  });

  it('shows the issues of an invalid list and refuses to save; a non-JSON file is named', async () => {
    vi.mocked(api.validateInstrument).mockResolvedValue({
      ...REPORT,
      ok: false,
      formulasReused: false,
      formulaTableRequired: true,
      issues: [{ path: 'soal 88', message: 'jenis jawaban berubah' }],
      areas: [],
    });
    const { wrapper } = mountWithApp(InstrumentsView, { lang: 'en' });
    await flushPromises();
    await pick(wrapper, '[data-test=master-input]', 'bad.json', '{"tahun": 2027}');
    await vi.waitFor(() => expect(wrapper.find('[data-test=report-issues]').exists()).toBe(true));
    expect(wrapper.get('[data-test=report-issues]').text()).toContain('soal 88');
    expect(wrapper.get('[data-test=report-status]').text()).toContain('cannot be saved yet (1 problems)');
    expect(wrapper.get('[data-test=table-status]').text()).toContain('formula table must be uploaded');
    expect(wrapper.get('[data-test=save-version]').attributes('disabled')).toBeDefined();

    await pick(wrapper, '[data-test=master-input]', 'broken.json', '{ not json');
    expect(wrapper.get('[data-test=upload-error]').text()).toContain('broken.json is not valid JSON');
    expect(wrapper.find('[data-test=instrument-report]').exists()).toBe(false);
  });

  it('shows the server error as a human message when the list cannot be loaded', async () => {
    vi.mocked(api.fetchInstrumentVersions).mockRejectedValue(new ApiError('FORBIDDEN', 'Hanya admin yang dapat mengelola versi instrumen'));
    const { wrapper } = mountWithApp(InstrumentsView);
    await flushPromises();
    expect(wrapper.get('[data-test=error]').text()).toContain('Anda tidak berwenang');
  });
});
