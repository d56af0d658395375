// What the scorer reads off the tree: the scored units of each leaf, the change areas, and the HASIL soal.
import { formulaItems } from './formulas';
import { fmtWeight, type AddIssue } from './issues';
import type { InstrumentTree } from './tree';
import type { AreaDef, FormulaTable, Instrument, InstrumentNode, ScoredUnit } from './types';

/**
 * Per scoring leaf, what its weight is spread over: its own weighted soal (weights summing to the node's), or else
 * every graded soal and every formula of the leaf, in master-list order, with equal shares.
 */
export function scoredUnits(tree: InstrumentTree, formulas: FormulaTable | null, add: AddIssue): Record<number, ScoredUnit[]> {
  const { nodes, itemById } = tree;
  const units: Record<number, ScoredUnit[]> = {};
  for (const nodeId of tree.scoringNodeIds) {
    const node = nodes[nodeId];
    const where = `simpul ${node.id} "${node.rawName}"`;
    const own = node.itemIds.map((id) => itemById[id]);
    const nodeFormulas = (formulas?.formulas ?? []).filter((f) => formulaItems(f).some((id) => itemById[id]?.nodeId === nodeId));
    const graded = own.filter((it) => it.type !== 'COUNT');
    const weighted = graded.filter((it) => it.weight > 0);
    if (weighted.length) {
      if (weighted.length !== graded.length || nodeFormulas.length) {
        add(where, 'soal berbobot sendiri tidak boleh dicampur dengan soal tanpa bobot atau rumus');
      }
      const sum = weighted.reduce((a, it) => a + it.weight, 0);
      if (Math.abs(sum - node.weight) > 1e-6) add(where, `jumlah bobot soal ${fmtWeight(sum)} ≠ bobot simpul ${fmtWeight(node.weight)}`);
      units[nodeId] = weighted.map((it) => ({ kind: 'item', soalId: it.soalId, weight: it.weight }));
    } else {
      const list: { first: number; unit: Omit<ScoredUnit, 'weight'> }[] = [
        ...graded.map((it) => ({ first: it.order, unit: { kind: 'item' as const, soalId: it.soalId } })),
        ...nodeFormulas.map((f) => ({
          // skip ids already reported as missing (e.g. an item refused for an unknown jenis_jawaban)
          first: Math.min(...formulaItems(f).flatMap((id) => (itemById[id] ? [itemById[id].order] : []))),
          unit: { kind: 'formula' as const, formula: f },
        })),
      ].sort((a, b) => a.first - b.first);
      if (!list.length) {
        add(where, 'tidak memiliki soal yang dinilai');
        continue;
      }
      const w = node.weight / list.length;
      units[nodeId] = list.map((l) => ({ ...l.unit, weight: w }) as ScoredUnit);
    }
    for (const it of graded) {
      if (it.type === 'INDEX' && node.part !== 'HASIL') add(`soal [${it.soalId}]`, 'soal indeks survei 0-4 hanya boleh di komponen HASIL');
    }
  }
  return units;
}

/** The change areas: each number once in PEMENUHAN and once in REFORM, joined into one area. */
export function readAreas(nodes: Record<number, InstrumentNode>, add: AddIssue): AreaDef[] {
  const areas: AreaDef[] = [];
  const areaNodes = Object.values(nodes).filter((n) => n.level === 'area_perubahan' && n.part !== 'HASIL');
  const byNo = new Map<number, { p?: InstrumentNode; r?: InstrumentNode }>();
  for (const n of areaNodes) {
    if (n.areaNo == null) continue;
    const e = byNo.get(n.areaNo) ?? {};
    if (n.part === 'PEMENUHAN') {
      if (e.p) add(`simpul ${n.id}`, `area ${n.areaNo} muncul dua kali di PEMENUHAN`);
      e.p = n;
    } else {
      if (e.r) add(`simpul ${n.id}`, `area ${n.areaNo} muncul dua kali di REFORM`);
      e.r = n;
    }
    byNo.set(n.areaNo, e);
  }
  for (const no of [...byNo.keys()].sort((a, b) => a - b)) {
    const e = byNo.get(no)!;
    if (!e.p || !e.r) {
      add(`area ${no}`, 'setiap area perubahan harus ada di PEMENUHAN dan REFORM');
      continue;
    }
    areas.push({
      no,
      code: String(no),
      name: e.p.name,
      weight: e.p.weight + e.r.weight,
      pemenuhanWeight: e.p.weight,
      reformWeight: e.r.weight,
      pemenuhanNodeId: e.p.id,
      reformNodeId: e.r.id,
    });
  }
  if (!areas.length) add('data', 'tidak ada area perubahan');
  return areas;
}

/** HASIL: B.I (IPAK index + capaian kinerja) and B.II (IPKP index); marks the two index soal with their survey. */
export function readHasil(hasilRoot: InstrumentNode | undefined, tree: InstrumentTree, add: AddIssue): Instrument['hasil'] {
  const none: Instrument['hasil'] = { ipak: 0, kinerja: 0, ipkp: 0, bersihNodeId: 0, pelayananNodeId: 0 };
  if (!hasilRoot) return none;
  const [bersih, pelayanan] = hasilRoot.children;
  const hItems = (n?: InstrumentNode) => (n ? n.itemIds.map((id) => tree.itemById[id]) : []);
  const b = hItems(bersih);
  const p = hItems(pelayanan);
  const ipak = b.filter((it) => it.type === 'INDEX');
  const kinerja = b.filter((it) => it.type !== 'INDEX');
  const ipkp = p.filter((it) => it.type === 'INDEX');
  if (hasilRoot.children.length !== 2 || ipak.length !== 1 || kinerja.length !== 1 || ipkp.length !== 1 || p.length !== 1) {
    add(
      `simpul ${hasilRoot.id} "${hasilRoot.rawName}"`,
      'HASIL harus terdiri dari I (satu indeks IPAK 0-4 dan satu soal capaian kinerja) dan II (satu indeks IPKP 0-4)',
    );
    return none;
  }
  ipak[0].survey = 'IPAK';
  ipkp[0].survey = 'IPKP';
  return { ipak: ipak[0].soalId, kinerja: kinerja[0].soalId, ipkp: ipkp[0].soalId, bersihNodeId: bersih.id, pelayananNodeId: pelayanan.id };
}
