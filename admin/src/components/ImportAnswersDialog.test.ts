import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
vi.mock('@/api/portalrb', () => ({ importAnswers: vi.fn() }));
vi.mock('@/api/files', () => ({ postFile: vi.fn() }));
import * as api from '@/api/portalrb';
import * as files from '@/api/files';
import { useAuthStore } from '@/stores/auth';
import { mountWithApp } from '@/test/mount';
import { blankRouter } from '@/test/router';
import ImportAnswersDialog from './ImportAnswersDialog.vue';

function mountWith(writableLevels: string[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const auth = useAuthStore();
  auth.checked = true;
  auth.user = {
    id: 1,
    username: 'u',
    displayName: 'U',
    locale: 'id',
    mustChangePassword: false,
    roles: [{ role: 'COORDINATOR', kanwilId: null, satkerId: 1 }],
  };
  return mountWithApp(ImportAnswersDialog, { pinia, router: blankRouter(), props: { submissionId: 9, writableLevels } }).wrapper;
}
const q = (sel: string) => document.body.querySelector(sel) as HTMLElement;
async function pick(content: string, name = 'jawaban.json') {
  const input = q('[data-test=import-input]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([content], name)], configurable: true });
  input.dispatchEvent(new Event('change'));
  await vi.waitFor(() => expect(document.body.textContent).toContain(name));
  await flushPromises();
}

describe('ImportAnswersDialog', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    vi.mocked(api.importAnswers).mockReset();
  });

  it('is offered only for the importable levels the server lets the user write (SELF, TPI)', () => {
    expect(mountWith(['SELF']).find('[data-test=import-open]').exists()).toBe(true);
    expect(mountWith(['TPI']).find('[data-test=import-open]').exists()).toBe(true);
    expect(mountWith([]).find('[data-test=import-open]').exists()).toBe(false);
    expect(mountWith(['KANWIL']).find('[data-test=import-open]').exists()).toBe(false);
  });

  it('imports a PortalRB file into SELF and shows the change report; a refused file shows the server reason', async () => {
    vi.mocked(api.importAnswers).mockResolvedValue({
      submissionId: 9,
      level: 'SELF',
      rows: 2,
      unchangedCount: 1,
      valuesChanged: 1,
      notesChanged: 1,
      changed: [{ soalId: 4, code: 'A.I.1.ii', before: 'B', after: 'A', noteBefore: null, noteAfter: 'Sudah ada SK', valueChanged: true, noteChanged: true }],
    });
    const w = mountWith(['SELF']);
    const emitted = () => w.emitted('imported');
    await w.get('[data-test=import-open]').trigger('click');
    await flushPromises();
    const doc = {
      unit_id: 'IMI-POLONIA',
      tahun: 2026,
      answers: [
        { soal_id: 4, jawaban_unit: 'A' },
        { soal_id: 5, jawaban_unit: 'Ya' },
      ],
    };
    await pick(JSON.stringify(doc));
    expect(document.body.textContent).toContain('2 baris dibaca');
    q('[data-test=import-run]').click();
    await flushPromises();
    expect(api.importAnswers).toHaveBeenCalledWith(9, 'SELF', doc);
    expect(q('[data-test=import-report]').textContent).toContain('1 nilai dan 1 catatan berubah, 1 butir tetap');
    expect(q('[data-test=import-report]').textContent).toContain('A.I.1.ii');
    expect(emitted()).toHaveLength(1);

    vi.mocked(api.importAnswers).mockRejectedValue(
      new ApiError('BAD_USER_INPUT', 'Berkas tidak dapat diimpor: tahun 2025 bukan tahun periode penilaian ini (2026)'),
    );
    await pick('{"tahun": 2025, "answers": []}', 'lama.json');
    q('[data-test=import-run]').click();
    await flushPromises();
    expect(q('[data-test=import-error]').textContent).toContain('Isian tidak valid');
    expect(q('[data-test=import-error]').textContent).toContain('tahun 2025 bukan tahun periode');
  });

  it('reads an Excel workbook on the server first, then imports its document; unreadable cells are listed', async () => {
    const doc = { tahun: 2026, answers: [{ soal_id: 1, jawaban_unit: 'Ya' }] };
    vi.mocked(files.postFile).mockResolvedValue({ layout: 'CLASSIC', rows: 1, document: doc });
    vi.mocked(api.importAnswers).mockResolvedValue({
      submissionId: 9,
      level: 'SELF',
      rows: 1,
      unchangedCount: 0,
      valuesChanged: 1,
      notesChanged: 0,
      changed: [],
    });
    const w = mountWith(['SELF']);
    await w.get('[data-test=import-open]').trigger('click');
    await flushPromises();
    await pick('PK', 'lke.xlsx');
    expect(files.postFile).toHaveBeenCalledWith('/api/submissions/9/lke-workbook', expect.any(File), expect.any(Function));
    expect(q('[data-test=import-layout]').textContent).toContain('Lampiran III');
    q('[data-test=import-run]').click();
    await flushPromises();
    expect(api.importAnswers).toHaveBeenCalledWith(9, 'SELF', doc);

    vi.mocked(files.postFile).mockRejectedValue(
      new ApiError('BAD_USER_INPUT', 'Berkas Excel tidak dapat dibaca', {
        issues: [{ sheet: 'Jawaban', cell: 'K152', message: 'soal [102]: "lima" bukan angka' }],
      }),
    );
    await pick('PK', 'rusak.xlsx');
    expect(q('[data-test=import-issues]').textContent).toContain('Jawaban!K152');
    expect(q('[data-test=import-issues]').textContent).toContain('"lima" bukan angka');
    expect((q('[data-test=import-run]') as HTMLButtonElement).disabled).toBe(true);
  });
});
