/**
 * GraphQL limits from outside: oversized / aliased / deep / costly documents are refused before execution with
 * HTTP 400, BAD_USER_INPUT and an Indonesian message, and the server keeps answering /health meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, ok, startServer, type TestServer } from './helpers';
import { GRAPHQL_LIMITS } from '../../server/src/common/limits';

async function post(client: Client, query: string) {
  const res = await client.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('GraphQL limits', () => {
  let server: TestServer;
  let viewer: Client;
  beforeAll(async () => {
    server = await startServer();
    viewer = await loginAs(server, 'pengamat');
  });
  afterAll(async () => server?.cleanup());

  it('an alias bomb (6,000 aliases) is refused with 400 by the token limit, and /health answers meanwhile', async () => {
    const bomb = `{ ${Array.from({ length: 6000 }, (_, i) => `a${i}: me { id username displayName }`).join(' ')} }`;
    const inFlight = Array.from({ length: 8 }, () => post(viewer, bomb));
    const started = Date.now();
    const health = await fetch(`${server.url}/health`);
    const healthMs = Date.now() - started;
    expect(health.status).toBe(200);
    const answers = await Promise.all(inFlight);
    for (const r of answers) {
      expect(r.status).toBe(400);
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' });
      expect(r.body.errors![0].message).toBe(`Kueri terlalu panjang (maksimum ${GRAPHQL_LIMITS.maxTokens} token)`);
    }
    // before the limits, eight such bombs kept /health waiting for ~20 s; a generous bound, not a speed target
    expect(healthMs).toBeLessThan(5000);
  });

  it('aliases below the token limit are counted too', async () => {
    const q = `{ ${Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const r = await post(viewer, q);
    expect(r.status).toBe(400);
    expect(r.body.errors![0].message).toBe(`Kueri memakai terlalu banyak alias (${GRAPHQL_LIMITS.maxAliases + 1}, maksimum ${GRAPHQL_LIMITS.maxAliases})`);
    expect(r.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // at the limit the query runs
    const fine = `{ ${Array.from({ length: GRAPHQL_LIMITS.maxAliases }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect(ok(await viewer.gql(fine)).a0.id).toBeTypeOf('number');
  });

  it('repeated same-name fields (no aliases) stop at the token limit', async () => {
    const r = await post(viewer, `{ ${'me { id } '.repeat(5000)} }`);
    expect(r.status).toBe(400);
    expect(r.body.errors![0].message).toMatch(/^Kueri terlalu panjang/);
  });

  it('depth limit: a deeply nested query is refused before execution', async () => {
    const deep =
      '{ instrument { roots { children { children { children { children { children { children { children { children { children { children { children { code } } } } } } } } } } } } } }';
    const r = await post(viewer, deep);
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0].message).toMatch(/^Kueri terlalu dalam \(kedalaman \d+, maksimum 12\)$/);
    expect(r.body.data).toBeUndefined();
  });

  it('cost limit: a wide and deep query under the token and alias limits is refused', async () => {
    // 20 aliases × an 11-level tree of fields: ~1,100 tokens, cost ~15,000
    const level = (n: number): string => (n === 0 ? 'code' : `code id children { ${level(n - 1)} }`);
    const q = `{ ${Array.from({ length: 20 }, (_, i) => `t${i}: instrument { roots { ${level(9)} } }`).join(' ')} }`;
    const r = await post(viewer, q);
    expect(r.status).toBe(400);
    expect(r.body.errors![0].message).toMatch(/^Kueri terlalu rumit \(biaya \d+, maksimum 8000\)$/);
  });
});
