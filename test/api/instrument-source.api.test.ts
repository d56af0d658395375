import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_INSTRUMENTS, loadInstrument } from '@pantau/shared';
import { Role } from '../../server/src/common/enums';
import { Satker } from '../../server/src/modules/org/entities';
import { createUserIn } from '../../server/src/modules/user/service';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

const SOURCE = `query ($v: Int!) { instrumentSource(versionId: $v) { versionId year master formulas } }`;

describe('instrument source of a version (for the SPA to score with the period’s own version)', () => {
  let server: TestServer;
  let versionId: number;
  beforeAll(async () => {
    server = await startServer();
    const coord = await loginAs(server, 'koordinator.polonia');
    const subId = (await demoSubmissions(coord))['IMI-POLONIA'].id;
    versionId = ok(await coord.gql(`query ($id: Int!) { submission(id: $id) { period { instrumentVersionId } } }`, { id: subId })).submission.period
      .instrumentVersionId;
    // a coordinator of a unit without any submission in the period
    const em = server.handle.orm.em.fork();
    const lonely = await em.findOneOrFail(Satker, { code: 'PAS-LPKA-MEDAN' });
    await createUserIn(em, null, {
      username: 'koordinator.lpka',
      displayName: 'Koordinator LPKA',
      password: 'rahasia-123',
      roles: [{ role: Role.COORDINATOR, satkerId: lonely.id }],
    } as never);
  });
  afterAll(async () => server?.cleanup());

  it('serves the stored master list and formula table to a user who can read a submission of a period using it', async () => {
    for (const who of ['koordinator.polonia', 'kakanwil', 'evaluator.itjen', 'admin']) {
      const d = ok(await (await loginAs(server, who)).gql(SOURCE, { v: versionId })).instrumentSource;
      expect(d.versionId).toBe(versionId);
      expect(d.year).toBe(2026);
      expect(d.master).toEqual(BUNDLED_INSTRUMENTS[2026].master);
      expect(d.formulas).toEqual(BUNDLED_INSTRUMENTS[2026].formulas);
      expect(loadInstrument(d.master, d.formulas).items).toHaveLength(127);
    }
  });

  it('refuses users who cannot read any submission of it, and the signed-out', async () => {
    expect(errorCode(await (await loginAs(server, 'koordinator.lpka', 'rahasia-123')).gql(SOURCE, { v: versionId }))).toBe('FORBIDDEN');
    expect(errorCode(await (await loginAs(server, 'koordinator.polonia')).gql(SOURCE, { v: 9999 }))).toBe('FORBIDDEN');
    expect(errorCode(await (await loginAs(server, 'admin')).gql(SOURCE, { v: 9999 }))).toBe('NOT_FOUND');
    expect(errorCode(await new Client(server.url).gql(SOURCE, { v: versionId }))).toBe('UNAUTHENTICATED');
  });
});
