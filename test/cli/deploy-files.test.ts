/**
 * deploy/ agrees with the code: the .env template (its commented alternatives too) passes the server's own config
 * check; every PANTAU_* variable the server reads is in the template and in the README; the systemd units start the
 * built server the way the README's production start says; the nginx example is valid nginx (nginx -t, when nginx
 * is installed) once its TLS lines point at a test certificate.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, validateEnv } from '../../server/src/config';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-deploy-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** KEY=value lines of the template; with `commented`, also the `#KEY=value` alternatives. */
function envTemplate(commented: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of read('deploy/pantau.env.example').split('\n')) {
    const m = /^(#?)(PANTAU_[A-Z_]+)=(.*)$/.exec(line.trim());
    if (m && (m[1] === '' || commented)) env[m[2]!] = m[3]!;
  }
  return env;
}

/** PANTAU_* variables read by the server (not the tests' or the build script's own). */
function variablesReadByServer(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/(?:env\.|env\[')(PANTAU_[A-Z_]+)|check\('(PANTAU_[A-Z_]+)'/g)) found.add((m[1] ?? m[2])!);
      }
    }
  };
  walk(path.join(ROOT, 'server', 'src'));
  found.delete('PANTAU_WORKER_INDEX'); // set by the cluster primary for its workers
  for (const v of found) if (v.startsWith('PANTAU_TEST_')) found.delete(v);
  return [...found].sort();
}

describe('deploy/ files', () => {
  it('the .env template, with and without its commented alternatives, passes the config check', () => {
    for (const commented of [false, true]) {
      const env = envTemplate(commented);
      expect(validateEnv(env), JSON.stringify(env)).toEqual([]);
      expect(() => loadConfig(env)).not.toThrow();
    }
    expect(envTemplate(false).PANTAU_SEED).toBe('none'); // production: no demo accounts
  });

  it('every variable the server reads is in the template and in the README', () => {
    const vars = variablesReadByServer();
    expect(vars).toContain('PANTAU_BASE_PATH');
    const template = envTemplate(true);
    const readme = read('README.md');
    // the few a deployment never sets (the SPA path, the data dir's file name) are named in the README only
    const readmeOnly = new Set(['PANTAU_ADMIN_DIST']);
    for (const v of vars) {
      if (!readmeOnly.has(v)) expect(Object.keys(template), v).toContain(v);
      expect(readme.includes(`\`${v}\``), `README names ${v}`).toBe(true);
    }
  });

  it('the systemd units start the built server with node (no npm, no build), read the template, write only the data dir', () => {
    const main = JSON.parse(read('server/package.json')).main as string;
    const dataDir = envTemplate(false).PANTAU_DATA_DIR;
    for (const unit of ['deploy/pantau.service', 'deploy/pantau@.service']) {
      const s = read(unit);
      expect(s).toMatch(new RegExp(`^ExecStart=.*/usr/bin/node server/${main}$`, 'm'));
      expect(s).toMatch(/^WorkingDirectory=\/opt\/pantau$/m);
      expect(s).toMatch(/^EnvironmentFile=\/etc\/pantau\/pantau\.env$/m);
      expect(read('deploy/pantau.env.example')).toContain('/etc/pantau/pantau.env');
      expect(s).toMatch(new RegExp(`^ReadWritePaths=${dataDir}$`, 'm'));
      // a bad configuration exits 2 (server/src/main.ts): no restart loop
      expect(s).toMatch(/^RestartPreventExitStatus=2$/m);
    }
    expect(read('deploy/pantau@.service')).toMatch(/^ExecStart=\/usr\/bin\/env PANTAU_PORT=%i /m);
  });

  const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  const OPENSSL = ['/usr/bin/openssl'].find((p) => fs.existsSync(p));
  it.skipIf(!NGINX || !OPENSSL)('the nginx example is valid nginx, with the sub-path block enabled too', () => {
    execFileSync(
      OPENSSL!,
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=pantau.test', '-days', '1', '-keyout', `${tmp}/k.pem`, '-out', `${tmp}/c.pem`],
      {
        stdio: 'pipe',
      },
    );
    const example = read('deploy/nginx.conf.example')
      .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${tmp}/c.pem;`)
      .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${tmp}/k.pem;`)
      .replace(/listen 443 ssl/, 'listen 127.0.0.1:18443 ssl')
      .replace(/listen 80;/, 'listen 127.0.0.1:18080;');
    // the commented `location /pantau/ { … }` and `location = /pantau` lines, enabled
    const withSubPath = example.replace(/^ {4}# (location \/pantau\/ \{| {4}proxy_[^\n]*|\}|location = \/pantau[^\n]*)$/gm, '    $1');
    expect(withSubPath).toMatch(/^ {4}location \/pantau\/ \{$/m);
    for (const [name, body] of [
      ['plain', example],
      ['subpath', withSubPath],
    ]) {
      const conf = path.join(tmp, `${name}.conf`);
      fs.writeFileSync(
        conf,
        `pid ${tmp}/nginx.pid;\nerror_log ${tmp}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${tmp}/b;\n  proxy_temp_path ${tmp}/p;\n  fastcgi_temp_path ${tmp}/f;\n  uwsgi_temp_path ${tmp}/u;\n  scgi_temp_path ${tmp}/s;\n${body}\n}\n`,
      );
      execFileSync(NGINX!, ['-t', '-q', '-p', tmp, '-e', path.join(tmp, 'error.log'), '-c', conf], { stdio: 'pipe' });
    }
  });
});
