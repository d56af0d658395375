import { describe, expect, it } from 'vitest';
import { bundledInstrument } from '@pantau/shared';
import { mountWithApp } from '@/test/mount';
import ItemCard from './ItemCard.vue';

const instrument = bundledInstrument(2026);
const base = { readOnly: false, level: 'SELF', submissionId: 1, evidence: [], value: null, formulas: [], surveyInForce: null, dirty: false };

describe('ItemCard', () => {
  it('offers the options of a graded item with their letters and labels, and emits the chosen key', async () => {
    const item = instrument.items.find((i) => i.type === 'ABC')!;
    const { wrapper } = mountWithApp(ItemCard, { props: { ...base, item, draft: { value: null, note: null } } });
    expect(wrapper.text()).toContain(item.label);
    for (const o of item.options) expect(wrapper.find(`[data-test=opt-${item.soalId}-${o.key}]`).exists()).toBe(true);
    await wrapper.get(`[data-test=opt-${item.soalId}-B] input`).setValue(true);
    expect(wrapper.emitted('edit')?.[0]).toEqual([{ value: 'B' }]);
  });

  it('takes whole non-negative counts for Jumlah items and shows the computed percentage they feed', async () => {
    const item = instrument.items.find((i) => i.type === 'COUNT')!;
    const { wrapper } = mountWithApp(ItemCard, {
      props: { ...base, item, draft: { value: 4, note: null }, formulas: [{ id: 'f', description: 'Agen perubahan', value: 0.5 }] },
    });
    const input = wrapper.get(`[data-test=count-${item.soalId}] input`);
    expect((input.element as HTMLInputElement).value).toBe('4');
    expect(wrapper.text()).toContain('Agen perubahan');
    expect(wrapper.text()).toContain('50,0 %');
  });

  it('updates a Jumlah count as it is typed (the live score moves before blur), and ignores non-whole or negative input', async () => {
    const item = instrument.items.find((i) => i.type === 'COUNT')!;
    const { wrapper } = mountWithApp(ItemCard, { props: { ...base, item, draft: { value: null, note: null } } });
    const input = wrapper.get(`[data-test=count-${item.soalId}] input`);
    await input.trigger('focus');
    await input.setValue('12');
    expect(wrapper.emitted('edit')).toEqual([[{ value: 12 }]]);
    await input.setValue('12.5');
    await input.setValue('-3');
    expect(wrapper.emitted('edit')).toEqual([[{ value: 12 }]]);
  });

  it('marks survey items, an entered SELF value as an estimate, and shows the recorded survey fallback', () => {
    const item = instrument.items.find((i) => i.survey === 'IPAK')!;
    const empty = mountWithApp(ItemCard, {
      props: { ...base, item, draft: { value: null, note: null }, surveyInForce: { index: 3.6, source: 'BPS' } },
    }).wrapper;
    expect(empty.text()).toContain('Survei · IPAK');
    // the value in force with its source beside it
    expect(empty.find(`[data-test=survey-in-force-${item.soalId}]`).text()).toBe('Nilai yang berlaku: 3,60BPS');
    expect(empty.find('[data-test=survey-source]').text()).toBe('BPS');
    expect(empty.text()).not.toContain('Estimasi');
    const own = mountWithApp(ItemCard, {
      props: { ...base, item, draft: { value: 3.2, note: null }, surveyInForce: { index: 3.2, source: 'ANSWER' } },
    }).wrapper;
    expect(own.text()).toContain('Estimasi');
    expect(own.find('[data-test=survey-source]').text()).toBe('Isian sendiri');
    const third = mountWithApp(ItemCard, {
      props: { ...base, item, draft: { value: null, note: null }, surveyInForce: { index: 3.7, source: 'THIRD_PARTY' } },
    }).wrapper;
    expect(third.find('[data-test=survey-source]').text()).toBe('Pihak ketiga');
  });

  it('is read only when the level is closed to the user', () => {
    const item = instrument.items.find((i) => i.type === 'YA_TIDAK')!;
    const { wrapper } = mountWithApp(ItemCard, { props: { ...base, item, readOnly: true, draft: { value: 'Ya', note: null } } });
    expect(wrapper.get(`[data-test=opt-${item.soalId}-Ya] input`).attributes('disabled')).toBeDefined();
    expect(wrapper.find(`[data-test=upload-${item.soalId}]`).exists()).toBe(false);
  });

  it('shows the other levels’ answer notes inline and the reviewer notes with their reply button only to those who may reply', () => {
    const item = instrument.items.find((i) => i.type === 'YA_TIDAK')!;
    const others = [{ level: 'KANWIL', value: 'Tidak', note: 'SK belum ditandatangani' }];
    const notes = [
      {
        id: 1,
        soalId: item.soalId,
        level: 'KANWIL',
        round: 1,
        body: 'Unggah SK bertanda tangan',
        resolved: false,
        resolvedAt: null,
        createdAt: '2026-11-28T00:00:00Z',
        parentId: null,
        author: { id: 2, displayName: 'Kakanwil' },
        resolvedBy: null,
        replies: [],
      },
    ];
    const props = { ...base, item, readOnly: true, draft: { value: 'Ya', note: null }, others, notes } as never;
    const viewer = mountWithApp(ItemCard, { props: { ...(props as object), canReply: false } as never }).wrapper;
    expect(viewer.get(`[data-test=other-notes-${item.soalId}]`).text()).toContain('SK belum ditandatangani');
    expect(viewer.get(`[data-test=notes-${item.soalId}]`).text()).toContain('Unggah SK bertanda tangan');
    expect(viewer.get(`[data-test=notes-${item.soalId}]`).text()).not.toContain('Balas');
    const coordinator = mountWithApp(ItemCard, { props: { ...(props as object), canReply: true } as never }).wrapper;
    expect(coordinator.get(`[data-test=notes-${item.soalId}]`).text()).toContain('Balas');
  });
});
