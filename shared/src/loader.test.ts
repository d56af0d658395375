import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InstrumentError, loadInstrument, type InstrumentIssue } from './instrument/loader';
import type { FormulaTable } from './instrument/types';
import { BUNDLED_INSTRUMENTS, bundledInstrument } from './instruments/index';

type RawNode = { id: number; nama: string; level: string; bobot_maksimal: number; children: RawNode[]; soals: RawItem[] };
type RawItem = {
  id: number;
  teks_pertanyaan: string;
  jenis_jawaban: string;
  bobot_maksimal: number;
  skema_penilaian: { key: string; label: string; multiplier: number }[];
};
type RawMaster = { tahun: number; total_soal: number; data: RawNode[] };

const master = (): RawMaster => structuredClone(BUNDLED_INSTRUMENTS[2026].master) as RawMaster;
const formulas = (): FormulaTable => structuredClone(BUNDLED_INSTRUMENTS[2026].formulas);

function nodeOf(m: RawMaster, id: number): RawNode {
  const find = (ns: RawNode[]): RawNode | undefined => {
    for (const n of ns) {
      if (n.id === id) return n;
      const r = find(n.children ?? []);
      if (r) return r;
    }
  };
  const n = find(m.data);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

function itemOf(m: RawMaster, soalId: number): RawItem {
  const find = (ns: RawNode[]): RawItem | undefined => {
    for (const n of ns) {
      const s = (n.soals ?? []).find((x) => x.id === soalId) ?? find(n.children ?? []);
      if (s) return s;
    }
  };
  const s = find(m.data);
  if (!s) throw new Error(`no item ${soalId}`);
  return s;
}

/** The issues a refused load reports (fails the test if it loads). */
function issuesOf(m: unknown, f: unknown = formulas()): InstrumentIssue[] {
  try {
    loadInstrument(m, f);
  } catch (e) {
    expect(e).toBeInstanceOf(InstrumentError);
    return (e as InstrumentError).issues;
  }
  throw new Error('expected the instrument to be refused');
}

function expectIssue(issues: InstrumentIssue[], path: RegExp | string, message: RegExp | string) {
  const hit = issues.find(
    (i) =>
      (typeof path === 'string' ? i.path.includes(path) : path.test(i.path)) &&
      (typeof message === 'string' ? i.message.includes(message) : message.test(i.message)),
  );
  expect(hit, JSON.stringify(issues, null, 1)).toBeDefined();
}

describe('bundled 2026 instrument', () => {
  const inst = bundledInstrument(2026);

  it('has 127 items, 125 of them required (all but the survey items)', () => {
    expect(inst.items).toHaveLength(127);
    expect(inst.requiredCount).toBe(125);
    expect(inst.items.filter((i) => !i.required).map((i) => i.soalId)).toEqual([125, 127]);
    expect(inst.items.map((i) => i.soalId)).toEqual(Array.from({ length: 127 }, (_, i) => i + 1));
  });

  it('has six areas weighing 8, 7, 10, 10, 15, 10, split 50/50', () => {
    expect(inst.areas.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(inst.areas.map((a) => a.weight)).toEqual([8, 7, 10, 10, 15, 10]);
    for (const a of inst.areas) expect(a.pemenuhanWeight).toBe(a.reformWeight);
    expect(inst.areas.map((a) => a.name)).toEqual([
      'Manajemen Perubahan',
      'Penataan Tatalaksana',
      'Penataan Sistem Manajemen SDM Aparatur',
      'Penguatan Akuntabilitas',
      'Penguatan Pengawasan',
      'Peningkatan Kualitas Pelayanan Publik',
    ]);
  });

  it('totals pemenuhan 30, reform 30, hasil 40', () => {
    expect(inst.totals).toEqual({ pemenuhan: 30, reform: 30, pengungkit: 60, hasil: 40 });
  });

  it('derives codes from the numbering prefixes', () => {
    expect(inst.nodes[54].code).toBe('A.II.5.iii');
    expect(inst.nodes[55].code).toBe('A.II.5.iii.a');
    expect(inst.nodes[56].code).toBe('A.II.5.iii.b');
    expect(inst.nodes[4].code).toBe('A.I.1.i');
    expect(inst.nodes[61].code).toBe('B.I');
    expect(inst.itemById[1].code).toBe('A.I.1.i.1');
    expect(inst.itemById[116].code).toBe('A.II.5.iii.a.4');
    expect(inst.itemById[127].code).toBe('B.II.1');
  });

  it('normalises answer types, "jumlah" included', () => {
    expect(inst.itemById[88].type).toBe('COUNT');
    expect(inst.itemById[117].type).toBe('COUNT');
    expect(inst.itemById[117].rawType).toBe('jumlah');
    expect(inst.itemById[125].type).toBe('INDEX');
    expect(inst.itemById[6].options.map((o) => [o.key, o.multiplier])).toEqual([
      ['A', 1],
      ['B', 0.67],
      ['C', 0.33],
      ['D', 0],
    ]);
  });

  it('shows the corrected label of [116] and keeps the master text', () => {
    expect(inst.itemById[116].label).toBe('Jumlah seluruh yang sudah melaporkan LHKPN');
    expect(inst.itemById[116].text).toBe('Jumlah Lainnya yang sudah melaporkan');
    expect(inst.itemById[115].label).toBe(inst.itemById[115].text);
  });

  it('identifies the HASIL roles and survey items', () => {
    expect(inst.hasil).toEqual({ ipak: 125, kinerja: 126, ipkp: 127, bersihNodeId: 61, pelayananNodeId: 62 });
    expect(inst.itemById[125].survey).toBe('IPAK');
    expect(inst.itemById[127].survey).toBe('IPKP');
    expect(inst.itemById[126].survey).toBeNull();
  });

  it('splits each sub-area weight over its scored units', () => {
    const w = (id: number) => inst.units[id].map((u) => (u.kind === 'item' ? `[${u.soalId}]` : u.formula.id) + ':' + u.weight);
    expect(w(36)).toEqual(['agen-perubahan:1', 'perubahan-terintegrasi:1']);
    expect(w(37)).toEqual(['[92]:1']);
    expect(w(46)).toEqual(['pelanggaran-disiplin:2']);
    expect(w(55)).toEqual(['lhkpn:1']);
    expect(w(56)).toEqual(['non-lhkpn:1']);
    expect(w(58)).toEqual(['[121]:1.25', 'penyederhanaan-layanan:1.25']);
    expect(w(61)).toEqual(['[125]:17.5', '[126]:5']);
    expect(w(62)).toEqual(['[127]:17.5']);
  });
});

describe('refusing malformed master lists', () => {
  it('refuses a non-object and an empty list', () => {
    expectIssue(issuesOf(null), '(akar)', 'objek');
    expectIssue(issuesOf({ tahun: 2026, data: [] }), 'data', 'tidak kosong');
    expectIssue(issuesOf({ ...master(), tahun: '2026' }), 'tahun', 'bilangan bulat');
  });

  it('bad level', () => {
    const m = master();
    nodeOf(m, 4).level = 'subarea';
    expectIssue(issuesOf(m), 'simpul 4', 'level "subarea" tidak dikenal');
  });

  it('level out of place', () => {
    const m = master();
    nodeOf(m, 3).level = 'sub_area';
    expectIssue(issuesOf(m), 'simpul 3', 'tidak sesuai posisinya');
  });

  it('duplicate soal_id', () => {
    const m = master();
    itemOf(m, 6).id = 5;
    expectIssue(issuesOf(m), '[5]', 'dipakai lebih dari sekali');
  });

  it('duplicate node id', () => {
    const m = master();
    nodeOf(m, 5).id = 4;
    expectIssue(issuesOf(m), 'simpul 4', 'id simpul 4 dipakai lebih dari sekali');
  });

  it('unknown jenis_jawaban', () => {
    const m = master();
    itemOf(m, 12).jenis_jawaban = 'ABCDEF';
    expectIssue(issuesOf(m), 'soal [12]', 'jenis_jawaban "ABCDEF" tidak dikenal');
  });

  it('unknown jenis_jawaban on a formula item does not crash the loader', () => {
    const m = master();
    itemOf(m, 88).jenis_jawaban = 'Angka';
    const issues = issuesOf(m);
    expectIssue(issues, 'soal [88]', 'tidak dikenal');
    expectIssue(issues, 'agen-perubahan', 'soal_id 88 tidak ada');
  });

  it('wrong option keys', () => {
    const m = master();
    itemOf(m, 2).skema_penilaian[2].key = 'D';
    expectIssue(issuesOf(m), 'soal [2]', 'opsi ABC harus A/B/C');
  });

  it('options without a best (1) and a worst (0) value', () => {
    const m = master();
    itemOf(m, 2).skema_penilaian[0].multiplier = 0.9;
    expectIssue(issuesOf(m), 'soal [2]', 'terbaik harus bernilai 1');
  });

  it('child weights not summing to the parent weight', () => {
    const m = master();
    nodeOf(m, 5).bobot_maksimal = 1.5;
    expectIssue(issuesOf(m), 'simpul 3 "1. MANAJEMEN PERUBAHAN"', 'jumlah bobot sub-simpul 4.5 ≠ bobot simpul 4');
  });

  it('a nested sub-area whose parts do not sum (A.II.5.iii)', () => {
    const m = master();
    nodeOf(m, 56).bobot_maksimal = 0.5;
    expectIssue(issuesOf(m), 'simpul 54', 'jumlah bobot sub-simpul 1.5 ≠ bobot simpul 2');
  });

  it('HASIL questions whose own weights do not match the node', () => {
    const m = master();
    itemOf(m, 126).bobot_maksimal = 4;
    expectIssue(issuesOf(m), 'simpul 61', 'jumlah bobot soal 21.5 ≠ bobot simpul 22.5');
  });

  it('a survey index outside HASIL', () => {
    const m = master();
    const it93 = itemOf(m, 93);
    it93.jenis_jawaban = '0-4';
    it93.skema_penilaian = [];
    expectIssue(issuesOf(m), '[93]', 'hanya boleh di komponen HASIL');
  });

  it('total_soal disagreeing with the list', () => {
    expectIssue(issuesOf({ ...master(), total_soal: 128 }), 'total_soal', '128');
  });

  it('lists every problem at once', () => {
    const m = master();
    nodeOf(m, 4).level = 'x';
    itemOf(m, 12).jenis_jawaban = '?';
    itemOf(m, 20).skema_penilaian[0].key = 'Z';
    expect(issuesOf(m).length).toBeGreaterThanOrEqual(3);
  });
});

describe('refusing formula tables that do not fit the list', () => {
  it('not a table', () => {
    expectIssue(issuesOf(master(), { formulas: 'none' }), 'tabel rumus', 'daftar `formulas`');
  });

  it('naming a missing soal_id', () => {
    const f = formulas();
    f.formulas[0] = { id: 'agen-perubahan', kind: 'ratio', numerator: [89], denominator: [200] };
    expectIssue(issuesOf(master(), f), 'agen-perubahan', 'soal_id 200 tidak ada');
  });

  it('naming a non-count item', () => {
    const f = formulas();
    f.formulas.push({ id: 'salah', kind: 'ratio', numerator: [92], denominator: [93] });
    expectIssue(issuesOf(master(), f), 'salah', 'soal [92] bertipe ABCDE');
  });

  it('reading items from different sub-areas', () => {
    const f = formulas();
    f.formulas[3] = { id: 'capaian-sasaran-kinerja', kind: 'ratio', numerator: [106], denominator: [105, 110] };
    const issues = issuesOf(master(), f);
    expectIssue(issues, 'capaian-sasaran-kinerja', /soal \[110\] berada di sub-area A\.II\.5\.ii/);
  });

  it('leaving a count item uncovered', () => {
    const f = formulas();
    f.formulas = f.formulas.filter((x) => x.id !== 'pelanggaran-disiplin');
    const issues = issuesOf(master(), f);
    for (const id of [102, 103, 104]) expectIssue(issues, `soal [${id}] (A.II.3.iii)`, 'tidak dipakai rumus');
  });

  it('an unknown formula kind, and a count used by two formulas', () => {
    const f = formulas();
    f.formulas.push({ id: 'x', kind: 'average' } as never);
    f.formulas.push({ id: 'y', kind: 'ratio', numerator: [89], denominator: [88] });
    const issues = issuesOf(master(), f);
    expectIssue(issues, '(x)', 'jenis rumus "average" tidak dikenal');
    expectIssue(issues, '(y)', 'sudah dipakai rumus "agen-perubahan"');
  });

  it('a label for an unknown item', () => {
    const f = formulas();
    f.labels = { '300': 'x' };
    expectIssue(issuesOf(master(), f), 'label 300', 'tidak ada');
  });
});

describe('robustness', () => {
  // Whatever a user uploads, the loader answers with InstrumentError (never a TypeError from half-read data).
  const junk = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer({ min: -3, max: 200 }),
    fc.double({ noNaN: false }),
    fc.string({ maxLength: 6 }),
    fc.constantFrom('Jumlah', '0-4', 'ABC', 'YA_TIDAK', 'sub_area', 'komponen', 'A. X', 'x. HASIL'),
    fc.constant([]),
    fc.constant({}),
  );
  const nodeFields = ['id', 'nama', 'level', 'bobot_maksimal', 'children', 'soals'];
  const itemFields = ['id', 'teks_pertanyaan', 'jenis_jawaban', 'bobot_maksimal', 'skema_penilaian'];

  it('random corruptions of the master list are refused with InstrumentError or load', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            onItem: fc.boolean(),
            target: fc.integer({ min: 1, max: 127 }),
            field: fc.integer({ min: 0, max: 5 }),
            value: junk,
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (edits) => {
          const m = master();
          for (const e of edits) {
            try {
              if (e.onItem) (itemOf(m, e.target) as Record<string, unknown>)[itemFields[e.field % itemFields.length]] = e.value;
              else (nodeOf(m, 1 + (e.target % 62)) as Record<string, unknown>)[nodeFields[e.field]] = e.value;
            } catch {
              // target renumbered or cut off by an earlier edit
            }
          }
          try {
            loadInstrument(m, formulas());
          } catch (err) {
            expect(err).toBeInstanceOf(InstrumentError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
