/**
 * scripts/prestart.mjs (`npm start`'s build step) on a small fake workspace: the first start builds every part, a
 * start on an unchanged tree builds nothing, a changed shared source rebuilds shared and what depends on it, a
 * changed server source only the server, PANTAU_FORCE_BUILD=1 everything.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(__dirname, '..', '..', 'scripts', 'prestart.mjs');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-prestart-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (p: string, s: string) => {
  fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
  fs.writeFileSync(path.join(root, p), s);
};
// each fake build writes its output and appends its name to builds.log
const pkg = (name: string, out: string) =>
  JSON.stringify({
    name,
    version: '0.0.0',
    scripts: {
      build: `node -e "const fs=require('fs');fs.mkdirSync('dist',{recursive:true});fs.writeFileSync('dist/${out}','x');fs.appendFileSync('../builds.log','${name}\\n')"`,
    },
  });
write('package.json', JSON.stringify({ name: 'fake', private: true, workspaces: ['shared', 'server', 'admin'] }));
write('package-lock.json', '{}');
write('shared/package.json', pkg('shared', 'index.js'));
write('shared/src/a.ts', 'export const a = 1;');
write('server/package.json', pkg('server', 'main.js'));
write('server/src/main.ts', 'export {};');
write('admin/package.json', pkg('admin', 'index.html'));
write('admin/index.html', '<html></html>');
write('admin/src/main.ts', 'export {};');

function start(env: Record<string, string> = {}): { builds: string[]; out: string } {
  const log = path.join(root, 'builds.log');
  fs.rmSync(log, { force: true });
  const out = execFileSync(process.execPath, [SCRIPT], { env: { ...process.env, PANTAU_PRESTART_ROOT: root, ...env }, encoding: 'utf8' });
  return { builds: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [], out };
}
const touch = (p: string) => {
  const t = new Date(Date.now() + 5000);
  fs.utimesSync(path.join(root, p), t, t);
};

describe('prestart: build only when the build is not current', () => {
  it('builds, skips, rebuilds what changed', () => {
    expect(start().builds).toEqual(['shared', 'server', 'admin']);
    const again = start();
    expect(again.builds).toEqual([]);
    expect(again.out).toMatch(/server sudah terbaru, build dilewati/);
    touch('server/src/main.ts');
    expect(start().builds).toEqual(['server']);
    fs.writeFileSync(path.join(root, 'shared/src/b.ts'), 'export const b = 2;');
    expect(start().builds).toEqual(['shared', 'server', 'admin']);
    expect(start().builds).toEqual([]);
    fs.rmSync(path.join(root, 'server/dist/main.js'));
    expect(start().builds).toEqual(['server']);
    expect(start({ PANTAU_FORCE_BUILD: '1' }).builds).toEqual(['shared', 'server', 'admin']);
  });
});
