/**
 * Issue 15: instansi → Eselon I → Kanwil (kind) → unit, the Kanwil office as a unit, unit lineage carrying predicates,
 * the revocation ban and the pencanangan; roles scoped to an Eselon I unit; WBK awarded by the instansi's own team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/common/enums';
import { createUserIn } from '../../server/src/modules/user/service';
import { predicateFacts } from '../../server/src/modules/nomination/checklist';
import { predecessorPencanangan } from '../../server/src/modules/org/lineage';
import { PredicateHistory, Satker } from '../../server/src/modules/org/entities';
import { Client, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

describe('organisation after the 2024 reorganisation', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer({ seed: 'none' });
    await createUserIn(server.handle.orm.em.fork(), null, { username: 'root', displayName: 'Root', password: 'rahasia-root', roles: [{ role: Role.ADMIN }] });
    admin = await loginAs(server, 'root', 'rahasia-root');
  });
  afterAll(async () => server?.cleanup());

  it('builds the tree, carries predicates and a revocation ban through lineage, and scopes a Ditjen head', async () => {
    // today's data: a Kanwil without an instansi lands in the default one
    const old = ok(
      await admin.gql('mutation { createKanwil(input: { code: "KW-KUMHAM-SU", name: "Kanwil Kemenkumham Sumatera Utara" }) { id instansiId eselonId kind } }'),
    ).createKanwil;
    expect(old).toMatchObject({ instansiId: 1, eselonId: null, kind: 'OTHER' });

    const imipas = ok(
      await admin.gql('mutation { createInstansi(input: { code: "KEMENIMIPAS", name: "Kementerian Imigrasi dan Pemasyarakatan" }) { id } }'),
    ).createInstansi;
    const kemenkum = ok(await admin.gql('mutation { createInstansi(input: { code: "KEMENKUM", name: "Kementerian Hukum" }) { id } }')).createInstansi;
    expect(errorCode(await admin.gql('mutation { createInstansi(input: { code: "KEMENKUM", name: "Lagi" }) { id } }'))).toBe('CONFLICT');
    const dji = ok(
      await admin.gql(
        'mutation ($i: Int!) { createEselonUnit(input: { code: "DITJENIM", name: "Direktorat Jenderal Imigrasi", instansiId: $i }) { id instansiId } }',
        { i: imipas.id },
      ),
    ).createEselonUnit;
    const djp = ok(
      await admin.gql(
        'mutation ($i: Int!) { createEselonUnit(input: { code: "DITJENPAS", name: "Direktorat Jenderal Pemasyarakatan", instansiId: $i }) { id } }',
        { i: imipas.id },
      ),
    ).createEselonUnit;
    // an Eselon I unit of another instansi is refused, and nothing is created
    expect(
      errorCode(
        await admin.gql('mutation ($i: Int!, $e: Int!) { createKanwil(input: { code: "KW-X", name: "X", instansiId: $i, eselonId: $e }) { id } }', {
          i: kemenkum.id,
          e: dji.id,
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    const kwIm = ok(
      await admin.gql(
        'mutation ($i: Int!, $e: Int!) { createKanwil(input: { code: "KW-IM-SU", name: "Kanwil Ditjen Imigrasi Sumatera Utara", instansiId: $i, eselonId: $e }) { id kind eselonId } }',
        { i: imipas.id, e: dji.id },
      ),
    ).createKanwil;
    expect(kwIm).toMatchObject({ kind: 'DITJEN', eselonId: dji.id });
    const kwPas = ok(
      await admin.gql(
        'mutation ($i: Int!, $e: Int!) { createKanwil(input: { code: "KW-PAS-SU", name: "Kanwil Ditjen Pemasyarakatan Sumatera Utara", instansiId: $i, eselonId: $e, kind: DITJEN }) { id } }',
        { i: imipas.id, e: djp.id },
      ),
    ).createKanwil;
    const kwKum = ok(
      await admin.gql(
        'mutation ($i: Int!) { createKanwil(input: { code: "KW-KUM-SU", name: "Kanwil Kementerian Hukum Sumatera Utara", instansiId: $i, kind: KEMENTERIAN }) { id } }',
        { i: kemenkum.id },
      ),
    ).createKanwil;
    // the Kanwil office as a ZI unit of its own
    const office = ok(
      await admin.gql(
        'mutation ($k: Int!) { createSatker(input: { code: "KUM-SU", name: "Kantor Wilayah Kementerian Hukum Sumatera Utara", kind: KANWIL, kanwilId: $k }) { id kind } }',
        { k: kwKum.id },
      ),
    ).createSatker;
    expect(office.kind).toBe('KANWIL');
    const placed = ok(
      await admin.gql('mutation ($id: Int!, $i: Int!) { placeKanwil(id: $id, input: { instansiId: $i, kind: KEMENTERIAN }) { instansiId kind eselonId } }', {
        id: old.id,
        i: kemenkum.id,
      }),
    ).placeKanwil;
    expect(placed).toEqual({ instansiId: kemenkum.id, kind: 'KEMENTERIAN', eselonId: null });

    // lineage: Kanim Polonia under the former Kanwil → Kanim Polonia under Kanwil Ditjen Imigrasi
    const before = ok(
      await admin.gql(
        'mutation ($k: Int!) { createSatker(input: { code: "KUMHAM-IMI-POLONIA", name: "Kanim Polonia (Kemenkumham)", kind: KANIM, kanwilId: $k, validUntil: "2024-12-31" }) { id } }',
        { k: old.id },
      ),
    ).createSatker;
    ok(
      await admin.gql(
        'mutation ($s: Int!) { addPredicate(satkerId: $s, input: { predicate: WBK, year: 2020, decreeNumber: "KEP-2020", decreeDate: "2020-12-10" }) { id } }',
        { s: before.id },
      ),
    );
    expect(
      errorCode(
        await admin.gql(
          'mutation ($k: Int!) { createSatker(input: { code: "BAD-DATES", name: "X", kind: KANIM, kanwilId: $k, validFrom: "2025-01-01", validUntil: "2024-01-01" }) { id } }',
          { k: kwIm.id },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const after = ok(
      await admin.gql(
        'mutation ($k: Int!, $p: Int!) { createSatker(input: { code: "IMI-POLONIA", name: "Kanim Kelas I Khusus TPI Medan (Polonia)", kind: KANIM, kanwilId: $k, predecessorId: $p, validFrom: "2025-01-01" }) { id predecessorId validFrom } }',
        { k: kwIm.id, p: before.id },
      ),
    ).createSatker;
    expect(after).toMatchObject({ predecessorId: before.id, validFrom: '2025-01-01' });
    const view = ok(
      await admin.gql('query ($id: Int!) { satker(id: $id) { holdsWbk predicates { predicate year satkerId awardedBy } } }', { id: after.id }),
    ).satker;
    expect(view).toEqual({ holdsWbk: true, predicates: [{ predicate: 'WBK', year: 2020, satkerId: before.id, awardedBy: 'TPN' }] });
    // no loops: the predecessor may not continue its own successor
    expect(
      errorCode(
        await admin.gql('mutation ($id: Int!, $p: Int!) { updateSatker(id: $id, input: { predecessorId: $p }) { id } }', { id: before.id, p: after.id }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(ok(await admin.gql('query ($id: Int!) { satker(id: $id) { predecessorId } }', { id: before.id })).satker.predecessorId).toBeNull();

    // a revocation of the predecessor's WBK bans the successor for two years; WBK no longer held
    const em = server.handle.orm.em.fork();
    await em.nativeUpdate(PredicateHistory, { satker: before.id }, { revoked: true, revokedAt: '2025-03-10' });
    expect(await predicateFacts(em, after.id)).toEqual({ hasWbk: false, banUntil: '2027-03-10' });
    expect(await predicateFacts(em, office.id)).toEqual({ hasWbk: false, banUntil: null });
    expect(await predecessorPencanangan(em, after.id)).toEqual([]);
    expect((await em.findOneOrFail(Satker, after.id)).predecessor?.id).toBe(before.id);

    // the instansi's own team (TPM) awards WBK only, with a decree; it counts as WBK
    expect(
      errorCode(
        await admin.gql(
          'mutation ($s: Int!) { addPredicate(satkerId: $s, input: { predicate: WBBM, year: 2025, decreeNumber: "K", decreeDate: "2025-12-01", awardedBy: TPM }) { id } }',
          { s: office.id },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await admin.gql('mutation ($s: Int!) { addPredicate(satkerId: $s, input: { predicate: WBK, year: 2025, awardedBy: TPM }) { id } }', { s: office.id }),
      ),
    ).toBe('BAD_USER_INPUT');
    const tpm = ok(
      await admin.gql(
        'mutation ($s: Int!) { addPredicate(satkerId: $s, input: { predicate: WBK, year: 2025, decreeNumber: "SK.ITJEN-1/2025", decreeDate: "2025-11-20", awardedBy: TPM }) { awardedBy } }',
        { s: office.id },
      ),
    ).addPredicate;
    expect(tpm.awardedBy).toBe('TPM');
    expect(ok(await admin.gql('query ($id: Int!) { satker(id: $id) { holdsWbk } }', { id: office.id })).satker.holdsWbk).toBe(true);

    // a head scoped to the Ditjen Imigrasi acts on every Kanwil of that Ditjen and on nothing else
    expect(
      errorCode(
        await admin.gql('mutation { createUser(input: { username: "x", displayName: "X", password: "rahasia-123", roles: [{ role: KANWIL_HEAD }] }) { id } }'),
      ),
    ).toBe('BAD_USER_INPUT');
    const created = ok(
      await admin.gql(
        'mutation ($e: Int!) { createUser(input: { username: "pembina.imi", displayName: "Pembina Ditjen Imigrasi", password: "rahasia-123", roles: [{ role: KANWIL_HEAD, eselonId: $e }] }) { roles { role eselonId kanwilId } } }',
        { e: dji.id },
      ),
    ).createUser;
    expect(created.roles).toEqual([{ role: 'KANWIL_HEAD', eselonId: dji.id, kanwilId: null }]);
    const pembina = await loginAs(server, 'pembina.imi', 'rahasia-123');
    expect(ok(await pembina.gql('{ kanwils { code } }')).kanwils).toEqual([{ code: 'KW-IM-SU' }]);
    expect(ok(await pembina.gql('{ satkers { code } }')).satkers).toEqual([{ code: 'IMI-POLONIA' }]);
    ok(
      await pembina.gql('mutation ($k: Int!) { createSatker(input: { code: "RUDENIM-MEDAN", name: "Rudenim Medan", kind: RUDENIM, kanwilId: $k }) { id } }', {
        k: kwIm.id,
      }),
    );
    expect(
      errorCode(
        await pembina.gql('mutation ($k: Int!) { createSatker(input: { code: "LAPAS-X", name: "Lapas X", kind: LAPAS, kanwilId: $k }) { id } }', {
          k: kwPas.id,
        }),
      ),
    ).toBe('FORBIDDEN');
    // an instansi-wide viewer reads all three Ditjen/ministry Kanwil of Kemenimipas only
    ok(
      await admin.gql(
        'mutation ($i: Int!) { createUser(input: { username: "itjen.imipas", displayName: "Itjen", password: "rahasia-123", roles: [{ role: VIEWER, instansiId: $i }] }) { id } }',
        { i: imipas.id },
      ),
    );
    const viewer = await loginAs(server, 'itjen.imipas', 'rahasia-123');
    expect(
      ok(await viewer.gql('{ kanwils { code } }'))
        .kanwils.map((k: { code: string }) => k.code)
        .sort(),
    ).toEqual(['KW-IM-SU', 'KW-PAS-SU']);
    expect(
      errorCode(
        await viewer.gql('mutation ($k: Int!) { createSatker(input: { code: "LAPAS-Y", name: "Lapas Y", kind: LAPAS, kanwilId: $k }) { id } }', {
          k: kwPas.id,
        }),
      ),
    ).toBe('FORBIDDEN');

    const tree = ok(await admin.gql('{ instansiList { code } eselonUnits { code instansiId } }'));
    expect(tree.instansiList.map((i: { code: string }) => i.code).sort()).toEqual(['INSTANSI', 'KEMENIMIPAS', 'KEMENKUM']);
    expect(tree.eselonUnits).toHaveLength(2);
  });
});
