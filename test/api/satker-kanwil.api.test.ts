/** Satker.kanwil is batched: a list of units reads their Kanwil in one statement, however many Kanwil there are. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kanwil, Satker, SatkerKind } from '../../server/src/modules/org/entities';
import { loginAs, ok, startServer, type Client, type TestServer } from './helpers';

const QUERY = `{ satkers { code kanwil { code name } } }`;

async function addKanwils(server: TestServer, prefix: string, n: number) {
  const em = server.handle.orm.em.fork();
  for (let i = 0; i < n; i++) {
    const kanwil = em.create(Kanwil, { code: `${prefix}${i}`, name: `Kanwil ${prefix}${i}`, createdAt: new Date() });
    em.create(Satker, {
      code: `${prefix}${i}-U`,
      name: `Unit ${prefix}${i}`,
      kind: SatkerKind.LAPAS,
      division: 'Pemasyarakatan',
      kanwil,
      createdAt: new Date(),
    });
  }
  await em.flush();
}

describe('Satker.kanwil', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer();
    admin = await loginAs(server, 'admin');
    ok(await admin.gql('{ __typename }')); // warm the session
  });
  afterAll(() => server.cleanup());

  const measure = async () => {
    const before = server.handle.sql.count;
    const d = ok(await admin.gql(QUERY));
    return { statements: server.handle.sql.count - before, satkers: d.satkers as { code: string; kanwil: { code: string } }[] };
  };

  it('uses the same number of SQL statements for 2 and for 22 Kanwil', async () => {
    await addKanwils(server, 'NA', 2);
    const a = await measure();
    await addKanwils(server, 'NB', 20);
    const b = await measure();
    expect(b.satkers.length).toBe(a.satkers.length + 20);
    expect(new Set(b.satkers.map((s) => s.kanwil.code)).size).toBeGreaterThanOrEqual(23);
    expect(b.satkers.find((s) => s.code === 'NB7-U')?.kanwil.code).toBe('NB7');
    expect(b.statements).toBe(a.statements);
    expect(a.statements).toBeLessThanOrEqual(4);
  });
});
