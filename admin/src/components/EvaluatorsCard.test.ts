import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/api/client', () => ({ request: vi.fn() }));
import { request } from '@/api/client';
import { AssignEvaluatorDocument, EvaluatorCandidatesDocument, EvaluatorsDocument } from '@/graphql/generated';
import { mountWithApp } from '@/test/mount';
import EvaluatorsCard from './EvaluatorsCard.vue';

const ITJEN = { id: 5, username: 'evaluator.itjen', displayName: 'Evaluator Itjen' };
const DUA = { id: 9, username: 'evaluator.dua', displayName: 'Evaluator Dua' };

function serve() {
  vi.mocked(request).mockReset();
  vi.mocked(request).mockImplementation(async (doc: unknown) => {
    if (doc === EvaluatorsDocument) return { evaluators: [ITJEN] };
    if (doc === EvaluatorCandidatesDocument) return { evaluatorCandidates: [ITJEN, DUA] };
    if (doc === AssignEvaluatorDocument) return { assignEvaluator: [ITJEN, DUA] };
    throw new Error(`unexpected ${String(doc).slice(0, 40)}`);
  });
}

describe('EvaluatorsCard', () => {
  it('lets whoever may assign (e.g. the Kanwil head) pick from the scoped evaluatorCandidates, not the admin-only users list', async () => {
    serve();
    const { wrapper, i18n } = mountWithApp(EvaluatorsCard, { props: { submissionId: 42, canAssign: true } });
    await flushPromises();
    expect(request).toHaveBeenCalledWith(EvaluatorCandidatesDocument, { submissionId: 42 });
    expect(wrapper.text()).toContain('Evaluator Itjen');
    expect(wrapper.find('.n-select').exists()).toBe(true);
    // the candidates not yet assigned are offered
    const vm = (wrapper.vm as unknown as { $: { setupState: { options: { value: number; label: string }[]; pick: number | null } } }).$.setupState;
    expect(vm.options).toEqual([{ value: 9, label: 'Evaluator Dua (evaluator.dua)' }]);
    vm.pick = 9;
    await flushPromises();
    await wrapper
      .findAll('button')
      .find((b) => b.text() === i18n.global.t('evaluators.assign'))!
      .trigger('click');
    await flushPromises();
    expect(request).toHaveBeenCalledWith(AssignEvaluatorDocument, { submissionId: 42, userId: 9 });
  });

  it('a reader who may not assign does not ask for candidates', async () => {
    serve();
    const { wrapper } = mountWithApp(EvaluatorsCard, { props: { submissionId: 42, canAssign: false } });
    await flushPromises();
    expect(request).toHaveBeenCalledWith(EvaluatorsDocument, { submissionId: 42 });
    expect(vi.mocked(request).mock.calls.some(([doc]) => doc === EvaluatorCandidatesDocument)).toBe(false);
    expect(wrapper.find('.n-select').exists()).toBe(false);
  });
});
