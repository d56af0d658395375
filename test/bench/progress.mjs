// Progress over time (the dashboard's progress card) for a 70-unit Kanwil with 100,000 audited answer events: the
// one-time replay of the audit trail, then the median of later reads (the snapshots only; target ≤ 50 ms), and the
// raw-SQL limit measured in the same run: the same snapshot rows read straight through the driver.
import { performance } from 'node:perf_hooks';
import { fillKanwil, fmt, gql, median, openApp, scratchTarget, shared } from './common.mjs';

const PROGRESS = `query ($p: Int!) { progressOverTime(periodId: $p) {
  weeks { week averageCompleteness averageSelfTotal } levels { level averageTotal }
  units { submissionId completeness selfTotal } } }`;

export async function benchProgress({ pg = false, units = 70, events = 100_000, runs = 9 } = {}) {
  const target = await scratchTarget(pg);
  const label = pg ? 'PostgreSQL' : 'SQLite';
  try {
    const handle = await openApp(target);
    try {
      const fill = await fillKanwil(handle, units, { levels: ['SELF'], status: 'DRAFT' });
      const knex = handle.orm.em.getConnection().getKnex();
      // the submissions existed for 10 weeks; events spread over them, each one SELF answer change
      const items = shared.bundledInstrument().items.filter((i) => i.options.length > 1);
      const start = Date.now() - 70 * 24 * 3600 * 1000;
      await knex('submission').update({ created_at: new Date(start) });
      const rows = [];
      for (let e = 0; e < events; e++) {
        const sub = fill.subs[e % units];
        const it = items[e % items.length];
        const v = it.options[e % it.options.length].key;
        rows.push({
          action: 'answers.save',
          object_type: 'Submission',
          object_id: String(sub.submissionId),
          kanwil_id: fill.kanwilId,
          actor_id: fill.adminId,
          before: JSON.stringify({ level: 'SELF', answers: { [it.soalId]: null } }),
          after: JSON.stringify({ level: 'SELF', answers: { [it.soalId]: { value: v, note: null, version: 1 } } }),
          at: new Date(start + Math.floor((e / events) * 69 * 24 * 3600 * 1000)),
        });
      }
      for (let i = 0; i < rows.length; i += 2000) await knex.batchInsert('audit_event', rows.slice(i, i + 2000), 500);
      const t0 = performance.now();
      const first = await gql(handle.url, fill.adminCookie, PROGRESS, { p: fill.periodId });
      const replayMs = performance.now() - t0;
      const weeks = first.body.data.progressOverTime.weeks.length;
      const times = [];
      let statements = 0;
      for (let i = 0; i < runs; i++) {
        const before = handle.sql.count;
        const s = performance.now();
        await gql(handle.url, fill.adminCookie, PROGRESS, { p: fill.periodId });
        times.push(performance.now() - s);
        statements = handle.sql.count - before;
      }
      const ids = fill.subs.map((s) => s.submissionId);
      const raw = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        await knex('score_snapshot').whereIn('submission_id', ids).select('submission_id', 'level', 'day', 'completeness', 'total');
        raw.push(performance.now() - s);
      }
      const m = median(times);
      const r = median(raw);
      console.log(
        `progressOverTime (${label}) ${units} units, ${events.toLocaleString('en')} audit events, ${weeks} weeks: median ${fmt(m)} over ${runs} runs (target ≤ 50 ms), ${statements} SQL statements; ` +
          `raw-SQL read of the snapshot rows ${fmt(r)}: ×${(m / r).toFixed(1)} of raw; one-time replay of the audit trail on the first read ${fmt(replayMs)}`,
      );
    } finally {
      await handle.close();
    }
  } finally {
    await target.drop();
  }
}
