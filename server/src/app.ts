import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Orm as MikroORM } from './db/orm';
import { dbTargetOf, type AppConfig } from './config';
import type { Ctx } from './common/context';
import { BUSY_MESSAGE, INTERNAL_MESSAGE, appError, isDatabaseBusy, makeFormatError } from './common/errors';
import { rememberLocale, sendError, sendRestError } from './common/rest-errors';
import { limitRules, parseOptions } from './common/limits';
import { httpCompression, introspectionGate, securityHeaders } from './common/http-security';
import { isPostgres, openOrm, type SqlCounter } from './db/orm';
import { claimSqliteFile } from './db/sqlite-owner';
import { seedDemoIfEmpty } from './db/seed';
import { ensureBundledInstruments } from './modules/instrument/service';
import { AuthService, userFromRequest } from './modules/auth/service';
import { SessionCache } from './modules/auth/session-cache';
import { authServices } from './modules/user/resolver';
import { buildAppSchema } from './schema';
import { errorLanguagePlugin } from './common/error-language';
import { passwordChangeGate, refuseTemporaryPassword } from './modules/user/password-gate';
import { NotificationScheduler } from './modules/notification/scheduler';
import { REST_MODULES, type RestDeps } from './rest';

export const CSRF_HEADER = 'x-pantau-csrf';

export interface AppHandle {
  app: express.Express;
  orm: MikroORM;
  server: http.Server;
  url: string;
  config: AppConfig;
  /** SQL statements sent so far (tests/benchmarks read the difference around a request). */
  sql: SqlCounter;
  auth: AuthService;
  /** Reminders, warnings and the e-mail outbox (started when PANTAU_SCHEDULER_INTERVAL_SECONDS > 0). */
  scheduler: NotificationScheduler;
  close(): Promise<void>;
  /**
   * Graceful stop (SIGTERM/SIGINT): stops accepting connections, /ready answers 503, requests in flight may finish
   * within `graceMs` (then their connections are closed), then the database is closed.
   */
  shutdown(graceMs: number): Promise<void>;
}

/** Refuses state-changing REST requests without the `x-pantau-csrf: 1` header (a cross-site form cannot set it). */
export function requireCsrfHeader(req: Request, res: Response, next: NextFunction) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || req.get(CSRF_HEADER) === '1') return next();
  sendError(res, 'FORBIDDEN', 'Permintaan ditolak: header x-pantau-csrf wajib disertakan');
}

/**
 * The SPA's index.html for PANTAU_BASE_PATH: the build uses relative asset addresses (vite base "./"), made absolute
 * under the base path here, and the base goes into <meta name="pantau-base"> for the router and the API client.
 * Re-read when the file changes (a rebuild while the server runs).
 */
function spaIndex(file: string, base: string): () => string {
  let mtime = -1;
  let html = '';
  return () => {
    const m = fs.statSync(file).mtimeMs;
    if (m !== mtime) {
      const raw = fs.readFileSync(file, 'utf8');
      html = raw.replace(/(\s(?:src|href)=")\.?\/(?!\/)/g, `$1${base}/`).replace(/<head>/, `<head>\n    <meta name="pantau-base" content="${base}/" />`);
      mtime = m;
    }
    return html;
  };
}

/**
 * Builds the whole server: database (created + migrated; demo data when empty and seed = demo), GraphQL at
 * /graphql, REST modules under /api, GET /health, the admin SPA at / when built. Listens on config.host:port
 * (port 0 = any free port, for tests).
 */
export async function createApp(config: AppConfig): Promise<AppHandle> {
  // structured logs: one JSON object per line (stderr: errors, stdout: one access line per request)
  const log = (err: unknown) => {
    if (!config.logErrors) return;
    const e = err instanceof Error ? { msg: err.message, stack: err.stack } : { msg: String(err) };
    console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', pid: process.pid, ...e }));
  };
  const target = dbTargetOf(config);
  // one process owns a SQLite file (a second one refuses to start, naming the owner)
  let releaseSqlite = () => {};
  if (target.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    releaseSqlite = claimSqliteFile(target.file);
  }
  const { orm, sql } = await openOrm(target, async (o) => {
    await ensureBundledInstruments(o.em.fork());
    if (config.seed === 'demo') await seedDemoIfEmpty(o);
  }).catch((e: unknown) => {
    releaseSqlite();
    throw e;
  });

  const auth = new AuthService();
  // the session lookup cache: SQLite only (one process owns the file and sees every write to it)
  const sessions = isPostgres(orm) ? undefined : new SessionCache();
  sessions?.watch(orm.em.getConnection().getKnex());
  authServices.set(config, auth);

  const context = async (req: Request, res: Response): Promise<Ctx> => {
    const em = orm.em.fork();
    const user = await userFromRequest(em, req, config, sessions).catch((e: unknown) => {
      // the session read/touch met a locked database: a retryable 503, not an internal error
      if (isDatabaseBusy(e)) throw appError('CONFLICT', BUSY_MESSAGE, { reason: 'BUSY', retryable: true, http: { status: 503 } });
      throw e;
    });
    rememberLocale(res, user);
    return { em, user, req, res, config, ip: req.ip ?? req.socket.remoteAddress ?? 'unknown', cache: new Map() };
  };

  const schema = await buildAppSchema();
  const apollo = new ApolloServer<Ctx>({
    schema,
    csrfPrevention: true,
    // main.ts handles SIGTERM/SIGINT (graceful drain, cluster workers); Apollo's own handler would race it
    stopOnTerminationSignals: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(log),
    validationRules: limitRules(),
    parseOptions,
    // no HTTP cache hints are used; Apollo's default cache-control plugin would hook every field of every response
    plugins: [ApolloServerPluginCacheControlDisabled(), introspectionGate(config.production), passwordChangeGate(), errorLanguagePlugin()],
    logger: { debug() {}, info() {}, warn: (m) => log(m), error: (m) => log(m) },
  });
  await apollo.start();

  // root: the HTTP server's app (headers, request id and log, draining, /health and /ready at the root for load
  // balancers); app: everything else, mounted at PANTAU_BASE_PATH ("" = the root) behind a reverse proxy
  const base = config.basePath;
  const root = express();
  const app = express();
  for (const a of [root, app]) {
    a.disable('x-powered-by');
    // the client address (req.ip) and scheme (req.secure) behind a reverse proxy: PANTAU_TRUST_PROXY
    a.set('trust proxy', config.trustProxy);
  }
  root.use(securityHeaders(), httpCompression());

  // request id: a sane x-request-id from the proxy is kept, else one is made; returned on every response, logged
  root.use((req, res, next) => {
    const given = req.get('x-request-id');
    const id = given && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    if (config.logErrors) {
      const t0 = process.hrtime.bigint();
      res.once('finish', () => {
        const line = {
          time: new Date().toISOString(),
          level: 'info',
          msg: 'request',
          pid: process.pid,
          reqId: id,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - t0) / 1000n) / 1000,
        };
        process.stdout.write(`${JSON.stringify(line)}\n`);
      });
    }
    next();
  });

  let draining = false;
  root.use((_req, res, next) => {
    // while draining, keep-alive connections end after their current response
    if (draining) res.setHeader('connection', 'close');
    next();
  });

  // readiness: not draining, the database answers and no migration is pending (load balancers route on this)
  const ready = async (_req: Request, res: Response) => {
    if (draining) return void res.status(503).json({ status: 'stopping' });
    try {
      await orm.em.fork().getConnection().execute('select 1');
      const pending = await orm.getMigrator().getPendingMigrations();
      if (pending.length) return void res.status(503).json({ status: 'migrating', pending: pending.length });
      res.json({ status: 'ready' });
    } catch (e) {
      log(e);
      sendError(res, 'UNAVAILABLE', 'Basis data tidak dapat dihubungi', { extra: { status: 'error' } });
    }
  };
  const health = async (_req: Request, res: Response) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      // pid: which process answered (PANTAU_WORKERS > 1 spreads connections over several)
      res.json({ status: 'ok', pid: process.pid });
    } catch (e) {
      log(e);
      sendError(res, 'UNAVAILABLE', 'Basis data tidak dapat dihubungi', { extra: { status: 'error' } });
    }
  };
  for (const a of base ? [root, app] : [root]) {
    a.get('/ready', ready);
    a.get('/health', health);
  }

  const graphqlError = (res: Response, status: number, message: string, code = 'BAD_USER_INPUT') =>
    res.status(status).json({ errors: [{ message, extensions: { code } }] });

  app.use(
    '/graphql',
    (req, res, next) => {
      if (req.method === 'POST' && !req.is('application/json')) {
        return graphqlError(res, 400, 'Permintaan ditolak: POST ke /graphql harus berjenis application/json');
      }
      next();
    },
    express.json({ limit: '2mb' }),
    (req, _res, next) => {
      req.body ??= {};
      next();
    },
    expressMiddleware(apollo, { context: ({ req, res }) => context(req, res) }),
  );

  app.use('/api', requireCsrfHeader);
  // REST callers get the temporary-password gate GraphQL has (passwordChangeGate)
  const restContext = async (req: Request, res: Response): Promise<Ctx> => refuseTemporaryPassword(await context(req, res));
  const deps: RestDeps = { orm, config, context: restContext, log };
  for (const mount of REST_MODULES) await mount(app, deps);
  app.use('/api', (_req, res) => sendError(res, 'NOT_FOUND', 'Alamat tidak ditemukan'));

  const index = path.join(config.adminDist, 'index.html');
  if (fs.existsSync(index)) {
    const page = spaIndex(index, base);
    app.use(express.static(config.adminDist, { index: false, maxAge: '1h' }));
    app.use((req, res, next) => {
      if ((req.method === 'GET' || req.method === 'HEAD') && req.accepts('html')) {
        return void res.set('cache-control', 'no-cache').type('html').send(page());
      }
      next();
    });
  }

  app.use((_req, res) => sendError(res, 'NOT_FOUND', 'Alamat tidak ditemukan'));
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (!req.originalUrl.startsWith(`${base}/graphql`)) return sendRestError(res, err, log);
    const e = err as { type?: string; status?: number; statusCode?: number };
    const status = e?.status ?? e?.statusCode ?? 500;
    let message = INTERNAL_MESSAGE;
    let code = 'INTERNAL_SERVER_ERROR';
    if (isDatabaseBusy(err)) {
      // the database stayed locked past the busy timeout (e.g. a backup or another tool holds it): retry later
      res.setHeader('retry-after', '2');
      if (res.headersSent) return;
      return graphqlError(res, 503, BUSY_MESSAGE, 'CONFLICT');
    }
    if (e?.type === 'entity.parse.failed') [message, code] = ['Isi permintaan bukan JSON yang valid', 'BAD_USER_INPUT'];
    else if (e?.type === 'entity.too.large') [message, code] = ['Isi permintaan terlalu besar', 'BAD_USER_INPUT'];
    else if (status >= 400 && status < 500) [message, code] = ['Permintaan tidak valid', 'BAD_USER_INPUT'];
    else log(err);
    if (res.headersSent) return;
    graphqlError(res, status, message, code);
  });

  if (base) {
    // /pantau → /pantau/ (the SPA's relative addresses need the slash); nothing else outside the sub-path
    root.use((req, res, next) => (req.path === base ? res.redirect(301, `${base}/${req.url.slice(base.length)}`) : next()));
    root.use(base, app);
    root.use((_req, res) => sendError(res, 'NOT_FOUND', 'Alamat tidak ditemukan'));
  } else root.use(app);

  const server = http.createServer(root);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${addr.port}${base}`;

  const scheduler = new NotificationScheduler(orm, config, log);
  scheduler.start();

  let closed = false;
  const finish = async () => {
    await scheduler.stop();
    await apollo.stop();
    await orm.close(true);
    releaseSqlite();
  };
  return {
    app: root,
    orm,
    server,
    url,
    config,
    sql,
    auth,
    scheduler,
    async close() {
      if (closed) return;
      closed = true;
      await scheduler.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await finish();
    },
    async shutdown(graceMs: number) {
      if (closed) return;
      closed = true;
      draining = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve()); // no new connections; resolves when the last one ends
        server.closeIdleConnections();
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        server.once('close', () => {
          clearInterval(idle);
          clearTimeout(force);
        });
      });
      await finish();
    },
  };
}
