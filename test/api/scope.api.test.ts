/**
 * Periods and deadline extensions are scoped: once a second Kanwil exists, each side sees the global periods and
 * its own, and an extension's reason about one unit is visible only to those who may read that unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/common/enums';
import { hashPassword } from '../../server/src/modules/auth/passwords';
import { Kanwil, Satker, SatkerKind } from '../../server/src/modules/org/entities';
import { DeadlineExtension, Period, StageEnum } from '../../server/src/modules/period/entities';
import { RoleAssignment, User } from '../../server/src/modules/user/entities';
import { DEMO_PASSWORD, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

describe('periods and deadline extensions by scope', () => {
  let server: TestServer;
  let otherPeriodId: number;
  let globalPeriodId: number;
  beforeAll(async () => {
    server = await startServer();
    const em = server.handle.orm.em.fork();
    const demoPeriod = await em.findOneOrFail(Period, 1, { populate: ['instrumentVersion'] });
    const polonia = await em.findOneOrFail(Satker, { code: 'IMI-POLONIA' });
    const admin = await em.findOneOrFail(User, { username: 'admin' });
    const other = em.create(Kanwil, { code: 'KW-LAIN', name: 'Kanwil Lain' });
    const unit = em.create(Satker, { code: 'LAIN-1', name: 'Unit Kanwil Lain', kind: SatkerKind.OTHER, kanwil: other });
    const head = em.create(User, {
      username: 'kepala.lain',
      displayName: 'Kepala Kanwil Lain',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      active: true,
      locale: 'id',
      createdAt: new Date(),
    });
    em.create(RoleAssignment, { user: head, role: Role.KANWIL_HEAD, kanwil: other });
    const otherPeriod = em.create(Period, {
      year: 2026,
      name: 'ZI 2026 Kanwil Lain',
      kanwil: other,
      instrumentVersion: demoPeriod.instrumentVersion,
      createdAt: new Date(),
    });
    const globalPeriod = em.create(Period, {
      year: 2026,
      name: 'ZI 2026 Nasional',
      kanwil: null,
      instrumentVersion: demoPeriod.instrumentVersion,
      createdAt: new Date(),
    });
    const at = new Date(Date.now() + 40 * 86400_000);
    em.create(DeadlineExtension, {
      period: demoPeriod,
      stage: StageEnum.selfAssessment,
      satker: polonia,
      deadline: at,
      reason: 'Rahasia: sakit kepala unit Polonia',
      createdBy: admin,
      createdAt: new Date(),
    });
    em.create(DeadlineExtension, {
      period: demoPeriod,
      stage: StageEnum.selfAssessment,
      satker: null,
      deadline: at,
      reason: 'Untuk semua unit',
      createdBy: admin,
      createdAt: new Date(),
    });
    em.create(DeadlineExtension, {
      period: otherPeriod,
      stage: StageEnum.selfAssessment,
      satker: unit,
      deadline: at,
      reason: 'Alasan Kanwil Lain',
      createdBy: admin,
      createdAt: new Date(),
    });
    await em.flush();
    otherPeriodId = otherPeriod.id;
    globalPeriodId = globalPeriod.id;
  });
  afterAll(async () => server?.cleanup());

  const PERIODS = '{ periods { id name } }';
  const EXT = 'query ($p: Int!) { deadlineExtensions(periodId: $p) { reason } }';

  it("a coordinator sees the global periods and their Kanwil's, not the second Kanwil's", async () => {
    const coord = await loginAs(server, 'koordinator.polonia');
    const ids = ok(await coord.gql(PERIODS)).periods.map((p: any) => p.id);
    expect(ids).toContain(1);
    expect(ids).toContain(globalPeriodId);
    expect(ids).not.toContain(otherPeriodId);
    expect(errorCode(await coord.gql('query ($id: Int!) { period(id: $id) { id } }', { id: otherPeriodId }))).toBe('FORBIDDEN');
    expect(errorCode(await coord.gql(EXT, { p: otherPeriodId }))).toBe('FORBIDDEN');
    expect(
      ok(await coord.gql(EXT, { p: 1 }))
        .deadlineExtensions.map((e: any) => e.reason)
        .sort(),
    ).toEqual(['Rahasia: sakit kepala unit Polonia', 'Untuk semua unit']);
  });

  it("the second Kanwil's head sees their own and the global periods, and no reason about another Kanwil's unit", async () => {
    const head = await loginAs(server, 'kepala.lain');
    const ids = ok(await head.gql(PERIODS)).periods.map((p: any) => p.id);
    expect(ids.sort()).toEqual([globalPeriodId, otherPeriodId].sort());
    expect(errorCode(await head.gql(EXT, { p: 1 }))).toBe('FORBIDDEN');
    expect(ok(await head.gql(EXT, { p: otherPeriodId })).deadlineExtensions.map((e: any) => e.reason)).toEqual(['Alasan Kanwil Lain']);
  });

  it('a coordinator of another unit of the same Kanwil does not read the Polonia reason', async () => {
    const c = await loginAs(server, 'koordinator.banggai');
    expect(ok(await c.gql(EXT, { p: 1 })).deadlineExtensions.map((e: any) => e.reason)).toEqual(['Untuk semua unit']);
  });

  it('the admin sees everything', async () => {
    const admin = await loginAs(server, 'admin');
    expect(ok(await admin.gql(PERIODS)).periods.map((p: any) => p.id)).toEqual(expect.arrayContaining([1, globalPeriodId, otherPeriodId]));
    expect(ok(await admin.gql(EXT, { p: 1 })).deadlineExtensions).toHaveLength(2);
  });
});
