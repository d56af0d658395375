import type { MenuOption } from 'naive-ui';
import { computed, ref, watch } from 'vue';
import { useLkeStore } from '@/stores/lke';
import { lkeGroups, matchesSearch } from '@/utils/lkeTree';

export type LkeFilter = 'all' | 'unanswered' | 'answered' | 'notes' | 'noEvidence';

/** The LKE outline (areas → groups), the active group, search and filters, and the sections they leave visible. */
export function useLkeOutline() {
  const lke = useLkeStore();
  const groups = computed(() => (lke.instrument ? lkeGroups(lke.instrument) : []));
  const activeGroup = ref<string | null>(null);
  watch(
    groups,
    (g) => {
      if (!activeGroup.value && g.length) activeGroup.value = g[0]!.key;
    },
    { immediate: true },
  );
  const filter = ref<LkeFilter>('all');
  const search = ref('');

  const isAnswered = (soalId: number) => {
    const v = lke.answers[soalId];
    return v !== null && v !== undefined && v !== '';
  };

  // "done/total" per group as one string: the menu is rebuilt only when a count changes, not on every keystroke
  const doneCounts = computed(() => groups.value.map((g) => g.items.filter((i) => !i.required || isAnswered(i.soalId)).length).join(','));
  const menuOptions = computed<MenuOption[]>(() => {
    const done = doneCounts.value.split(',').map(Number);
    const byParent = new Map<string, MenuOption[]>();
    const parents: { key: string; label: string }[] = [];
    groups.value.forEach((g, gi) => {
      const pKey = g.parent?.code ?? g.node.code;
      if (!byParent.has(pKey)) {
        byParent.set(pKey, []);
        parents.push({ key: pKey, label: `${g.parent?.code ?? ''} ${g.parent?.name ?? g.node.name}` });
      }
      byParent.get(pKey)!.push({ key: g.key, label: `${g.node.code.split('.').pop()}. ${g.node.name} (${done[gi]}/${g.items.length})` });
    });
    return parents.map((p) => ({ type: 'group', key: `grp-${p.key}`, label: p.label, children: byParent.get(p.key) }));
  });
  const groupSelectOptions = computed(() => groups.value.map((g) => ({ value: g.key, label: `${g.node.code} ${g.node.name}` })));

  // A count being typed stays in the "unanswered" list until its field is left: otherwise the first digit would
  // answer the item and pull it out from under the cursor.
  const editingCount = ref<number | null>(null);
  function countOf(e: FocusEvent): number | null {
    const el = e.target instanceof Element ? e.target.closest('[data-test^="count-"]') : null;
    return el ? Number(el.getAttribute('data-test')!.slice('count-'.length)) : null;
  }
  const onFocusIn = (e: FocusEvent) => {
    editingCount.value = countOf(e);
  };
  const onFocusOut = (e: FocusEvent) => {
    if (countOf(e) === editingCount.value) editingCount.value = null;
  };

  const evidenceItems = computed(
    () => new Set((lke.submission?.evidence ?? []).filter((e) => e.purpose === 'ANSWER' && e.soalId != null).map((e) => e.soalId!)),
  );
  const openNoteItems = computed(() => new Set((lke.submission?.reviewNotes ?? []).filter((n) => !n.resolved).map((n) => n.soalId)));
  const searching = computed(() => search.value.trim() !== '' || filter.value !== 'all');
  const visibleSections = computed(() => {
    const keep = (soalId: number) => {
      const item = lke.instrument!.itemById[soalId]!;
      if (!matchesSearch(item, search.value)) return false;
      if (filter.value === 'unanswered') return item.required && (!isAnswered(soalId) || editingCount.value === soalId);
      if (filter.value === 'answered') return isAnswered(soalId);
      if (filter.value === 'notes') return openNoteItems.value.has(soalId);
      if (filter.value === 'noEvidence') return item.required && isAnswered(soalId) && !evidenceItems.value.has(soalId);
      return true;
    };
    const source = searching.value ? groups.value : groups.value.filter((g) => g.key === activeGroup.value);
    return source.flatMap((g) =>
      g.sections.map((s) => ({ group: g, node: s.node, items: s.items.filter((i) => keep(i.soalId)) })).filter((s) => s.items.length > 0),
    );
  });

  function openGroup(key: string) {
    activeGroup.value = key;
    search.value = '';
    filter.value = 'all';
  }

  /** Open an item's group and scroll to it (links, the submit dialog's list). */
  function goTo(soalId: number) {
    const g = groups.value.find((x) => x.items.some((i) => i.soalId === soalId));
    if (g) activeGroup.value = g.key;
    search.value = '';
    filter.value = 'all';
    setTimeout(() => document.getElementById(`soal-${soalId}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  }

  return {
    groups,
    activeGroup,
    filter,
    search,
    menuOptions,
    groupSelectOptions,
    onFocusIn,
    onFocusOut,
    openNoteItems,
    searching,
    visibleSections,
    openGroup,
    goTo,
  };
}

export type LkeOutline = ReturnType<typeof useLkeOutline>;
