// `npm start` builds first — only what changed since the last successful build, so an unchanged tree starts in
// seconds. Each part (shared, server, admin SPA) has a fingerprint of its inputs (path, size and mtime of every
// source/config file, plus the fingerprints of the parts it depends on) stored in <part>/dist/.build-stamp after
// a successful build; equal fingerprint + stamp present = the build is current and skipped.
// PANTAU_FORCE_BUILD=1 rebuilds everything. Shared and server must build; a failing admin build does not stop the
// API: it is reported, and the previous admin/dist (if any) is served. Without admin/index.html the SPA is skipped.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// PANTAU_PRESTART_ROOT: another tree (the prestart test runs this script on a small fake workspace)
const root = process.env.PANTAU_PRESTART_ROOT || join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
const force = process.env.PANTAU_FORCE_BUILD === '1';
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', '.vite', 'coverage']);

/** Every file under `dir` (recursively, build outputs and node_modules excluded). */
function files(dir) {
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(join(d, e.name));
      } else if (e.isFile()) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

function fingerprint(inputs, extra = '') {
  const h = createHash('sha256');
  h.update(extra);
  const list = inputs.flatMap((p) => (existsSync(p) && statSync(p).isDirectory() ? files(p) : existsSync(p) ? [p] : []));
  for (const f of list.sort()) {
    const s = statSync(f);
    h.update(`${relative(root, f)}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return h.digest('hex');
}

const base = [join(root, 'package-lock.json'), join(root, 'tsconfig.base.json')];
const parts = {
  shared: { dist: join(root, 'shared', 'dist'), out: 'index.js', inputs: [join(root, 'shared'), ...base] },
  server: { dist: join(root, 'server', 'dist'), out: 'main.js', inputs: [join(root, 'server'), ...base], after: ['shared'] },
  admin: { dist: join(root, 'admin', 'dist'), out: 'index.html', inputs: [join(root, 'admin'), ...base], after: ['shared'] },
};
const prints = {};
function current(name) {
  const p = parts[name];
  prints[name] = fingerprint(p.inputs, (p.after ?? []).map((d) => prints[d]).join(','));
  if (force) return false;
  try {
    return existsSync(join(p.dist, p.out)) && readFileSync(join(p.dist, '.build-stamp'), 'utf8').trim() === prints[name];
  } catch {
    return false;
  }
}
/** Builds a part unless it is current; writes its stamp after a successful build. */
function build(name) {
  if (current(name)) {
    console.log(`prestart: ${name} sudah terbaru, build dilewati`);
    return;
  }
  run(`npm run --silent build -w ${name}`);
  // the fingerprint is taken before the build: a file edited during the build makes the next start rebuild
  writeFileSync(join(parts[name].dist, '.build-stamp'), `${prints[name]}\n`);
}

try {
  build('shared');
  build('server');
} catch {
  console.error('prestart: build shared/server gagal (lihat pesan di atas)');
  process.exit(1);
}
if (existsSync(join(root, 'admin', 'index.html'))) {
  try {
    build('admin');
  } catch {
    console.error(
      existsSync(join(root, 'admin', 'dist', 'index.html'))
        ? 'prestart: build admin gagal; server memakai admin/dist yang lama'
        : 'prestart: build admin gagal; server berjalan tanpa SPA admin',
    );
  }
} else {
  console.log('prestart: admin/index.html belum ada, SPA admin dilewati');
}
