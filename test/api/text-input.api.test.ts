/**
 * Every text argument of every operation in server/schema.graphql (also inside input objects and lists) refuses a
 * control character and over-long text with BAD_USER_INPUT, never INTERNAL_SERVER_ERROR. Generated from the SDL,
 * so an operation added later is covered without touching this file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { TEXT_MAX_LENGTH } from '@pantau/shared';
import { REPO_ROOT } from '../../server/src/config';
import { loginAs, startServer, type Client, type TestServer } from './helpers';

const schema = buildSchema(fs.readFileSync(path.join(REPO_ROOT, 'server', 'schema.graphql'), 'utf8'));
const BAD = 'Laporan\u0000Triwulan';

/** A valid value of the type; the text at `target` (a counter of string slots) becomes `bad`. */
function sample(type: GraphQLInputType, slot: { n: number; target: number; bad: string; hit: boolean }, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, slot, depth);
  if (isListType(type)) return [sample(type.ofType, slot, depth)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    if (depth > 3) return undefined;
    const o: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const v = sample(f.type, slot, depth + 1);
      if (v !== undefined) o[f.name] = v;
    }
    return o;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'String':
      case 'ID': {
        const mine = slot.n++ === slot.target;
        if (mine) slot.hit = true;
        return mine ? slot.bad : 'teks';
      }
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTimeISO':
        return '2026-01-01T00:00:00.000Z';
      case 'JSON':
      case 'JSONObject':
        return {};
      default:
        return type.name.includes('Date') ? '2026-01-01' : 'teks';
    }
  }
  return undefined;
}

const printType = (t: GraphQLInputType): string => t.toString();

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One case per text slot of each operation. */
function cases(bad: string): Case[] {
  const out: Case[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()!],
    ['mutation', schema.getMutationType()!],
  ] as const) {
    for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
      for (let target = 0; ; target++) {
        const slot = { n: 0, target, bad, hit: false };
        const variables: Record<string, unknown> = {};
        for (const a of field.args as GraphQLArgument[]) {
          const v = sample(a.type, slot);
          if (v !== undefined) variables[a.name] = v;
        }
        if (!slot.hit) break;
        const decl = field.args.map((a) => `$${a.name}: ${printType(a.type)}`).join(', ');
        const pass = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const named = getNamedType(field.type);
        const selection = 'getFields' in named ? ' { __typename }' : '';
        out.push({ name: `${field.name}#${target}`, query: `${kind} (${decl}) { ${field.name}(${pass})${selection} }`, variables });
      }
    }
  }
  return out;
}

describe('text input guard (every text argument in the schema)', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer();
    admin = await loginAs(server, 'admin');
  });
  afterAll(async () => server?.cleanup());

  const control = cases(BAD);
  it('finds the text arguments', () => expect(control.length).toBeGreaterThan(30));

  it.each(control.map((c) => [c.name, c] as const))('%s: a NUL is BAD_USER_INPUT', async (_n, c) => {
    const r = await admin.gql(c.query, c.variables);
    expect(r.status, JSON.stringify(r.errors)).toBeLessThan(500);
    expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r.errors)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/karakter kontrol/);
  });

  it('over-long text is refused too (e.g. a Kanwil name of 1 MB)', async () => {
    const long = 'x'.repeat(TEXT_MAX_LENGTH + 1);
    for (const c of cases(long).filter((x) => /^(createKanwil|addNote|updateUser|createPeriod)#0$/.test(x.name))) {
      const r = await admin.gql(c.query, c.variables);
      expect(r.errors?.[0]?.extensions?.code, c.name).toBe('BAD_USER_INPUT');
    }
    const mb = await admin.gql('mutation ($n: String!) { createKanwil(input: { code: "KW-X", name: $n }) { id } }', { n: 'x'.repeat(1_000_000) });
    expect(mb.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('tab and line breaks are ordinary text', async () => {
    const r = await admin.gql('mutation ($n: String!) { createKanwil(input: { code: "KW-TAB", name: $n }) { name } }', { n: 'Kanwil\tBaru\r\nBaris dua' });
    expect(r.errors).toBeUndefined();
  });
});
