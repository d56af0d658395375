/**
 * A real server in a child process (`node -r register-ts.cjs server/src/main.ts`), for tests that need several
 * processes on one database. Resolves once the process prints its URL; rejects with its output when it exits first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  /** Everything the process wrote so far (stdout + stderr). */
  output(): string;
  /** Sends the signal and waits for the exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function spawnServer(env: Record<string, string>, entry = 'server/src/main.ts'): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ['-r', path.join(ROOT, 'test/support/register-ts.cjs'), path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, PANTAU_PORT: '0', PANTAU_HOST: '127.0.0.1', PANTAU_ADMIN_DIST: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        proc.stdout!.off('data', onData);
        proc.stdout!.on('data', (x: Buffer) => (out += x.toString()));
        resolve({
          url: m[1],
          proc,
          output: () => out,
          async stop(signal = 'SIGTERM') {
            if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
            return exited;
          },
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}
