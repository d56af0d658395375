/**
 * The exported LKE recomputed by LibreOffice headless (Debian libreoffice-calc, installed by .ci/run): every cached
 * result is first spoiled, so the totals below can only come from LibreOffice evaluating our formulas; they must
 * equal the server's scores at every level.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxGrid } from '@pantau/shared/xlsx';
import { demoSubmissions, loginAs, ok, startServer, type Client, type TestServer } from './helpers';

const SCORES = `query ($id: Int!) { submission(id: $id) { scores {
  self { total pengungkit hasil areas { score } } kanwil { total pengungkit hasil areas { score } }
  tpi { total pengungkit hasil areas { score } } tpn { total pengungkit hasil areas { score } } } } }`;
const LEVEL_COLUMN = { self: 'L', kanwil: 'S', tpi: 'V', tpn: 'Y' } as const;

/** LibreOffice with a throwaway profile that recalculates every formula when it loads an .xlsx. */
function recalculate(dir: string, file: string): string {
  const profile = join(dir, 'lo-profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
  );
  const out = join(dir, 'out');
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', out, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return join(out, file.split('/').pop()!);
}

describe('LKE export recomputed by LibreOffice', () => {
  let server: TestServer;
  let admin: Client;
  let dir: string;
  beforeAll(async () => {
    server = await startServer();
    admin = await loginAs(server, 'admin');
    dir = mkdtempSync(join(tmpdir(), 'pantau-lo-'));
  });
  afterAll(async () => {
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('agrees with the server’s totals, pengungkit, hasil and areas at every level', async () => {
    const subs = await demoSubmissions(admin);
    // a unit still in draft, one in desk review (TPI answers), one nominated (TPN over TPI)
    for (const code of ['IMI-POLONIA', 'IMI-TPINANG', 'IMI-MEDAN']) {
      const id = subs[code].id;
      const res = await admin.fetch(`/api/submissions/${id}/lke.xlsx`);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      let spoiled = 0;
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value as ExcelJS.CellFormulaValue;
            if (v && typeof v === 'object' && 'formula' in v) {
              cell.value = { formula: v.formula, result: -777 } as ExcelJS.CellFormulaValue;
              spoiled++;
            }
          }),
        ),
      );
      expect(spoiled).toBeGreaterThan(500);
      const file = join(dir, `${code}.xlsx`);
      writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      const grid = await readXlsxGrid(readFileSync(recalculate(dir, file)));
      const lke = grid.sheets.find((s) => s.name === 'LKE ZI')!;
      const rowOf = (prefix: string) =>
        Object.entries(lke.cells)
          .find(([a, c]) => a.startsWith('G') && String(c.value).startsWith(prefix))![0]
          .slice(1);
      const rows = { total: rowOf('NILAI EVALUASI'), pengungkit: rowOf('NILAI PENGUNGKIT'), hasil: rowOf('NILAI HASIL') };
      const areaRow0 = Number(rowOf('NILAI PER AREA')) + 1;
      const scores = ok(await admin.gql(SCORES, { id })).submission.scores;
      for (const [level, col] of Object.entries(LEVEL_COLUMN)) {
        const s = scores[level];
        // exceljs reads a cached 0 as "no result": a blank here can only stand for 0
        const num = (addr: string) => {
          const v = lke.cells[addr]?.value ?? 0;
          expect(typeof v, `${code} ${level} ${addr} = ${String(v)}`).toBe('number');
          return v as number;
        };
        expect(num(`${col}${rows.total}`), `${code} ${level} total`).toBeCloseTo(s.total, 9);
        expect(num(`${col}${rows.pengungkit}`)).toBeCloseTo(s.pengungkit, 9);
        expect(num(`${col}${rows.hasil}`)).toBeCloseTo(s.hasil, 9);
        s.areas.forEach((a: { score: number }, i: number) => expect(num(`${col}${areaRow0 + i}`), `${code} ${level} area ${i + 1}`).toBeCloseTo(a.score, 9));
      }
      expect(scores.self.total).toBeGreaterThan(0);
    }
  });
});
