// `npm start` on a built, unchanged tree: time from the command to the server listening (target < 5 s), median of
// three starts on a data directory seeded by a first start (which also builds whatever is not current and writes
// the build stamps), next to the limit measured in the same run: `node server/dist/main.js` alone (no prestart).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fmt, median, root } from './common.mjs';

/** Runs `cmd args` in the repo root until it prints its address; resolves with the milliseconds it took. */
function startOnce(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    const timer = setTimeout(() => {
      process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`no address within 15 min: ${out.slice(-2000)}`));
    }, 900_000);
    const on = (d) => {
      out += d;
      if (/https?:\/\/[^\s]+:\d+/.test(out)) {
        const ms = performance.now() - t0;
        clearTimeout(timer);
        child.once('exit', () => resolve(ms));
        process.kill(-child.pid, 'SIGTERM');
      }
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!/https?:\/\/[^\s]+:\d+/.test(out)) reject(new Error(`exited ${code} before listening: ${out.slice(-2000)}`));
    });
  });
}

export async function benchStartup({ runs = 3 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-bench-start-'));
  const env = { ...process.env, PANTAU_DATA_DIR: dir, PANTAU_PORT: '0' };
  delete env.PANTAU_DATABASE_URL;
  delete env.PANTAU_FORCE_BUILD;
  try {
    const firstMs = await startOnce('npm', ['start'], env); // builds what is not current, seeds the demo data
    const npmStart = [];
    for (let i = 0; i < runs; i++) npmStart.push(await startOnce('npm', ['start'], env));
    const bare = [];
    for (let i = 0; i < runs; i++) bare.push(await startOnce(process.execPath, [path.join(root, 'server/dist/main.js')], env));
    const m = median(npmStart);
    const b = median(bare);
    console.log(
      `npm start (built, unchanged tree, seeded data): median ${fmt(m)} to listening over ${runs} starts (target < 5 s); ` +
        `node server/dist/main.js alone ${fmt(b)}: ×${(m / b).toFixed(2)} of it; first start (build if needed + demo seed) ${fmt(firstMs)}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
