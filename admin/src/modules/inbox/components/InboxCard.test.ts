import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { InboxEntry } from '@/api/inbox';

vi.mock('@/api/inbox', () => ({ fetchInbox: vi.fn() }));
vi.mock('@/api/org', () => ({ fetchPeriods: vi.fn(async () => [{ id: 4, year: 2026, name: 'ZI 2026' }]) }));
import * as api from '@/api/inbox';
import { mountWithApp } from '@/test/mount';
import InboxCard from './InboxCard.vue';

const base = {
  submissionId: 7,
  satkerId: 3,
  satkerName: 'Kanim Banggai',
  soalId: null,
  itemCode: null,
  level: null,
  count: 1,
  dueAt: null,
  detail: null,
} as const;
const ENTRIES: InboxEntry[] = [
  {
    ...base,
    kind: 'RETURNED_ITEM',
    role: 'COORDINATOR',
    status: 'REVISION_REQUESTED',
    soalId: 12,
    itemCode: 'A.1.2',
    level: 'KANWIL',
    count: 2,
    detail: 'SK belum ditandatangani',
    path: '/submissions/7/lke?item=12',
  },
  {
    ...base,
    kind: 'DEADLINE',
    role: 'COORDINATOR',
    status: 'REVISION_REQUESTED',
    detail: 'resubmit',
    dueAt: new Date(Date.now() - 86400e3).toISOString(),
    path: '/submissions/7/lke',
  },
  { ...base, kind: 'PRE_ASSESS', role: 'KANWIL_HEAD', status: 'SUBMITTED', path: '/submissions/8/lke' },
  { ...base, kind: 'ESELON_REVIEW', role: 'ESELON_REVIEWER', status: 'ESELON_I_REVIEW', detail: 'forward', path: '/submissions/9/lke' },
  { ...base, kind: 'NOMINATION_DECISION', role: 'TPM_EVALUATOR', status: 'DESK_EVALUATED', detail: 'recordTpmOutcome', path: '/submissions/10' },
] as InboxEntry[];

describe('InboxCard', () => {
  it('groups the server’s entries by role, each a link to where to act, with the note and the deadline', async () => {
    vi.mocked(api.fetchInbox).mockResolvedValue(ENTRIES);
    const { wrapper } = mountWithApp(InboxCard);
    await flushPromises();
    expect(api.fetchInbox).toHaveBeenCalledWith(4);
    const coord = wrapper.get('[data-test=inbox-COORDINATOR]');
    expect(coord.text()).toContain('Sebagai Koordinator');
    const item = coord.get('[data-test=inbox-entry-RETURNED_ITEM] a');
    expect(item.attributes('href')).toBe('/submissions/7/lke?item=12');
    expect(item.text()).toContain('Perbaiki butir A.1.2 (2 catatan terbuka)');
    expect(item.text()).toContain('SK belum ditandatangani');
    expect(coord.get('[data-test=inbox-entry-DEADLINE]').text()).toMatch(/Lewat batas/);
    expect(wrapper.get('[data-test=inbox-KANWIL_HEAD]').text()).toContain('Lakukan penilaian pendahuluan');
    // the reviewers of a route's own steps
    expect(wrapper.get('[data-test=inbox-ESELON_REVIEWER]').text()).toContain('Tinjau usulan pada tahap penilaian Eselon I');
    expect(wrapper.get('[data-test=inbox-TPM_EVALUATOR] a').attributes('href')).toBe('/submissions/10');
    expect(wrapper.get('[data-test=inbox-TPM_EVALUATOR]').text()).toContain('Tetapkan WBK-mandiri');
  });

  it('says so when nothing waits', async () => {
    vi.mocked(api.fetchInbox).mockResolvedValue([]);
    const { wrapper } = mountWithApp(InboxCard, { lang: 'en' });
    await flushPromises();
    expect(wrapper.text()).toContain('Nothing needs your action right now.');
  });
});
