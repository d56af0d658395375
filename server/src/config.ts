import { isIP } from 'node:net';
import path from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** Data directory (SQLite file, evidence files). */
  dataDir: string;
  /** SQLite file; defaults to <dataDir>/pantau.sqlite */
  dbFile: string;
  /** PANTAU_DATABASE_URL: postgres://… = PostgreSQL; empty = the SQLite file above. */
  databaseUrl: string;
  maxUploadMb: number;
  /** 'demo' seeds demo data into an empty database, 'none' leaves it empty. */
  seed: 'demo' | 'none';
  secureCookies: boolean;
  /** Built admin SPA; served at / when its index.html exists. */
  adminDist: string;
  /** Session idle lifetime in hours. */
  sessionHours: number;
  /** Log SQL / errors to stderr. */
  logErrors: boolean;
  /** SMTP server for e-mail notifications (smtp://user:pass@host:587 or smtps://…); null = no e-mail (default). */
  smtpUrl: string | null;
  /** Sender of notification e-mails. */
  smtpFrom: string;
  /** Address of the SPA in e-mail links (e.g. https://pantau.example.go.id); null = paths only. */
  publicUrl: string | null;
  /** Seconds between scheduler runs (reminders, warnings, e-mail outbox); 0 = no scheduler in this process. */
  schedulerIntervalSeconds: number;
  /**
   * Which proxies to believe for the client address (X-Forwarded-For), as Express's `trust proxy`: false (default,
   * the socket's address), a hop count, or addresses/subnets such as "loopback" or "10.0.0.0/8, 127.0.0.1".
   * The login throttle counts per client address, so behind a reverse proxy this must be set.
   */
  trustProxy: boolean | number | string;
  /** NODE_ENV=production: schema introspection only for signed-in administrators. */
  production: boolean;
  /** On SIGTERM/SIGINT: seconds requests in flight may take to finish before their connections are closed. */
  shutdownSeconds: number;
  /** PANTAU_WORKERS: server processes (node:cluster) sharing the port; more than 1 only on PostgreSQL. */
  workers: number;
  /**
   * PANTAU_BASE_PATH: the sub-path the SPA and the API are served under behind a reverse proxy (e.g. "/pantau":
   * /pantau/graphql, /pantau/api/…, the SPA at /pantau/); "" (default) = the root. No trailing slash.
   */
  basePath: string;
}

/** A PANTAU_* variable with a value the server does not accept; the message names the variable. */
export class ConfigError extends Error {}

/**
 * Checks the values of the PANTAU_* variables before anything starts (an unknown value is an error naming the
 * variable, never a silent default: PANTAU_SEED=NONE used to install the demo accounts).
 */
export function validateEnv(env: NodeJS.ProcessEnv): string[] {
  const issues: string[] = [];
  const v = (k: string) => {
    const x = env[k];
    return x === undefined || x.trim() === '' ? undefined : x.trim();
  };
  const check = (k: string, ok: (x: string) => boolean, expected: string) => {
    const x = v(k);
    if (x !== undefined && !ok(x)) issues.push(`${k}=${JSON.stringify(env[k])}: ${expected}`);
  };
  const int =
    (min: number, max = Number.MAX_SAFE_INTEGER) =>
    (x: string) =>
      /^\d+$/.test(x) && Number(x) >= min && Number(x) <= max;
  const positive = (x: string) => Number.isFinite(Number(x)) && Number(x) > 0;
  check('PANTAU_PORT', int(0, 65535), 'harus bilangan bulat 0–65535');
  check('PANTAU_SEED', (x) => ['demo', 'none'].includes(x.toLowerCase()), 'harus demo atau none');
  check('PANTAU_DATABASE_URL', (x) => /^postgres(ql)?:\/\/.+/.test(x), 'harus postgres://pengguna:sandi@host:5432/basisdata (kosong = SQLite)');
  check('PANTAU_MAX_UPLOAD_MB', positive, 'harus bilangan positif (MB)');
  check('PANTAU_SESSION_HOURS', positive, 'harus bilangan positif (jam)');
  check('PANTAU_SECURE_COOKIES', (x) => ['0', '1'].includes(x), 'harus 0 atau 1');
  check('PANTAU_QUIET', (x) => ['0', '1'].includes(x), 'harus 0 atau 1');
  check('PANTAU_PUBLIC_URL', (x) => /^https?:\/\/[^/\s]+/.test(x), 'harus alamat lengkap, mis. https://pantau.example.go.id');
  check('PANTAU_SMTP_URL', (x) => /^smtps?:\/\/.+/.test(x), 'harus smtp://… atau smtps://…');
  check('PANTAU_SCHEDULER_INTERVAL_SECONDS', int(0), 'harus bilangan bulat ≥ 0 (detik; 0 = tanpa penjadwal)');
  check('PANTAU_SHUTDOWN_SECONDS', int(0, 3600), 'harus bilangan bulat 0–3600 (detik)');
  check('PANTAU_BASE_PATH', (x) => x === '/' || /^(\/[A-Za-z0-9._~-]+)+\/?$/.test(x), 'harus jalur seperti /pantau (huruf, angka, . _ ~ -; kosong = akar)');
  check('PANTAU_PORTALRB_RATE_LIMIT', int(1), 'harus bilangan bulat ≥ 1 (permintaan per token per menit)');
  check('PANTAU_TRUST_PROXY', validTrustProxy, 'harus 0/1/true/false, jumlah hop, atau daftar alamat/subnet (loopback, 10.0.0.0/8, …)');
  check('PANTAU_WORKERS', int(1, 64), 'harus bilangan bulat 1–64 (jumlah proses server)');
  // links are built from PANTAU_PUBLIC_URL: it is the SPA's address, so it ends with the base path
  const base = normaliseBasePath(v('PANTAU_BASE_PATH'));
  const pub = v('PANTAU_PUBLIC_URL');
  if (base && pub && /^https?:\/\/[^/\s]+/.test(pub) && !pub.replace(/\/+$/, '').endsWith(base)) {
    issues.push(`PANTAU_PUBLIC_URL=${JSON.stringify(pub)}: harus diakhiri PANTAU_BASE_PATH (${base}), mis. https://pantau.example.go.id${base}`);
  }
  // one SQLite file has one owner: several processes need PostgreSQL
  const workers = v('PANTAU_WORKERS');
  if (workers !== undefined && /^\d+$/.test(workers) && Number(workers) > 1 && v('PANTAU_DATABASE_URL') === undefined) {
    issues.push(
      `PANTAU_WORKERS=${workers}: lebih dari 1 proses hanya dengan PostgreSQL (isi PANTAU_DATABASE_URL); berkas SQLite hanya dipakai oleh satu proses (PANTAU_WORKERS=1)`,
    );
  }
  return issues;
}

/** PANTAU_TRUST_PROXY as Express accepts it: a boolean, a hop count, or addresses / subnets / loopback, linklocal, uniquelocal. */
function validTrustProxy(x: string): boolean {
  if (/^(true|false|\d+)$/i.test(x)) return true;
  return x.split(',').every((part) => {
    const t = part.trim();
    if (['loopback', 'linklocal', 'uniquelocal'].includes(t)) return true;
    const [addr, bits, ...rest] = t.split('/');
    const kind = isIP(addr ?? '');
    if (!kind || rest.length) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128));
  });
}

/** PANTAU_TRUST_PROXY: unset/""/"0"/"false" → false, "true" → true, a number → hops, else a list of addresses. */
export function parseTrustProxy(v: string | undefined): boolean | number | string {
  const t = (v ?? '').trim();
  if (t === '' || t === '0' || t.toLowerCase() === 'false') return false;
  if (t.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(t)) return Number(t);
  return t;
}

/** PANTAU_BASE_PATH as the server uses it: "" for the root, else "/a/b" (no trailing slash). */
function normaliseBasePath(v: string | undefined): string {
  return (v ?? '').trim().replace(/\/+$/, '');
}

/** Repository root (works from server/src under vitest and from server/dist). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Reads PANTAU_* environment variables (see README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const issues = validateEnv(env);
  if (issues.length) throw new ConfigError(`Konfigurasi tidak valid: ${issues.join('; ')}`);
  const dataDir = path.resolve(overrides.dataDir ?? env.PANTAU_DATA_DIR ?? 'data');
  const num = (v: string | undefined, d: number) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
  return {
    port: num(env.PANTAU_PORT, 3000),
    host: env.PANTAU_HOST || '127.0.0.1',
    dataDir,
    dbFile: path.join(dataDir, 'pantau.sqlite'),
    databaseUrl: env.PANTAU_DATABASE_URL ?? '',
    maxUploadMb: num(env.PANTAU_MAX_UPLOAD_MB, 25),
    seed: env.PANTAU_SEED?.trim().toLowerCase() === 'none' ? 'none' : 'demo',
    secureCookies: env.PANTAU_SECURE_COOKIES === '1',
    adminDist: env.PANTAU_ADMIN_DIST ? path.resolve(env.PANTAU_ADMIN_DIST) : path.join(REPO_ROOT, 'admin', 'dist'),
    sessionHours: num(env.PANTAU_SESSION_HOURS, 12),
    logErrors: env.PANTAU_QUIET !== '1',
    smtpUrl: env.PANTAU_SMTP_URL || null,
    smtpFrom: env.PANTAU_SMTP_FROM || 'Pantau ZI <no-reply@pantau.invalid>',
    publicUrl: env.PANTAU_PUBLIC_URL ? env.PANTAU_PUBLIC_URL.replace(/\/+$/, '') : null,
    schedulerIntervalSeconds: num(env.PANTAU_SCHEDULER_INTERVAL_SECONDS, 60),
    trustProxy: parseTrustProxy(env.PANTAU_TRUST_PROXY),
    production: env.NODE_ENV === 'production',
    shutdownSeconds: num(env.PANTAU_SHUTDOWN_SECONDS, 20),
    workers: num(env.PANTAU_WORKERS, 1),
    basePath: normaliseBasePath(env.PANTAU_BASE_PATH),
    ...overrides,
    ...(overrides.dataDir && !overrides.dbFile ? { dbFile: path.join(dataDir, 'pantau.sqlite') } : {}),
  };
}

/** The database the config points at: PostgreSQL when PANTAU_DATABASE_URL is set, else the SQLite file. */
export function dbTargetOf(config: Pick<AppConfig, 'dbFile' | 'databaseUrl'>): { kind: 'sqlite'; file: string } | { kind: 'postgresql'; url: string } {
  return config.databaseUrl ? { kind: 'postgresql', url: config.databaseUrl } : { kind: 'sqlite', file: config.dbFile };
}
