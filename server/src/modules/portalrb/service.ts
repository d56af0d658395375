/** The PortalRB views of DOMAIN §6: nominated units of a token's Kanwil (one, or an instansi's) and one unit's answers (jawaban-unit). */
import type { EntityManager } from '@mikro-orm/knex';
import type { JawabanUnit, JawabanUnitRow } from '@pantau/shared';
import { AnswerLevel, SubmissionStatus, TargetPredicate } from '../../common/enums';
import { Answer, decodeValue } from '../answer/entities';
import { Evidence, EvidencePurpose } from '../evidence/entities';
import { evidenceUrl } from '../evidence/service';
import { instrumentOf } from '../instrument/service';
import { Nomination, NominationStatus } from '../nomination/entities';
import { RestError } from '../../common/rest-errors';
import { Satker } from '../org/entities';
import { Period } from '../period/entities';
import { Submission } from '../submission/entities';

/** Statuses PortalRB is served: nominated and later. */
export const SERVED_STATUSES: SubmissionStatus[] = [SubmissionStatus.NOMINATED, SubmissionStatus.AWARDED, SubmissionStatus.NOT_AWARDED];

/** The year asked for (`?tahun=`), or the latest period year open to the Kanwil. */
export async function resolveYear(em: EntityManager, kanwilIds: readonly number[], tahun: unknown): Promise<{ tahun: number; periodIds: number[] }> {
  const periods = await em.find(Period, { $or: [{ kanwil: null }, { kanwil: { $in: [...kanwilIds] } }] }, { orderBy: { year: 'desc', id: 'asc' } });
  let year: number;
  if (tahun === undefined || tahun === '') {
    if (!periods.length) throw new RestError('NOT_FOUND', 'Belum ada periode penilaian');
    year = periods[0].year;
  } else {
    if (typeof tahun !== 'string' || !/^\d{4}$/.test(tahun)) throw new RestError('BAD_USER_INPUT', 'Parameter tahun harus berupa tahun empat angka, mis. 2026');
    year = Number(tahun);
  }
  const periodIds = periods.filter((p) => p.year === year).map((p) => p.id);
  if (!periodIds.length) throw new RestError('NOT_FOUND', `Tidak ada periode penilaian tahun ${year}`);
  return { tahun: year, periodIds };
}

export interface PortalUnit {
  id: string;
  nama: string;
  kategori: 'WBK' | 'WBK-AFIRMASI' | 'WBBM';
  afirmasi: boolean;
}

/** Nominated-or-later submissions of the Kanwil for a year and target, with their nomination's afirmasi flag. */
export async function nominatedUnits(em: EntityManager, kanwilIds: readonly number[], periodIds: number[], target: TargetPredicate): Promise<PortalUnit[]> {
  const subs = await em.find(
    Submission,
    { period: { $in: periodIds }, target, status: { $in: SERVED_STATUSES }, satker: { kanwil: { $in: [...kanwilIds] } } },
    { populate: ['satker'], orderBy: { satker: { code: 'asc' } } },
  );
  const noms = subs.length
    ? await em.find(Nomination, { submission: { $in: subs.map((s) => s.id) }, status: { $ne: NominationStatus.WITHDRAWN } }, { orderBy: { id: 'asc' } })
    : [];
  const latest = new Map<number, Nomination>();
  for (const n of noms) latest.set(n.submission.id, n);
  return subs.map((s) => {
    const afirmasi = !!latest.get(s.id)?.afirmasi;
    const kategori = target === TargetPredicate.WBBM ? 'WBBM' : afirmasi ? 'WBK-AFIRMASI' : 'WBK';
    return { id: s.satker.code, nama: s.satker.name, kategori, afirmasi };
  });
}

/** A unit by its code (as listed) or numeric id; 404 unknown, 403 outside the token's Kanwil. */
export async function findUnit(em: EntityManager, kanwilIds: readonly number[], unitKey: string): Promise<Satker> {
  if (!unitKey || unitKey.length > 60) throw new RestError('BAD_USER_INPUT', 'unit_id tidak valid');
  let satker = await em.findOne(Satker, { code: unitKey });
  if (!satker && /^[1-9]\d{0,9}$/.test(unitKey)) satker = await em.findOne(Satker, Number(unitKey));
  if (!satker) throw new RestError('NOT_FOUND', `Unit ${unitKey} tidak ditemukan`);
  if (!kanwilIds.includes(satker.kanwil.id)) throw new RestError('FORBIDDEN', `Unit ${unitKey} bukan wewenang token ini`);
  return satker;
}

/** jawaban-unit of a nominated (or later) submission: SELF, TPI and TPN answers, notes and evidence URLs. */
export async function jawabanUnit(
  em: EntityManager,
  satker: Satker,
  periodIds: number[],
  tahun: number,
  baseUrl: string,
): Promise<JawabanUnit & { status: string }> {
  const sub = await em.findOne(Submission, { satker: satker.id, period: { $in: periodIds } }, { populate: ['period'] });
  if (!sub || !SERVED_STATUSES.includes(sub.status)) throw new RestError('NOT_FOUND', `Unit ${satker.code} belum diusulkan pada tahun ${tahun}`);
  const inst = await instrumentOf(em, sub.period.instrumentVersion.id);
  const [answers, evidence] = await Promise.all([
    em.find(Answer, { submission: sub.id }),
    em.find(Evidence, { submission: sub.id, purpose: EvidencePurpose.ANSWER, level: AnswerLevel.SELF, deleted: false }, { orderBy: { id: 'asc' } }),
  ]);
  const cell = new Map<string, Answer>();
  for (const a of answers) cell.set(`${a.level}:${a.soalId}`, a);
  const ev = new Map<number, string[]>();
  for (const e of evidence) if (e.soalId != null) (ev.get(e.soalId) ?? ev.set(e.soalId, []).get(e.soalId)!).push(baseUrl + evidenceUrl(e.id));
  const rows: JawabanUnitRow[] = inst.items.map((item) => {
    const self = cell.get(`SELF:${item.soalId}`);
    const tpi = cell.get(`TPI:${item.soalId}`);
    const tpn = cell.get(`TPN:${item.soalId}`);
    return {
      soal_id: item.soalId,
      jawaban_unit: decodeValue(self?.valueJson),
      jawaban_tpi: decodeValue(tpi?.valueJson),
      catatan_unit: self?.note ?? null,
      bukti_dukung_unit: ev.get(item.soalId) ?? [],
      catatan_tpi: tpi?.note ?? null,
      jawaban_tpn: decodeValue(tpn?.valueJson),
    };
  });
  return { unit_id: satker.code, nama_unit: satker.name, tahun, status: sub.status, answers: rows };
}
