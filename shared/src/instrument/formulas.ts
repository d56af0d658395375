// The formula table: how the Jumlah (COUNT) soal of a sub-area turn into scores (ratio, decrease), plus item labels.
import { isObject, type AddIssue } from './issues';
import type { Formula, FormulaTable, InstrumentNode, Item } from './types';

/** Every soal a formula reads (its own operands and the soal it requires). */
export function formulaItems(f: Formula): number[] {
  const own = f.kind === 'ratio' ? [...f.numerator, ...f.denominator] : [f.previous, f.current];
  return [...own, ...(f.requires ?? [])];
}

const isIdList = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.every((x) => Number.isInteger(x));

/**
 * Reads and checks the formula table against the items: every operand a Jumlah soal of one sub-area, no soal in two
 * formulas, every Jumlah soal in some formula. Returns null when the table is not a table at all.
 */
export function readFormulaTable(raw: unknown, itemById: Record<number, Item>, nodes: Record<number, InstrumentNode>, add: AddIssue): FormulaTable | null {
  if (!isObject(raw) || !Array.isArray(raw.formulas)) {
    add('tabel rumus', 'harus berupa objek dengan daftar `formulas`');
    return null;
  }
  const formulas: Formula[] = [];
  const usedBy = new Map<number, string>();
  const ids = new Set<string>();
  raw.formulas.forEach((f: unknown, i: number) => {
    const where = `tabel rumus #${i + 1}${isObject(f) && typeof f.id === 'string' ? ` (${f.id})` : ''}`;
    if (!isObject(f) || typeof f.id !== 'string' || !f.id) {
      add(where, 'rumus harus memiliki `id`');
      return;
    }
    if (ids.has(f.id)) add(where, `id rumus "${f.id}" ganda`);
    ids.add(f.id);
    const formula = readFormula(f, f.id, where, add);
    if (!formula) return;
    let nodeId: number | null = null;
    for (const id of formulaItems(formula)) {
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

/** One formula's own shape (kind and operands), before it is checked against the items. */
function readFormula(f: Record<string, unknown>, id: string, where: string, add: AddIssue): Formula | null {
  const requires = f.requires === undefined ? [] : f.requires;
  if (!Array.isArray(requires) || !requires.every((x) => Number.isInteger(x))) {
    add(where, '`requires` harus daftar soal_id');
    return null;
  }
  let formula: Formula;
  if (f.kind === 'ratio') {
    if (!isIdList(f.numerator) || !isIdList(f.denominator)) {
      add(where, 'rumus ratio memerlukan `numerator` dan `denominator` berupa daftar soal_id');
      return null;
    }
    formula = { id, kind: 'ratio', numerator: f.numerator, denominator: f.denominator, requires };
  } else if (f.kind === 'decrease') {
    if (!Number.isInteger(f.previous) || !Number.isInteger(f.current)) {
      add(where, 'rumus decrease memerlukan `previous` dan `current` berupa soal_id');
      return null;
    }
    formula = { id, kind: 'decrease', previous: f.previous as number, current: f.current as number, requires };
  } else {
    add(where, `jenis rumus "${String(f.kind)}" tidak dikenal (ratio, decrease)`);
    return null;
  }
  if (typeof f.description === 'string') formula.description = f.description;
  return formula;
}

/** The table's labels replace the soal texts as item labels; a label for an unknown soal is a problem. */
export function applyLabels(table: FormulaTable, itemById: Record<number, Item>, add: AddIssue): void {
  for (const [id, label] of Object.entries(table.labels ?? {})) {
    const it = itemById[Number(id)];
    if (!it) add(`tabel rumus: label ${id}`, `soal_id ${id} tidak ada dalam daftar soal`);
    else it.label = label;
  }
}
