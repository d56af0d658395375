import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/common/enums';
import { Kanwil } from '../../server/src/modules/org/entities';
import { createUserIn } from '../../server/src/modules/user/service';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

const CANDIDATES = `query ($id: Int!) { evaluatorCandidates(submissionId: $id) { id username displayName } }`;

describe('evaluator candidates (scoped for the Kanwil head)', () => {
  let server: TestServer;
  let subId: number;
  beforeAll(async () => {
    server = await startServer();
    const head = await loginAs(server, 'kakanwil');
    subId = (await demoSubmissions(head))['IMI-BELAWAN'].id;
    const em = server.handle.orm.em.fork();
    const other = em.create(Kanwil, { code: 'KW-LAIN', name: 'Kanwil Lain', createdAt: new Date() });
    await em.flush();
    await createUserIn(em, null, {
      username: 'head.lain',
      displayName: 'Kepala Kanwil Lain',
      password: 'rahasia-123',
      roles: [{ role: Role.KANWIL_HEAD, kanwilId: other.id }],
    } as never);
    await createUserIn(em, null, {
      username: 'evaluator.dua',
      displayName: 'Evaluator Dua',
      password: 'rahasia-123',
      roles: [{ role: Role.EVALUATOR }],
    } as never);
  });
  afterAll(async () => server?.cleanup());

  it('lists the active users with the EVALUATOR role to the admin and the Kanwil head of the submission, who can then assign one', async () => {
    for (const who of ['kakanwil', 'admin']) {
      const list = ok(await (await loginAs(server, who)).gql(CANDIDATES, { id: subId })).evaluatorCandidates;
      expect(list.map((u: any) => u.username).sort()).toEqual(['evaluator.dua', 'evaluator.itjen']);
    }
    const head = await loginAs(server, 'kakanwil');
    const pick = ok(await head.gql(CANDIDATES, { id: subId })).evaluatorCandidates.find((u: any) => u.username === 'evaluator.dua');
    const after = ok(
      await head.gql(`mutation ($s: Int!, $u: Int!) { assignEvaluator(submissionId: $s, userId: $u) { username } }`, { s: subId, u: pick.id }),
    ).assignEvaluator;
    expect(after.map((u: any) => u.username)).toContain('evaluator.dua');
  });

  it('refuses everyone else (coordinator, evaluator, viewer, the head of another Kanwil, signed out)', async () => {
    for (const [who, pw] of [['koordinator.polonia'], ['evaluator.itjen'], ['pengamat'], ['head.lain', 'rahasia-123']] as const) {
      expect(errorCode(await (await loginAs(server, who, pw)).gql(CANDIDATES, { id: subId })), who).toBe('FORBIDDEN');
    }
    expect(errorCode(await new Client(server.url).gql(CANDIDATES, { id: subId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await (await loginAs(server, 'kakanwil')).gql(CANDIDATES, { id: 99999 }))).toBe('NOT_FOUND');
  });
});
