/**
 * Demo data for a fresh installation (PANTAU_SEED unset or 'demo'; skipped with PANTAU_SEED=none or when the
 * database already has users or Kanwil). Deterministic: the same data on every fresh start.
 *
 * Demo accounts (password for all: DEMO_PASSWORD):
 *   admin                 ADMIN
 *   kakanwil              KANWIL_HEAD of the demo Kanwil
 *   koordinator.polonia   COORDINATOR of Kantor Imigrasi Kelas I TPI Polonia (DRAFT, editable)
 *   koordinator.banggai   COORDINATOR of Kantor Imigrasi Kelas II Non TPI Banggai (REVISION_REQUESTED)
 *   evaluator.itjen       EVALUATOR assigned to 4 submissions
 *   pengamat              VIEWER of the demo Kanwil
 *   kepala.polonia        VIEWER of Kantor Imigrasi Kelas I TPI Polonia
 * and the 2026 organisation (seed-organisation.ts): pembina.imigrasi / pembina.pas (KANWIL_HEAD of every Kanwil of
 * the Ditjen), itjen.imipas (VIEWER of Kemenimipas), kakanwil.kemenkum (KANWIL_HEAD of the Kanwil Kementerian Hukum).
 */
import type { Orm as MikroORM } from './orm';
import type { EntityManager } from '@mikro-orm/knex';
import { formulaItems, loadInstrument, type Instrument } from '@pantau/shared';
import { AnswerLevel, ReturnedBy, Role, SubmissionStatus, SurveyKindEnum, SurveySource, TargetPredicate } from '../common/enums';
import { audit } from '../common/audit';
import { Answer } from '../modules/answer/entities';
import { InstrumentVersion } from '../modules/instrument/entities';
import { Kanwil, Predicate, PredicateHistory, Satker, SatkerKind } from '../modules/org/entities';
import { Period } from '../modules/period/entities';
import { ReviewNote } from '../modules/review/entities';
import { EvaluatorAssignment, Submission } from '../modules/submission/entities';
import { SurveyResult } from '../modules/survey/entities';
import { RoleAssignment, User } from '../modules/user/entities';
import { hashPassword } from '../modules/auth/passwords';
import { seedSurveyRounds } from './seed-surveys';
import { seedOrganisation2026, seedReviewRoute2026 } from './seed-organisation';
import { seedProgressHistory, type SeededSubmission } from './seed-history';
import type { StoredSurvey } from '../modules/comparison/score-cache';

export const DEMO_PASSWORD = 'pantau-demo-2026';

export const DEMO_KANWIL = { code: 'KW-DEMO', name: 'Kanwil Demo Kementerian Hukum dan HAM (data contoh)' };

type S = SubmissionStatus;
const St = SubmissionStatus;

interface UnitSpec {
  code: string;
  name: string;
  kind: SatkerKind;
  division: string;
  status: S | null;
  target?: TargetPredicate;
  quality: number;
  predicates?: { predicate: Predicate; year: number; decreeNumber: string; decreeDate: string; revokedAt?: string; reason?: string }[];
  returnedBy?: ReturnedBy;
  evaluator?: boolean;
  /** share of items answered at SELF (DRAFT units) */
  completion?: number;
}

const IMI = 'Imigrasi';
const PAS = 'Pemasyarakatan';
const W = TargetPredicate.WBK;
const WB = TargetPredicate.WBBM;

export const DEMO_UNITS: UnitSpec[] = [
  {
    code: 'IMI-POLONIA',
    name: 'Kantor Imigrasi Kelas I TPI Polonia',
    kind: SatkerKind.KANIM,
    division: IMI,
    status: St.DRAFT,
    target: W,
    quality: 0.9,
    completion: 0.7,
  },
  {
    code: 'IMI-MEDAN',
    name: 'Kantor Imigrasi Kelas I Khusus TPI Medan',
    kind: SatkerKind.KANIM,
    division: IMI,
    status: St.NOMINATED,
    target: WB,
    quality: 0.97,
    predicates: [{ predicate: Predicate.WBK, year: 2021, decreeNumber: 'Keputusan Menteri PANRB Nomor 1170 Tahun 2021', decreeDate: '2021-12-08' }],
  },
  { code: 'IMI-BELAWAN', name: 'Kantor Imigrasi Kelas II TPI Belawan', kind: SatkerKind.KANIM, division: IMI, status: St.SUBMITTED, target: W, quality: 0.82 },
  {
    code: 'IMI-TPINANG',
    name: 'Kantor Imigrasi Kelas I TPI Tanjungpinang',
    kind: SatkerKind.KANIM,
    division: IMI,
    status: St.IN_DESK_REVIEW,
    target: W,
    quality: 0.92,
    evaluator: true,
  },
  {
    code: 'IMI-BATAM',
    name: 'Kantor Imigrasi Kelas I Khusus TPI Batam',
    kind: SatkerKind.KANIM,
    division: IMI,
    status: St.DESK_EVALUATED,
    target: WB,
    quality: 0.95,
    evaluator: true,
    predicates: [{ predicate: Predicate.WBK, year: 2023, decreeNumber: 'Keputusan Menteri PANRB Nomor 1563 Tahun 2023', decreeDate: '2023-12-14' }],
  },
  {
    code: 'IMI-TARAKAN',
    name: 'Kantor Imigrasi Kelas II TPI Tarakan',
    kind: SatkerKind.KANIM,
    division: IMI,
    status: St.DRAFT,
    target: W,
    quality: 0.6,
    completion: 0.35,
  },
  {
    code: 'IMI-PATI',
    name: 'Kantor Imigrasi Kelas I Non TPI Pati',
    kind: SatkerKind.KANIM,
    division: IMI,
    status: St.KANWIL_REVIEWED,
    target: W,
    quality: 0.88,
    evaluator: true,
  },
  {
    code: 'IMI-BANGGAI',
    name: 'Kantor Imigrasi Kelas II Non TPI Banggai',
    kind: SatkerKind.KANIM,
    division: IMI,
    status: St.REVISION_REQUESTED,
    target: W,
    quality: 0.7,
    returnedBy: ReturnedBy.KANWIL,
  },
  {
    code: 'PAS-RUTAN-TPINANG',
    name: 'Rumah Tahanan Negara Kelas I Tanjungpinang',
    kind: SatkerKind.RUTAN,
    division: PAS,
    status: St.SUBMITTED,
    target: W,
    quality: 0.78,
  },
  {
    code: 'IMI-RUDENIM-TPINANG',
    name: 'Rumah Detensi Imigrasi Pusat Tanjungpinang',
    kind: SatkerKind.RUDENIM,
    division: IMI,
    status: St.DRAFT,
    target: W,
    quality: 0.75,
    completion: 0.9,
  },
  {
    code: 'PAS-LAPAS-MEDAN',
    name: 'Lembaga Pemasyarakatan Kelas I Medan',
    kind: SatkerKind.LAPAS,
    division: PAS,
    status: St.DRAFT,
    target: W,
    quality: 0.8,
    completion: 0.55,
    predicates: [
      {
        predicate: Predicate.WBK,
        year: 2020,
        decreeNumber: 'Keputusan Menteri PANRB Nomor 1406 Tahun 2020',
        decreeDate: '2020-12-10',
        revokedAt: '2025-03-10',
        reason: 'Predikat dicabut setelah temuan pelanggaran integritas petugas',
      },
    ],
  },
  {
    code: 'PAS-LAPAS-BINJAI',
    name: 'Lembaga Pemasyarakatan Kelas IIA Binjai',
    kind: SatkerKind.LAPAS,
    division: PAS,
    status: St.IN_DESK_REVIEW,
    target: W,
    quality: 0.72,
    evaluator: true,
  },
  {
    code: 'PAS-LPP-MEDAN',
    name: 'Lembaga Pemasyarakatan Perempuan Kelas IIA Medan',
    kind: SatkerKind.LAPAS,
    division: PAS,
    status: St.SUBMITTED,
    target: W,
    quality: 0.86,
  },
  {
    code: 'PAS-LAPAS-SIANTAR',
    name: 'Lembaga Pemasyarakatan Narkotika Kelas IIA Pematangsiantar',
    kind: SatkerKind.LAPAS,
    division: PAS,
    status: St.DRAFT,
    target: W,
    quality: 0.65,
    completion: 0.2,
  },
  {
    code: 'PAS-BAPAS-MEDAN',
    name: 'Balai Pemasyarakatan Kelas I Medan',
    kind: SatkerKind.BAPAS,
    division: PAS,
    status: St.KANWIL_REVIEWED,
    target: WB,
    quality: 0.9,
    predicates: [{ predicate: Predicate.WBK, year: 2024, decreeNumber: 'Keputusan Menteri PANRB Nomor 1598 Tahun 2024', decreeDate: '2024-12-12' }],
  },
  {
    code: 'PAS-BAPAS-SIBOLGA',
    name: 'Balai Pemasyarakatan Kelas II Sibolga',
    kind: SatkerKind.BAPAS,
    division: PAS,
    status: St.DRAFT,
    target: W,
    quality: 0.7,
    completion: 0.6,
  },
  { code: 'PAS-LPKA-MEDAN', name: 'Lembaga Pembinaan Khusus Anak Kelas I Medan', kind: SatkerKind.LPKA, division: PAS, status: null, quality: 0.7 },
  {
    code: 'PAS-RUPBASAN-MEDAN',
    name: 'Rumah Penyimpanan Benda Sitaan Negara Kelas I Medan',
    kind: SatkerKind.RUPBASAN,
    division: PAS,
    status: St.DRAFT,
    target: W,
    quality: 0.6,
    completion: 0,
  },
  {
    code: 'PAS-RUTAN-MEDAN',
    name: 'Rumah Tahanan Negara Kelas I Medan',
    kind: SatkerKind.RUTAN,
    division: PAS,
    status: St.SUBMITTED,
    target: WB,
    quality: 0.93,
    predicates: [{ predicate: Predicate.WBK, year: 2022, decreeNumber: 'Keputusan Menteri PANRB Nomor 1382 Tahun 2022', decreeDate: '2022-12-07' }],
  },
  { code: 'IMI-RUDENIM-MEDAN', name: 'Rumah Detensi Imigrasi Medan', kind: SatkerKind.RUDENIM, division: IMI, status: null, quality: 0.7 },
  {
    code: 'PAS-RUTAN-SIDIKALANG',
    name: 'Rumah Tahanan Negara Kelas IIB Sidikalang',
    kind: SatkerKind.RUTAN,
    division: PAS,
    status: St.DRAFT,
    target: W,
    quality: 0.68,
    completion: 0.45,
  },
];

export const DEMO_USERS: { username: string; displayName: string; role: Role; scope?: 'kanwil' | string }[] = [
  { username: 'admin', displayName: 'Administrator Pantau ZI', role: Role.ADMIN },
  { username: 'kakanwil', displayName: 'Kepala Kanwil Demo', role: Role.KANWIL_HEAD, scope: 'kanwil' },
  { username: 'koordinator.polonia', displayName: 'Koordinator ZI Kanim Polonia', role: Role.COORDINATOR, scope: 'IMI-POLONIA' },
  { username: 'koordinator.banggai', displayName: 'Koordinator ZI Kanim Banggai', role: Role.COORDINATOR, scope: 'IMI-BANGGAI' },
  { username: 'evaluator.itjen', displayName: 'Evaluator TPI Inspektorat Jenderal', role: Role.EVALUATOR },
  { username: 'pengamat', displayName: 'Pengamat Kanwil Demo', role: Role.VIEWER, scope: 'kanwil' },
  { username: 'kepala.polonia', displayName: 'Kepala Kanim Polonia', role: Role.VIEWER, scope: 'IMI-POLONIA' },
];

/** mulberry32: small deterministic PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Plausible SELF answers for a unit of the given quality (0–1); `completion` = share of items answered. */
export function demoAnswers(inst: Instrument, seed: number, quality: number, completion = 1): Record<number, string | number | null> {
  const rnd = prng(seed);
  const out: Record<number, string | number | null> = {};
  const counts: Record<number, number> = {};
  for (const f of inst.formulas.formulas) {
    const q = clamp(quality + (rnd() - 0.5) * 0.3, 0, 1);
    if (f.kind === 'ratio') {
      let den = 0;
      for (const id of f.denominator) if (counts[id] === undefined) counts[id] = 2 + Math.floor(rnd() * 30);
      for (const id of f.denominator) den += counts[id];
      const num = Math.round(den * q);
      f.numerator.forEach((id, i) => {
        if (counts[id] === undefined) counts[id] = i === 0 ? num : 0;
      });
    } else {
      const prev = counts[f.previous] ?? Math.floor(rnd() * 6);
      counts[f.previous] = prev;
      counts[f.current] ??= Math.floor(prev * (1 - q));
    }
    for (const id of f.requires ?? []) counts[id] ??= Math.floor(rnd() * 4);
  }
  for (const item of inst.items) {
    if (completion < 1 && rnd() > completion) continue;
    if (item.type === 'COUNT') out[item.soalId] = counts[item.soalId] ?? Math.floor(rnd() * 10);
    else if (item.type === 'INDEX') {
      if (rnd() < 0.5) out[item.soalId] = Math.round((2.9 + quality * 1.05 + (rnd() - 0.5) * 0.2) * 100) / 100;
    } else {
      const q = clamp(quality + (rnd() - 0.5) * 0.5, 0, 1);
      const n = item.options.length;
      const idx = clamp(Math.floor((1 - q) * n), 0, n - 1);
      out[item.soalId] = item.options[idx].key;
    }
  }
  // formula inputs belong together: keep a formula's counts all answered or all blank
  for (const f of inst.formulas.formulas) {
    const ids = formulaItems(f);
    if (ids.some((id) => out[id] === undefined)) for (const id of ids) delete out[id];
    else for (const id of ids) out[id] = counts[id];
  }
  return out;
}

/** One step worse (a reviewer disagreeing), for letter answers. */
function downgrade(inst: Instrument, soalId: number, v: string | number | null): string | number | null {
  const item = inst.itemById[soalId];
  if (typeof v !== 'string' || !item.options.length) return v;
  const i = item.options.findIndex((o) => o.key === v);
  return item.options[Math.min(item.options.length - 1, i + 1)].key;
}

const AFTER_SUBMIT: S[] = [St.SUBMITTED, St.KANWIL_REVIEWED, St.IN_DESK_REVIEW, St.DESK_EVALUATED, St.NOMINATED, St.AWARDED, St.NOT_AWARDED];
const HAS_TPI: S[] = [St.IN_DESK_REVIEW, St.DESK_EVALUATED, St.NOMINATED, St.AWARDED, St.NOT_AWARDED];

const day = 24 * 3600 * 1000;

export async function seedDemoIfEmpty(orm: MikroORM): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(User, {})) > 0 || (await em.count(Kanwil, {})) > 0) return false;
  await seedDemo(em);
  return true;
}

export async function seedDemo(em0: EntityManager, now = new Date()): Promise<void> {
  const version = await em0.findOneOrFail(InstrumentVersion, { year: 2026, active: true }, { orderBy: { id: 'desc' } });
  const inst = loadInstrument(version.master, version.formulas);
  const hash = await hashPassword(DEMO_PASSWORD);

  await em0.transactional(async (em) => {
    const kanwil = em.create(Kanwil, { ...DEMO_KANWIL, createdAt: now });
    const period = em.create(Period, {
      year: 2026,
      name: 'Evaluasi Zona Integritas 2026',
      kanwil,
      instrumentVersion: version,
      selfAssessmentDeadline: new Date(now.getTime() + 30 * day),
      kanwilReviewDeadline: new Date(now.getTime() + 60 * day),
      deskEvaluationDeadline: new Date(now.getTime() + 90 * day),
      nominationDeadline: new Date(now.getTime() + 120 * day),
      createdAt: now,
    });
    const satkers = new Map<string, Satker>();
    for (const u of DEMO_UNITS) {
      const s = em.create(Satker, { code: u.code, name: u.name, kind: u.kind, division: u.division, kanwil, createdAt: now });
      satkers.set(u.code, s);
      for (const p of u.predicates ?? []) {
        em.create(PredicateHistory, {
          satker: s,
          predicate: p.predicate,
          year: p.year,
          decreeNumber: p.decreeNumber,
          decreeDate: p.decreeDate,
          revoked: !!p.revokedAt,
          revokedAt: p.revokedAt ?? null,
          reason: p.reason ?? null,
        });
      }
    }
    const users = new Map<string, User>();
    for (const du of DEMO_USERS) {
      const user = em.create(User, { username: du.username, displayName: du.displayName, passwordHash: hash, active: true, locale: 'id', createdAt: now });
      users.set(du.username, user);
      em.create(RoleAssignment, {
        user,
        role: du.role,
        kanwil: du.scope === 'kanwil' ? kanwil : null,
        satker: du.scope && du.scope !== 'kanwil' ? satkers.get(du.scope)! : null,
      });
    }
    await em.flush();

    const coordinatorOf = (code: string) => users.get(code === 'IMI-BANGGAI' ? 'koordinator.banggai' : 'koordinator.polonia')!;
    const answerRows: Record<string, unknown>[] = [];
    const history: SeededSubmission[] = [];
    for (const [i, u] of DEMO_UNITS.entries()) {
      if (!u.status) continue;
      const satker = satkers.get(u.code)!;
      const rnd = prng(7000 + i);
      const sub = em.create(Submission, {
        satker,
        period,
        target: u.target ?? W,
        status: u.status,
        round: u.returnedBy === ReturnedBy.TPI ? 2 : 1,
        returnedBy: u.returnedBy ?? null,
        returnReason: u.returnedBy ? RETURN_REASON : null,
        returnedAt: u.returnedBy ? new Date(now.getTime() - 3 * day) : null,
        pencananganDate:
          u.status === St.DRAFT && (u.completion ?? 1) < 0.5
            ? null
            : `2025-0${1 + Math.floor(rnd() * 6)}-${String(2 + Math.floor(rnd() * 25)).padStart(2, '0')}`,
        createdAt: new Date(now.getTime() - 60 * day),
        updatedAt: new Date(now.getTime() - 10 * day),
        version: 1,
        historyReplayed: true, // its progress history is seeded below (seed-history.ts)
      });
      await em.flush();
      const complete = u.status !== St.DRAFT;
      const self = demoAnswers(inst, 1000 + i, u.quality, complete ? 1 : (u.completion ?? 1));
      if (complete) {
        // a submitted unit answered every required item
        for (const item of inst.items)
          if (item.required && (self[item.soalId] === undefined || self[item.soalId] === null)) self[item.soalId] = item.options[0]?.key ?? 0;
      }
      const levels: [AnswerLevel, Record<number, string | number | null>, User][] = [[AnswerLevel.SELF, self, coordinatorOf(u.code)]];
      if (AFTER_SUBMIT.includes(u.status) || u.returnedBy) {
        const kan: Record<number, string | number | null> = {};
        for (const [k, v] of Object.entries(self)) kan[Number(k)] = rnd() < 0.12 ? downgrade(inst, Number(k), v) : v;
        levels.push([AnswerLevel.KANWIL, kan, users.get('kakanwil')!]);
        if (HAS_TPI.includes(u.status)) {
          const tpi: Record<number, string | number | null> = {};
          const share = u.status === St.IN_DESK_REVIEW ? 0.6 : 1;
          for (const [k, v] of Object.entries(kan)) {
            const item = inst.itemById[Number(k)];
            if (item.survey) continue; // survey results come from the recorded survey
            if (rnd() > share) continue;
            tpi[Number(k)] = rnd() < 0.1 ? downgrade(inst, Number(k), v) : v;
          }
          levels.push([AnswerLevel.TPI, tpi, users.get('evaluator.itjen')!]);
        }
      }
      const seeded: SeededSubmission = { id: sub.id, levels: Object.fromEntries(levels.map(([l, a]) => [l, a])), surveys: [] };
      history.push(seeded);
      for (const [level, answers, by] of levels) {
        for (const [k, v] of Object.entries(answers)) {
          if (v === undefined || v === null) continue;
          answerRows.push({
            submission: sub.id,
            soalId: Number(k),
            level,
            valueJson: JSON.stringify(v),
            note: level !== AnswerLevel.SELF && rnd() < 0.03 ? 'Data dukung belum lengkap; mohon dilengkapi.' : null,
            updatedBy: by.id,
            updatedAt: new Date(now.getTime() - (level === AnswerLevel.SELF ? 20 : 10) * day),
            version: 1,
          });
        }
      }
      if (([St.KANWIL_REVIEWED, St.IN_DESK_REVIEW, St.DESK_EVALUATED, St.NOMINATED] as SubmissionStatus[]).includes(u.status)) {
        const source = u.status === St.NOMINATED ? SurveySource.BPS : SurveySource.INTERNAL;
        for (const kind of [SurveyKindEnum.IPAK, SurveyKindEnum.IPKP]) {
          const survey = em.create(SurveyResult, {
            submission: sub,
            kind,
            index: Math.round(clamp(3.0 + u.quality * 0.9 + (rnd() - 0.5) * 0.3, 0, 4) * 100) / 100,
            respondents: 30 + Math.floor(rnd() * 120),
            source,
            recordedAt: new Date(now.getTime() - 15 * day),
          });
          seeded.surveys.push(survey as unknown as StoredSurvey);
        }
      }
      if (u.returnedBy) seedReturnNotes(em, inst, sub, users.get('kakanwil')!, coordinatorOf(u.code), now);
      if (u.evaluator) em.create(EvaluatorAssignment, { submission: sub, user: users.get('evaluator.itjen')!, createdAt: now });
    }
    for (let i = 0; i < answerRows.length; i += 500) await em.insertMany(Answer, answerRows.slice(i, i + 500) as never[]);
    await em.flush();
    await seedProgressHistory(em, inst, history, now);
    await seedSurveyRounds(em, { period, satkers, createdBy: users.get('kakanwil')!, rnd: prng(4242), now });
    await seedOrganisation2026(em, { passwordHash: hash, now });
    await seedReviewRoute2026(em, { period, now });
    audit(em, null, {
      action: 'seed.demo',
      objectType: 'Kanwil',
      objectId: kanwil.id,
      kanwilId: kanwil.id,
      after: { satkers: DEMO_UNITS.length, users: DEMO_USERS.map((u) => u.username) },
      reason: 'Data contoh pada instalasi baru',
    });
    await em.flush();
  });
}

const RETURN_REASON = 'Beberapa butir belum didukung data dukung yang memadai; perbaiki butir yang diberi catatan lalu ajukan kembali.';

/** The Kanwil's notes on a returned unit: open threads on three items (one answered by the unit), one resolved. */
function seedReturnNotes(em: EntityManager, inst: Instrument, sub: Submission, reviewer: User, coordinator: User, now: Date): void {
  const items = inst.items.filter((i) => !i.survey);
  const notes: [number, string, boolean, string?][] = [
    [
      items[2].soalId,
      'SK Tim Kerja ZI belum ditandatangani pimpinan unit; unggah SK yang sudah ditandatangani.',
      false,
      'SK bertanda tangan sedang diproses, akan kami unggah minggu ini.',
    ],
    [items[15].soalId, 'Notulen rapat monitoring bulanan hanya ada untuk 3 bulan; lengkapi untuk seluruh periode.', false],
    [items[40].soalId, 'Jawaban "Ya" tidak sesuai data dukung: survei internal belum dilaksanakan.', false],
    [items[7].soalId, 'Nama dokumen rencana kerja sudah diperbaiki.', true],
  ];
  for (const [i, [soalId, body, resolved, reply]] of notes.entries()) {
    const at = new Date(now.getTime() - (4 - i * 0.1) * day);
    const root = em.create(ReviewNote, {
      submission: sub,
      soalId,
      level: AnswerLevel.KANWIL,
      round: sub.round,
      author: reviewer,
      body,
      createdAt: at,
      resolved,
      resolvedBy: resolved ? reviewer : null,
      resolvedAt: resolved ? new Date(at.getTime() + day) : null,
    });
    if (reply)
      em.create(ReviewNote, {
        submission: sub,
        soalId,
        level: AnswerLevel.KANWIL,
        round: sub.round,
        author: coordinator,
        body: reply,
        createdAt: new Date(now.getTime() - day),
        resolved: false,
        parent: root,
      });
  }
}
