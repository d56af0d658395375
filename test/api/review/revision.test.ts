/** The revision loop: TPI returns twice (rounds), resubmission goes back to the returner, note threads stay open. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from '../helpers';
import { addNote, openNotes, opt, saveLevel, status, step, toDeskReview, toSubmitted, transition, type Actors } from './support';

describe('revision loop', () => {
  let server: TestServer;
  let a: Actors;
  let banggaiCoord: Client;
  let polonia: number;
  let banggai: number;

  beforeAll(async () => {
    server = await startServer();
    const [coord, kakanwil, admin, evaluator, bc] = await Promise.all(
      ['koordinator.polonia', 'kakanwil', 'admin', 'evaluator.itjen', 'koordinator.banggai'].map((u) => loginAs(server, u)),
    );
    a = { coord, kakanwil, admin, evaluator };
    banggaiCoord = bc;
    const subs = await demoSubmissions(admin);
    polonia = subs['IMI-POLONIA'].id;
    banggai = subs['IMI-BANGGAI'].id;
    await toSubmitted(a, polonia);
    await toDeskReview(a, polonia);
  });
  afterAll(async () => server?.cleanup());

  it('TPI return needs an open item note, then opens round 2 and names the items to fix', async () => {
    const r = await transition(a.evaluator, polonia, 'return', { reason: 'Perbaiki' });
    expect(errorCode(r)).toBe('INVALID_STATE');
    expect(r.errors![0].message).toContain('Tulis minimal satu catatan pada butir yang perlu diperbaiki');

    ok(await addNote(a.evaluator, polonia, 10, 'TPI', 'Data dukung butir 10 tidak sesuai'));
    ok(await addNote(a.evaluator, polonia, 11, 'TPI', 'SK belum ditandatangani'));
    // a coordinator cannot write TPI notes
    expect(errorCode(await addNote(a.coord, polonia, 12, 'TPI', 'x'))).toBe('FORBIDDEN');

    const t = await step(a.evaluator, polonia, 'return', { reason: 'Dua butir perlu diperbaiki' });
    expect(t).toMatchObject({ from: 'IN_DESK_REVIEW', to: 'REVISION_REQUESTED', submission: { round: 2, returnedBy: 'TPI' } });

    const items = ok(
      await a.coord.gql(`query ($id: Int!) { returnedItems(submissionId: $id) { soalId code level openNotes lastNote } }`, { id: polonia }),
    ).returnedItems;
    expect(items.map((i: any) => [i.soalId, i.level, i.openNotes])).toEqual([
      [10, 'TPI', 1],
      [11, 'TPI', 1],
    ]);
    expect(items[0].code).toMatch(/^A\./);
  });

  it('the coordinator answers the notes, fixes SELF answers, cannot withdraw after desk review began, and resubmits to the TPI', async () => {
    const notes = await openNotes(a.coord, polonia);
    const n10 = notes.find((n) => n.soalId === 10);
    ok(await a.coord.gql(`mutation ($n: Int!) { replyNote(noteId: $n, body: "Sudah kami perbaiki, lihat bukti baru") { id parentId } }`, { n: n10.id }));
    ok(await saveLevel(a.coord, polonia, 'SELF', { 10: opt(10, 0) }, { 10: 'Diperbarui' }));
    // a coordinator cannot resolve a reviewer's note
    expect(errorCode(await a.coord.gql(`mutation ($n: Int!) { resolveNote(noteId: $n) { id } }`, { n: n10.id }))).toBe('FORBIDDEN');

    const w = await transition(a.coord, polonia, 'withdraw', { reason: 'Mundur' });
    expect(errorCode(w)).toBe('INVALID_STATE');
    expect(w.errors![0].message).toContain('sebelum evaluasi desk dimulai');

    const b = ok(await a.coord.gql(`query ($id: Int!) { submitBlockers(submissionId: $id) { action canSubmit } }`, { id: polonia })).submitBlockers;
    expect(b).toEqual({ action: 'resubmit', canSubmit: true });
    const t = await step(a.coord, polonia, 'resubmit');
    expect(t).toMatchObject({ from: 'REVISION_REQUESTED', to: 'IN_DESK_REVIEW', submission: { round: 2, returnedBy: null } });

    // the returned items' notes stay visible (with the reply) until the reviewer resolves them
    const still = await openNotes(a.evaluator, polonia);
    expect(still.map((n) => n.soalId)).toEqual([10, 11]);
    expect(still[0].replies).toEqual([{ body: 'Sudah kami perbaiki, lihat bukti baru', author: { username: 'koordinator.polonia' } }]);
    const resolved = ok(
      await a.evaluator.gql(`mutation ($n: Int!) { resolveNote(noteId: $n) { resolved resolvedBy { username } } }`, { n: n10.id }),
    ).resolveNote;
    expect(resolved).toEqual({ resolved: true, resolvedBy: { username: 'evaluator.itjen' } });
    expect((await openNotes(a.coord, polonia)).map((n) => n.soalId)).toEqual([11]);
  });

  it('a second TPI return opens round 3; the resubmission again goes to the TPI', async () => {
    ok(await addNote(a.evaluator, polonia, 12, 'TPI', 'Butir 12 masih kurang'));
    const t = await step(a.evaluator, polonia, 'return', { reason: 'Putaran kedua' });
    expect(t.submission).toMatchObject({ status: 'REVISION_REQUESTED', round: 3, returnedBy: 'TPI' });
    const notes = await openNotes(a.coord, polonia);
    expect(notes.map((n) => [n.soalId, n.round])).toEqual([
      [11, 1],
      [12, 2],
    ]);
    const t2 = await step(a.coord, polonia, 'resubmit');
    expect(t2.to).toBe('IN_DESK_REVIEW');
    expect(await status(a.coord, polonia)).toBe('IN_DESK_REVIEW');
  });

  it('a Kanwil return goes back to SUBMITTED on resubmission (twice)', async () => {
    // seeded as returned by the Kanwil, with the reason on the submission and open notes on three items
    const seeded = ok(
      await banggaiCoord.gql(`query ($id: Int!) { submission(id: $id) { returnReason returnedAt } returnedItems(submissionId: $id) { soalId openNotes } }`, {
        id: banggai,
      }),
    );
    expect(seeded.submission.returnReason).toMatch(/perbaiki butir/);
    expect(seeded.returnedItems).toHaveLength(3);
    const t = await step(banggaiCoord, banggai, 'resubmit');
    expect(t).toMatchObject({ from: 'REVISION_REQUESTED', to: 'SUBMITTED' });
    // the Kanwil accepts the fixes: a new return needs a new note
    const open = ok(await a.kakanwil.gql(`query ($id: Int!) { reviewNotes(submissionId: $id, openOnly: true) { id } }`, { id: banggai })).reviewNotes;
    for (const n of open) ok(await a.kakanwil.gql(`mutation ($id: Int!) { resolveNote(noteId: $id) { id } }`, { id: n.id }));
    const r = await transition(a.kakanwil, banggai, 'return', { reason: 'lagi' });
    expect(errorCode(r)).toBe('INVALID_STATE');
    ok(await addNote(a.kakanwil, banggai, 3, 'KANWIL', 'Lengkapi notulen'));
    const back = await step(a.kakanwil, banggai, 'return', { reason: 'Notulen belum ada' });
    expect(back.submission).toMatchObject({ status: 'REVISION_REQUESTED', returnedBy: 'KANWIL', round: 1 });
    const again = ok(
      await banggaiCoord.gql(`query ($id: Int!) { submission(id: $id) { returnReason } returnedItems(submissionId: $id) { soalId } }`, { id: banggai }),
    );
    expect(again).toEqual({ submission: { returnReason: 'Notulen belum ada' }, returnedItems: [{ soalId: 3 }] });
    expect((await step(banggaiCoord, banggai, 'resubmit')).to).toBe('SUBMITTED');
  });

  it('withdrawal needs a reason: the coordinator before desk review, the Kanwil head any time before nomination', async () => {
    const r = await transition(banggaiCoord, banggai, 'withdraw', {});
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toContain('Alasan harus diisi');
    const w = await step(banggaiCoord, banggai, 'withdraw', { reason: 'Unit direorganisasi' });
    expect(w.to).toBe('WITHDRAWN');
    // the Kanwil head withdraws a unit in desk review
    expect((await step(a.kakanwil, polonia, 'withdraw', { reason: 'Permintaan pimpinan' })).to).toBe('WITHDRAWN');
    const ev = ok(await a.admin.gql(`query { auditEvents(filter: { action: "submission.withdraw" }) { items { reason actor { username } } } }`)).auditEvents
      .items;
    expect(ev.map((e: any) => [e.actor.username, e.reason]).sort()).toEqual([
      ['kakanwil', 'Permintaan pimpinan'],
      ['koordinator.banggai', 'Unit direorganisasi'],
    ]);
  });

  it('serves the note threads of every submission in a constant number of SQL statements', async () => {
    const q = (notes: boolean) =>
      `{ submissions(periodId: 1) { id satker { code } ${notes ? 'reviewNotes { soalId level resolved replies { body } }' : ''} } }`;
    let start = server.handle.sql.count;
    ok(await a.admin.gql(q(false)));
    const plain = server.handle.sql.count - start;
    start = server.handle.sql.count;
    const d = ok(await a.admin.gql(q(true)));
    const withNotes = server.handle.sql.count - start;
    expect(withNotes - plain).toBeLessThanOrEqual(2);
    const byCode = new Map(d.submissions.map((s: any) => [s.satker.code, s.reviewNotes]));
    expect((byCode.get('IMI-POLONIA') as any[]).map((n) => n.soalId)).toEqual([10, 11, 12]);
    expect((byCode.get('IMI-POLONIA') as any[])[0].replies).toHaveLength(1);
    expect((byCode.get('IMI-BANGGAI') as any[]).filter((n) => !n.resolved).map((n) => [n.soalId, n.level])).toEqual([[3, 'KANWIL']]);
  });
});
