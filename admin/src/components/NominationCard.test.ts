import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
vi.mock('@/api/nomination', () => ({ fetchNominationPreview: vi.fn(async () => null), fetchNominations: vi.fn(async () => []) }));
import { mountWithApp } from '@/test/mount';
import NominationCard from './NominationCard.vue';

async function typeInto(wrapper: ReturnType<typeof mountWithApp>['wrapper'], test: string, text: string) {
  const input = wrapper.get(`[data-test=${test}] input`);
  await input.trigger('focus');
  await input.setValue(text);
  await input.trigger('blur');
  await flushPromises();
  return (input.element as HTMLInputElement).value;
}

describe('NominationCard', () => {
  it('shows the TLHP and LHKPN percentages with the Indonesian decimal comma and no trailing zeros', async () => {
    const { wrapper } = mountWithApp(NominationCard, { props: { submissionId: 1, version: 1, canNominate: true, canUpload: true } });
    await flushPromises();
    expect(await typeInto(wrapper, 'nom-tlhp', '100')).toBe('100');
    expect(await typeInto(wrapper, 'nom-lhkpn', '97,5')).toBe('97,5');
  });

  it('uses the decimal point in English', async () => {
    const { wrapper } = mountWithApp(NominationCard, { lang: 'en', props: { submissionId: 1, version: 1, canNominate: true, canUpload: true } });
    await flushPromises();
    expect(await typeInto(wrapper, 'nom-tlhp', '100')).toBe('100');
    expect(await typeInto(wrapper, 'nom-lhkpn', '97.5')).toBe('97.5');
  });

  it('cuts the shown percentage, so a shortfall never reads as met (99,999 is not "100")', async () => {
    const { wrapper } = mountWithApp(NominationCard, { props: { submissionId: 1, version: 1, canNominate: true, canUpload: true } });
    await flushPromises();
    expect(await typeInto(wrapper, 'nom-lhkpn', '99,999')).toBe('99,99');
  });

  it('offers the nominate form and the document uploads only as far as the server allows them', async () => {
    const both = mountWithApp(NominationCard, { props: { submissionId: 1, version: 1, canNominate: true, canUpload: true } }).wrapper;
    await flushPromises();
    expect(both.find('[data-test=nominate]').exists()).toBe(true);
    expect(both.find('[data-test=nom-doc-sptjm]').exists()).toBe(true);
    const noDocs = mountWithApp(NominationCard, { props: { submissionId: 1, version: 1, canNominate: true, canUpload: false } }).wrapper;
    await flushPromises();
    expect(noDocs.find('[data-test=nominate]').exists()).toBe(true);
    expect(noDocs.find('[data-test^=nom-doc-]').exists()).toBe(false);
    const none = mountWithApp(NominationCard, { props: { submissionId: 1, version: 1, canNominate: false, canUpload: false } }).wrapper;
    await flushPromises();
    expect(none.find('[data-test=nominate]').exists()).toBe(false);
    expect(none.find('[data-test=nom-tlhp]').exists()).toBe(false);
  });
});
