import { flushPromises } from '@vue/test-utils';
import { NMessageProvider, NSelect } from 'naive-ui';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { bundledInstrument } from '@pantau/shared';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
vi.mock('@/api/lke', async (orig) => ({ ...(await orig<typeof import('@/api/lke')>()), fetchSubmissionLke: vi.fn(), fetchEvidence: vi.fn(async () => []) }));
import * as lkeApi from '@/api/lke';
import { useAuthStore } from '@/stores/auth';
import { useInstrumentStore } from '@/stores/instruments';
import { useLkeStore } from '@/stores/lke';
import { mountWithApp } from '@/test/mount';
import LkeView from './LkeView.vue';

const DEFAULT_LEVELS = ['SELF', 'KANWIL', 'TPI', 'TPN'];
const submission = (status: string, writableLevels: string[] = ['DRAFT', 'REVISION_REQUESTED'].includes(status) ? ['SELF'] : [], levels = DEFAULT_LEVELS) =>
  ({
    route: { eselonStep: levels.includes('ESELON_I'), deskTeam: levels.includes('TPM') ? 'TPM' : 'TPI', levels },
    permissions: { writableLevels, nominationDocuments: false, replyNotes: writableLevels.length > 0, assignEvaluators: false, recordSurvey: false },
    id: 7,
    target: 'WBK',
    status,
    round: 1,
    returnedBy: null,
    version: 3,
    pencananganDate: null,
    updatedAt: '2026-05-01T00:00:00Z',
    answers: [],
    reviewNotes: [],
    surveyResults: [],
    evidence: [],
    satker: { id: 10, code: 'IMI-MEDAN', name: 'Kanim Medan', kind: 'KANIM' },
    period: {
      id: 1,
      year: 2026,
      name: '2026',
      instrumentVersionId: 1,
      selfAssessmentDeadline: null,
      kanwilReviewDeadline: null,
      deskEvaluationDeadline: null,
      nominationDeadline: null,
    },
    nextDeadline: null,
  }) as never;

async function mountLke(status: string, lang: 'id' | 'en', writableLevels?: string[], mixins: object[] = [], levels = DEFAULT_LEVELS) {
  vi.mocked(lkeApi.fetchSubmissionLke).mockResolvedValue(submission(status, writableLevels, levels));
  const Host = defineComponent(() => () => h(NMessageProvider, null, { default: () => h(LkeView, { id: 7 }) }));
  const { wrapper, pinia } = mountWithApp(Host, { lang, global: { mixins, stubs: { WorkflowActions: true, ItemCard: true, ScorePanel: true } } });
  useInstrumentStore(pinia).byVersion = { 1: bundledInstrument(2026) };
  const auth = useAuthStore(pinia);
  auth.user = { id: 1, username: 'koord', displayName: 'Koordinator', roles: [{ role: 'COORDINATOR', kanwilId: 1, satkerId: 10 }] } as never;
  auth.checked = true;
  await flushPromises();
  return wrapper;
}

describe('LkeView submit button', () => {
  it('reads "Ajukan LKE" on a draft', async () => {
    const wrapper = await mountLke('DRAFT', 'id');
    expect(wrapper.get('[data-test=open-submit]').text()).toBe('Ajukan LKE');
    wrapper.unmount();
  });

  it('reads the resubmit label once returned for revision, in both languages', async () => {
    const id = await mountLke('REVISION_REQUESTED', 'id');
    expect(id.get('[data-test=open-submit]').text()).toBe('Ajukan ulang');
    id.unmount();
    const en = await mountLke('REVISION_REQUESTED', 'en');
    expect(en.get('[data-test=open-submit]').text()).toBe('Resubmit');
    en.unmount();
  });
});

describe('LkeView follows the server’s permissions', () => {
  it('is read only, without the submit button, when the server lets the user write no level (a closed deadline, a viewer)', async () => {
    const w = await mountLke('DRAFT', 'id', []);
    expect(w.find('[data-test=open-submit]').exists()).toBe(false);
    expect(w.text()).toContain('Hanya baca');
    w.unmount();
  });
});

describe('LkeView keystroke', () => {
  it('re-renders the live score parts only, not the page, the form, its filters or the header', async () => {
    const updated = new Map<string, number>();
    const counter = {
      updated(this: { $options: { name?: string; __name?: string } }) {
        const n = this.$options.name ?? this.$options.__name ?? '?';
        updated.set(n, (updated.get(n) ?? 0) + 1);
      },
    };
    const wrapper = await mountLke('DRAFT', 'id', undefined, [counter]);
    const lke = useLkeStore();
    const count = Object.values(bundledInstrument(2026).itemById).find((i) => i.type === 'COUNT')!;
    lke.edit(count.soalId, { value: 3 });
    await flushPromises();
    updated.clear();
    lke.edit(count.soalId, { value: 34 });
    await nextTick();
    expect(updated.get('LiveScorePanel')).toBe(1);
    expect(updated.get('LkeSections')).toBe(1);
    for (const name of ['LkeView', 'AsyncState', 'LkeForm', 'LkeHeader', 'RadioButton', 'Button']) expect(updated.get(name), name).toBeUndefined();
    wrapper.unmount();
    lke.reset();
  });

  it('shows the level tabs of the submission’s review route (with the Eselon I step; a TPM desk team)', async () => {
    const levelsOf = (w: Awaited<ReturnType<typeof mountLke>>) =>
      (
        w
          .findAllComponents(NSelect)
          .find((c) => c.attributes('data-test') === 'level-select')!
          .props('options') as { value: string }[]
      ).map((o) => o.value);
    let wrapper = await mountLke('SUBMITTED', 'id', [], [], ['SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPN']);
    expect(levelsOf(wrapper)).toEqual(['SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPN']);
    wrapper.unmount();
    useLkeStore().reset();
    wrapper = await mountLke('SUBMITTED', 'en', [], [], DEFAULT_LEVELS);
    expect(levelsOf(wrapper)).toEqual(DEFAULT_LEVELS);
    wrapper.unmount();
    useLkeStore().reset();
  });
});
