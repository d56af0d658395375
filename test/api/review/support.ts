/** Shared steps of the review-cycle API tests (real server over HTTP, demo seed, temp SQLite file). */
import { bundledInstrument } from '@pantau/shared';
import { minimalPdf } from '../evidence/fixtures';
import { Client, ok, type GqlResult } from '../helpers';

export const inst = bundledInstrument(2026);

/** The n-th option key of an item (0 = best). */
export const opt = (soalId: number, n: number) => inst.itemById[soalId].options[n].key;

/** A very good, complete self-assessment: best option everywhere, counts that make every ratio 1. */
export function goodAnswers(): Record<number, string | number> {
  const out: Record<number, string | number> = {};
  for (const item of inst.items) {
    if (!item.required) continue;
    if (item.type === 'COUNT') out[item.soalId] = 5;
    else out[item.soalId] = item.options[0].key;
  }
  Object.assign(out, { 102: 0, 103: 0, 104: 0, 111: 0, 116: 15, 120: 15 });
  return out;
}

export const ANSWERS_OF = `query ($id: Int!, $level: AnswerLevel) { submission(id: $id) { status version round returnedBy answers(level: $level) { soalId value note version } } }`;

/** Saves answers of a level, sending the current versions (optimistic lock). */
export async function saveLevel(
  c: Client,
  submissionId: number,
  level: string,
  answers: Record<number, unknown>,
  notes: Record<number, string> = {},
): Promise<GqlResult> {
  const cur = ok(await c.gql(ANSWERS_OF, { id: submissionId, level })).submission.answers as { soalId: number; version: number }[];
  const ver = new Map(cur.map((a) => [a.soalId, a.version]));
  const batch = Object.entries(answers).map(([k, v]) => ({
    soalId: Number(k),
    value: v,
    ...(notes[Number(k)] !== undefined ? { note: notes[Number(k)] } : {}),
    expectedVersion: ver.get(Number(k)) ?? null,
  }));
  return c.gql(
    `mutation ($id: Int!, $level: AnswerLevel!, $answers: [AnswerInput!]!) { saveAnswers(submissionId: $id, level: $level, answers: $answers) { answers { soalId value } } }`,
    { id: submissionId, level, answers: batch },
  );
}

export const TRANSITION = `mutation ($id: Int!, $action: WorkflowAction!, $input: TransitionInput, $v: Int) {
  transition(submissionId: $id, action: $action, input: $input, expectedVersion: $v) {
    from to action auditEventId nominationId submission { id status round returnedBy version }
  }
}`;

export function transition(c: Client, id: number, action: string, input: Record<string, unknown> | null = null, v: number | null = null) {
  return c.gql(TRANSITION, { id, action, input, v });
}

/** Asserts a transition succeeds and returns its payload. */
export async function step(c: Client, id: number, action: string, input: Record<string, unknown> | null = null) {
  const r = await transition(c, id, action, input);
  if (r.errors?.length) throw new Error(`${action} failed: ${JSON.stringify(r.errors)}`);
  return r.data.transition;
}

export async function status(c: Client, id: number): Promise<string> {
  return ok(await c.gql(`query ($id: Int!) { submission(id: $id) { status } }`, { id })).submission.status;
}

export async function addNote(c: Client, submissionId: number, soalId: number, level: string, body: string) {
  return c.gql(
    `mutation ($s: Int!, $q: Int!, $l: AnswerLevel!, $b: String!) { addNote(submissionId: $s, soalId: $q, level: $l, body: $b) { id soalId level round resolved author { username } } }`,
    { s: submissionId, q: soalId, l: level, b: body },
  );
}

export async function upload(c: Client, fields: Record<string, string | number>, name = 'dokumen.pdf') {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, String(v));
  fd.append('file', new Blob([new Uint8Array(minimalPdf(name))], { type: 'application/pdf' }), name);
  const res = await c.fetch('/api/evidence', { method: 'POST', body: fd, headers: { 'x-pantau-csrf': '1' } });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`upload failed ${res.status}: ${JSON.stringify(body)}`);
  return body.evidence as { id: number };
}

export async function userId(admin: Client, username: string): Promise<number> {
  const users = ok(await admin.gql(`{ users { id username } }`)).users as { id: number; username: string }[];
  return users.find((u) => u.username === username)!.id;
}

export interface Actors {
  coord: Client;
  kakanwil: Client;
  admin: Client;
  evaluator: Client;
}

/** DRAFT → SUBMITTED: every required item answered, pencanangan set. */
export async function toSubmitted(a: Actors, id: number) {
  ok(await saveLevel(a.coord, id, 'SELF', goodAnswers()));
  ok(await a.coord.gql(`mutation ($id: Int!) { setPencanangan(submissionId: $id, date: "2025-03-01") { id } }`, { id }));
  await step(a.coord, id, 'submit');
}

/** SUBMITTED → IN_DESK_REVIEW (forward, evaluator.itjen assigned, desk review started). */
export async function toDeskReview(a: Actors, id: number) {
  await step(a.kakanwil, id, 'forward');
  const ev = await userId(a.admin, 'evaluator.itjen');
  ok(await a.admin.gql(`mutation ($s: Int!, $u: Int!) { assignEvaluator(submissionId: $s, userId: $u) { id } }`, { s: id, u: ev }));
  await step(a.evaluator, id, 'startDeskReview');
}

export async function openNotes(c: Client, id: number) {
  return ok(
    await c.gql(
      `query ($id: Int!) { reviewNotes(submissionId: $id, openOnly: true) { id soalId level round resolved body replies { body author { username } } } }`,
      { id },
    ),
  ).reviewNotes as any[];
}

/** A coordinator (COORDINATOR of one satker) created by the admin, signed in. */
export async function coordinatorFor(server: { url: string }, admin: Client, satkerId: number, username: string): Promise<Client> {
  ok(
    await admin.gql(`mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { username, displayName: username, password: 'rahasia-uji-123', roles: [{ role: 'COORDINATOR', satkerId }] },
    }),
  );
  const c = new Client(server.url);
  const r = await c.login(username, 'rahasia-uji-123');
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return c;
}
