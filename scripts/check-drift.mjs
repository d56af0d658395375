// Codegen drift check (npm run lint): fails when a generated file differs from what its generator produces now.
//  1. server/schema.graphql = the schema the server code builds (server/src/schema.test.ts: printAppSchema());
//  2. admin/src/graphql/generated.ts = codegen of server/schema.graphql + admin/src/graphql/*.graphql
//     (admin/scripts/codegen.mjs --check regenerates in memory and compares).
// The migrations-vs-entities drift (server/src/db/schema-diff.test.ts) runs with the other tests in `npm test`.
// Fix: npm run build -w shared && npm run schema -w server && npm run codegen -w admin
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (what, cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  if (r.status !== 0) {
    console.error(`drift: ${what} is out of date — run: npm run build -w shared && npm run schema -w server && npm run codegen -w admin`);
    process.exit(r.status ?? 1);
  }
};
run('server/schema.graphql', process.execPath, [
  path.join(root, 'node_modules/vitest/vitest.mjs'),
  'run',
  '--project',
  'node',
  'server/src/schema.test.ts',
  '--reporter=dot',
]);
run('admin/src/graphql/generated.ts', process.execPath, [path.join(root, 'admin/scripts/codegen.mjs'), '--check']);
console.log('drift: server/schema.graphql and admin/src/graphql/generated.ts are up to date');
