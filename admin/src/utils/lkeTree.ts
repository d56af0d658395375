import type { Instrument, InstrumentNode, Item } from '@pantau/shared';

/** A block of questions under one node (usually a sub-area), with the path that leads to it. */
export interface LkeSection {
  node: InstrumentNode;
  items: Item[];
}

/** What the outline lets the user open at once: an area perubahan, or a HASIL sub-komponen. */
export interface LkeGroup {
  key: string;
  node: InstrumentNode;
  parent: InstrumentNode | null;
  sections: LkeSection[];
  items: Item[];
}

function sectionsOf(instrument: Instrument, node: InstrumentNode): LkeSection[] {
  const out: LkeSection[] = [];
  const walk = (n: InstrumentNode) => {
    if (n.itemIds.length) out.push({ node: n, items: n.itemIds.map((id) => instrument.itemById[id]!).filter(Boolean) });
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

/** The instrument cut into groups for the outline, in instrument order (komponen → sub-komponen → area). */
export function lkeGroups(instrument: Instrument): LkeGroup[] {
  const groups: LkeGroup[] = [];
  const visit = (n: InstrumentNode, parent: InstrumentNode | null) => {
    const isArea = n.level === 'area_perubahan';
    const isLeafSubKomponen = n.level === 'sub_komponen' && !n.children.some((c) => c.level === 'area_perubahan');
    if (isArea || isLeafSubKomponen) {
      const sections = sectionsOf(instrument, n);
      groups.push({ key: n.code, node: n, parent, sections, items: sections.flatMap((s) => s.items) });
      return;
    }
    n.children.forEach((c) => visit(c, n));
  };
  instrument.roots.forEach((r) => visit(r, null));
  return groups;
}

/** Formula ids a count item feeds (numerator, denominator, or must-be-filled). */
export function formulasOfItem(instrument: Instrument, soalId: number): { id: string; description: string }[] {
  return instrument.formulas.formulas
    .filter((f) =>
      f.kind === 'ratio'
        ? f.numerator.includes(soalId) || f.denominator.includes(soalId) || (f.requires ?? []).includes(soalId)
        : f.previous === soalId || f.current === soalId || (f.requires ?? []).includes(soalId),
    )
    .map((f) => ({ id: f.id, description: f.description ?? '' }));
}

export function matchesSearch(item: Item, q: string): boolean {
  const s = q.trim().toLowerCase();
  if (!s) return true;
  const bare = s.replace(/^\[|\]$/g, '');
  if (/^\d+$/.test(bare)) return String(item.soalId) === bare;
  return item.label.toLowerCase().includes(s) || item.code.toLowerCase().includes(s) || item.text.toLowerCase().includes(s);
}
