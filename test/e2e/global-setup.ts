/**
 * Browser tests need the built SPA (admin/dist). Build it once when it is missing or older than its sources
 * (admin/src, shared/src); the tests themselves build nothing. PANTAU_E2E_NO_BUILD=1 uses admin/dist as it is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const index = join(root, 'admin', 'dist', 'index.html');
  if (existsSync(index)) {
    if (process.env.PANTAU_E2E_NO_BUILD === '1') return;
    const built = statSync(index).mtimeMs;
    const sources = Math.max(
      newestMtime(join(root, 'admin', 'src')),
      newestMtime(join(root, 'shared', 'src')),
      statSync(join(root, 'admin', 'index.html')).mtimeMs,
    );
    if (sources <= built) return;
  }
  execFileSync('npm', ['run', 'build', '-w', 'admin'], { cwd: root, stdio: 'inherit' });
}
