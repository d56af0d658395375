import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { bundledInstrument } from '@pantau/shared';
import { useLkeStore } from '@/stores/lke';
import { mountWithApp } from '@/test/mount';
import { lkeGroups } from '@/utils/lkeTree';
import LkeSections from './LkeSections.vue';

const PROPS = [
  'item',
  'draft',
  'readOnly',
  'level',
  'submissionId',
  'evidence',
  'value',
  'formulas',
  'surveyInForce',
  'dirty',
  'others',
  'notes',
  'canAddNote',
  'canReply',
];
const renders = new Map<number, number>();
/** Stands in for ItemCard with the same props and events, counting its renders per item. */
const CountingCard = defineComponent({
  name: 'ItemCard',
  props: PROPS,
  emits: ['edit', 'uploaded', 'notesChanged'],
  setup(props) {
    return () => {
      const id = ((props as Record<string, unknown>).item as { soalId: number }).soalId;
      renders.set(id, (renders.get(id) ?? 0) + 1);
      return h('div', { 'data-test': `card-${id}` });
    };
  },
});

describe('LkeSections', () => {
  it('re-renders only the card whose count was typed, with all 127 items shown', async () => {
    const { wrapper, pinia } = mountWithApp(
      defineComponent({
        props: ['sections'],
        setup: (p) => () => h(LkeSections, { sections: p.sections, readOnly: false, canReply: true }),
      }),
      { props: { sections: [] }, global: { stubs: { ItemCard: CountingCard } } },
    );
    const lke = useLkeStore(pinia);
    const inst = bundledInstrument(2026);
    lke.instrument = inst;
    lke.submission = {
      id: 7,
      target: 'WBK',
      status: 'DRAFT',
      version: 1,
      answers: [],
      reviewNotes: [],
      surveyResults: [],
      evidence: [],
      satker: { id: 10, code: 'X', name: 'X', kind: 'KANIM', holdsWbk: false },
      period: { id: 1, year: 2026, instrumentVersionId: 1 },
    } as never;
    const sections = lkeGroups(inst).flatMap((g) => g.sections.map((s) => ({ group: g, node: s.node, items: s.items })));
    await wrapper.setProps({ sections } as never);
    await flushPromises();
    const shown = wrapper.findAll('[data-test^=card-]').length;
    expect(shown).toBe(Object.keys(inst.itemById).length);
    expect(shown).toBeGreaterThanOrEqual(127);

    const count = Object.values(inst.itemById).find((i) => i.type === 'COUNT')!;
    renders.clear();
    lke.edit(count.soalId, { value: 3 });
    await nextTick();
    lke.edit(count.soalId, { value: 34 });
    await nextTick();
    // the typed card twice; the other cards it feeds (same formula) may change too, nothing else
    expect(renders.get(count.soalId)).toBe(2);
    const others = [...renders.keys()].filter((id) => id !== count.soalId);
    expect(others.length).toBeLessThanOrEqual(3);
    wrapper.unmount();
    lke.reset();
  });

  it('with the real cards, a keystroke updates the typed card and nothing else (no other card, no section heading)', { timeout: 90_000 }, async () => {
    const updated = new Map<string, number>();
    const counter = {
      updated(this: { $options: { name?: string; __name?: string } }) {
        const n = this.$options.name ?? this.$options.__name ?? '?';
        updated.set(n, (updated.get(n) ?? 0) + 1);
      },
    };
    const { wrapper, pinia } = mountWithApp(
      defineComponent({
        props: ['sections'],
        setup: (p) => () => h(LkeSections, { sections: p.sections, readOnly: false, canReply: true }),
      }),
      { props: { sections: [] }, global: { mixins: [counter] } },
    );
    const lke = useLkeStore(pinia);
    const inst = bundledInstrument(2026);
    lke.instrument = inst;
    lke.submission = {
      id: 7,
      target: 'WBK',
      status: 'DRAFT',
      version: 1,
      answers: [],
      reviewNotes: [],
      surveyResults: [],
      evidence: [],
      satker: { id: 10, code: 'X', name: 'X', kind: 'KANIM', holdsWbk: false },
      period: { id: 1, year: 2026, instrumentVersionId: 1 },
    } as never;
    // the group of a count item (real cards are slow to mount in happy-dom): its sections, their headings, its other cards
    const count = Object.values(inst.itemById).find((i) => i.type === 'COUNT')!;
    const group = lkeGroups(inst).find((g) => g.sections.some((s) => s.items.some((i) => i.soalId === count.soalId)))!;
    const sections = group.sections.map((s) => ({ group, node: s.node, items: s.items }));
    await wrapper.setProps({ sections } as never);
    await flushPromises();
    expect(wrapper.findAll('[data-test^=item-]').length).toBeGreaterThan(3);
    lke.edit(count.soalId, { value: 3 });
    await nextTick();
    updated.clear();
    lke.edit(count.soalId, { value: 34 });
    await nextTick();
    expect(updated.get('LkeSections')).toBe(1);
    expect(updated.get('ItemCard')).toBe(1);
    expect(updated.get('LkeSectionTitle')).toBeUndefined();
    expect(updated.get('Tag')).toBeUndefined();
    wrapper.unmount();
    lke.reset();
  });
});
