/** Issue 15 item 5: the demo data looks like 2026 (Kemenimipas, Kanwil per Ditjen, lineage, Kementerian Hukum). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predicateFacts } from '../../server/src/modules/nomination/checklist';
import { Satker } from '../../server/src/modules/org/entities';
import { Client, DEMO_PASSWORD, loginAs, ok, startServer, type TestServer } from './helpers';

describe('2026 demo organisation', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer({ seed: 'demo' });
    admin = await loginAs(server, 'admin', DEMO_PASSWORD);
  });
  afterAll(async () => server?.cleanup());

  it('has the ministries, the Kanwil of each Ditjen and the Kanwil Kementerian Hukum as a unit', async () => {
    const d = ok(
      await admin.gql(
        '{ instansiList { id code name } eselonUnits { code instansiId } kanwils { id code kind instansiId eselonId } satkers { code kind kanwilId predecessorId } }',
      ),
    );
    const inst = Object.fromEntries(d.instansiList.map((i: any) => [i.code, i]));
    expect(inst.KEMENIMIPAS.name).toBe('Kementerian Imigrasi dan Pemasyarakatan');
    expect(inst.KEMENKUM.name).toBe('Kementerian Hukum');
    expect(inst.INSTANSI.name).toMatch(/Hukum dan HAM/);
    const kw = Object.fromEntries(d.kanwils.map((k: any) => [k.code, k]));
    expect(kw['KW-DJI-DEMO']).toMatchObject({ kind: 'DITJEN', instansiId: inst.KEMENIMIPAS.id });
    expect(kw['KW-DJP-DEMO']).toMatchObject({ kind: 'DITJEN', instansiId: inst.KEMENIMIPAS.id });
    expect(kw['KW-KEMENKUM-DEMO']).toMatchObject({ kind: 'KEMENTERIAN', instansiId: inst.KEMENKUM.id, eselonId: null });
    const unitsOf = (code: string) => d.satkers.filter((s: any) => s.kanwilId === kw[code].id);
    expect(new Set(unitsOf('KW-DJI-DEMO').map((s: any) => s.kind))).toEqual(new Set(['KANIM', 'RUDENIM']));
    for (const k of ['LAPAS', 'RUTAN', 'BAPAS']) expect(unitsOf('KW-DJP-DEMO').some((s: any) => s.kind === k)).toBe(true);
    expect(unitsOf('KW-KEMENKUM-DEMO')).toEqual([expect.objectContaining({ code: 'KEMENKUM-KANWIL-SUMUT', kind: 'KANWIL' })]);
    // every unit of the Ditjen Kanwil continues a unit of the former Kanwil Kemenkumham
    const formerIds = new Set(d.satkers.filter((s: any) => s.kanwilId === kw['KW-DEMO'].id).map((s: any) => s.id ?? s.code));
    const byId = new Map(d.satkers.map((s: any) => [s.code, s]));
    expect(formerIds.size).toBeGreaterThan(0);
    for (const s of [...unitsOf('KW-DJI-DEMO'), ...unitsOf('KW-DJP-DEMO')]) expect(s.predecessorId).not.toBeNull();
    expect(byId.size).toBe(d.satkers.length);
  });

  it('the former predicates follow the units: Kanim Medan holds its 2021 WBK, Lapas Medan carries the revocation ban', async () => {
    const em = server.handle.orm.em.fork();
    const medan = await em.findOneOrFail(Satker, { code: 'DJI-KANIM-MEDAN' });
    const lapas = await em.findOneOrFail(Satker, { code: 'DJP-LAPAS-MEDAN' });
    const v = ok(await admin.gql('query ($id: Int!) { satker(id: $id) { holdsWbk predicates { predicate year } } }', { id: medan.id })).satker;
    expect(v).toEqual({ holdsWbk: true, predicates: [{ predicate: 'WBK', year: 2021 }] });
    expect(await predicateFacts(em, lapas.id)).toEqual({ hasWbk: false, banUntil: '2027-03-10' });
  });

  it('the Ditjen pembina sees the Kanwil of its Ditjen; the Itjen viewer sees both Kemenimipas Kanwil', async () => {
    const pembina = await loginAs(server, 'pembina.pas', DEMO_PASSWORD);
    expect(ok(await pembina.gql('{ kanwils { code } }')).kanwils).toEqual([{ code: 'KW-DJP-DEMO' }]);
    const itjen = await loginAs(server, 'itjen.imipas', DEMO_PASSWORD);
    expect(
      ok(await itjen.gql('{ kanwils { code } }'))
        .kanwils.map((k: any) => k.code)
        .sort(),
    ).toEqual(['KW-DJI-DEMO', 'KW-DJP-DEMO']);
  });
});
