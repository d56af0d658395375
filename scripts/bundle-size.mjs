#!/usr/bin/env node
/**
 * First-load JavaScript per SPA route, gzip and brotli, from the built admin/dist (run `npm run build -w admin` first).
 *
 * A route's first load = the entry chunk (index.html) + the chunks of the modules that route renders at once
 * (its layout, its view and the async components the view shows without a click), each with its static imports,
 * deduplicated. Chunks loaded later (a dialog, an export on click, a chart below the fold that is fetched when it
 * scrolls near the viewport) are not counted in the first load; a route's `later` modules are measured apart
 * (what they add beyond the first load) so that what was moved out stays visible.
 *
 *   node scripts/bundle-size.mjs            # table
 *   node scripts/bundle-size.mjs --json     # machine-readable (the bench calls routeSizes())
 *   node scripts/bundle-size.mjs --check    # exit 1 when a route is over its budget
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The modules each route renders on first paint (source paths relative to admin/), its gzip budget in kB, and the
 * modules it fetches after it is interactive (`later`).
 */
export const ROUTES = {
  login: { modules: ['src/views/LoginView.vue'], budgetGzipKb: 120 },
  dashboard: {
    // the heat map (HTML) and the radar (SVG) are part of DashboardView's chunk
    modules: ['src/layouts/AppLayout.vue', 'src/views/DashboardView.vue'],
    // the progress chart (ECharts) sits below the table and the heat map: fetched when it scrolls near the viewport
    later: ['src/components/ProgressCard.vue'],
    budgetGzipKb: 300,
  },
  lke: { modules: ['src/layouts/AppLayout.vue', 'src/modules/lke/routes/LkeView.vue'], budgetGzipKb: null },
  home: { modules: ['src/layouts/AppLayout.vue', 'src/views/HomeView.vue'], budgetGzipKb: null },
};

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    br: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function sum(distDir, files) {
  const total = { raw: 0, gzip: 0, br: 0 };
  for (const f of files) {
    const s = sizes(readFileSync(path.join(distDir, f)));
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.br += s.br;
  }
  return total;
}

/** { route: { files, raw, gzip, br, budgetGzipKb, later: { files, raw, gzip, br }, missing } } from distDir (default admin/dist). */
export function routeSizes(distDir = path.join(ROOT, 'admin', 'dist')) {
  const manifestPath = path.join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} missing: build the SPA first (npm run build -w admin)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const closure = (key, seen) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the manifest: ${key}`);
    seen.add(key);
    for (const dep of chunk.imports ?? []) closure(dep, seen);
  };
  const out = {};
  for (const [name, route] of Object.entries(ROUTES)) {
    const keys = new Set();
    closure(entry, keys);
    for (const m of route.modules) if (manifest[m]) closure(m, keys);
    const jsFiles = (ks) => [...new Set([...ks].map((k) => manifest[k].file).filter((f) => f.endsWith('.js')))].sort();
    const files = jsFiles(keys);
    const total = sum(distDir, files);
    const laterKeys = new Set(keys);
    for (const m of route.later ?? []) if (manifest[m]) closure(m, laterKeys);
    const laterFiles = jsFiles(laterKeys).filter((f) => !files.includes(f));
    const missing = [...route.modules, ...(route.later ?? [])].filter((m) => !manifest[m]);
    out[name] = { files: files.length, ...total, budgetGzipKb: route.budgetGzipKb, later: { files: laterFiles.length, ...sum(distDir, laterFiles) }, missing };
  }
  return out;
}

const kb = (n) => (n / 1024).toFixed(1);

/** The table the script and the bench print: first load per route against its budget, and what loads later. */
export function formatTable(res) {
  const lines = ['route       files   raw kB   gzip kB   br kB   budget (gzip kB)   later: files  gzip kB'];
  for (const [name, r] of Object.entries(res)) {
    const budget = r.budgetGzipKb === null ? '–' : `${r.budgetGzipKb} (×${(r.gzip / 1024 / r.budgetGzipKb).toFixed(2)})`;
    const later = r.later.files ? `${String(r.later.files).padStart(13)} ${kb(r.later.gzip).padStart(8)}` : '';
    lines.push(
      `${name.padEnd(10)} ${String(r.files).padStart(6)} ${kb(r.raw).padStart(8)} ${kb(r.gzip).padStart(9)} ${kb(r.br).padStart(7)}   ${budget.padEnd(16)}${later}${r.missing.length ? `  (not in build: ${r.missing.join(', ')})` : ''}`,
    );
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const res = routeSizes(process.argv.find((a) => a.startsWith('--dist='))?.slice(7));
  if (process.argv.includes('--json')) console.log(JSON.stringify(res, null, 2));
  else {
    for (const line of formatTable(res)) console.log(line);
  }
  if (process.argv.includes('--check')) {
    const over = Object.entries(res).filter(([, r]) => r.budgetGzipKb !== null && (r.gzip / 1024 > r.budgetGzipKb || r.missing.length));
    for (const [name, r] of over)
      console.error(`${name}: ${kb(r.gzip)} kB gzip > ${r.budgetGzipKb} kB${r.missing.length ? ` (missing ${r.missing.join(', ')})` : ''}`);
    process.exit(over.length ? 1 : 0);
  }
}
