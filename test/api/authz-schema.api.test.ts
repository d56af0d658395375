/**
 * Every query and mutation of `server/schema.graphql`, called as every demo role and as the head of a second Kanwil
 * (generated from the schema, so an operation added later is covered without editing this file):
 * - nothing answers INTERNAL_SERVER_ERROR or a code outside the fixed set;
 * - signed out, everything but me/login/logout is UNAUTHENTICATED;
 * - the second Kanwil's head, given the ids of the demo Kanwil's objects, gets FORBIDDEN / NOT_FOUND (or BAD_USER_INPUT
 *   for input that is wrong whatever the unit), null or an empty list: never the other Kanwil's data or state, never a
 *   successful write.
 */
import fs from 'node:fs';
import path from 'node:path';
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
  type GraphQLSchema,
} from 'graphql';
import { ERROR_CODES } from '@pantau/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demoSubmissions, loginAs, ok, startServer, type GqlResult, type TestServer } from './helpers';

const schema: GraphQLSchema = buildSchema(fs.readFileSync(path.join(__dirname, '../../server/schema.graphql'), 'utf8'));
const ROLES = ['admin', 'kakanwil', 'koordinator.polonia', 'koordinator.banggai', 'evaluator.itjen', 'pengamat', 'kepala.polonia'] as const;
/** Heads a Kanwil of the other ministry (Kementerian Hukum): none of the demo Kanwil's objects are theirs. */
const OTHER_HEAD = 'kakanwil.kemenkum';
const ANONYMOUS_OK = new Set(['me', 'login', 'logout']);
/** Run last: they end the caller's session or change the caller. */
const SESSION_ENDING = new Set(['logout', 'changePassword', 'deactivateUser', 'resetUserPassword', 'updateUser']);
/** Answers with the caller's own data whatever the period (their inbox), so not a leak when it is not empty. */
const OWN_DATA = new Set(['inbox', 'periods', 'me', 'notifications', 'notificationPreference', 'unreadNotificationCount', 'kanwils', 'satkers']);

/** Ids of the demo Kanwil's objects, by argument name (and by operation for a bare `id`). */
interface Ids {
  submission: number;
  satker: number;
  kanwil: number;
  period: number;
  surveyRound: number;
  evidence: number;
  note: number;
  evaluator: number;
}
const SCOPED_ARGS = new Set(['submissionId', 'satkerId', 'kanwilId', 'periodId', 'noteId']);

function idFor(op: string, arg: string, ids: Ids): number {
  switch (arg) {
    case 'submissionId':
      return ids.submission;
    case 'satkerId':
      return ids.satker;
    case 'kanwilId':
      return ids.kanwil;
    case 'periodId':
      return ids.period;
    case 'noteId':
      return ids.note;
    case 'userId':
      return ids.evaluator;
    case 'year':
      return 2026;
  }
  if (arg !== 'id') return 1;
  if (/submission/i.test(op)) return ids.submission;
  if (/satker/i.test(op)) return ids.satker;
  if (/kanwil/i.test(op)) return ids.kanwil;
  if (/period/i.test(op)) return ids.period;
  if (/surveyRound/i.test(op)) return ids.surveyRound;
  if (/evidence/i.test(op)) return ids.evidence;
  return 1;
}

/** Does the operation name an object of the demo Kanwil (so the other Kanwil's head must not get it)? */
function isScoped(op: string, f: GraphQLField<unknown, unknown>): boolean {
  const scopedInput = (t: GraphQLInputType, depth = 0): boolean => {
    const n = getNamedType(t);
    // only required fields are filled in (valueOf), so only they can name the demo Kanwil's objects
    return (
      depth < 3 &&
      isInputObjectType(n) &&
      Object.values(n.getFields()).some((x) => isNonNullType(x.type) && (SCOPED_ARGS.has(x.name) || scopedInput(x.type, depth + 1)))
    );
  };
  return f.args.some(
    (a) => SCOPED_ARGS.has(a.name) || (a.name === 'id' && /submission|satker|kanwil|period|surveyRound|evidence/i.test(op)) || scopedInput(a.type),
  );
}

/** A value of the argument's type: required input fields filled, ids of the demo Kanwil, the first enum value. */
function valueOf(op: string, name: string, t: GraphQLInputType, ids: Ids, depth = 0): unknown {
  if (isNonNullType(t)) return valueOf(op, name, t.ofType, ids, depth);
  if (isListType(t)) return [];
  if (isEnumType(t)) return t.getValues()[0].value;
  if (isInputObjectType(t)) {
    const o: Record<string, unknown> = {};
    for (const x of Object.values(t.getFields())) if (isNonNullType(x.type) && depth < 4) o[x.name] = valueOf(op, x.name, x.type, ids, depth + 1);
    return o;
  }
  if (isScalarType(t)) {
    switch (t.name) {
      case 'Int':
        return idFor(op, name, ids);
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'LocalDate':
        return '2026-06-30';
      case 'DateTimeISO':
        return '2026-06-30T00:00:00.000Z';
      case 'JSON':
      case 'JSONObject':
        return {};
      default:
        return 'uji';
    }
  }
  return null;
}

function documentOf(kind: 'query' | 'mutation', f: GraphQLField<unknown, unknown>): string {
  const vars = f.args.map((a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`);
  const args = f.args.map((a) => `${a.name}: $${a.name}`);
  const named = getNamedType(f.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return `${kind} Op${vars.length ? `(${vars.join(', ')})` : ''} { ${f.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

interface Call {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

function operations(): Call[] {
  const q = Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field }));
  const m = Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field }));
  // session-ending mutations last, so every other operation runs with a live session
  m.sort((a, b) => Number(SESSION_ENDING.has(a.field.name)) - Number(SESSION_ENDING.has(b.field.name)));
  return [...q, ...m];
}

async function call(c: Client, op: Call, ids: Ids): Promise<GqlResult> {
  const variables = Object.fromEntries(op.field.args.map((a) => [a.name, valueOf(op.field.name, a.name, a.type, ids)]));
  return c.gql(documentOf(op.kind, op.field), variables);
}

/** The fixed error vocabulary, never a 500, never INTERNAL_SERVER_ERROR. */
function expectWellFormed(r: GqlResult, where: string) {
  expect(r.status, `${where}: HTTP status`).toBeLessThan(500);
  for (const e of r.errors ?? []) {
    expect(ERROR_CODES as readonly string[], `${where}: ${e.message}`).toContain(e.extensions?.code);
  }
}

describe('every operation × every role (generated from server/schema.graphql)', () => {
  const ops = operations();
  let ids: Ids;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    const admin = await loginAs(server, 'admin');
    const subs = await demoSubmissions(admin);
    const polonia = subs['IMI-POLONIA'];
    const d = ok(
      await admin.gql(
        `query ($s: Int!) {
        submission(id: $s) { satker { kanwil { id } } evidence { id } }
        surveyRounds(periodId: 1) { id }
        users { id username }
      }`,
        { s: polonia.id },
      ),
    );
    const notes = await Promise.all(Object.values(subs).map((s) => admin.gql(`query ($s: Int!) { reviewNotes(submissionId: $s) { id } }`, { s: s.id })));
    ids = {
      submission: polonia.id,
      satker: polonia.satkerId,
      kanwil: d.submission.satker.kanwil.id,
      period: 1,
      surveyRound: d.surveyRounds[0]?.id ?? 1,
      evidence: d.submission.evidence[0]?.id ?? 1,
      note: notes.flatMap((n) => n.data?.reviewNotes ?? [])[0]?.id ?? 1,
      evaluator: d.users.find((u: { username: string }) => u.username === 'evaluator.itjen').id,
    };
  }, 120_000);
  afterAll(async () => server?.cleanup());

  it('covers every operation of the schema', () => {
    expect(ops.length).toBe(Object.keys(schema.getQueryType()!.getFields()).length + Object.keys(schema.getMutationType()!.getFields()).length);
    expect(ops.length).toBeGreaterThan(70);
  });

  it('signed out: UNAUTHENTICATED for everything but me, login and logout', async () => {
    const anon = new Client(server.url);
    const wrong: string[] = [];
    for (const op of ops) {
      const r = await call(anon, op, ids);
      expectWellFormed(r, `anonymous ${op.field.name}`);
      const code = r.errors?.[0]?.extensions?.code;
      if (!ANONYMOUS_OK.has(op.field.name) && code !== 'UNAUTHENTICATED') wrong.push(`${op.field.name}: ${code ?? 'data'}`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it.each(ROLES)(
    '%s: every operation answers data or a known error code',
    async (role) => {
      // a server of its own: the role's mutations change the demo data the next role would see
      const own = await startServer();
      try {
        const c = await loginAs(own, role);
        for (const op of ops) expectWellFormed(await call(c, op, ids), `${role} ${op.field.name}`);
      } finally {
        await own.cleanup();
      }
    },
    600_000,
  );

  it(`the head of a second Kanwil (${OTHER_HEAD}) gets none of the demo Kanwil's data and changes none of it`, async () => {
    const own = await startServer();
    try {
      const c = await loginAs(own, OTHER_HEAD);
      let scoped = 0;
      const leaks: string[] = [];
      for (const op of ops) {
        const r = await call(c, op, ids);
        const where = `${OTHER_HEAD} ${op.field.name}`;
        expectWellFormed(r, where);
        if (!isScoped(op.field.name, op.field) || OWN_DATA.has(op.field.name)) continue;
        scoped++;
        const value = r.data?.[op.field.name];
        const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
        const code = r.errors?.[0]?.extensions?.code;
        if (!r.errors?.length && !empty) leaks.push(`${op.field.name} returned ${JSON.stringify(value)}`);
        // a foreign id is refused (FORBIDDEN / NOT_FOUND), or the input is wrong whatever the unit (BAD_USER_INPUT);
        // any other answer (INVALID_STATE, DEADLINE_PASSED, CONFLICT) would tell about the other Kanwil's object
        else if (code && !['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT'].includes(code)) leaks.push(`${op.field.name}: ${code} ${r.errors![0].message}`);
      }
      expect(leaks).toEqual([]);
      expect(scoped).toBeGreaterThan(30);
    } finally {
      await own.cleanup();
    }
  }, 600_000);
});
