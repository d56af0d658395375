import type {
  ItemExcelCells,
  AnswerType,
  AreaDef,
  Formula,
  FormulaTable,
  Instrument,
  InstrumentNode,
  Item,
  ItemOption,
  NodeLevel,
  Part,
  ScoredUnit,
} from './types';

/** One problem found in a master list or formula table; `path` names the offending node or item. */
export interface InstrumentIssue {
  path: string;
  message: string;
}

/** A master list or formula table that cannot be used. Lists every problem found, not only the first. */
export class InstrumentError extends Error {
  readonly code = 'INVALID_INSTRUMENT';
  constructor(readonly issues: InstrumentIssue[]) {
    super(
      `Instrumen tidak valid (${issues.length} masalah): ` +
        issues
          .slice(0, 10)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ') +
        (issues.length > 10 ? '; …' : ''),
    );
    this.name = 'InstrumentError';
  }
}

const LEVELS: NodeLevel[] = ['komponen', 'sub_komponen', 'area_perubahan', 'sub_area'];
const TOLERANCE = 1e-9;

/** Option keys each letter type must offer (the regulation's scales). */
export const OPTION_KEYS: Record<string, string[]> = {
  YA_TIDAK: ['Ya', 'Tidak'],
  ABC: ['A', 'B', 'C'],
  ABCD: ['A', 'B', 'C', 'D'],
  ABCDE: ['A', 'B', 'C', 'D', 'E'],
};

export function normaliseAnswerType(raw: unknown): AnswerType | null {
  if (typeof raw !== 'string') return null;
  const t = raw.trim();
  if (t in OPTION_KEYS) return t as AnswerType;
  if (t.toLowerCase() === 'jumlah') return 'COUNT';
  if (t === '0-4') return 'INDEX';
  return null;
}

const CONNECTORS = new Set(['dan', 'di', 'ke', 'dari', 'yang', 'terhadap', 'untuk', 'atau', 'dalam', 'pada', 'dengan']);

/** "PENINGKATAN KUALITAS PELAYANAN PUBLIK" → "Peningkatan Kualitas Pelayanan Publik" (acronyms kept). */
export function titleCase(s: string): string {
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNonNegNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/**
 * Load and validate a PortalRB master-soal list with its formula table.
 * Throws InstrumentError listing every problem; the result is plain, serialisable-enough data.
 */
export function loadInstrument(master: unknown, formulaTable: unknown): Instrument {
  const issues: InstrumentIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  if (!isObject(master)) throw new InstrumentError([{ path: '(akar)', message: 'harus berupa objek JSON' }]);
  const year = master.tahun;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
    add('tahun', 'harus berupa tahun (bilangan bulat 2000–2100)');
  }
  if (!Array.isArray(master.data) || master.data.length === 0) {
    add('data', 'harus berupa daftar komponen yang tidak kosong');
    throw new InstrumentError(issues);
  }

  const nodes: Record<number, InstrumentNode> = {};
  const items: Item[] = [];
  const itemById: Record<number, Item> = {};
  const scoringNodeIds: number[] = [];

  const walk = (
    raw: unknown,
    parent: InstrumentNode | null,
    depth: number,
    indexPath: string,
    ctx: { part: Part | null; areaNo: number | null },
  ): InstrumentNode | null => {
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
    } else if (nodes[id]) {
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
    const name = titleCase(m ? m[2].trim() : nama);
    const code = parent ? `${parent.code}.${prefix}` : prefix;

    let part = ctx.part;
    let areaNo = ctx.areaNo;
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
      const n = m ? Number(m[1]) : NaN;
      if (!Number.isInteger(n) || n < 1) add(where, 'area perubahan harus bernomor 1, 2, …');
      else areaNo = n;
    }

    const node: InstrumentNode = {
      id: id as number,
      code,
      name,
      rawName: nama,
      level,
      weight: raw.bobot_maksimal as number,
      part: part ?? 'PEMENUHAN',
      areaNo,
      children: [],
      itemIds: [],
    };
    nodes[node.id] = node;

    // Items directly under this node
    (soals as unknown[]).forEach((s, i) => {
      const item = readItem(s, node, i, `${where} soal #${i + 1}`);
      if (item) node.itemIds.push(item.soalId);
    });
    (children as unknown[]).forEach((c, i) => {
      const child = walk(c, node, depth + 1, `${code}.children[${i}]`, { part, areaNo });
      if (child) node.children.push(child);
    });

    if (node.children.length && node.itemIds.length) {
      add(where, 'simpul tidak boleh sekaligus memiliki sub-simpul dan soal');
    }
    if (node.children.length) {
      const sum = node.children.reduce((a, c) => a + c.weight, 0);
      if (Math.abs(sum - node.weight) > 1e-6) {
        add(where, `jumlah bobot sub-simpul ${fmt(sum)} ≠ bobot simpul ${fmt(node.weight)}`);
      }
    } else if (node.itemIds.length) {
      scoringNodeIds.push(node.id);
    } else if (node.weight > 0) {
      add(where, 'simpul berbobot tidak memiliki soal maupun sub-simpul');
    }
    if (part === null && level !== 'komponen') add(where, 'berada di luar PEMENUHAN/REFORM/HASIL');
    return node;
  };

  const readItem = (raw: unknown, node: InstrumentNode, index: number, fallback: string): Item | null => {
    if (!isObject(raw)) {
      add(fallback, 'soal harus berupa objek');
      return null;
    }
    const soalId = raw.id;
    if (typeof soalId !== 'number' || !Number.isInteger(soalId) || soalId < 1) {
      add(fallback, '`id` soal (soal_id) harus bilangan bulat positif');
      return null;
    }
    const where = `soal [${soalId}] (${node.code})`;
    if (itemById[soalId]) {
      add(where, `soal_id ${soalId} dipakai lebih dari sekali`);
      return null;
    }
    const text = typeof raw.teks_pertanyaan === 'string' ? raw.teks_pertanyaan.trim() : '';
    if (!text) add(where, '`teks_pertanyaan` kosong');
    const type = normaliseAnswerType(raw.jenis_jawaban);
    if (!type) {
      add(where, `jenis_jawaban "${String(raw.jenis_jawaban)}" tidak dikenal (YA_TIDAK, ABC, ABCD, ABCDE, Jumlah, 0-4)`);
      return null;
    }
    if (!isNonNegNumber(raw.bobot_maksimal)) add(where, '`bobot_maksimal` harus angka ≥ 0');
    const schema = Array.isArray(raw.skema_penilaian) ? raw.skema_penilaian : null;
    if (!schema) add(where, '`skema_penilaian` harus berupa daftar');
    let options: ItemOption[] = [];
    if (type in OPTION_KEYS && schema) {
      const expected = OPTION_KEYS[type];
      const seen = new Set<string>();
      for (const o of schema) {
        if (!isObject(o) || typeof o.key !== 'string' || typeof o.multiplier !== 'number') {
          add(where, 'setiap opsi harus memiliki `key` dan `multiplier`');
          continue;
        }
        if (!Number.isFinite(o.multiplier) || o.multiplier < 0 || o.multiplier > 1) {
          add(where, `multiplier opsi "${o.key}" harus di antara 0 dan 1`);
        }
        if (seen.has(o.key)) add(where, `opsi "${o.key}" ganda`);
        seen.add(o.key);
        options.push({ key: o.key, label: typeof o.label === 'string' ? o.label : o.key, multiplier: o.multiplier });
      }
      const keys = [...seen].sort().join(',');
      if (keys !== [...expected].sort().join(',')) {
        add(where, `opsi ${type} harus ${expected.join('/')}, ditemukan ${[...seen].join('/') || '(kosong)'}`);
      }
      options = options.sort((a, b) => b.multiplier - a.multiplier);
      if (options.length && (options[0].multiplier !== 1 || options[options.length - 1].multiplier !== 0)) {
        add(where, 'opsi terbaik harus bernilai 1 dan terburuk 0');
      }
    } else if (schema && schema.length) {
      add(where, `soal ${type === 'COUNT' ? 'Jumlah' : '0-4'} tidak boleh memiliki skema_penilaian`);
    }
    const item: Item = {
      soalId,
      code: `${node.code}.${index + 1}`,
      text,
      label: text,
      criteria: typeof raw.kriteria_nilai === 'string' ? raw.kriteria_nilai : '',
      type,
      rawType: String(raw.jenis_jawaban),
      options,
      weight: isNonNegNumber(raw.bobot_maksimal) ? raw.bobot_maksimal : 0,
      nodeId: node.id,
      part: node.part,
      areaNo: node.part === 'HASIL' ? null : node.areaNo,
      survey: null,
      required: type !== 'INDEX',
      order: 0,
      excelRow: typeof raw.excel_baris === 'number' ? raw.excel_baris : null,
      excel: excelCells(raw),
    };
    itemById[soalId] = item;
    items.push(item);
    return item;
  };

  const roots: InstrumentNode[] = [];
  (master.data as unknown[]).forEach((r, i) => {
    const n = walk(r, null, 0, `data[${i}]`, { part: null, areaNo: null });
    if (n) roots.push(n);
  });
  items.forEach((it, i) => {
    it.order = i;
    it.part = nodes[it.nodeId].part;
    it.areaNo = it.part === 'HASIL' ? null : nodes[it.nodeId].areaNo;
  });
  if (typeof master.total_soal === 'number' && master.total_soal !== items.length) {
    add('total_soal', `menyebut ${master.total_soal} soal, tetapi daftar berisi ${items.length}`);
  }

  // Komponen: exactly one PENGUNGKIT and one HASIL
  const pengungkit = roots.filter((r) => r.rawName.toUpperCase().includes('PENGUNGKIT'));
  const hasilRoots = roots.filter((r) => r.part === 'HASIL');
  if (pengungkit.length !== 1) add('data', 'harus ada tepat satu komponen PENGUNGKIT');
  if (hasilRoots.length !== 1) add('data', 'harus ada tepat satu komponen HASIL');

  const formulas = readFormulaTable(formulaTable, itemById, nodes, add);
  if (formulas) {
    for (const [id, label] of Object.entries(formulas.labels ?? {})) {
      const it = itemById[Number(id)];
      if (!it) add(`tabel rumus: label ${id}`, `soal_id ${id} tidak ada dalam daftar soal`);
      else it.label = label;
    }
  }

  // Scored units per scoring node
  const units: Record<number, ScoredUnit[]> = {};
  for (const nodeId of scoringNodeIds) {
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
      if (Math.abs(sum - node.weight) > 1e-6) add(where, `jumlah bobot soal ${fmt(sum)} ≠ bobot simpul ${fmt(node.weight)}`);
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

  // Areas: pemenuhan + reform of the same number
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

  // HASIL: B.I (IPAK index + capaian kinerja) and B.II (IPKP index)
  let hasil: Instrument['hasil'] = { ipak: 0, kinerja: 0, ipkp: 0, bersihNodeId: 0, pelayananNodeId: 0 };
  if (hasilRoots.length === 1) {
    const [bersih, pelayanan] = hasilRoots[0].children;
    const hItems = (n?: InstrumentNode) => (n ? n.itemIds.map((id) => itemById[id]) : []);
    const b = hItems(bersih);
    const p = hItems(pelayanan);
    const ipak = b.filter((it) => it.type === 'INDEX');
    const kinerja = b.filter((it) => it.type !== 'INDEX');
    const ipkp = p.filter((it) => it.type === 'INDEX');
    if (hasilRoots[0].children.length !== 2 || ipak.length !== 1 || kinerja.length !== 1 || ipkp.length !== 1 || p.length !== 1) {
      add(
        `simpul ${hasilRoots[0].id} "${hasilRoots[0].rawName}"`,
        'HASIL harus terdiri dari I (satu indeks IPAK 0-4 dan satu soal capaian kinerja) dan II (satu indeks IPKP 0-4)',
      );
    } else {
      ipak[0].survey = 'IPAK';
      ipkp[0].survey = 'IPKP';
      hasil = {
        ipak: ipak[0].soalId,
        kinerja: kinerja[0].soalId,
        ipkp: ipkp[0].soalId,
        bersihNodeId: bersih.id,
        pelayananNodeId: pelayanan.id,
      };
    }
  }

  if (issues.length) throw new InstrumentError(issues);

  const sumPart = (part: Part) =>
    Object.values(nodes)
      .filter((n) => n.level === 'sub_komponen' && n.part === part)
      .reduce((a, n) => a + n.weight, 0);
  return {
    year: year as number,
    roots,
    nodes,
    items,
    itemById,
    areas,
    formulas: formulas!,
    units,
    scoringNodeIds,
    requiredCount: items.filter((i) => i.required).length,
    hasil,
    totals: {
      pemenuhan: sumPart('PEMENUHAN'),
      reform: sumPart('REFORM'),
      pengungkit: sumPart('PEMENUHAN') + sumPart('REFORM'),
      hasil: sumPart('HASIL'),
    },
  };
}

export function formulaItems(f: Formula): number[] {
  const own = f.kind === 'ratio' ? [...f.numerator, ...f.denominator] : [f.previous, f.current];
  return [...own, ...(f.requires ?? [])];
}

function readFormulaTable(
  raw: unknown,
  itemById: Record<number, Item>,
  nodes: Record<number, InstrumentNode>,
  add: (path: string, message: string) => void,
): FormulaTable | null {
  if (!isObject(raw) || !Array.isArray(raw.formulas)) {
    add('tabel rumus', 'harus berupa objek dengan daftar `formulas`');
    return null;
  }
  const formulas: Formula[] = [];
  const usedBy = new Map<number, string>();
  const ids = new Set<string>();
  const isIdList = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.every((x) => Number.isInteger(x));
  raw.formulas.forEach((f: unknown, i: number) => {
    const where = `tabel rumus #${i + 1}${isObject(f) && typeof f.id === 'string' ? ` (${f.id})` : ''}`;
    if (!isObject(f) || typeof f.id !== 'string' || !f.id) {
      add(where, 'rumus harus memiliki `id`');
      return;
    }
    if (ids.has(f.id)) add(where, `id rumus "${f.id}" ganda`);
    ids.add(f.id);
    const requires = f.requires === undefined ? [] : f.requires;
    if (!Array.isArray(requires) || !requires.every((x) => Number.isInteger(x))) {
      add(where, '`requires` harus daftar soal_id');
      return;
    }
    let formula: Formula;
    if (f.kind === 'ratio') {
      if (!isIdList(f.numerator) || !isIdList(f.denominator)) {
        add(where, 'rumus ratio memerlukan `numerator` dan `denominator` berupa daftar soal_id');
        return;
      }
      formula = { id: f.id, kind: 'ratio', numerator: f.numerator, denominator: f.denominator, requires };
    } else if (f.kind === 'decrease') {
      if (!Number.isInteger(f.previous) || !Number.isInteger(f.current)) {
        add(where, 'rumus decrease memerlukan `previous` dan `current` berupa soal_id');
        return;
      }
      formula = { id: f.id, kind: 'decrease', previous: f.previous as number, current: f.current as number, requires };
    } else {
      add(where, `jenis rumus "${String(f.kind)}" tidak dikenal (ratio, decrease)`);
      return;
    }
    if (typeof f.description === 'string') formula.description = f.description;
    const refs = formulaItems(formula);
    let nodeId: number | null = null;
    for (const id of refs) {
      const it = itemById[id];
      if (!it) {
        add(where, `soal_id ${id} tidak ada dalam daftar soal`);
        continue;
      }
      if (it.type !== 'COUNT') add(where, `soal [${id}] bertipe ${it.rawType}, rumus hanya membaca soal Jumlah`);
      if (nodeId !== null && it.nodeId !== nodeId) {
        add(where, `soal [${id}] berada di sub-area ${nodes[it.nodeId].code}, berbeda dari soal lain pada rumus ini`);
      }
      nodeId = it.nodeId;
      const prev = usedBy.get(id);
      if (prev && prev !== formula.id) add(where, `soal [${id}] sudah dipakai rumus "${prev}"`);
      usedBy.set(id, formula.id);
    }
    formulas.push(formula);
  });
  for (const it of Object.values(itemById)) {
    if (it.type === 'COUNT' && !usedBy.has(it.soalId)) {
      add(`soal [${it.soalId}] (${nodes[it.nodeId].code})`, 'soal Jumlah tidak dipakai rumus mana pun di tabel rumus');
    }
  }
  const labels: Record<string, string> = {};
  if (raw.labels !== undefined) {
    if (!isObject(raw.labels)) add('tabel rumus: labels', 'harus berupa objek soal_id → label');
    else for (const [k, v] of Object.entries(raw.labels)) if (typeof v === 'string') labels[k] = v;
  }
  return { version: typeof raw.version === 'number' ? raw.version : 1, formulas, labels };
}

function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

export { TOLERANCE };

const excelColumn = (v: unknown): string | null => (typeof v === 'string' && /^[A-Z]{1,3}$/i.test(v.trim()) ? v.trim().toUpperCase() : null);

/** The template cells of a soal, when the master list names a sheet and a row. */
function excelCells(raw: Record<string, unknown>): ItemExcelCells | null {
  if (typeof raw.excel_sheet !== 'string' || !raw.excel_sheet.trim() || !Number.isInteger(raw.excel_baris) || (raw.excel_baris as number) < 1) return null;
  return {
    sheet: raw.excel_sheet.trim(),
    row: raw.excel_baris as number,
    jawabanUnit: excelColumn(raw.excel_kolom_jawaban_unit),
    catatanUnit: excelColumn(raw.excel_kolom_catatan_unit),
    buktiDukungUnit: excelColumn(raw.excel_kolom_bukti_dukung_unit),
    jawabanTpi: excelColumn(raw.excel_kolom_jawaban_tpi),
    catatanTpi: excelColumn(raw.excel_kolom_catatan_tpi),
  };
}
