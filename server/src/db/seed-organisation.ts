/**
 * Demo organisation as it is in 2026 (issue 15 item 5, DOMAIN §10), added around the classic demo Kanwil:
 *  - the default instansi is the former Kementerian Hukum dan HAM; the demo Kanwil (KW-DEMO, with its 2020–2021
 *    predicates and the demo 2026 workflow) is its Kanwil Kemenkumham;
 *  - Kementerian Imigrasi dan Pemasyarakatan with its Eselon I units (Ditjen Imigrasi, Ditjen Pemasyarakatan,
 *    Itjen), a Kanwil Ditjen Imigrasi (Kanim of several classes, Rudenim) and a Kanwil Ditjen Pemasyarakatan (Lapas,
 *    Rutan, Bapas, LPKA, Rupbasan); each of their units continues a unit of the former Kanwil (lineage), so the
 *    predicates and the revocation ban of Lapas Medan follow it;
 *  - Kementerian Hukum with its Kanwil, the Kanwil office itself being a ZI unit;
 *  - users scoped to the Eselon I units and the instansi.
 */
import type { EntityManager } from '@mikro-orm/knex';
import { DEFAULT_INSTANSI_ID, EselonUnit, Instansi, Kanwil, KanwilKind, Satker, SatkerKind } from '../modules/org/entities';
import { RoleAssignment, User } from '../modules/user/entities';
import { AnswerLevel, Role, SubmissionStatus } from '../common/enums';
import { Answer } from '../modules/answer/entities';
import type { Period } from '../modules/period/entities';
import { DeskTeam, ReviewRouteConfig } from '../modules/route/entities';
import { Submission } from '../modules/submission/entities';

/** The day the reorganised units took over (Kabinet Merah Putih, Oct 2024). */
export const REORGANISED_ON = '2024-10-21';

interface Successor {
  code: string;
  name: string;
  kind: SatkerKind;
  /** code of the unit in the former Kanwil Kemenkumham (KW-DEMO) it continues */
  from: string;
}

const IMIGRASI: Successor[] = [
  { code: 'DJI-KANIM-MEDAN', name: 'Kantor Imigrasi Kelas I Khusus TPI Medan', kind: SatkerKind.KANIM, from: 'IMI-MEDAN' },
  { code: 'DJI-KANIM-POLONIA', name: 'Kantor Imigrasi Kelas I TPI Polonia', kind: SatkerKind.KANIM, from: 'IMI-POLONIA' },
  { code: 'DJI-KANIM-BELAWAN', name: 'Kantor Imigrasi Kelas II TPI Belawan', kind: SatkerKind.KANIM, from: 'IMI-BELAWAN' },
  { code: 'DJI-KANIM-TPINANG', name: 'Kantor Imigrasi Kelas I TPI Tanjungpinang', kind: SatkerKind.KANIM, from: 'IMI-TPINANG' },
  { code: 'DJI-KANIM-BATAM', name: 'Kantor Imigrasi Kelas I Khusus TPI Batam', kind: SatkerKind.KANIM, from: 'IMI-BATAM' },
  { code: 'DJI-KANIM-TARAKAN', name: 'Kantor Imigrasi Kelas II TPI Tarakan', kind: SatkerKind.KANIM, from: 'IMI-TARAKAN' },
  { code: 'DJI-KANIM-PATI', name: 'Kantor Imigrasi Kelas I Non TPI Pati', kind: SatkerKind.KANIM, from: 'IMI-PATI' },
  { code: 'DJI-KANIM-BANGGAI', name: 'Kantor Imigrasi Kelas II Non TPI Banggai', kind: SatkerKind.KANIM, from: 'IMI-BANGGAI' },
  { code: 'DJI-RUDENIM-MEDAN', name: 'Rumah Detensi Imigrasi Medan', kind: SatkerKind.RUDENIM, from: 'IMI-RUDENIM-MEDAN' },
  { code: 'DJI-RUDENIM-TPINANG', name: 'Rumah Detensi Imigrasi Pusat Tanjungpinang', kind: SatkerKind.RUDENIM, from: 'IMI-RUDENIM-TPINANG' },
];

const PEMASYARAKATAN: Successor[] = [
  { code: 'DJP-LAPAS-MEDAN', name: 'Lembaga Pemasyarakatan Kelas I Medan', kind: SatkerKind.LAPAS, from: 'PAS-LAPAS-MEDAN' },
  { code: 'DJP-LAPAS-BINJAI', name: 'Lembaga Pemasyarakatan Kelas IIA Binjai', kind: SatkerKind.LAPAS, from: 'PAS-LAPAS-BINJAI' },
  { code: 'DJP-LPP-MEDAN', name: 'Lembaga Pemasyarakatan Perempuan Kelas IIA Medan', kind: SatkerKind.LAPAS, from: 'PAS-LPP-MEDAN' },
  { code: 'DJP-LAPAS-SIANTAR', name: 'Lembaga Pemasyarakatan Narkotika Kelas IIA Pematangsiantar', kind: SatkerKind.LAPAS, from: 'PAS-LAPAS-SIANTAR' },
  { code: 'DJP-RUTAN-MEDAN', name: 'Rumah Tahanan Negara Kelas I Medan', kind: SatkerKind.RUTAN, from: 'PAS-RUTAN-MEDAN' },
  { code: 'DJP-RUTAN-TPINANG', name: 'Rumah Tahanan Negara Kelas I Tanjungpinang', kind: SatkerKind.RUTAN, from: 'PAS-RUTAN-TPINANG' },
  { code: 'DJP-RUTAN-SIDIKALANG', name: 'Rumah Tahanan Negara Kelas IIB Sidikalang', kind: SatkerKind.RUTAN, from: 'PAS-RUTAN-SIDIKALANG' },
  { code: 'DJP-BAPAS-MEDAN', name: 'Balai Pemasyarakatan Kelas I Medan', kind: SatkerKind.BAPAS, from: 'PAS-BAPAS-MEDAN' },
  { code: 'DJP-BAPAS-SIBOLGA', name: 'Balai Pemasyarakatan Kelas II Sibolga', kind: SatkerKind.BAPAS, from: 'PAS-BAPAS-SIBOLGA' },
  { code: 'DJP-LPKA-MEDAN', name: 'Lembaga Pembinaan Khusus Anak Kelas I Medan', kind: SatkerKind.LPKA, from: 'PAS-LPKA-MEDAN' },
  { code: 'DJP-RUPBASAN-MEDAN', name: 'Rumah Penyimpanan Benda Sitaan Negara Kelas I Medan', kind: SatkerKind.RUPBASAN, from: 'PAS-RUPBASAN-MEDAN' },
];

/** Demo accounts of the 2026 organisation (password DEMO_PASSWORD, like the others). */
export const ORG_DEMO_USERS = [
  { username: 'pembina.imigrasi', displayName: 'Pembina ZI Ditjen Imigrasi', role: Role.KANWIL_HEAD, eselon: 'DITJENIM' },
  { username: 'pembina.pas', displayName: 'Pembina ZI Ditjen Pemasyarakatan', role: Role.KANWIL_HEAD, eselon: 'DITJENPAS' },
  { username: 'itjen.imipas', displayName: 'Inspektorat Jenderal Kemenimipas (pengamat)', role: Role.VIEWER, instansi: 'KEMENIMIPAS' },
  { username: 'kakanwil.kemenkum', displayName: 'Kepala Kanwil Kementerian Hukum Sumatera Utara', role: Role.KANWIL_HEAD, kanwil: 'KW-KEMENKUM-DEMO' },
  // the reviewer of the Eselon I step of Kemenimipas' 2026 route (seedReviewRoute2026)
  { username: 'penilai.ditjenim', displayName: 'Tim Penilai ZI Ditjen Imigrasi', role: Role.ESELON_REVIEWER, eselon: 'DITJENIM' },
] as const;

/**
 * Kemenimipas' 2026 route runs through the Eselon I pembina (SELF → KANWIL → ESELON_I → TPI → TPN); one of its units
 * waits in the Eselon I step with its unit's, the Kanwil's and the Eselon I's answers, for penilai.ditjenim to try.
 * The answers are those of a complete demo submission of the same period.
 */
export async function seedReviewRoute2026(em: EntityManager, opts: { period: Period; now: Date }): Promise<void> {
  const { period, now } = opts;
  const imipas = await em.findOneOrFail(Instansi, { code: 'KEMENIMIPAS' });
  em.create(ReviewRouteConfig, { period, instansi: imipas, eselonStep: true, deskTeam: DeskTeam.TPI, updatedAt: now });
  const source = await em.findOne(Submission, { period, status: SubmissionStatus.IN_DESK_REVIEW }, { orderBy: { id: 'asc' } });
  if (!source) return;
  const self = await em.find(Answer, { submission: source, level: AnswerLevel.SELF });
  const satker = await em.findOneOrFail(Satker, { code: 'DJI-KANIM-MEDAN' });
  const sub = em.create(Submission, {
    satker,
    period,
    target: 'WBK',
    status: SubmissionStatus.ESELON_I_REVIEW,
    round: 1,
    pencananganDate: '2025-02-10',
    createdAt: new Date(now.getTime() - 40 * 86_400_000),
    updatedAt: new Date(now.getTime() - 2 * 86_400_000),
    version: 1,
  });
  await em.flush();
  for (const level of [AnswerLevel.SELF, AnswerLevel.KANWIL, AnswerLevel.ESELON_I])
    for (const a of self)
      em.create(Answer, { submission: sub, soalId: a.soalId, level, valueJson: a.valueJson, note: null, updatedAt: now, version: 1 } as never);
  await em.flush();
}

/** Adds the 2026 organisation; runs inside the demo seed's transaction, after the demo Kanwil and its units exist. */
export async function seedOrganisation2026(em: EntityManager, opts: { passwordHash: string; now: Date }): Promise<void> {
  const { now } = opts;
  const former = await em.findOneOrFail(Instansi, DEFAULT_INSTANSI_ID);
  former.name = 'Kementerian Hukum dan HAM (sebelum reorganisasi 2024)';
  const demo = await em.findOneOrFail(Kanwil, { code: 'KW-DEMO' });
  demo.kind = KanwilKind.KEMENTERIAN;

  const imipas = em.create(Instansi, { code: 'KEMENIMIPAS', name: 'Kementerian Imigrasi dan Pemasyarakatan', createdAt: now });
  const kemenkum = em.create(Instansi, { code: 'KEMENKUM', name: 'Kementerian Hukum', createdAt: now });
  const dji = em.create(EselonUnit, { code: 'DITJENIM', name: 'Direktorat Jenderal Imigrasi', instansi: imipas, createdAt: now });
  const djp = em.create(EselonUnit, { code: 'DITJENPAS', name: 'Direktorat Jenderal Pemasyarakatan', instansi: imipas, createdAt: now });
  em.create(EselonUnit, { code: 'ITJEN-IMIPAS', name: 'Inspektorat Jenderal Kementerian Imigrasi dan Pemasyarakatan', instansi: imipas, createdAt: now });
  em.create(EselonUnit, { code: 'ITJEN-KEMENKUM', name: 'Inspektorat Jenderal Kementerian Hukum', instansi: kemenkum, createdAt: now });

  const kwImi = em.create(Kanwil, {
    code: 'KW-DJI-DEMO',
    name: 'Kanwil Direktorat Jenderal Imigrasi (data contoh)',
    instansi: imipas,
    eselon: dji,
    kind: KanwilKind.DITJEN,
    createdAt: now,
  });
  const kwPas = em.create(Kanwil, {
    code: 'KW-DJP-DEMO',
    name: 'Kanwil Direktorat Jenderal Pemasyarakatan (data contoh)',
    instansi: imipas,
    eselon: djp,
    kind: KanwilKind.DITJEN,
    createdAt: now,
  });
  const kwKum = em.create(Kanwil, {
    code: 'KW-KEMENKUM-DEMO',
    name: 'Kanwil Kementerian Hukum Sumatera Utara (data contoh)',
    instansi: kemenkum,
    kind: KanwilKind.KEMENTERIAN,
    createdAt: now,
  });
  // the Kanwil Kementerian Hukum is itself a ZI unit, desk-evaluated by its ministry's Itjen
  em.create(Satker, {
    code: 'KEMENKUM-KANWIL-SUMUT',
    name: 'Kantor Wilayah Kementerian Hukum Sumatera Utara',
    kind: SatkerKind.KANWIL,
    kanwil: kwKum,
    validFrom: REORGANISED_ON,
    createdAt: now,
  });

  const formerUnits = new Map((await em.find(Satker, { kanwil: demo })).map((s) => [s.code, s]));
  for (const [kanwil, division, list] of [
    [kwImi, 'Imigrasi', IMIGRASI],
    [kwPas, 'Pemasyarakatan', PEMASYARAKATAN],
  ] as const) {
    for (const u of list) {
      em.create(Satker, {
        code: u.code,
        name: u.name,
        kind: u.kind,
        division,
        kanwil,
        predecessor: formerUnits.get(u.from) ?? null,
        validFrom: REORGANISED_ON,
        createdAt: now,
      });
    }
  }

  const instansiByCode = { KEMENIMIPAS: imipas };
  const eselonByCode = { DITJENIM: dji, DITJENPAS: djp };
  const kanwilByCode = { 'KW-KEMENKUM-DEMO': kwKum };
  for (const du of ORG_DEMO_USERS) {
    const user = em.create(User, {
      username: du.username,
      displayName: du.displayName,
      passwordHash: opts.passwordHash,
      active: true,
      locale: 'id',
      createdAt: now,
    });
    em.create(RoleAssignment, {
      user,
      role: du.role,
      instansi: 'instansi' in du ? instansiByCode[du.instansi] : null,
      eselon: 'eselon' in du ? eselonByCode[du.eselon] : null,
      kanwil: 'kanwil' in du ? kanwilByCode[du.kanwil] : null,
      satker: null,
    });
  }
  await em.flush();
}
