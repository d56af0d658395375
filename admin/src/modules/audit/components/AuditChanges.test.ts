import { describe, expect, it } from 'vitest';
import { mountWithApp } from '@/test/mount';
import { blankRouter } from '@/test/router';
import AuditChanges from './AuditChanges.vue';

describe('AuditChanges', () => {
  it('shows only the changed fields as before → after, with the reason, never raw JSON of the snapshots', () => {
    const { wrapper } = mountWithApp(AuditChanges, {
      router: blankRouter(),
      props: { before: { displayName: 'Lama', active: true }, after: { displayName: 'Baru', active: true, passwordReset: true }, reason: 'Pindah tugas' },
    });
    const rows = wrapper.findAll('tr').map((r) => r.text());
    expect(rows).toEqual(['displayNameLama → Baru', 'passwordResettrue']);
    expect(wrapper.find('del').text()).toBe('Lama');
    expect(wrapper.find('ins').text()).toBe('Baru');
    expect(wrapper.text()).toContain('Alasan: Pindah tugas');
    expect(wrapper.text()).not.toContain('{');
  });
});
