// SPA first-load JavaScript per route against its gzip budget (issue 11 target 5), from the built admin/dist.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, routeSizes } from '../../scripts/bundle-size.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (!e.name.endsWith('.test.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Builds admin/dist (vite build) when it is missing or older than the sources. */
export function ensureSpaBuilt() {
  const manifest = path.join(ROOT, 'admin', 'dist', '.vite', 'manifest.json');
  const sources = Math.max(newest(path.join(ROOT, 'admin', 'src')), newest(path.join(ROOT, 'shared', 'src')));
  if (!fs.existsSync(manifest) || fs.statSync(manifest).mtimeMs < sources) {
    console.log('SPA bundle: admin/dist is older than the sources, building it (vite build) …');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: path.join(ROOT, 'admin'), stdio: 'inherit' });
  }
}

export async function benchBundle() {
  ensureSpaBuilt();
  console.log('SPA first-load JS per route (gzip kB against the budget; "later" = fetched after the route is interactive):');
  for (const line of formatTable(routeSizes())) console.log(`  ${line}`);
}
