/**
 * Loading entities and flushing without changes must write nothing: a spurious UPDATE would bump
 * Submission.version and turn the next legitimate save or transition into a false CONFLICT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITIES } from '../../server/src/db/entities';
import { startServer, type TestServer } from './helpers';

describe('unit of work', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.cleanup());

  it('flushes nothing after loading every kind of entity (dates included)', async () => {
    const em = server.handle.orm.em.fork();
    for (const entity of ENTITIES) await em.find(entity as never, {}, { limit: 50 });
    const before = server.handle.sql.count;
    await em.flush();
    expect(server.handle.sql.count - before).toBe(0);
  });
});
