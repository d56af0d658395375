// The node tree of a master list: komponen → sub-komponen → area perubahan → sub-area, with the soal under the leaves.
import { fmtWeight, isNonNegNumber, isObject, type AddIssue } from './issues';
import { readItem } from './item';
import type { InstrumentNode, Item, NodeLevel, Part } from './types';

const LEVELS: NodeLevel[] = ['komponen', 'sub_komponen', 'area_perubahan', 'sub_area'];

const CONNECTORS = new Set(['dan', 'di', 'ke', 'dari', 'yang', 'terhadap', 'untuk', 'atau', 'dalam', 'pada', 'dengan']);

/** "PENINGKATAN KUALITAS PELAYANAN PUBLIK" → "Peningkatan Kualitas Pelayanan Publik" (acronyms kept). */
function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s
    .split(/\s+/)
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (i > 0 && CONNECTORS.has(lower)) return lower;
      if (w.length <= 3 && /^[A-Z]+$/.test(w)) return w;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}

export interface InstrumentTree {
  roots: InstrumentNode[];
  nodes: Record<number, InstrumentNode>;
  /** In master-list order; `order` is the index. */
  items: Item[];
  itemById: Record<number, Item>;
  /** The leaves that hold soal (their scores are computed from units). */
  scoringNodeIds: number[];
}

interface Context {
  part: Part | null;
  areaNo: number | null;
}

/** Walks the komponen list `data`, adding every problem; nodes and soal that cannot be used are left out. */
export function readTree(data: unknown[], add: AddIssue): InstrumentTree {
  const tree: InstrumentTree = { roots: [], nodes: {}, items: [], itemById: {}, scoringNodeIds: [] };
  data.forEach((r, i) => {
    const n = readNode(r, null, 0, `data[${i}]`, { part: null, areaNo: null }, tree, add);
    if (n) tree.roots.push(n);
  });
  tree.items.forEach((it, i) => {
    it.order = i;
    it.part = tree.nodes[it.nodeId].part;
    it.areaNo = it.part === 'HASIL' ? null : tree.nodes[it.nodeId].areaNo;
  });
  return tree;
}

function readNode(
  raw: unknown,
  parent: InstrumentNode | null,
  depth: number,
  indexPath: string,
  ctx: Context,
  tree: InstrumentTree,
  add: AddIssue,
): InstrumentNode | null {
  if (!isObject(raw)) {
    add(indexPath, 'simpul harus berupa objek');
    return null;
  }
  const id = raw.id;
  const nama = typeof raw.nama === 'string' ? raw.nama.trim() : '';
  const where = `simpul ${typeof id === 'number' ? id : '?'}${nama ? ` "${nama}"` : ''}`;
  let ok = true;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    add(indexPath, '`id` simpul harus bilangan bulat');
    ok = false;
  } else if (tree.nodes[id]) {
    add(where, `id simpul ${id} dipakai lebih dari sekali`);
    ok = false;
  }
  if (!nama) {
    add(where, '`nama` kosong');
    ok = false;
  }
  const level = raw.level as NodeLevel;
  if (!LEVELS.includes(level)) {
    add(where, `level "${String(raw.level)}" tidak dikenal (komponen, sub_komponen, area_perubahan, sub_area)`);
    ok = false;
  } else {
    const expected = LEVELS[Math.min(depth, 3)];
    if (level !== expected) add(where, `level "${level}" tidak sesuai posisinya (seharusnya "${expected}")`);
  }
  if (!isNonNegNumber(raw.bobot_maksimal)) {
    add(where, '`bobot_maksimal` harus angka ≥ 0');
    ok = false;
  }
  const children = raw.children ?? [];
  const soals = raw.soals ?? [];
  if (!Array.isArray(children)) add(where, '`children` harus berupa daftar');
  if (!Array.isArray(soals)) add(where, '`soals` harus berupa daftar');
  if (!ok || !Array.isArray(children) || !Array.isArray(soals)) return null;

  const m = /^([A-Z]+|[IVX]+|\d+|[ivx]+|[a-z])\.\s*(.+)$/.exec(nama);
  if (!m) add(where, 'nama harus diawali penomoran seperti "A.", "I.", "1.", "i." atau "a."');
  const prefix = m ? m[1] : String(id);
  const code = parent ? `${parent.code}.${prefix}` : prefix;
  const { part, areaNo } = placeNode(level, nama, m ? m[1] : null, ctx, where, add);

  const node: InstrumentNode = {
    id: id as number,
    code,
    name: titleCase(m ? m[2].trim() : nama),
    rawName: nama,
    level,
    weight: raw.bobot_maksimal as number,
    part: part ?? 'PEMENUHAN',
    areaNo,
    children: [],
    itemIds: [],
  };
  tree.nodes[node.id] = node;

  // Items directly under this node
  (soals as unknown[]).forEach((s, i) => {
    const item = readItem(s, node, i, `${where} soal #${i + 1}`, tree.itemById, add);
    if (!item) return;
    tree.itemById[item.soalId] = item;
    tree.items.push(item);
    node.itemIds.push(item.soalId);
  });
  (children as unknown[]).forEach((c, i) => {
    const child = readNode(c, node, depth + 1, `${code}.children[${i}]`, { part, areaNo }, tree, add);
    if (child) node.children.push(child);
  });

  if (node.children.length && node.itemIds.length) {
    add(where, 'simpul tidak boleh sekaligus memiliki sub-simpul dan soal');
  }
  if (node.children.length) {
    const sum = node.children.reduce((a, c) => a + c.weight, 0);
    if (Math.abs(sum - node.weight) > 1e-6) {
      add(where, `jumlah bobot sub-simpul ${fmtWeight(sum)} ≠ bobot simpul ${fmtWeight(node.weight)}`);
    }
  } else if (node.itemIds.length) {
    tree.scoringNodeIds.push(node.id);
  } else if (node.weight > 0) {
    add(where, 'simpul berbobot tidak memiliki soal maupun sub-simpul');
  }
  if (part === null && level !== 'komponen') add(where, 'berada di luar PEMENUHAN/REFORM/HASIL');
  return node;
}

/** The part (PEMENUHAN/REFORM/HASIL) and area number a node inherits or sets by its level and name. */
function placeNode(level: NodeLevel, nama: string, number: string | null, ctx: Context, where: string, add: AddIssue): Context {
  let { part, areaNo } = ctx;
  if (level === 'komponen') {
    const upper = nama.toUpperCase();
    part = upper.includes('HASIL') ? 'HASIL' : null;
    if (!upper.includes('HASIL') && !upper.includes('PENGUNGKIT')) {
      add(where, 'komponen harus PENGUNGKIT atau HASIL');
    }
  } else if (level === 'sub_komponen' && part !== 'HASIL') {
    const upper = nama.toUpperCase();
    if (upper.includes('PEMENUHAN')) part = 'PEMENUHAN';
    else if (upper.includes('REFORM')) part = 'REFORM';
    else add(where, 'sub-komponen pengungkit harus PEMENUHAN atau REFORM');
  } else if (level === 'area_perubahan') {
    const n = number !== null ? Number(number) : NaN;
    if (!Number.isInteger(n) || n < 1) add(where, 'area perubahan harus bernomor 1, 2, …');
    else areaNo = n;
  }
  return { part, areaNo };
}
