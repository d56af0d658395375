import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/api/upload', () => ({ deleteEvidence: vi.fn(async () => undefined), evidenceUrl: (id: number) => `/api/evidence/${id}`, uploadEvidence: vi.fn() }));
import * as upload from '@/api/upload';
import { mountWithApp } from '@/test/mount';
import EvidencePanel from './EvidencePanel.vue';

const ev = {
  id: 5,
  soalId: 2,
  purpose: 'ANSWER',
  level: 'SELF',
  title: null,
  currentRevision: 1,
  revisions: [{ id: 9, no: 1, fileName: 'sk.pdf', size: 100, mimeType: 'application/pdf', sha256: 'x', uploadedBy: 'A', uploadedAt: '2026-11-01T00:00:00Z' }],
};

describe('EvidencePanel', () => {
  it('deletes an evidence after confirmation, then asks for a refresh', async () => {
    const { wrapper } = mountWithApp(EvidencePanel, { props: { submissionId: 1, soalId: 2, level: 'SELF', evidence: [ev] as never, canUpload: true } });
    await wrapper.get('[data-test=delete-evidence-5]').trigger('click');
    await flushPromises();
    const confirm = [...document.querySelectorAll('.n-popconfirm button')].find((b) => b.textContent?.includes('Hapus')) as HTMLButtonElement;
    confirm.click();
    await flushPromises();
    expect(upload.deleteEvidence).toHaveBeenCalledWith(5);
    expect(wrapper.emitted('uploaded')).toHaveLength(1);
    expect(wrapper.text()).toContain('sk.pdf dihapus dari butir.');
  });

  it('offers no delete to a reader', () => {
    const { wrapper } = mountWithApp(EvidencePanel, { props: { submissionId: 1, soalId: 2, level: 'SELF', evidence: [ev] as never, canUpload: false } });
    expect(wrapper.find('[data-test=delete-evidence-5]').exists()).toBe(false);
  });
});
