/**
 * The LKE page shows the server's numbers (issue #8 item 7): in Chromium, the TPN total and the WBBM badge of the
 * nominated unit that holds WBK (demo IMI-MEDAN, target WBBM) at level TPN — TPN answers laid over TPI, official
 * survey results first, the WBK prerequisite met — equal the server's (GraphQL scores.tpn, the workflow's tpnScore);
 * and IMI-BATAM (holds WBK, desk evaluated) shows its basis level's total and eligibility as the server does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '@pantau/shared';
import { instrumentOf } from '../../server/src/modules/instrument/service';
import { tpnScore } from '../../server/src/modules/results/tpn';
import { Submission } from '../../server/src/modules/submission/entities';
import { apiAs, login, openBrowser, shot, startE2eServer, type E2eServer } from './harness';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

const QUERY = `query ($id: Int!) { submission(id: $id) { id target status satker { code holdsWbk }
  scores { self { total } kanwil { total } tpi { total } tpn { total } } eligibility { basisLevel eligible target } } }`;
const badgeText = (eligible: boolean, target: string) => (eligible ? `Memenuhi syarat ${target}` : `Belum memenuhi ${target}`);
const fmt = (x: number) => formatNumber(x, 'id', { digits: 2, fixed: true });

async function submissionOf(gql: Awaited<ReturnType<typeof apiAs>>, code: string) {
  const list = (await gql(`{ submissions(periodId: 1) { id satker { code } } }`)).data.submissions as { id: number; satker: { code: string } }[];
  const id = list.find((s) => s.satker.code === code)!.id;
  return (await gql(QUERY, { id })).data.submission;
}

async function readPanel(url: string) {
  const b = await openBrowser();
  try {
    await login(b.page, server.url, 'kakanwil');
    await b.page.goto(url);
    await b.page.waitForSelector('[data-test=score-panel] [data-test=score-total]', { timeout: 20_000 });
    await b.page.waitForLoadState('networkidle');
    const total = (await b.page.locator('[data-test=score-panel] [data-test=score-total]').innerText()).trim();
    const badge = (await b.page.locator('[data-test=score-panel] [data-test=eligibility-badge]').innerText()).trim();
    const level = new URL(b.page.url()).searchParams.get('level');
    return { total, badge, level, page: b.page, errors: b.errors, close: () => b.close() };
  } catch (err) {
    await b.close();
    throw err;
  }
}

describe('LKE page scores in Chromium = the server', () => {
  it('IMI-MEDAN (nominated, holds WBK, target WBBM) at level TPN: total and WBBM badge as the server computes them', async () => {
    const gql = await apiAs(server.url, 'kakanwil');
    const sub = await submissionOf(gql, 'IMI-MEDAN');
    expect(sub.status).toBe('NOMINATED');
    expect(sub.target).toBe('WBBM');
    expect(sub.satker.holdsWbk).toBe(true);
    const em = server.handle.orm.em.fork();
    const entity = await em.findOneOrFail(Submission, sub.id, { populate: ['satker', 'period'] });
    const tpn = await tpnScore(em, await instrumentOf(em, entity.period.instrumentVersion.id), entity);
    expect(tpn.score.total).toBe(sub.scores.tpn.total);
    // The demo data is such that the TPN result meets WBBM: a page that scored TPN alone or forgot hasWbk would not.
    expect(tpn.eligibility.eligible).toBe(true);
    // A page scoring the TPN entries alone (the demo's TPN level has few or none) would show far less than this.
    expect(tpn.score.total).toBeGreaterThan(75);

    const p = await readPanel(`${server.url}/submissions/${sub.id}/lke?level=TPN`);
    try {
      expect(p.level).toBe('TPN');
      expect(p.total).toBe(fmt(sub.scores.tpn.total));
      expect(p.badge).toBe(badgeText(tpn.eligibility.eligible, 'WBBM'));
      await shot(p.page, 'lke-tpn-imi-medan');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('IMI-BATAM (holds WBK) at its basis level: total and badge as the server’s eligibility', async () => {
    const gql = await apiAs(server.url, 'kakanwil');
    const sub = await submissionOf(gql, 'IMI-BATAM');
    expect(sub.satker.holdsWbk).toBe(true);
    const basis = sub.eligibility.basisLevel as 'SELF' | 'KANWIL' | 'TPI';
    const p = await readPanel(`${server.url}/submissions/${sub.id}/lke?level=${basis}`);
    try {
      expect(p.level).toBe(basis);
      expect(p.total).toBe(fmt(sub.scores[basis.toLowerCase() as 'self' | 'kanwil' | 'tpi'].total));
      expect(p.badge).toBe(badgeText(sub.eligibility.eligible, sub.target));
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
