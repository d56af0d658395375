import { describe, expect, it } from 'vitest';
import type { Instrument } from '@pantau/shared';
import type { LkeSubmission } from '@/api/lke';
import { mountWithApp } from '@/test/mount';
import RevisionBanner from './RevisionBanner.vue';

const instrument = { itemById: { 3: { code: 'A.1.3', order: 3 }, 9: { code: 'B.2.1', order: 9 } } } as unknown as Instrument;
const note = (id: number, soalId: number, resolved = false, level = 'KANWIL') => ({ id, soalId, level, resolved, body: `catatan ${id}`, replies: [] });
const sub = (status: string) =>
  ({
    status,
    returnedBy: 'KANWIL',
    returnReason: 'Data dukung belum memadai',
    returnedAt: '2026-11-28T03:00:00Z',
    reviewNotes: [note(1, 9), note(2, 3), note(3, 3), note(4, 5, true), note(5, 7, false, 'SELF')],
  }) as unknown as LkeSubmission;

describe('RevisionBanner', () => {
  it('shows who returned the LKE, the reason and the items with open notes in LKE order, each opening its item', async () => {
    const { wrapper } = mountWithApp(RevisionBanner, { props: { submission: sub('REVISION_REQUESTED'), instrument } });
    const b = wrapper.get('[data-test=revision-banner]');
    expect(b.text()).toContain('LKE dikembalikan oleh Kanwil pada');
    expect(wrapper.get('[data-test=revision-reason]').text()).toContain('Data dukung belum memadai');
    expect(wrapper.findAll('[data-test^=revision-item-]').map((li) => li.attributes('data-test'))).toEqual(['revision-item-3', 'revision-item-9']);
    expect(wrapper.get('[data-test=revision-item-3]').text()).toContain('A.1.3');
    expect(wrapper.get('[data-test=revision-item-3]').text()).toContain('2 catatan terbuka');
    await wrapper.get('[data-test=revision-item-9] button').trigger('click');
    expect(wrapper.emitted('goto')).toEqual([[9]]);
  });

  it('is absent unless the LKE is returned', () => {
    const { wrapper } = mountWithApp(RevisionBanner, { props: { submission: sub('SUBMITTED'), instrument } });
    expect(wrapper.find('[data-test=revision-banner]').exists()).toBe(false);
  });
});
