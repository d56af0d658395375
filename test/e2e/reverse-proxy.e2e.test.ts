/**
 * PANTAU_BASE_PATH behind Debian's nginx (/usr/sbin/nginx, own config in a temp dir, non-root pid/log/temp paths, on
 * loopback): the SPA loads under /pantau/ in Chromium and signs in, GraphQL and documents go through the proxy under
 * the sub-path; PANTAU_TRUST_PROXY takes the client address and scheme from the proxy's headers (and only from it);
 * links come from PANTAU_PUBLIC_URL, never from the Host header. Skipped (with a message) only when nginx is not
 * installed here; CI (.ci/run) installs it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, openBrowser, startE2eServer, type E2eServer } from './harness';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
if (!NGINX) console.warn('reverse-proxy.e2e: nginx is not installed (apt-get install nginx) — the nginx tests are skipped');

const BASE = '/pantau';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One HTTP request from a chosen loopback source address (fetch cannot pick it). */
function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, localAddress: opts.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const gql = (url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}, localAddress?: string) =>
  request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    localAddress,
  });
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { id } }';

let server: E2eServer;
let nginx: ChildProcess | undefined;
let tmp = '';
let proxy = ''; // http://127.0.0.1:<port>/pantau: nginx passing X-Forwarded-Proto http
let tlsProxy = ''; // a second nginx server that says X-Forwarded-Proto https (as a TLS-terminating one does)

describe.skipIf(!NGINX)('PANTAU_BASE_PATH behind nginx', () => {
  beforeAll(async () => {
    const [port, tlsPort] = [await freePort(), await freePort()];
    proxy = `http://127.0.0.1:${port}${BASE}`;
    tlsProxy = `http://127.0.0.1:${tlsPort}${BASE}`;
    // nginx connects from 127.0.0.1: the only proxy the server believes (the test's clients come from 127.0.0.5)
    server = await startE2eServer({ basePath: BASE, trustProxy: '127.0.0.1', publicUrl: `https://pantau.example.go.id${BASE}` });
    const app = new URL(server.url);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-nginx-'));
    fs.chmodSync(tmp, 0o755); // nginx workers may run as another user when the tests run as root
    const location = (proto: string) => `
      location ${BASE}/ {
        proxy_pass http://127.0.0.1:${app.port};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto ${proto};
        proxy_set_header X-Request-Id $request_id;
        proxy_request_buffering off;
      }
      location = ${BASE} { proxy_pass http://127.0.0.1:${app.port}; }
      location / { return 404; }`;
    const conf = path.join(tmp, 'nginx.conf');
    fs.writeFileSync(
      conf,
      `daemon off;
master_process off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
events { worker_connections 64; }
http {
  access_log ${tmp}/access.log;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  client_max_body_size 30m;
  server { listen 127.0.0.1:${port}; ${location('$scheme')} }
  server { listen 127.0.0.1:${tlsPort}; ${location('https')} }
}
`,
    );
    nginx = spawn(NGINX!, ['-p', tmp, '-e', path.join(tmp, 'error.log'), '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    nginx.stdout!.on('data', (b: Buffer) => (out += b));
    nginx.stderr!.on('data', (b: Buffer) => (out += b));
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}): ${out}`);
      const ok = await request(`${proxy}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`nginx did not answer: ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('serves the SPA under /pantau/: index with the base, assets under the sub-path, /pantau redirects to /pantau/', async () => {
    const bare = await request(`http://127.0.0.1:${new URL(proxy).port}${BASE}`);
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe(`${BASE}/`);
    const index = await request(`${proxy}/`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    const html = index.body.toString();
    expect(html).toContain(`<meta name="pantau-base" content="${BASE}/" />`);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) {
      expect(a.startsWith(`${BASE}/assets/`)).toBe(true);
      expect((await request(`http://127.0.0.1:${new URL(proxy).port}${a}`)).status).toBe(200);
    }
    // a deep link of the SPA is the same page; the API outside the sub-path does not exist
    expect((await request(`${proxy}/submissions/1`, { headers: { accept: 'text/html' } })).body.toString()).toBe(html);
    expect((await request(`http://127.0.0.1:${new URL(proxy).port}/graphql`, { method: 'POST' })).status).toBe(404);
    expect(
      (await request(`${new URL(server.url).origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
    ).toBe(404);
  });

  it('Chromium: sign in under /pantau/, every request stays under the sub-path, the LKE workbook downloads', async () => {
    const b = await openBrowser();
    const paths: string[] = [];
    b.page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    try {
      await b.page.goto(`${proxy}/login`);
      await b.page.fill('#username', 'koordinator.polonia');
      await b.page.fill('#password', DEMO_PASSWORD);
      await b.page.click('[data-test=login-submit]');
      await b.page.waitForURL((u) => u.pathname.startsWith(`${BASE}/`) && !u.pathname.startsWith(`${BASE}/login`), { timeout: 20_000 });
      await b.page.waitForLoadState('networkidle');
      const cookies = await b.context.cookies();
      expect(cookies.find((c) => c.name === 'pantau_sid')).toMatchObject({ path: BASE, secure: false });

      const subs = await b.page.evaluate(async (base) => {
        const r = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ submissions(periodId: 1) { id satker { code } } }' }),
        });
        return (await r.json()).data.submissions as { id: number; satker: { code: string } }[];
      }, BASE);
      const id = subs.find((s) => s.satker.code === 'IMI-POLONIA')!.id;
      await b.page.goto(`${proxy}/submissions/${id}`);
      await b.page.waitForSelector('[data-test=unit-page]');
      const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.click('[aria-label="Unduh LKE (Excel)"]')]);
      expect(download.suggestedFilename()).toMatch(/^LKE ZI 2026 - IMI-POLONIA .*\.xlsx$/);

      expect(paths.some((p) => p === `${BASE}/graphql`)).toBe(true);
      expect(paths.some((p) => p === `${BASE}/api/submissions/${id}/lke.xlsx`)).toBe(true);
      expect(paths.filter((p) => !p.startsWith(`${BASE}/`))).toEqual([]);
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('HTTP through nginx: login, GraphQL, evidence upload and download; links from PANTAU_PUBLIC_URL, not the Host header', async () => {
    const login = await gql(proxy, LOGIN, { u: 'koordinator.polonia', p: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = (login.headers['set-cookie'] ?? []).find((c) => c.startsWith('pantau_sid='))!;
    expect(cookie).toMatch(/Path=\/pantau(;|$)/);
    expect(cookie).not.toMatch(/Secure/);
    const sid = cookie.split(';')[0]!;
    const subs = JSON.parse((await gql(proxy, '{ submissions(periodId: 1) { id satker { code } } }', {}, { cookie: sid })).body.toString()).data.submissions;
    const id = (subs as { id: number; satker: { code: string } }[]).find((s) => s.satker.code === 'IMI-POLONIA')!.id;

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const form = new FormData();
    form.append('submissionId', String(id));
    form.append('soalId', '1');
    form.append('title', 'SK lewat proxy');
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'sk.pdf');
    const up = await fetch(`${proxy}/api/evidence`, { method: 'POST', body: form, headers: { cookie: sid, 'x-pantau-csrf': '1' } });
    expect(up.status).toBe(201);
    const evidenceId = ((await up.json()) as { evidence: { id: number } }).evidence.id;
    const dl = await request(`${proxy}/api/evidence/${evidenceId}`, { headers: { cookie: sid } });
    expect(dl.status).toBe(200);
    expect(dl.body.equals(pdf)).toBe(true);

    // the workbook's evidence links: PANTAU_PUBLIC_URL, whatever Host / X-Forwarded-Host the client sends
    const xlsx = await request(`${proxy}/api/submissions/${id}/lke.xlsx`, {
      headers: { cookie: sid, host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.push(JSON.stringify(c.value)))));
    const links = texts.filter((t) => t.includes(`/api/evidence/${evidenceId}`));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(l).toContain(`https://pantau.example.go.id${BASE}/api/evidence/${evidenceId}`);
      expect(l).not.toContain('evil.example');
    }
  });

  it('PANTAU_TRUST_PROXY: the client address and scheme come from the trusted proxy; a client cannot spoof them', async () => {
    const rows = async () =>
      ((await server.handle.orm.em.fork().getConnection().execute('select counter_key from rate_limit_counter')) as { counter_key: string }[]).map(
        (r) => r.counter_key,
      );
    // through nginx from 127.0.0.5, with a forged X-Forwarded-For: the address nginx saw is counted
    const bad = await gql(proxy, LOGIN, { u: 'pengamat', p: 'salah-sandi' }, { 'x-forwarded-for': '203.0.113.7' }, '127.0.0.5');
    expect(bad.status).toBe(200);
    expect(await rows()).toContain('login-ip:127.0.0.5');
    expect((await rows()).some((k) => k.includes('203.0.113.7'))).toBe(false);
    // straight to the server (not through the proxy it trusts): the forged headers are ignored
    const direct = await gql(
      server.url,
      LOGIN,
      { u: 'pengamat', p: 'salah-sandi' },
      { 'x-forwarded-for': '198.51.100.9', 'x-forwarded-proto': 'https' },
      '127.0.0.5',
    );
    expect(direct.status).toBe(200);
    expect(await rows()).toContain('login-ip:127.0.0.5');
    expect((await rows()).some((k) => k.includes('198.51.100.9'))).toBe(false);
    const directLogin = await gql(server.url, LOGIN, { u: 'pengamat', p: DEMO_PASSWORD }, { 'x-forwarded-proto': 'https' }, '127.0.0.5');
    expect((directLogin.headers['set-cookie'] ?? []).join('\n')).not.toMatch(/Secure/);
    // the proxy that terminates TLS says https: the session cookie is Secure
    const tls = await gql(tlsProxy, LOGIN, { u: 'pengamat', p: DEMO_PASSWORD }, {}, '127.0.0.5');
    expect((tls.headers['set-cookie'] ?? []).find((c) => c.startsWith('pantau_sid='))).toMatch(/; Secure/);
    // the proxy's request id is kept and returned
    expect(tls.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });
});
