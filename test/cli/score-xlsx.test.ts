/** The score command on Excel workbooks: the same report as the JSON path, cell-level refusals. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledInstrument, type JawabanUnit } from '@pantau/shared';
import { classicXlsx, templateXlsx } from '../workbooks';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/answers-example.json');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const doc = JSON.parse(readFileSync(FIXTURE, 'utf8')) as JawabanUnit;
const row = (id: number) => bundledInstrument().itemById[id].excel!.row;
let dir: string;

function score(args: string[]) {
  const r = spawnSync(NPM, ['run', '--silent', '--ignore-scripts', 'score', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  execFileSync(NPM, ['run', '--silent', 'build:shared'], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'pantau-score-xlsx-'));
  writeFileSync(join(dir, 'templat.xlsx'), await templateXlsx(doc));
  writeFileSync(join(dir, 'lampiran III.xlsx'), await classicXlsx(doc));
  writeFileSync(
    join(dir, 'rusak.xlsx'),
    await templateXlsx(doc, (ws) => {
      ws.getCell(`K${row(102)}`).value = 'lima';
      ws.getCell(`K${row(6)}`).value = 'E';
      ws.mergeCells(`K${row(1)}:L${row(1)}`);
    }),
  );
  writeFileSync(join(dir, 'salah-lembar.xlsx'), await templateXlsx(doc, undefined, 'Sheet1'));
  writeFileSync(join(dir, 'bukan.xlsx'), 'bukan zip');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('score command on workbooks', () => {
  const json = () => score([FIXTURE]);
  it('scores the PortalRB template exactly as the JSON, at every level', () => {
    const base = json();
    expect(base.status).toBe(0);
    const r = score([join(dir, 'templat.xlsx')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(base.stdout);
    expect(score([join(dir, 'templat.xlsx'), '--level', 'TPI']).stdout).toBe(score([FIXTURE, '--level', 'TPI']).stdout);
  });

  it('scores the classic Lampiran III sheet exactly as the JSON', () => {
    const r = score([join(dir, 'lampiran III.xlsx')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(json().stdout);
    expect(score([join(dir, 'lampiran III.xlsx'), '--level', 'TPI']).stdout).toBe(score([FIXTURE, '--level', 'TPI']).stdout);
  });

  it('refuses a malformed workbook with one line per cell, exit 1, nothing on stdout', () => {
    const r = score([join(dir, 'rusak.xlsx')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`- Jawaban!K${row(1)}: sel digabung (K${row(1)}:L${row(1)})`);
    expect(r.stderr).toContain(`- Jawaban!K${row(6)}: soal [6]`);
    expect(r.stderr).toContain(`- Jawaban!K${row(102)}: soal [102]`);
    expect(r.stderr).toMatch(/"lima" bukan angka/);
    expect(r.stderr).not.toMatch(/^\s+at\s/m);
  });

  it('refuses a workbook without an LKE sheet and a file that is not a workbook', () => {
    const a = score([join(dir, 'salah-lembar.xlsx')]);
    expect(a.status).toBe(1);
    expect(a.stderr).toMatch(/tidak ada lembar "LKE ZI".*"Jawaban".*lembar yang ada: "Sheet1"/);
    const b = score([join(dir, 'bukan.xlsx')]);
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/bukan workbook Excel/);
  });
});
