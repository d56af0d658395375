/**
 * PDF reports over HTTP, read back with pdftotext (Debian poppler-utils, installed by .ci/run): names, Indonesian
 * dates and the server's numbers in Indonesian decimals; page numbers; scope rules.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, surveyOriginLabel, type SurveyOrigin } from '@pantau/shared';
import { Client, demoSubmissions, loginAs, ok, startServer, type TestServer } from './helpers';
import { goodAnswers, saveLevel, step, upload } from './review/support';

const SCORES = `query ($id: Int!) { submission(id: $id) { scores { self { total pengungkit survey { kind index source } } tpi { total pengungkit hasil areas { score } } } } }`;
// Scores as the official documents print them: two decimals, cut (never rounded up).
const id2 = { format: (x: number) => formatNumber(x, 'id', { digits: 2, fixed: true }) };
const INDONESIAN_DATE = /\b\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}\b/;

describe('PDF reports', () => {
  let server: TestServer;
  let admin: Client;
  let dir: string;
  let subs: Record<string, { id: number }>;
  const text = async (c: Client, url: string): Promise<string> => {
    const res = await c.fetch(url);
    expect(res.status, url).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = join(dir, `r${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    server = await startServer();
    admin = await loginAs(server, 'admin');
    subs = await demoSubmissions(admin);
    dir = mkdtempSync(join(tmpdir(), 'pantau-pdf-'));
    // the demo has no finalised desk evaluation or nomination: the evaluator finalises Tanjungpinang, the Kanwil
    // head nominates it
    const id = subs['IMI-TPINANG'].id;
    const evaluator = await loginAs(server, 'evaluator.itjen');
    ok(await saveLevel(evaluator, id, 'TPI', { ...goodAnswers(), 1: 'Tidak' }, { 1: 'SK tim belum ditandatangani kepala kantor' }));
    await upload(evaluator, { submissionId: id, purpose: 'LHE', title: 'LHE Tanjungpinang' }, 'lhe.pdf');
    await step(evaluator, id, 'finalise', { recommendation: 'Layak diusulkan setelah SK tim diperbaiki', recommendedPredicate: 'WBK' });
    const kakanwil = await loginAs(server, 'kakanwil');
    await upload(kakanwil, { submissionId: id, purpose: 'SPTJM', title: 'SPTJM' }, 'sptjm.pdf');
    const tlhp = await upload(kakanwil, { submissionId: id, purpose: 'PREREQUISITE', title: 'TLHP' }, 'tlhp.pdf');
    const sakip = await upload(kakanwil, { submissionId: id, purpose: 'PREREQUISITE', title: 'SAKIP' }, 'sakip.pdf');
    await step(kakanwil, id, 'nominate', {
      checklist: { tlhpPercent: 100, tlhpEvidenceId: tlhp.id, sakipGrade: 'BB', sakipEvidenceId: sakip.id },
      overrideReason: 'Survei BPS belum keluar',
    });
  });
  afterAll(async () => {
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('LKE summary: unit and Kanwil names, every level’s total, Indonesian date, page numbers', async () => {
    const id = subs['IMI-POLONIA'].id;
    const s = ok(await admin.gql(SCORES, { id })).submission.scores;
    const t = await text(admin, `/api/submissions/${id}/lke-summary.pdf`);
    expect(t).toContain('RINGKASAN LEMBAR KERJA EVALUASI ZONA INTEGRITAS');
    expect(t).toContain('Kantor Imigrasi Kelas I TPI Polonia');
    expect(t).toContain('Kanwil Demo Kementerian Hukum dan HAM');
    expect(t).toContain(id2.format(s.self.total));
    expect(t).toContain(id2.format(s.self.pengungkit));
    // each survey index in force is printed with its source, as on the LKE page
    for (const v of s.self.survey as { kind: string; index: number | null; source: SurveyOrigin | null }[]) {
      expect(t).toContain(`Indeks ${v.kind} yang berlaku (sumber)`);
      if (v.index !== null) expect(t).toContain(`${id2.format(v.index)} ${surveyOriginLabel(v.source, 'id')}`);
    }
    expect(s.self.survey.some((v: { index: number | null }) => v.index !== null)).toBe(true);
    expect(t).toMatch(INDONESIAN_DATE);
    expect(t).toMatch(/Halaman 1 dari \d+/);
  });

  it('LHE from the TPI level: TPI scores per area, recommendation, evaluator; DRAF before finalisation', async () => {
    const id = subs['IMI-TPINANG'].id;
    const s = ok(await admin.gql(SCORES, { id })).submission.scores;
    const t = await text(admin, `/api/submissions/${id}/lhe.pdf`);
    expect(t).toContain('LAPORAN HASIL EVALUASI ZONA INTEGRITAS');
    expect(t).not.toContain('(DRAF)');
    expect(t).toContain('Kantor Imigrasi Kelas I TPI Tanjungpinang');
    expect(t).toContain(id2.format(s.tpi.total));
    for (const a of s.tpi.areas) expect(t).toContain(id2.format(a.score));
    expect(t).toContain('Direkomendasikan untuk diusulkan Menuju WBK');
    expect(t).toContain('Layak diusulkan setelah SK tim diperbaiki');
    expect(t).toContain('SK tim belum ditandatangani kepala kantor');
    expect(t).toContain('Evaluator TPI Inspektorat Jenderal');
    expect(t).toMatch(INDONESIAN_DATE);
    const draft = await text(admin, `/api/submissions/${subs['PAS-LAPAS-BINJAI'].id}/lhe.pdf`);
    expect(draft).toContain('(DRAF)');
    expect(draft).toContain('Belum difinalisasi');
  });

  it('Kanwil recap of nominated units: names, TPI totals, eligibility and prerequisites, the Kanwil head as signer', async () => {
    const kakanwil = await loginAs(server, 'kakanwil');
    const id = subs['IMI-TPINANG'].id;
    const s = ok(await admin.gql(SCORES, { id })).submission.scores;
    const t = await text(kakanwil, `/api/periods/1/nominations.pdf`);
    expect(t).toContain('REKAPITULASI UNIT KERJA YANG DIUSULKAN MENUJU WBK/WBBM');
    expect(t).toContain('Kanwil Demo Kementerian Hukum dan HAM');
    expect(t).toContain('Kantor Imigrasi Kelas I TPI Tanjungpinang');
    expect(t).toContain(`${id2.format(s.tpi.total)} Ya`); // eligible
    expect(t).toMatch(/TLHP\): Ya/);
    expect(t).toContain('Kepala Kanwil Demo');
    expect(t).toMatch(/Halaman 1 dari \d+/);
  });

  it('applies the scope rules: 401 without a session, 403 outside the scope, 404 for unknown ids', async () => {
    const anon = new Client(server.url);
    const polonia = subs['IMI-POLONIA'].id;
    expect((await anon.fetch(`/api/submissions/${polonia}/lke-summary.pdf`)).status).toBe(401);
    expect((await anon.fetch(`/api/periods/1/nominations.pdf`)).status).toBe(401);
    const other = await loginAs(server, 'koordinator.banggai');
    for (const p of ['lke-summary.pdf', 'lhe.pdf']) {
      const r = await other.fetch(`/api/submissions/${polonia}/${p}`);
      expect(r.status).toBe(403);
      expect(await r.json()).toMatchObject({ error: 'FORBIDDEN', code: 'FORBIDDEN' });
    }
    expect((await other.fetch(`/api/periods/1/nominations.pdf?kanwilId=1`)).status).toBe(403);
    expect((await (await loginAs(server, 'pengamat')).fetch(`/api/periods/1/nominations.pdf`)).status).toBe(200);
    expect((await (await loginAs(server, 'kepala.polonia')).fetch(`/api/submissions/${polonia}/lke-summary.pdf`)).status).toBe(200);
    expect((await admin.fetch(`/api/submissions/999999/lhe.pdf`)).status).toBe(404);
    expect((await admin.fetch(`/api/periods/999999/nominations.pdf?kanwilId=1`)).status).toBe(404);
    expect((await admin.fetch(`/api/periods/1/nominations.pdf?kanwilId=x`)).status).toBe(404);
  });
});
