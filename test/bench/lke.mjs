// LKE open: the SPA's SubmissionLke query (admin/src/graphql/submission.graphql) of one unit answered at all four
// levels: median server round trip (sequential), p99 of 100 opens at once against the server in its own process, and
// the raw limit: the same submission's answer rows read straight through the driver.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fillKanwil, fmt, gql, median, openApp, quantile, require, root, scratchTarget, spawnServer } from './common.mjs';

const LKE = `query ($id: Int!) { submission(id: $id) {
  id target status round returnedBy returnReason returnedAt version pencananganDate updatedAt
  satker { id code name kind holdsWbk }
  period { id year name instrumentVersionId selfAssessmentDeadline kanwilReviewDeadline deskEvaluationDeadline nominationDeadline }
  nextDeadline { stage at }
  answers { soalId level value note version updatedAt updatedBy { id displayName } }
  reviewNotes { id soalId level body resolved replies { id body } }
  surveyResults { id kind index respondents source recordedAt }
  evidence { id soalId level purpose title currentRevision downloadUrl updatedAt revisions { id no fileName size mimeType sha256 uploadedBy uploadedAt downloadUrl } }
} }`;

export async function benchLkeOpen({ pg = false, runs = 30, concurrent = 100 } = {}) {
  const target = await scratchTarget(pg);
  const label = pg ? 'PostgreSQL' : 'SQLite';
  try {
    const handle = await openApp(target);
    const fill = await fillKanwil(handle, 3, { status: 'NOMINATED' });
    const id = fill.subs[0].submissionId;
    const seq = [];
    for (let i = 0; i < runs + 3; i++) {
      const t0 = performance.now();
      const { body } = await gql(handle.url, fill.adminCookie, LKE, { id });
      if (i >= 3) seq.push(performance.now() - t0);
      if (!body.data.submission.answers.length) throw new Error('no answers');
    }
    await handle.close();
    const server = await spawnServer(target);
    let lat = [];
    try {
      await gql(server.url, fill.adminCookie, LKE, { id });
      lat = await Promise.all(
        Array.from({ length: concurrent }, async () => {
          const t0 = performance.now();
          await gql(server.url, fill.adminCookie, LKE, { id });
          return performance.now() - t0;
        }),
      );
    } finally {
      await server.stop();
    }
    // raw: the answer rows of the submission through the driver
    const sql = 'select * from answer where submission_id = ?';
    const raw = [];
    if (target.kind === 'sqlite') {
      const sqlite3 = require(path.join(root, 'node_modules/sqlite3'));
      const db = new sqlite3.Database(path.join(target.dir, 'pantau.sqlite'));
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await new Promise((r, j) => db.all(sql, [id], (e) => (e ? j(e) : r())));
        raw.push(performance.now() - t0);
      }
      await new Promise((r) => db.close(() => r()));
    } else {
      const { Client } = require(path.join(root, 'node_modules/pg'));
      const c = new Client({ connectionString: target.url });
      await c.connect();
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await c.query(sql.replace('?', '$1'), [id]);
        raw.push(performance.now() - t0);
      }
      await c.end();
    }
    const m = median(seq);
    const r = median(raw);
    console.log(
      `LKE open ${label} (4 levels): median ${fmt(m)} per open (${runs} runs); ${concurrent} at once: p99 ${fmt(quantile(lat, 0.99))}; ` +
        `raw answer-row read ${fmt(r)} → ×${(m / r).toFixed(1)} of raw`,
    );
  } finally {
    await target.drop();
  }
}
