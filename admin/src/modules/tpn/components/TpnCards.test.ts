import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
vi.mock('@/api/admin', () => ({ fetchKanwils: vi.fn(async () => [{ id: 1, code: 'KW-1', name: 'Kanwil 1', instansiId: 2 }]) }));
vi.mock('@/api/portalrb', () => ({ fetchInstansiList: vi.fn(async () => []) }));
vi.mock('@/api/lke', () => ({ fetchEvidence: vi.fn(async () => [{ id: 9, title: 'LHKPN lengkap' }]) }));
vi.mock('../api', () => ({ fetchTpnRanking: vi.fn(), fetchTpnStage: vi.fn(), recordAdminSelection: vi.fn(), fileSanggah: vi.fn(), recordStep: vi.fn() }));
import * as api from '../api';
import { mountWithApp } from '@/test/mount';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { NDatePicker } from 'naive-ui';
import { blankRouter } from '@/test/router';
import TpnRankingCard from './TpnRankingCard.vue';
import TpnStageCard from './TpnStageCard.vue';

const row = (id: number, rank: number | null, withinQuota: boolean, adminOutcome: string | null) => ({
  submissionId: id,
  target: 'WBK',
  status: 'NOMINATED',
  score: 80 - id,
  adminOutcome,
  rank,
  withinQuota,
  satker: { id, code: `U-${id}`, name: `Unit ${id}` },
});
const STAGE = {
  submissionId: 5,
  substage: 'FIELD',
  adminOutcome: 'LULUS_DENGAN_CATATAN',
  adminNotes: 'Lampiran kurang',
  adminRecordedAt: null,
  sanggahReason: null,
  sanggahEvidenceIds: [],
  sanggahFiledAt: null,
  steps: [
    {
      step: 'DESK',
      heldOn: '2026-09-01',
      notes: 'LKE lengkap',
      fieldAnswers: null,
      recordedAt: '2026-09-01T03:00:00Z',
      recordedBy: { id: 1, displayName: 'Kakanwil' },
    },
  ],
};

/** The ranking links each unit to its submission page. */
const withSubmissionRoute = () =>
  createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/submissions/:id', name: 'submission', component: defineComponent({ render: () => h('div') }) },
      { path: '/:pathMatch(.*)*', component: defineComponent({ render: () => h('div') }) },
    ],
  });

describe('TPN cards', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    setActivePinia(createPinia());
  });

  it('ranks the instansi’s candidates against the quota for the period’s year', async () => {
    vi.mocked(api.fetchTpnRanking).mockResolvedValue({
      instansiId: 2,
      year: 2026,
      quota: 1,
      rows: [row(1, 1, true, 'LULUS'), row(2, null, false, 'TIDAK_LULUS')],
    } as never);
    const { wrapper } = mountWithApp(TpnRankingCard, { props: { year: 2026 }, router: withSubmissionRoute() });
    await flushPromises();
    expect(api.fetchTpnRanking).toHaveBeenCalledWith(2, 2026);
    expect(wrapper.get('[data-test=tpn-quota]').text()).toContain('Kuota 1 unit; 2 usulan');
    const text = wrapper.get('[data-test=tpn-ranking-table]').text();
    expect(text).toContain('Dalam kuota');
    expect(text).toContain('Di luar kuota');
    expect(text).toContain('Tidak lulus');
  });

  it('shows the sub-stage, the recorded steps, and records the next step with field values', async () => {
    vi.mocked(api.fetchTpnStage).mockResolvedValue(STAGE as never);
    vi.mocked(api.recordStep).mockResolvedValue([12]);
    const { wrapper } = mountWithApp(TpnStageCard, {
      props: { submissionId: 5, status: 'NOMINATED', canRecord: true, canSanggah: true },
      router: blankRouter(),
    });
    await flushPromises();
    expect(wrapper.get('[data-test=tpn-admin-outcome]').text()).toContain('Lulus dengan catatan');
    expect(wrapper.get('[data-test=tpn-steps]').text()).toContain('LKE lengkap');
    expect(wrapper.find('[data-test=tpn-sanggah-form]').exists()).toBe(true); // passed with notes: a sanggah may be filed
    // the next step offered is the field evaluation (the desk is recorded; the panel waits for the field)
    wrapper.findComponent(NDatePicker).vm.$emit('update:formatted-value', '2026-09-10');
    await flushPromises();
    await wrapper.get('[data-test=tpn-step-field] textarea').setValue('12 = A\n13: 2.5\nbukan baris');
    await wrapper.get('[data-test=tpn-step-save]').trigger('click');
    await flushPromises();
    expect(api.recordStep).toHaveBeenCalledWith(5, { step: 'FIELD', heldOn: '2026-09-10', notes: null, fieldAnswers: { 12: 'A', 13: 2.5 } });
    expect(wrapper.get('[data-test=tpn-stage-notice]').text()).toContain('1 jawaban TPN diganti');
  });

  it('offers no forms once the outcome is recorded', async () => {
    vi.mocked(api.fetchTpnStage).mockResolvedValue({ ...STAGE, substage: 'RESULT' } as never);
    const { wrapper } = mountWithApp(TpnStageCard, { props: { submissionId: 5, status: 'AWARDED', canRecord: true, canSanggah: true }, router: blankRouter() });
    await flushPromises();
    expect(wrapper.find('[data-test=tpn-step-form]').exists()).toBe(false);
    expect(wrapper.find('[data-test=tpn-admin-form]').exists()).toBe(false);
    expect(wrapper.find('[data-test=tpn-sanggah-form]').exists()).toBe(false);
  });
});
