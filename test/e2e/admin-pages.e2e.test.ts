/**
 * Admin pages in headless Chromium against the real server (temp DB, demo seed): instrument versions, Kanwil and
 * units with predicate history, TPN outcome + survey on the unit page, PortalRB tokens, change password.
 * Screenshots go to test-artifacts/e2e/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO_PASSWORD, login, openBrowser, shot, startE2eServer, type E2eServer } from './harness';

let server: E2eServer;
let tmp: string;
beforeAll(async () => {
  server = await startE2eServer();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-pages-'));
});
afterAll(async () => {
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const MASTER_2026 = path.resolve(__dirname, '..', '..', 'shared', 'src', 'instruments', '2026', 'master-soal.json');

interface Node {
  children?: Node[];
  soals?: { id: number; teks_pertanyaan: string; jenis_jawaban: string }[];
}
function eachSoal(nodes: Node[], fn: (s: NonNullable<Node['soals']>[number]) => void) {
  for (const n of nodes) {
    for (const s of n.soals ?? []) fn(s);
    eachSoal(n.children ?? [], fn);
  }
}

describe('admin pages in Chromium', () => {
  it('ADMIN uploads a 2027 master list, sees the report with the diff, saves and activates it; a malformed list shows its issues', async () => {
    const master = JSON.parse(fs.readFileSync(MASTER_2026, 'utf8')) as { tahun: number; data: Node[] };
    master.tahun = 2027;
    eachSoal(master.data, (s) => {
      if (s.id === 1) s.teks_pertanyaan = `${s.teks_pertanyaan} (rumusan 2027)`;
    });
    const good = path.join(tmp, 'master-soal-2027.json');
    fs.writeFileSync(good, JSON.stringify(master));
    const broken = JSON.parse(JSON.stringify(master)) as typeof master;
    broken.tahun = 2028;
    eachSoal(broken.data, (s) => {
      if (s.id === 3) s.jenis_jawaban = 'PILIHAN_BEBAS';
    });
    const bad = path.join(tmp, 'master-soal-rusak.json');
    fs.writeFileSync(bad, JSON.stringify(broken));

    const b = await openBrowser();
    try {
      await login(b.page, server.url, 'admin');
      await b.page.click('[data-test=nav-instruments]');
      await b.page.waitForSelector('[data-test=versions-table] tbody tr');

      await b.page.setInputFiles('[data-test=master-input]', good);
      await b.page.waitForSelector('[data-test=instrument-report]');
      expect(await b.page.textContent('[data-test=report-status]')).toContain('valid dan siap disimpan');
      expect(await b.page.textContent('[data-test=report-year]')).toBe('2027');
      expect(await b.page.textContent('[data-test=report-items]')).toBe('127');
      expect(await b.page.textContent('[data-test=table-status]')).toContain('dipakai ulang');
      expect(await b.page.textContent('[data-test=diff-text]')).toContain('[1]');
      expect(await b.page.locator('[data-test=report-areas] tbody tr').count()).toBe(6);
      await shot(b.page, 'instruments-report');

      await b.page.click('[data-test=save-version]');
      await b.page.waitForSelector('[data-test=saved]');
      await b.page.click('[data-test=activate-saved]');
      await b.page.waitForSelector('[data-test=notice]');
      const gql = await apiAs(server.url, 'admin');
      const list = await gql('{ instrumentVersions { id year active sourceFileName } }');
      const v2027 = list.data.instrumentVersions.find((v: { year: number }) => v.year === 2027);
      expect(v2027).toMatchObject({ active: true, sourceFileName: 'master-soal-2027.json' });
      expect(await b.page.textContent('[data-test=versions-table]')).toContain('master-soal-2027.json');
      await shot(b.page, 'instruments-activated');

      await b.page.setInputFiles('[data-test=master-input]', bad);
      await b.page.waitForSelector('[data-test=report-issues]');
      expect(await b.page.textContent('[data-test=report-status]')).toContain('belum dapat disimpan');
      expect(await b.page.textContent('[data-test=report-issues]')).toMatch(/PILIHAN_BEBAS|jenis/i);
      expect(await b.page.locator('[data-test=save-version]').isDisabled()).toBe(true);
      await b.page.locator('[data-test=report-issues]').scrollIntoViewIfNeeded();
      await shot(b.page, 'instruments-issues');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('ADMIN adds and edits a unit, records a predicate and revokes it (2-year ban); a Kanwil head sees Kanwil read-only', async () => {
    const b = await openBrowser({ width: 1024, height: 768 });
    try {
      await login(b.page, server.url, 'admin');
      await b.page.goto(`${server.url}/admin/units`);
      await b.page.waitForSelector('[data-test=satker-table]');
      await shot(b.page, 'units-list');

      await b.page.click('[data-test=add-satker]');
      await b.page.fill('[data-test=satker-code] input', 'PAS-LAPAS-E2E');
      await b.page.fill('[data-test=satker-name] input', 'Lapas Uji E2E');
      await b.page.click('[data-test=satker-kind]');
      await b.page.click('.n-base-select-option:has-text("LAPAS")');
      await b.page.fill('[data-test=satker-division] input', 'Pemasyarakatan');
      await b.page.click('[data-test=satker-save]');
      await b.page.waitForSelector('[data-test=satker-dialog]', { state: 'detached' });
      await b.page.fill('[data-test=units] header input', 'E2E');
      await b.page.waitForSelector('[data-test=edit-satker-PAS-LAPAS-E2E]');

      await b.page.click('[data-test=edit-satker-PAS-LAPAS-E2E]');
      await b.page.fill('[data-test=satker-name] input', 'Lapas Uji E2E Kelas IIA');
      await b.page.click('[data-test=satker-save]');
      await b.page.waitForSelector('[data-test=satker-dialog]', { state: 'detached' });
      await b.page.waitForFunction(() => /Kelas IIA/.test(document.querySelector('[data-test=satker-table]')?.textContent ?? ''));

      await b.page.click('[data-test=predicates-PAS-LAPAS-E2E]');
      await b.page.waitForSelector('[data-test=add-predicate-form]');
      await b.page.fill('[data-test=add-year] input', '2025');
      await b.page.fill('[data-test=add-decree-number] input', 'SK-E2E/2025');
      await b.page.fill('[data-test=add-decree-date] input', '10-12-2025');
      await b.page.keyboard.press('Enter');
      await b.page.click('[data-test=add-predicate-save]');
      await b.page.waitForSelector('[data-test=predicate-table]');
      expect(await b.page.textContent('[data-test=predicate-table]')).toContain('SK-E2E/2025');

      await b.page.click('[data-test^=revoke-]:not([data-test=revoke-form])');
      await b.page.waitForSelector('[data-test=revoke-form]');
      await b.page.fill('[data-test=revoke-reason] textarea', 'Pelanggaran integritas berat');
      await b.page.fill('[data-test=revoke-date] input', '01-03-2026');
      await b.page.keyboard.press('Enter');
      await b.page.waitForFunction(() => /2028/.test(document.querySelector('[data-test=revoke-ban]')?.textContent ?? ''));
      await shot(b.page, 'units-revoke');
      await b.page.click('[data-test=revoke-confirm]');
      await b.page.waitForSelector('[data-test=revoke-form]', { state: 'detached' });
      await b.page.waitForFunction(() => /Dicabut.*2026/.test(document.querySelector('[data-test=predicate-table]')?.textContent ?? ''));
      const gql = await apiAs(server.url, 'admin');
      const r = await gql('{ satkers { code name kind division predicates { year decreeNumber revoked revokedAt reason } } }');
      const s = r.data.satkers.find((x: { code: string }) => x.code === 'PAS-LAPAS-E2E');
      expect(s).toMatchObject({ name: 'Lapas Uji E2E Kelas IIA', kind: 'LAPAS', division: 'Pemasyarakatan' });
      expect(s.predicates).toEqual([
        { year: 2025, decreeNumber: 'SK-E2E/2025', revoked: true, revokedAt: '2026-03-01', reason: 'Pelanggaran integritas berat' },
      ]);
      await shot(b.page, 'units-revoked');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }

    const k = await openBrowser({ width: 1024, height: 768 });
    try {
      await login(k.page, server.url, 'kakanwil');
      await k.page.click('[data-test=nav-units]');
      await k.page.waitForSelector('[data-test=satker-table]');
      expect(await k.page.locator('[data-test=add-kanwil]').count()).toBe(0);
      expect(await k.page.textContent('[data-test=kanwil-card]')).toContain('Hanya administrator');
      await shot(k.page, 'units-kakanwil');
      expect(k.errors).toEqual([]);
    } finally {
      await k.close();
    }
  });

  it('the Kanwil head records a survey result and the TPN outcome of the NOMINATED demo unit; the predicate history updates', async () => {
    const gql = await apiAs(server.url, 'kakanwil');
    const periods = (await gql('{ periods { id year } }')).data.periods as { id: number }[];
    let nominated: { id: number; target: string; satker: { id: number; code: string } } | undefined;
    for (const p of periods) {
      const r = await gql('query($p: Int!) { submissions(periodId: $p) { id status target satker { id code } } }', { p: p.id });
      nominated ??= r.data.submissions.find((x: { status: string }) => x.status === 'NOMINATED');
    }
    expect(nominated, 'the demo seed has a NOMINATED submission').toBeTruthy();
    const sub = nominated!;

    const b = await openBrowser({ width: 1180, height: 820 });
    try {
      await login(b.page, server.url, 'kakanwil');
      await b.page.goto(`${server.url}/submissions/${sub.id}`);
      await b.page.waitForSelector('[data-test=tpn-outcome]');
      await b.page.waitForSelector('[data-test=survey]');
      // the generic workflow button is replaced by the TPN card
      expect(await b.page.locator('[data-test=action-recordTpnOutcome]').count()).toBe(0);

      // survey result: IPAK 3,85 from BPS with 45 respondents
      const nums = b.page.locator('[data-test=survey] .n-input-number input');
      await nums.nth(0).fill('3.85');
      await nums.nth(1).fill('45');
      await nums.nth(1).blur();
      await b.page.click('[data-test=survey] button:has-text("Catat hasil")');
      await b.page.waitForFunction(() => /3,85/.test(document.querySelector('[data-test=survey] table')?.textContent ?? ''));
      await b.page.waitForSelector('[data-test=tpn-outcome]');
      await b.page.locator('[data-test=tpn-outcome]').scrollIntoViewIfNeeded();
      await shot(b.page, 'unit-tpn-card');

      await b.page.click('[data-test=tpn-record]');
      await b.page.waitForSelector('[data-test=tpn-dialog]');
      await b.page.click('[data-test=tpn-awarded-yes]');
      await b.page.fill('[data-test=tpn-decree-number] input', 'SK-TPN/2026/17');
      await b.page.fill('[data-test=tpn-decree-date] input', '15-12-2026');
      await b.page.click('[data-test=tpn-decree-number] input');
      if (await b.page.locator('[data-test=tpn-differs]').count())
        await b.page.fill('[data-test=tpn-reason] textarea', 'Keputusan TPN setelah evaluasi lapangan');
      await shot(b.page, 'unit-tpn-dialog');
      await b.page.click('[data-test=tpn-confirm]');
      await b.page.waitForSelector('[data-test=tpn-dialog]', { state: 'detached' });
      await b.page.waitForFunction(() => /SK-TPN\/2026\/17/.test(document.querySelector('[data-test=predicates]')?.textContent ?? ''));
      expect(await b.page.locator('[data-test=tpn-outcome]').count()).toBe(0);

      const after = await gql(
        'query($id: Int!) { submission(id: $id) { status surveyResults { kind index respondents source } satker { predicates { predicate year decreeNumber decreeDate } } } }',
        { id: sub.id },
      );
      expect(after.data.submission.status).toBe('AWARDED');
      expect(after.data.submission.surveyResults).toContainEqual({ kind: 'IPAK', index: 3.85, respondents: 45, source: 'BPS' });
      expect(after.data.submission.satker.predicates).toContainEqual({
        predicate: sub.target,
        year: 2026,
        decreeNumber: 'SK-TPN/2026/17',
        decreeDate: '2026-12-15',
      });
      await b.page.locator('[data-test=predicates]').scrollIntoViewIfNeeded();
      await shot(b.page, 'unit-tpn-recorded');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('the Kanwil head creates, rotates and revokes PortalRB tokens (plaintext shown once), then changes the password from the user menu', async () => {
    const pull = (token: string) =>
      fetch(`${server.url}/api/portalrb/pengusulan/unit-wbk`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    const b = await openBrowser({ width: 1024, height: 768 });
    try {
      await login(b.page, server.url, 'kakanwil');
      await b.page.click('[data-test=nav-portalrb]');
      await b.page.waitForSelector('[data-test=portalrb-tokens] [data-test=empty], [data-test=token-table]');

      await b.page.click('[data-test=create-token]');
      await b.page.waitForSelector('[data-test=issued-dialog]');
      const first = await b.page.inputValue('[data-test=issued-token] input');
      expect(first.length).toBeGreaterThan(20);
      expect(await b.page.textContent('[data-test=issued-warning]')).toContain('tidak akan ditampilkan lagi');
      await b.page.click('[data-test=copy-token]');
      await shot(b.page, 'tokens-issued');
      await b.page.click('[data-test=issued-close]');
      await b.page.waitForSelector('[data-test=issued-dialog]', { state: 'detached' });
      expect(await b.page.textContent('[data-test=token-table]')).toContain(first.slice(0, 12));
      expect(await b.page.content()).not.toContain(first);
      expect(await pull(first)).toBe(200);

      await b.page.click('[data-test=rotate-token]');
      await b.page.click('.n-popconfirm__action button:has-text("Ganti semua token")');
      await b.page.waitForSelector('[data-test=issued-dialog]');
      const second = await b.page.inputValue('[data-test=issued-token] input');
      expect(second).not.toBe(first);
      expect(await b.page.textContent('[data-test=issued-dialog]')).toContain('1 token lama dicabut');
      await b.page.click('[data-test=issued-close]');
      expect(await pull(first)).toBe(401);
      expect(await pull(second)).toBe(200);

      await b.page.click('[data-test^=revoke-token-]');
      await b.page.click('.n-popconfirm__action button:has-text("Cabut")');
      await b.page.waitForFunction(() => document.querySelectorAll('[data-test^=revoke-token-]').length === 0);
      expect(await pull(second)).toBe(401);
      await shot(b.page, 'tokens-list');

      await b.page.click('[data-test=user-menu]');
      await b.page.click('[data-test=change-password]');
      await b.page.waitForSelector('[data-test=password-dialog]');
      await b.page.fill('[data-test=old-password] input', 'salah-sekali');
      await b.page.fill('[data-test=new-password] input', 'sandi-baru-2026');
      await b.page.fill('[data-test=confirm-password] input', 'sandi-baru-2026');
      await b.page.click('[data-test=password-save]');
      await b.page.waitForSelector('[data-test=password-error]');
      expect(await b.page.textContent('[data-test=password-error]')).toContain('Kata sandi lama salah');
      await b.page.fill('[data-test=old-password] input', DEMO_PASSWORD);
      await b.page.click('[data-test=password-save]');
      await b.page.waitForSelector('[data-test=password-done]');
      await shot(b.page, 'password-changed');
      await expect(apiAs(server.url, 'kakanwil', 'sandi-baru-2026')).resolves.toBeTypeOf('function');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('the coordinator imports a PortalRB jawaban-unit file into the SELF level and sees the change report', async () => {
    const gql = await apiAs(server.url, 'koordinator.polonia');
    const before = await gql('{ submission(id: 1) { status satker { code } period { year } answers(level: SELF) { soalId value } } }');
    const sub = before.data.submission;
    expect(['DRAFT', 'REVISION_REQUESTED']).toContain(sub.status);
    const current = sub.answers.find((a: { soalId: number }) => a.soalId === 2)?.value;
    const next = current === 'A' ? 'B' : 'A';
    const file = path.join(tmp, 'jawaban-polonia.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        unit_id: sub.satker.code,
        nama_unit: 'Polonia',
        tahun: sub.period.year,
        answers: [{ soal_id: 2, jawaban_unit: next, catatan_unit: 'Diimpor dari PortalRB' }],
      }),
    );

    const b = await openBrowser({ width: 1024, height: 768 });
    try {
      await login(b.page, server.url, 'koordinator.polonia');
      await b.page.goto(`${server.url}/submissions/1`);
      await b.page.click('[data-test=import-open]');
      await b.page.waitForSelector('[data-test=import-dialog]');
      await b.page.setInputFiles('[data-test=import-input]', file);
      await b.page.waitForFunction(() => /1 baris dibaca/.test(document.querySelector('[data-test=import-dialog]')?.textContent ?? ''));
      await b.page.click('[data-test=import-run]');
      await b.page.waitForSelector('[data-test=import-report]');
      const report = await b.page.textContent('[data-test=import-report]');
      expect(report).toContain('1 nilai dan 1 catatan berubah');
      expect(report).toContain('[2]');
      await shot(b.page, 'unit-import-report');
      const after = await gql('{ submission(id: 1) { answers(level: SELF) { soalId value note } } }');
      expect(after.data.submission.answers.find((a: { soalId: number }) => a.soalId === 2)).toMatchObject({ value: next, note: 'Diimpor dari PortalRB' });
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
