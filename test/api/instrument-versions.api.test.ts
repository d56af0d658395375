import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_INSTRUMENTS } from '@pantau/shared';
import { AuditEvent } from '../../server/src/modules/audit/entities';
import { InstrumentVersion } from '../../server/src/modules/instrument/entities';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

const VERSION = `id year active valid itemCount requiredCount createdAt createdBy { username } sourceFileName ownFormulas
  formulasFromVersionId periods { id year } issues { path message }`;
const REPORT = `ok year itemCount requiredCount areas { code name weight pemenuhanWeight reformWeight } issues { path message }
  formulasProvided formulasReused formulasFromVersionId formulaTableRequired
  diff { baseVersionId baseYear added removed textChanged typeChanged { soalId from to } unchanged }`;
const VALIDATE = `mutation ($m: JSONObject!, $f: JSONObject) { validateInstrument(master: $m, formulas: $f) { ${REPORT} } }`;
const CREATE = `mutation ($m: JSONObject!, $f: JSONObject, $n: String) { createInstrumentVersion(master: $m, formulas: $f, sourceFileName: $n) { ${VERSION} } }`;
const ACTIVATE = `mutation ($id: Int!) { activateInstrumentVersion(id: $id) { ${VERSION} } }`;
const LIST = `{ instrumentVersions { ${VERSION} } }`;

type Json = Record<string, any>;
const master2026 = BUNDLED_INSTRUMENTS[2026].master as Json;
const formulas2026 = BUNDLED_INSTRUMENTS[2026].formulas as Json;

/** A copy of the 2026 master list for another year, with `edit` applied to its soals by id. */
function masterFor(year: number, edit: (soal: Json) => void = () => {}): Json {
  const m = structuredClone(master2026);
  m.tahun = year;
  const walk = (n: Json) => {
    for (const s of n.soals ?? []) edit(s);
    for (const c of n.children ?? []) walk(c);
  };
  for (const r of m.data) walk(r);
  return m;
}

const YA_TIDAK = [
  { key: 'Ya', label: 'Ya', multiplier: 1 },
  { key: 'Tidak', label: 'Tidak', multiplier: 0 },
];

/** [88] and [89] (agen perubahan, perubahan yang dibuat) become Ya/Tidak questions: the formula items changed type. */
function retyped(year: number): Json {
  return masterFor(year, (s) => {
    if (s.id === 88 || s.id === 89) {
      s.jenis_jawaban = 'YA_TIDAK';
      s.skema_penilaian = YA_TIDAK;
    }
  });
}
/** The formula table matching `retyped`: without the agen-perubahan ratio. */
const retypedFormulas = () => ({ ...structuredClone(formulas2026), formulas: formulas2026.formulas.filter((f: Json) => f.id !== 'agen-perubahan') });

describe('instrument versions', () => {
  let server: TestServer;
  let admin: Client;
  const stored = () => server.handle.orm.em.fork().count(InstrumentVersion, {});
  const audits = () => server.handle.orm.em.fork().count(AuditEvent, { objectType: 'InstrumentVersion' });

  beforeAll(async () => {
    server = await startServer();
    admin = await loginAs(server, 'admin');
  });
  afterAll(async () => server?.cleanup());

  it('a 2027 copy with changed texts validates and activates, reusing the 2026 formula table', async () => {
    const base = ok(await admin.gql(LIST)).instrumentVersions;
    expect(base).toHaveLength(1);
    const v2026 = base[0];
    expect(v2026).toMatchObject({ year: 2026, active: true, valid: true, itemCount: 127, requiredCount: 125, ownFormulas: true, createdBy: null });
    expect(v2026.periods.map((p: Json) => p.id)).toContain(1);

    const m = masterFor(2027, (s) => {
      if (s.id === 1 || s.id === 50) s.teks_pertanyaan = `${s.teks_pertanyaan} (revisi 2027)`;
    });
    const report = ok(await admin.gql(VALIDATE, { m })).validateInstrument;
    expect(report).toMatchObject({
      ok: true,
      year: 2027,
      itemCount: 127,
      requiredCount: 125,
      issues: [],
      formulasProvided: false,
      formulasReused: true,
      formulasFromVersionId: v2026.id,
      formulaTableRequired: false,
      diff: { baseVersionId: v2026.id, baseYear: 2026, added: [], removed: [], textChanged: [1, 50], typeChanged: [], unchanged: 125 },
    });
    expect(report.areas.map((a: Json) => [a.code, a.weight])).toEqual([
      ['1', 8],
      ['2', 7],
      ['3', 10],
      ['4', 10],
      ['5', 15],
      ['6', 10],
    ]);
    expect(await stored()).toBe(1); // validation saves nothing

    const created = ok(await admin.gql(CREATE, { m, n: 'lke-zi-2027-master-soal.json' })).createInstrumentVersion;
    expect(created).toMatchObject({
      year: 2027,
      active: false,
      valid: true,
      itemCount: 127,
      createdBy: { username: 'admin' },
      sourceFileName: 'lke-zi-2027-master-soal.json',
      ownFormulas: false,
      formulasFromVersionId: v2026.id,
      periods: [],
    });

    // an inactive version cannot be used by a period
    expect(errorCode(await admin.gql(`mutation { createPeriod(input: { year: 2027, name: "ZI 2027" }) { id } }`))).toBe('BAD_USER_INPUT');
    const refused = await admin.gql(`mutation ($v: Int!) { createPeriod(input: { year: 2027, name: "ZI 2027", instrumentVersionId: $v }) { id } }`, {
      v: created.id,
    });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/belum aktif/);
    // nor a version of another year
    expect(
      errorCode(
        await admin.gql(`mutation ($v: Int!) { createPeriod(input: { year: 2027, name: "ZI 2027", instrumentVersionId: $v }) { id } }`, { v: v2026.id }),
      ),
    ).toBe('BAD_USER_INPUT');

    const active = ok(await admin.gql(ACTIVATE, { id: created.id })).activateInstrumentVersion;
    expect(active).toMatchObject({ id: created.id, active: true, valid: true });
    const period = ok(await admin.gql(`mutation { createPeriod(input: { year: 2027, name: "ZI 2027" }) { id instrumentVersionId } }`)).createPeriod;
    expect(period.instrumentVersionId).toBe(created.id);
    const inst = ok(await admin.gql(`{ instrument(year: 2027) { versionId year items { soalId text } } }`)).instrument;
    expect(inst).toMatchObject({ versionId: created.id, year: 2027 });
    expect(inst.items.find((i: Json) => i.soalId === 50).text).toMatch(/\(revisi 2027\)$/);

    const list = ok(await admin.gql(LIST)).instrumentVersions;
    expect(list.map((v: Json) => [v.year, v.active])).toEqual([
      [2027, true],
      [2026, true],
    ]);
    expect(list[0].periods).toEqual([{ id: period.id, year: 2027 }]);

    const events = await server.handle.orm.em
      .fork()
      .find(AuditEvent, { objectType: 'InstrumentVersion', objectId: String(created.id) }, { orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['instrument.create', 'instrument.activate']);

    // a second 2027 version replaces the first as the active one of the year (one active per year)
    const again = ok(await admin.gql(CREATE, { m, n: 'lke-zi-2027-v2.json' })).createInstrumentVersion;
    ok(await admin.gql(ACTIVATE, { id: again.id }));
    const after = ok(await admin.gql(LIST)).instrumentVersions;
    expect(after.filter((v: Json) => v.year === 2027 && v.active).map((v: Json) => v.id)).toEqual([again.id]);
    expect(after.find((v: Json) => v.id === created.id).active).toBe(false);
    // the period keeps its version until an admin switches it (same items and types: allowed)
    const switched = ok(
      await admin.gql(`mutation ($p: Int!, $v: Int!) { updatePeriod(id: $p, input: { instrumentVersionId: $v }) { instrumentVersionId } }`, {
        p: period.id,
        v: again.id,
      }),
    );
    expect(switched.updatePeriod.instrumentVersionId).toBe(again.id);
    // switching back to the deactivated version is refused
    expect(
      errorCode(
        await admin.gql(`mutation ($p: Int!, $v: Int!) { updatePeriod(id: $p, input: { instrumentVersionId: $v }) { id } }`, { p: period.id, v: created.id }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('a list whose formula items changed type is refused without a formula table and accepted with a matching one', async () => {
    const m = retyped(2028);
    const before = { versions: await stored(), audits: await audits() };

    const report = ok(await admin.gql(VALIDATE, { m })).validateInstrument;
    expect(report.ok).toBe(false);
    expect(report.formulaTableRequired).toBe(true);
    expect(report.formulasReused).toBe(false);
    expect(report.issues[0].path).toBe('tabel rumus');
    expect(report.issues[0].message).toMatch(/tabel rumus harus diunggah/);
    expect(report.issues.map((i: Json) => i.path)).toEqual(expect.arrayContaining(['soal [88]', 'soal [89]']));
    expect(report.diff.typeChanged).toEqual([
      { soalId: 88, from: 'COUNT', to: 'YA_TIDAK' },
      { soalId: 89, from: 'COUNT', to: 'YA_TIDAK' },
    ]);

    const refused = await admin.gql(CREATE, { m });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/^Tabel rumus harus diunggah/);
    expect(refused.errors![0].extensions!.formulaTableRequired).toBe(true);
    expect(refused.errors![0].extensions!.issues.length).toBeGreaterThan(1);
    expect({ versions: await stored(), audits: await audits() }).toEqual(before); // nothing stored

    // the old table uploaded explicitly does not fit either
    const wrong = await admin.gql(CREATE, { m, f: formulas2026 });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0].extensions!.issues.some((i: Json) => /rumus hanya membaca soal Jumlah/.test(i.message))).toBe(true);
    expect(await stored()).toBe(before.versions);

    const f = retypedFormulas();
    const good = ok(await admin.gql(VALIDATE, { m, f })).validateInstrument;
    expect(good).toMatchObject({ ok: true, year: 2028, itemCount: 127, requiredCount: 125, formulasProvided: true, formulasReused: false, issues: [] });
    const created = ok(await admin.gql(CREATE, { m, f, n: 'lke-2028.json' })).createInstrumentVersion;
    expect(created).toMatchObject({ year: 2028, active: false, valid: true, ownFormulas: true, formulasFromVersionId: null });
    expect(ok(await admin.gql(ACTIVATE, { id: created.id })).activateInstrumentVersion.active).toBe(true);
    const inst = ok(await admin.gql(`{ instrument(year: 2028) { items { soalId type } } }`)).instrument;
    expect(inst.items.find((i: Json) => i.soalId === 88).type).toBe('YA_TIDAK');

    // a 2029 copy of the 2028 list now reuses the 2028 table (the nearest earlier year)
    const next = ok(await admin.gql(VALIDATE, { m: retyped(2029) })).validateInstrument;
    expect(next).toMatchObject({ ok: true, formulasReused: true, formulasFromVersionId: created.id, diff: { baseYear: 2028, typeChanged: [] } });
  });

  it('a period with answers cannot switch to a version where answered items changed type', async () => {
    // the nearest earlier table (2028) does not fit a list with the 2026 counts: it comes with its own
    const m = masterFor(2030);
    expect(ok(await admin.gql(VALIDATE, { m })).validateInstrument).toMatchObject({ ok: false, formulaTableRequired: true });
    const v1 = ok(await admin.gql(CREATE, { m, f: formulas2026 })).createInstrumentVersion;
    ok(await admin.gql(ACTIVATE, { id: v1.id }));
    const p = ok(await admin.gql(`mutation { createPeriod(input: { year: 2030, name: "ZI 2030" }) { id instrumentVersionId } }`)).createPeriod;
    const polonia = (await demoSubmissions(admin))['IMI-POLONIA'].satkerId;
    const sub = ok(
      await admin.gql(`mutation ($p: Int!, $s: Int!) { createSubmission(input: { periodId: $p, satkerId: $s, target: WBK }) { id } }`, { p: p.id, s: polonia }),
    ).createSubmission;
    const coord = await loginAs(server, 'koordinator.polonia');
    ok(
      await coord.gql(`mutation ($id: Int!) { saveAnswers(submissionId: $id, level: SELF, answers: [{ soalId: 88, value: 3 }]) { score { total } } }`, {
        id: sub.id,
      }),
    );

    const v2 = ok(await admin.gql(CREATE, { m: retyped(2030), f: retypedFormulas() })).createInstrumentVersion;
    ok(await admin.gql(ACTIVATE, { id: v2.id }));
    const r = await admin.gql(`mutation ($p: Int!, $v: Int!) { updatePeriod(id: $p, input: { instrumentVersionId: $v }) { id } }`, { p: p.id, v: v2.id });
    expect(errorCode(r)).toBe('INVALID_STATE');
    expect(r.errors![0].extensions!.issues.map((i: Json) => i.soalId)).toEqual([88]);
  });

  it('a malformed list gives issues naming the node or item, and nothing is stored', async () => {
    const m = masterFor(2031, (s) => {
      if (s.id === 5) s.jenis_jawaban = 'PILIHAN';
      if (s.id === 7) s.teks_pertanyaan = '';
    });
    m.data[0].children[0].children[0].children[0].bobot_maksimal = 0.75; // node 4 "i. Penyusunan Tim Kerja"
    const before = { versions: await stored(), audits: await audits() };
    const report = ok(await admin.gql(VALIDATE, { m, f: formulas2026 })).validateInstrument;
    expect(report.ok).toBe(false);
    const paths = report.issues.map((i: Json) => `${i.path}: ${i.message}`);
    expect(paths.some((p: string) => /^soal \[5\] \(A\.I\.1\.\w+\): jenis_jawaban "PILIHAN" tidak dikenal/.test(p))).toBe(true);
    expect(paths.some((p: string) => /^soal \[7\] .*teks_pertanyaan/.test(p))).toBe(true);
    expect(paths.some((p: string) => /^simpul 3 "1\. MANAJEMEN PERUBAHAN": jumlah bobot sub-simpul/.test(p))).toBe(true);

    const refused = await admin.gql(CREATE, { m, f: formulas2026 });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/^Instrumen tidak valid/);
    expect(refused.errors![0].extensions!.issues).toEqual(report.issues);

    const notAList = await admin.gql(VALIDATE, { m: { tahun: 2031, data: 'x' } });
    expect(ok(notAList).validateInstrument).toMatchObject({ ok: false, issues: [{ path: 'data' }] });
    expect(errorCode(await admin.gql(CREATE, { m: { tahun: 2031 } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.gql(ACTIVATE, { id: 9999 }))).toBe('NOT_FOUND');
    expect({ versions: await stored(), audits: await audits() }).toEqual(before);
  });

  it('is for admins only', async () => {
    const m = masterFor(2032);
    for (const u of ['kakanwil', 'koordinator.polonia', 'evaluator.itjen']) {
      const c = await loginAs(server, u);
      expect(errorCode(await c.gql(LIST)), u).toBe('FORBIDDEN');
      expect(errorCode(await c.gql(VALIDATE, { m })), u).toBe('FORBIDDEN');
      expect(errorCode(await c.gql(CREATE, { m })), u).toBe('FORBIDDEN');
      expect(errorCode(await c.gql(ACTIVATE, { id: 1 })), u).toBe('FORBIDDEN');
    }
    expect(errorCode(await new Client(server.url).gql(LIST))).toBe('UNAUTHENTICATED');
  });
});
