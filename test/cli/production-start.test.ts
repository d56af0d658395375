/**
 * A production start without dev dependencies (README "Production start without dev dependencies"): the built server
 * goes into a temp dir with only the packages `npm ci --omit=dev` installs from package-lock.json (every lock entry
 * not marked dev or devOptional, copied as hard links: Node resolves them inside the temp dir, never back into this checkout's full
 * node_modules), then `node server/dist/main.js` starts there, answers /ready, signs in, serves the SPA, makes a
 * backup with `node server/dist/scripts/backup.js`, and stops on SIGTERM. A runtime import of a dev dependency
 * (typescript, vitest, swc, …) fails this test with "Cannot find module".
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-prod-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
  resolved?: string;
}

/**
 * Left out: `dev` entries (what --omit=dev leaves out) and, stricter than npm, `devOptional` ones (dev tools that are
 * also an optional peer of a runtime package, such as typescript): the server must not need them either.
 */
const devOnly = (e: LockEntry) => e.dev === true || e.devOptional === true;

/** Hard-links a directory tree (copies when hard links are impossible, e.g. another file system). */
function linkTree(src: string, dst: string, skip: (rel: string) => boolean = () => false, rel = ''): void {
  fs.mkdirSync(dst, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (skip(r)) continue;
    const s = path.join(src, e.name);
    const d = path.join(dst, e.name);
    if (e.isDirectory()) linkTree(s, d, skip, r);
    else if (e.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(s), d);
    else {
      try {
        fs.linkSync(s, d);
      } catch {
        fs.copyFileSync(s, d);
      }
    }
  }
}

/** The production tree: built shared + server (+ the SPA when built), and the non-dev packages of the lockfile. */
function productionTree(): string[] {
  execFileSync('npm', ['run', '--silent', 'build', '-w', 'shared'], { cwd: ROOT, stdio: 'pipe' });
  for (const f of ['package.json', 'package-lock.json', 'server/package.json']) {
    fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(tmp, f));
  }
  // the shared package as npm would link it: package.json, dist/ and its entry files (xlsx.js), not the sources
  linkTree(
    path.join(ROOT, 'shared'),
    path.join(tmp, 'shared'),
    (rel) => ['src', 'node_modules', 'tsconfig.json'].includes(rel) || rel.endsWith('.tsbuildinfo'),
  );
  // the server compiled straight into the temp tree (this checkout's server/dist is neither needed nor touched)
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      path.join(ROOT, 'server/tsconfig.json'),
      '--outDir',
      path.join(tmp, 'server/dist'),
      '--tsBuildInfoFile',
      path.join(tmp, 'server-tsbuildinfo'),
      '--sourceMap',
      'false',
      '--declaration',
      'false',
      // emit only: `npm run build` / `npm run lint` type-check the server; here only the output matters
      '--noCheck',
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  if (fs.existsSync(path.join(ROOT, 'admin/dist/index.html'))) linkTree(path.join(ROOT, 'admin/dist'), path.join(tmp, 'admin/dist'));

  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const installed: string[] = [];
  for (const [p, e] of Object.entries(lock.packages)) {
    if (!p.includes('node_modules/') || devOnly(e) || p.startsWith('admin/')) continue;
    // a nested package comes with its parent's directory; the workspace links point into the temp tree itself
    if (installed.some((q) => p.startsWith(`${q}/`))) continue;
    const dst = path.join(tmp, p);
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    if (e.link) {
      if (e.resolved === 'admin') continue;
      fs.symlinkSync(path.relative(path.dirname(dst), path.join(tmp, e.resolved!)), dst);
      continue;
    }
    const src = path.join(ROOT, p);
    if (!fs.existsSync(src)) continue; // an optional package of another platform
    linkTree(src, dst, (rel) => rel === 'node_modules' || rel.startsWith('node_modules/') || rel === '.cache');
    installed.push(p);
  }
  // the nested node_modules of copied packages (skipped above) are lock entries of their own
  for (const [p, e] of Object.entries(lock.packages)) {
    if (!p.includes('node_modules/') || devOnly(e) || e.link || p.startsWith('admin/')) continue;
    if (installed.includes(p) || !installed.some((q) => p.startsWith(`${q}/`))) continue;
    const src = path.join(ROOT, p);
    if (fs.existsSync(src) && !fs.existsSync(path.join(tmp, p)))
      linkTree(src, path.join(tmp, p), (rel) => rel === 'node_modules' || rel.startsWith('node_modules/'));
  }
  return installed;
}

describe('production start without dev dependencies', () => {
  let installed: string[] = [];
  beforeAll(() => {
    installed = productionTree();
  }, 300_000);

  it('starts from the lockfile production packages only: /ready, sign-in, SPA, backup, SIGTERM', { timeout: 120_000 }, async () => {
    expect(installed).toContain('node_modules/express');
    for (const dev of ['typescript', 'vitest', '@swc/core', 'eslint', 'prettier', 'knip', 'playwright-core']) {
      expect(fs.existsSync(path.join(tmp, 'node_modules', dev)), dev).toBe(false);
    }
    const data = path.join(tmp, 'data');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PANTAU_DATA_DIR: data,
      PANTAU_PORT: '0',
      PANTAU_HOST: '127.0.0.1',
      PANTAU_SEED: 'demo',
      PANTAU_QUIET: '1',
    };
    const proc = spawn(process.execPath, ['server/dist/main.js'], { cwd: tmp, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (b: Buffer) => (out += b));
    proc.stderr.on('data', (b: Buffer) => (out += b));
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const t = setInterval(() => {
          const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) {
            clearInterval(t);
            resolve(m[1]!);
          }
        }, 50);
        void exited.then((code) => {
          clearInterval(t);
          reject(new Error(`server exited (${code}) before listening:\n${out}`));
        });
      });
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      const login = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { login(username: "admin", password: "pantau-demo-2026") { username } }' }),
      });
      expect(((await login.json()) as { data: { login: { username: string } } }).data.login.username).toBe('admin');
      if (fs.existsSync(path.join(tmp, 'admin/dist/index.html'))) {
        expect(await (await fetch(`${url}/`, { headers: { accept: 'text/html' } })).text()).toContain('<div id="app">');
      }
      // the operations scripts run from the same tree
      const bak = path.join(tmp, 'backup');
      execFileSync(process.execPath, ['server/dist/scripts/backup.js', 'backup', bak], { cwd: tmp, env, stdio: 'pipe' });
      expect(fs.existsSync(path.join(bak, 'manifest.json'))).toBe(true);
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    }
  });

  it('`npm start` passes SIGTERM on to the server (exec: no orphan node process), which stops gracefully', { timeout: 120_000 }, async () => {
    // --ignore-scripts: no prestart build (it needs the dev dependencies), only `exec node server/dist/main.js`
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PANTAU_DATA_DIR: path.join(tmp, 'data-npm'),
      PANTAU_PORT: '0',
      PANTAU_SEED: 'none',
      PANTAU_QUIET: '1',
    };
    const npm = spawn('npm', ['start', '--ignore-scripts'], { cwd: tmp, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    npm.stdout.on('data', (b: Buffer) => (out += b));
    npm.stderr.on('data', (b: Buffer) => (out += b));
    const exited = new Promise<number | null>((r) => npm.once('exit', (code) => r(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!/http:\/\/127\.0\.0\.1:\d+/.test(out)) {
        if (npm.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not listen:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
      const { pid } = (await (await fetch(`${url}/health`)).json()) as { pid: number };
      expect(pid).not.toBe(npm.pid);
      npm.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toMatch(/SIGTERM: menghentikan server/);
      // the server process itself is gone, not left running under init
      const alive = () => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      const until = Date.now() + 10_000;
      while (alive() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(alive()).toBe(false);
    } finally {
      if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
    }
  });
});
