/**
 * The scoring command as users run it: `npm run --silent score -- …` in the repo root, on files in a temp dir.
 * shared is built once (beforeAll); later runs pass --ignore-scripts so npm skips the `prescore` rebuild
 * (the first test runs the full command, prescore included).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures');
const MASTER = join(ROOT, 'shared/src/instruments/2026/master-soal.json');
const FORMULAS = join(ROOT, 'shared/src/instruments/2026/formulas.json');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function score(args: string[], opts: { prescore?: boolean } = {}): Run {
  const npmArgs = ['run', '--silent', ...(opts.prescore ? [] : ['--ignore-scripts']), 'score', '--', ...args];
  const r = spawnSync(NPM, npmArgs, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 1, nothing on stdout, the message on stderr, and no stack trace. */
function expectFailure(r: Run, message: RegExp | string) {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/^\s+at\s/m);
  expect(r.stderr).not.toMatch(/Error:|node:internal|\.js:\d+/);
}

function ok(r: Run): Report {
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

interface Failure {
  requirement: string;
  actual: number | null;
  required: number;
  message: string;
}
interface Report {
  total: number;
  pengungkit: number;
  pemenuhan: number;
  reform: number;
  hasil: number;
  completeness: number;
  areas: { code: string; name: string; weight: number; pemenuhan: number; reform: number; score: number; percent: number }[];
  hasilParts: { ipak: number; kinerja: number; bersih: number; pelayanan: number };
  eligibility: Record<'WBK' | 'WBBM', { eligible: boolean; failures: Failure[] }>;
}

/** Same keys everywhere (in the same order), same strings/booleans, numbers to 1e-9. */
function expectSameReport(actual: unknown, expected: unknown, path = '$') {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((e, i) => expectSameReport((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    expect(actual && typeof actual === 'object', path).toBeTruthy();
    expect(Object.keys(actual as object), path).toEqual(Object.keys(expected));
    for (const [k, v] of Object.entries(expected)) expectSameReport((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

let dir: string;
const example = () => JSON.parse(readFileSync(join(FIXTURES, 'answers-example.json'), 'utf8'));
const expected = () => JSON.parse(readFileSync(join(FIXTURES, 'answers-example.expected.json'), 'utf8')) as Report;

/** Write a JSON (or raw text) file into the temp dir and return its path. */
function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
}

/** The example with some rows' jawaban_unit replaced (or rows appended). */
function exampleWith(changes: Record<number, unknown>) {
  const doc = example();
  for (const [id, v] of Object.entries(changes)) {
    const row = doc.answers.find((r: { soal_id: number }) => r.soal_id === Number(id));
    if (row) row.jawaban_unit = v;
    else doc.answers.push({ soal_id: Number(id), jawaban_unit: v, jawaban_tpi: null });
  }
  return doc;
}

beforeAll(() => {
  execFileSync(NPM, ['run', '--silent', 'build:shared'], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'pantau-score-'));
  mkdirSync(join(dir, 'dengan spasi'));
  copyFileSync(join(FIXTURES, 'answers-example.json'), join(dir, 'dengan spasi', 'jawaban unit.json'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('score command: results', () => {
  it('prints exactly the expected report for the example fixture (full command, prescore included)', () => {
    const r = score([join(dir, 'dengan spasi', 'jawaban unit.json')], { prescore: true });
    expect(r.status, r.stderr).toBe(0);
    // stdout is one JSON document and nothing else
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expectSameReport(JSON.parse(r.stdout), expected());
  });

  it('defaults to SELF and accepts --level SELF explicitly', () => {
    expectSameReport(ok(score([join(FIXTURES, 'answers-example.json'), '--level', 'SELF'])), expected());
  });

  it('--level TPI scores jawaban_tpi: no survey entries, so IPAK/IPKP are awaited', () => {
    const self = expected();
    const tpi = ok(score([join(FIXTURES, 'answers-example.json'), '--level', 'TPI']));
    expect(tpi.hasilParts).toEqual({ ipak: 0, kinerja: 2.5, bersih: 2.5, pelayanan: 0 }); // [126] C
    expect(tpi.total).toBeLessThan(self.total);
    // TPI answered [24] ("Tidak") and [123] (4) where the unit left them blank
    expect(tpi.completeness).toBeCloseTo(121 / 125, 12);
    const wbk = tpi.eligibility.WBK.failures;
    expect(wbk.find((f) => f.requirement === 'ipak')).toEqual({
      requirement: 'ipak',
      actual: null,
      required: 15.75,
      message: 'IPAK belum tersedia: menunggu hasil survei (IPAK ≥ 3,60 diperlukan)',
    });
    expect(wbk.find((f) => f.requirement === 'pelayanan')?.actual).toBeNull();
  });

  it('--level TPN lays jawaban_tpn over jawaban_tpi', () => {
    const tpi = ok(score([join(FIXTURES, 'answers-example.json'), '--level', 'TPI']));
    const tpn = ok(score([join(FIXTURES, 'answers-example.json'), '--level=tpn']));
    // TPN changed [92] C → B (weight 1: +0.25), and entered IPAK 3.70 and IPKP 3.55
    expect(tpn.hasilParts.ipak).toBeCloseTo((3.7 / 4) * 17.5, 12);
    expect(tpn.hasilParts.pelayanan).toBeCloseTo((3.55 / 4) * 17.5, 12);
    expect(tpn.hasilParts.kinerja).toBe(tpi.hasilParts.kinerja);
    expect(tpn.areas[0].reform - tpi.areas[0].reform).toBeCloseTo(0.25, 12);
    expect(tpn.total - tpi.total).toBeCloseTo(0.25 + (3.7 / 4) * 17.5 + (3.55 / 4) * 17.5, 12);
    for (let i = 1; i < 6; i++) expect(tpn.areas[i]).toEqual(tpi.areas[i]);
    expect(tpn.eligibility.WBBM.failures.map((f) => f.message)).toContain('Pelayanan publik prima (IPKP) 15,53 < 15,75 (indeks 3,55 < 3,6)');
  });

  it('--has-wbk removes only the "WBBM needs WBK" failure', () => {
    const without = expected();
    const withWbk = ok(score([join(FIXTURES, 'answers-example.json'), '--has-wbk']));
    expect(without.eligibility.WBBM.failures.map((f) => f.requirement)).toContain('wbk');
    expect(withWbk.eligibility.WBBM.failures).toEqual(without.eligibility.WBBM.failures.filter((f) => f.requirement !== 'wbk'));
    expect(withWbk.eligibility.WBK).toEqual(without.eligibility.WBK);
    expect(withWbk.total).toBe(without.total);
  });

  it('an ineligible unit is a result: exit 0', () => {
    const p = file('kosong.json', { unit_id: 'X', nama_unit: 'Unit Kosong', tahun: 2026, answers: [] });
    const r = ok(score([p]));
    expect(r.total).toBe(0);
    expect(r.completeness).toBe(0);
    expect(r.eligibility.WBK.eligible).toBe(false);
  });

  it('--help prints usage on stdout and exits 0', () => {
    const r = score(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Pemakaian');
    expect(r.stdout).toContain('--level SELF|TPI|TPN');
  });
});

describe('score command: other instrument versions', () => {
  it('--instrument with a 2027 list (changed texts, same formula items) reuses the bundled formula table', () => {
    const master = JSON.parse(readFileSync(MASTER, 'utf8'));
    master.tahun = 2027;
    const reword = (n: { soals?: { teks_pertanyaan: string }[]; children?: unknown[] }) => {
      for (const s of n.soals ?? []) s.teks_pertanyaan = `${s.teks_pertanyaan} (rumusan 2027)`;
      for (const c of n.children ?? []) reword(c as typeof n);
    };
    master.data.forEach(reword);
    const p = file('master-2027.json', master);
    const answers = file('jawaban-2027.json', { ...example(), tahun: 2027 });
    expectSameReport(ok(score([answers, '--instrument', p])), expected());
    // with the formula table given explicitly too
    expectSameReport(ok(score([answers, '--instrument', p, '--formulas', FORMULAS])), expected());
  });

  it('--formulas alone is used with the bundled list', () => {
    const table = JSON.parse(readFileSync(FORMULAS, 'utf8'));
    const p = file('rumus.json', table);
    expectSameReport(ok(score([join(FIXTURES, 'answers-example.json'), '--formulas', p])), expected());
  });

  it('refuses a list whose formula item changed type, listing the issue', () => {
    const master = JSON.parse(readFileSync(MASTER, 'utf8'));
    const lhkpn = master.data[0].children[1].children[4].children[2].children[0]; // A.II.5.iii.a
    const item = lhkpn.soals.find((s: { id: number }) => s.id === 116);
    item.jenis_jawaban = 'YA_TIDAK';
    item.skema_penilaian = [
      { key: 'Ya', label: 'Ya', multiplier: 1 },
      { key: 'Tidak', label: 'Tidak', multiplier: 0 },
    ];
    const r = score([join(FIXTURES, 'answers-example.json'), '--instrument', file('master-ubah.json', master)]);
    expectFailure(r, 'Instrumen tidak valid');
    expect(r.stderr).toMatch(/\[116\].*YA_TIDAK/);
  });

  it('refuses a formula table that leaves a count item uncovered', () => {
    const table = JSON.parse(readFileSync(FORMULAS, 'utf8'));
    table.formulas = table.formulas.filter((f: { id: string }) => f.id !== 'penyederhanaan-layanan');
    const r = score([join(FIXTURES, 'answers-example.json'), '--formulas', file('rumus-kurang.json', table)]);
    expectFailure(r, 'Instrumen tidak valid');
    expect(r.stderr).toContain('soal [122]');
    expect(r.stderr).toContain('soal [123]');
  });

  it('refuses an instrument file that is not JSON or not a list', () => {
    expectFailure(
      score([join(FIXTURES, 'answers-example.json'), '--instrument', file('rusak.json', '{ "tahun": ')]),
      'Berkas daftar soal bukan JSON yang valid',
    );
    expectFailure(
      score([join(FIXTURES, 'answers-example.json'), '--instrument', file('bukan-daftar.json', { tahun: 2027 })]),
      /Instrumen tidak valid[\s\S]*- data:/,
    );
    expectFailure(score([join(FIXTURES, 'answers-example.json'), '--formulas', join(dir, 'tidak-ada.json')]), 'Berkas tabel rumus tidak ditemukan');
  });
});

describe('score command: invalid input exits 1 with a message and no stack trace', () => {
  it('no arguments → usage on stderr', () => {
    const r = score([]);
    expectFailure(r, 'Pemakaian');
  });

  it('missing file', () => {
    expectFailure(score([join(dir, 'tidak-ada.json')]), `Berkas jawaban tidak ditemukan: ${join(dir, 'tidak-ada.json')}`);
  });

  it('unreadable file (a directory)', () => {
    expectFailure(score([dir]), 'Berkas jawaban adalah direktori');
  });

  it('not JSON', () => {
    expectFailure(score([file('bukan-json.json', 'soal_id,jawaban\n1,Ya\n')]), 'Berkas jawaban bukan JSON yang valid');
  });

  it.each([
    ['a JSON array', [{ soal_id: 1, jawaban_unit: 'Ya' }], 'harus berupa objek JSON'],
    ['no answers list', { unit_id: 'X', nama_unit: 'X', tahun: 2026 }, '`answers` harus berupa daftar'],
    ['a row without soal_id', { unit_id: 'X', tahun: 2026, answers: [{ jawaban_unit: 'Ya' }] }, 'answers[0]: `soal_id` harus bilangan bulat positif'],
    ['soal_id as text', { unit_id: 'X', tahun: 2026, answers: [{ soal_id: '1', jawaban_unit: 'Ya' }] }, '`soal_id` harus bilangan bulat positif, bukan "1"'],
    ['tahun as text', { unit_id: 'X', tahun: 'dua ribu', answers: [] }, '`tahun` harus berupa bilangan bulat'],
  ])('wrong shape: %s', (_name, doc, message) => {
    expectFailure(score([file('bentuk.json', doc)]), message);
  });

  it('duplicate soal_id', () => {
    const doc = example();
    doc.answers.push({ soal_id: 5, jawaban_unit: 'B', jawaban_tpi: 'B' });
    expectFailure(score([file('ganda.json', doc)]), /soal_id 5 muncul lebih dari sekali/);
  });

  it.each([
    ['unknown soal_id', { 999: 'A' }, 'soal_id 999 tidak dikenal dalam instrumen 2026'],
    ['option key outside the scheme', { 2: 'D' }, '[2] jawaban_unit: "D" bukan pilihan soal ini (pilihan: A/B/C)'],
    ['Ya/Tidak given as a letter', { 1: 'A' }, '[1] jawaban_unit: "A" bukan pilihan soal ini (pilihan: Ya/Tidak)'],
    ['negative count', { 88: -1 }, '[88] jawaban_unit: jumlah tidak boleh negatif'],
    ['non-integer count', { 89: 2.5 }, '[89] jawaban_unit: jumlah harus bilangan bulat'],
    ['count as text', { 90: 'sembilan' }, '[90] jawaban_unit: jumlah harus berupa angka'],
    ['index above 4', { 125: 4.5 }, '[125] jawaban_unit: indeks survei harus di antara 0 dan 4'],
    ['index below 0', { 127: -0.1 }, '[127] jawaban_unit: indeks survei harus di antara 0 dan 4'],
    ['index with 3 decimals', { 125: 3.555 }, '[125] jawaban_unit: indeks survei paling banyak dua desimal'],
  ])('%s', (_name, changes, message) => {
    expectFailure(score([file('salah.json', exampleWith(changes))]), message);
  });

  it('lists every bad answer of the file, in every column, in one message', () => {
    const doc = exampleWith({ 2: 'Z', 88: -3, 125: 3.555, 999: 'A' });
    doc.answers.find((r: { soal_id: number }) => r.soal_id === 6).jawaban_tpi = 'E';
    const r = score([file('banyak-salah.json', doc)]);
    expectFailure(r, '5 jawaban tidak valid');
    for (const m of ['[2] jawaban_unit', '[6] jawaban_tpi', '[88] jawaban_unit', '[125] jawaban_unit', '[999] soal_id 999']) {
      expect(r.stderr).toContain(m);
    }
  });

  it('unknown CLI option', () => {
    expectFailure(score([join(FIXTURES, 'answers-example.json'), '--tahun', '2026']), 'Opsi tidak dikenal: --tahun');
  });

  it('bad --level value, or none', () => {
    expectFailure(score([join(FIXTURES, 'answers-example.json'), '--level', 'KANWIL']), 'Nilai --level tidak dikenal: "KANWIL"');
    expectFailure(score([join(FIXTURES, 'answers-example.json'), '--level']), 'Opsi --level memerlukan nilai');
  });

  it('more than one answers file', () => {
    expectFailure(score([join(FIXTURES, 'answers-example.json'), join(FIXTURES, 'answers-example.json')]), 'Hanya satu berkas jawaban');
  });
});
