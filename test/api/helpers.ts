/**
 * API test helper: starts the real server (createApp) on port 0 with a temp data dir, and talks to it over HTTP
 * with a per-client cookie jar.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type AppHandle } from '../../server/src/app';
import { loadConfig, type AppConfig } from '../../server/src/config';
import { DEMO_PASSWORD } from '../../server/src/db/seed';
import { freshPgDatabase, ON_PG } from '../support/pg';

export { DEMO_PASSWORD };

export interface TestServer {
  handle: AppHandle;
  url: string;
  dataDir: string;
  /** Stops the server (the data dir stays until `cleanup`). */
  stop(): Promise<void>;
  /** Restarts on the same data dir. */
  restart(): Promise<TestServer>;
  cleanup(): Promise<void>;
}

/**
 * With PANTAU_TEST_PG_URL set (the PostgreSQL pass of `npm test`) every new data dir gets a fresh PostgreSQL
 * database of its own (kept across restart(), dropped by cleanup()).
 */
const pgDatabases = new Map<string, { url: string; drop(): Promise<void> }>();

export async function startServer(opts: { seed?: 'demo' | 'none'; dataDir?: string; config?: Partial<AppConfig> } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-api-'));
  if (ON_PG && opts.config?.databaseUrl === undefined && !pgDatabases.has(dataDir)) pgDatabases.set(dataDir, await freshPgDatabase());
  const databaseUrl = opts.config?.databaseUrl ?? pgDatabases.get(dataDir)?.url ?? '';
  const config = loadConfig(
    {},
    {
      port: 0,
      host: '127.0.0.1',
      schedulerIntervalSeconds: 0,
      dataDir,
      seed: opts.seed ?? 'demo',
      logErrors: process.env.PANTAU_TEST_LOG === '1',
      adminDist: path.join(dataDir, 'no-admin'),
      databaseUrl,
      ...opts.config,
    },
  );
  const handle = await createApp(config);
  const ts: TestServer = {
    handle,
    url: handle.url,
    dataDir,
    stop: () => handle.close(),
    async restart() {
      await handle.close();
      return startServer({ ...opts, dataDir });
    },
    async cleanup() {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      await pgDatabases.get(dataDir)?.drop();
      pgDatabases.delete(dataDir);
    },
  };
  return ts;
}

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: unknown }[];
  raw: any;
}

/** A browser-like client: keeps the session cookie between requests. */
export class Client {
  cookie: string | null = null;
  constructor(readonly baseUrl: string) {}

  async fetch(p: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const res = await fetch(this.baseUrl + p, { ...init, headers, redirect: 'manual' });
    const set = res.headers.getSetCookie?.() ?? [];
    for (const c of set) {
      const [pair] = c.split(';');
      const [name, value] = pair.split('=');
      if (name.trim() === 'pantau_sid') this.cookie = value ? `pantau_sid=${value}` : null;
    }
    return res;
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const res = await this.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const raw = await res.json();
    return { status: res.status, data: raw.data, errors: raw.errors, raw };
  }

  async login(username: string, password = DEMO_PASSWORD): Promise<GqlResult> {
    return this.gql(`mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { id username roles { role kanwilId satkerId } } }`, {
      u: username,
      p: password,
    });
  }
}

/** A signed-in client (throws when the login fails). */
export async function loginAs(server: TestServer, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const c = new Client(server.url);
  const r = await c.login(username, password);
  if (r.errors) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
  return c;
}

/** Data with no errors, else a readable failure. */
export function ok<T>(r: GqlResult<T>): T {
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

export function errorCode(r: GqlResult): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

/** Ids of the demo submissions by satker code. */
export async function demoSubmissions(client: Client): Promise<Record<string, { id: number; status: string; satkerId: number }>> {
  const d = ok(await client.gql(`{ submissions(periodId: 1) { id status satker { id code } } }`));
  return Object.fromEntries(d.submissions.map((s: any) => [s.satker.code, { id: s.id, status: s.status, satkerId: s.satker.id }]));
}
