/**
 * A real server for the evidence API tests: createApp on a SQLite file in a temp dir (migrations applied), seeded
 * with four units of one Kanwil (submissions in DRAFT ×2, SUBMITTED, IN_DESK_REVIEW), users with sessions
 * (cookie pantau_sid) — coordinators of two units, an assigned evaluator, the Kanwil head and a unit viewer.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import type { Orm as MikroORM } from '../../../server/src/db/orm';
import { Role, SubmissionStatus, TargetPredicate } from '../../../server/src/common/enums';
import type { AppConfig } from '../../../server/src/config';
import { ensureBundledInstruments } from '../../../server/src/modules/instrument/service';
import { InstrumentVersion } from '../../../server/src/modules/instrument/entities';
import { Kanwil, Satker, SatkerKind } from '../../../server/src/modules/org/entities';
import { Period } from '../../../server/src/modules/period/entities';
import { EvaluatorAssignment, Submission } from '../../../server/src/modules/submission/entities';
import { RoleAssignment, Session, User } from '../../../server/src/modules/user/entities';
import { startServer } from '../helpers';

export interface Harness {
  url: string;
  orm: MikroORM;
  /** SQL statements sent so far (all connections of this server). */
  sql: { count: number };
  config: AppConfig;
  dataDir: string;
  /** Cookie header per seeded user. */
  cookie: Record<'coord' | 'coord2' | 'evaluator' | 'kanwilHead' | 'viewer', string>;
  sub: { draft: number; other: number; submitted: number; desk: number };
  users: Record<string, number>;
  close(): Promise<void>;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

async function seed(orm: MikroORM) {
  const em = orm.em.fork();
  await ensureBundledInstruments(em);
  const iv = await em.findOneOrFail(InstrumentVersion, { year: 2026 });
  const now = new Date();
  const kanwil = em.create(Kanwil, { code: 'K-SUMSEL', name: 'Kanwil Sumatera Selatan', createdAt: now });
  const s1 = em.create(Satker, { code: 'KANIM-PLG', name: 'Kantor Imigrasi Palembang', kind: SatkerKind.KANIM, kanwil, createdAt: now });
  const s2 = em.create(Satker, { code: 'LAPAS-PLG', name: 'Lapas Palembang', kind: SatkerKind.LAPAS, kanwil, createdAt: now });
  const s3 = em.create(Satker, { code: 'RUTAN-PLG', name: 'Rutan Palembang', kind: SatkerKind.RUTAN, kanwil, createdAt: now });
  const s4 = em.create(Satker, { code: 'BAPAS-PLG', name: 'Bapas Palembang', kind: SatkerKind.BAPAS, kanwil, createdAt: now });
  const period = em.create(Period, { year: 2026, name: 'ZI 2026', instrumentVersion: iv, createdAt: now });
  const mk = (satker: Satker, status: SubmissionStatus) =>
    em.create(Submission, { satker, period, target: TargetPredicate.WBK, status, round: 1, createdAt: now, updatedAt: now });
  const draft = mk(s1, SubmissionStatus.DRAFT);
  const other = mk(s2, SubmissionStatus.DRAFT);
  const submitted = mk(s3, SubmissionStatus.SUBMITTED);
  const desk = mk(s4, SubmissionStatus.IN_DESK_REVIEW);
  const users: Record<string, User> = {};
  const cookie: Record<string, string> = {};
  const mkUser = (key: string, name: string, roles: Array<[Role, { kanwil?: Kanwil; satker?: Satker }]>) => {
    const u = em.create(User, { username: key, displayName: name, passwordHash: 'x', active: true, locale: 'id', createdAt: now });
    for (const [role, scope] of roles) em.create(RoleAssignment, { user: u, role, kanwil: scope.kanwil ?? null, satker: scope.satker ?? null });
    const token = crypto.randomBytes(24).toString('base64url');
    em.create(Session, { id: sha256(token), user: u, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3600_000) });
    users[key] = u;
    cookie[key] = `pantau_sid=${token}`;
  };
  // coordinator of Kanim (also of the Rutan, whose submission is SUBMITTED, to test the state rule)
  mkUser('coord', 'Koordinator Kanim Palembang', [
    [Role.COORDINATOR, { satker: s1 }],
    [Role.COORDINATOR, { satker: s3 }],
  ]);
  mkUser('coord2', 'Koordinator Lapas Palembang', [[Role.COORDINATOR, { satker: s2 }]]);
  mkUser('evaluator', 'Evaluator Itjen', [[Role.EVALUATOR, {}]]);
  mkUser('kanwilHead', 'Kepala Kanwil Sumsel', [[Role.KANWIL_HEAD, { kanwil }]]);
  mkUser('viewer', 'Kepala Kanim Palembang', [[Role.VIEWER, { satker: s1 }]]);
  await em.flush();
  em.create(EvaluatorAssignment, { submission: desk, user: users.evaluator, createdAt: now });
  await em.flush();
  return {
    cookie: cookie as Harness['cookie'],
    sub: { draft: draft.id, other: other.id, submitted: submitted.id, desk: desk.id },
    users: Object.fromEntries(Object.entries(users).map(([k, u]) => [k, u.id])),
  };
}

/** Starts the whole server (createApp, via the core's test helper) on a free port, with an empty database. */
export async function startHarness(opts: { maxUploadMb: number }): Promise<Harness> {
  const server = await startServer({
    seed: 'none',
    config: { maxUploadMb: opts.maxUploadMb, logErrors: process.env.EVIDENCE_TEST_LOG === '1' || process.env.PANTAU_TEST_LOG === '1' },
  });
  const seeded = await seed(server.handle.orm);
  return {
    url: server.url,
    orm: server.handle.orm,
    sql: server.handle.sql,
    config: server.handle.config,
    dataDir: server.dataDir,
    ...seeded,
    close: () => server.cleanup(),
  };
}
