// `npm test`, second pass: the server and API tests again on a real PostgreSQL (PANTAU_TEST_PG_URL, set by
// .ci/run; each test file makes a fresh database). Without PANTAU_TEST_PG_URL this pass is skipped with a notice.
import { spawnSync } from 'node:child_process';

if (!process.env.PANTAU_TEST_PG_URL) {
  console.log('test-pg: PANTAU_TEST_PG_URL tidak diisi — pengujian di PostgreSQL dilewati (lihat README, "Pengujian")');
  process.exit(0);
}
const r = spawnSync('npx', ['vitest', 'run', '--project', 'node', 'server/src', 'test/api', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PANTAU_TEST_PASS: 'pg' },
});
process.exit(r.status ?? 1);
