/**
 * The nomination prerequisites (DOMAIN §4) and the eligibility on TPI scores, as one assessment the nominate
 * transition stores as a snapshot and the SPA can preview.
 */
import type { EntityManager } from '@mikro-orm/knex';
import {
  checkEligibility,
  formatFloor2,
  lhkpnCompliance,
  lhkpnItemIds,
  pencananganForRule,
  pencananganOldEnough,
  predicateFacts as lineagePredicateFacts,
  type PredicateFacts,
  SAKIP_MIN,
  SAKIP_SCALE,
  sakipMeets,
  scoreAnswers,
  deskLevelOf,
  type Eligibility,
  type Instrument,
  type Target,
} from '@pantau/shared';
import { AnswerLevel } from '../../common/enums';
import { badInput } from '../../common/errors';
import { Evidence, EvidencePurpose } from '../evidence/entities';
import { evidenceUrl } from '../evidence/service';
import { lineagePredicates, predecessorPencanangan } from '../org/lineage';
import type { Submission } from '../submission/entities';
import { surveyRecordsOf } from '../survey/records';
import { levelAnswers } from '../workflow/answers';

/** Soal ids as the LKE names them: "[113]–[120]" for a run, "[113]" for one. */
const itemRange = (ids: number[]) => (ids.length > 1 ? `[${ids[0]}]–[${ids[ids.length - 1]}]` : ids.map((id) => `[${id}]`).join(''));
export interface ChecklistInputData {
  tlhpPercent?: number | null;
  tlhpEvidenceId?: number | null;
  /** Overrides the value pre-filled from [113]–[120]. */
  lhkpnPercent?: number | null;
  lhkpnEvidenceId?: number | null;
  pencananganEvidenceId?: number | null;
  sakipGrade?: string | null;
  sakipEvidenceId?: number | null;
  sptjmEvidenceId?: number | null;
}

export type ChecklistKey = 'TLHP' | 'LHKPN' | 'PENCANANGAN' | 'SAKIP' | 'SPTJM';

export interface ChecklistItem {
  key: ChecklistKey;
  label: string;
  /** The value checked (percent, date, grade, file name). */
  value: string | number | null;
  required: string;
  met: boolean;
  /** Why the item is not met (Indonesian), null when met. */
  message: string | null;
  evidenceIds: number[];
  evidenceUrls: string[];
}

export interface NominationAssessment {
  target: Target;
  nominationDate: string;
  score: { total: number; pengungkit: number; hasil: number; completeness: number };
  eligibility: Eligibility;
  /** Threshold failures (overridable with a reason). */
  thresholdFailures: Eligibility['failures'];
  eligible: boolean;
  hasWbk: boolean;
  revocationBanUntil: string | null;
  checklist: ChecklistItem[];
  prerequisitesMissing: string[];
}

/** hasWbk and the revocation ban from the predicate history of the unit and its predecessors (lineage). */
export async function predicateFacts(em: EntityManager, satkerId: number): Promise<PredicateFacts> {
  const rows = (await lineagePredicates(em, [satkerId])).get(satkerId) ?? [];
  return lineagePredicateFacts(rows);
}

/** Eligibility on the TPI answers (survey precedence at TPI) + the prerequisite checklist, for a nomination now. */
export async function assessNomination(
  em: EntityManager,
  inst: Instrument,
  sub: Submission,
  input: ChecklistInputData,
  now = new Date(),
): Promise<NominationAssessment> {
  const target = sub.target as Target;
  const today = now.toISOString().slice(0, 10);
  const [tpi, tpm, surveys, pred, earlierPencanangan, evidence] = await Promise.all([
    levelAnswers(em, sub.id, AnswerLevel.TPI),
    levelAnswers(em, sub.id, AnswerLevel.TPM),
    surveyRecordsOf(em, sub.id),
    predicateFacts(em, sub.satker.id),
    predecessorPencanangan(em, sub.satker.id),
    em.find(Evidence, { submission: sub.id, deleted: false }, { orderBy: { id: 'asc' } }),
  ]);
  // the desk team's answers: the TPI's, or the TPM's on a route whose desk team is the instansi's own
  const desk = deskLevelOf({ TPI: tpi, TPM: tpm });
  const score = scoreAnswers(inst, desk === 'TPM' ? tpm : tpi, { level: desk, surveys });
  const eligibility = checkEligibility(score, target, { hasWbk: pred.hasWbk });
  const thresholdFailures = eligibility.failures.filter((f) => f.requirement !== 'wbk');

  const byId = new Map(evidence.map((e) => [e.id, e]));
  const pick = (id: number | null | undefined, what: string, purposes: EvidencePurpose[]): Evidence | null => {
    if (id == null) return null;
    const e = byId.get(id);
    if (!e || !purposes.includes(e.purpose)) {
      throw badInput(`Bukti ${what} (id ${id}) tidak ditemukan pada penilaian ini atau bukan jenis ${purposes.join('/')}`);
    }
    return e;
  };
  const item = (
    key: ChecklistKey,
    label: string,
    value: ChecklistItem['value'],
    required: string,
    met: boolean,
    message: string,
    ev: (Evidence | null)[],
  ): ChecklistItem => {
    const list = ev.filter((e): e is Evidence => !!e);
    return {
      key,
      label,
      value,
      required,
      met,
      message: met ? null : message,
      evidenceIds: list.map((e) => e.id),
      evidenceUrls: list.map((e) => evidenceUrl(e.id)),
    };
  };
  const prereq = [EvidencePurpose.PREREQUISITE];
  const checklist: ChecklistItem[] = [];

  // TLHP follow-up 100 %, with evidence
  const tlhpEv = pick(input.tlhpEvidenceId, 'tindak lanjut LHP', prereq);
  const tlhp = input.tlhpPercent ?? null;
  checklist.push(
    item(
      'TLHP',
      'Tindak lanjut hasil pemeriksaan (TLHP)',
      tlhp,
      '100 %',
      tlhp !== null && tlhp >= 100 - 1e-9 && !!tlhpEv,
      tlhp === null ? 'Persentase TLHP belum diisi' : tlhp < 100 - 1e-9 ? `TLHP ${formatFloor2(tlhp)} % < 100 %` : 'Bukti TLHP belum dilampirkan',
      [tlhpEv],
    ),
  );

  // LHKPN/LHKASN 100 %, pre-filled from the items of the LHKPN formulas (TPI answers; [113]–[120] in 2026); evidence =
  // the data dukung of those items
  const prefilled = lhkpnCompliance(inst, tpi);
  const lhkpnItems = lhkpnItemIds(inst);
  const lhkpn = input.lhkpnPercent ?? prefilled;
  const lhkpnEv = [
    pick(input.lhkpnEvidenceId, 'LHKPN/LHKASN', prereq),
    ...evidence.filter((e) => e.purpose === EvidencePurpose.ANSWER && e.soalId != null && lhkpnItems.includes(e.soalId)),
  ];
  checklist.push(
    item(
      'LHKPN',
      'Kepatuhan LHKPN/LHKASN',
      lhkpn,
      '100 %',
      lhkpn !== null && lhkpn >= 100 - 1e-9,
      lhkpn === null
        ? `Jumlah wajib lapor/pelapor LHKPN/LHKASN (${itemRange(lhkpnItems)}) belum lengkap`
        : `Kepatuhan LHKPN/LHKASN ${formatFloor2(lhkpn)} % < 100 %`,
      lhkpnEv,
    ),
  );

  // Pencanangan at least one year before the nomination date; a predecessor's declaration carries over (lineage)
  const pDate = pencananganForRule(sub.pencananganDate, earlierPencanangan);
  const pOk = pencananganOldEnough(pDate, today);
  checklist.push(
    item(
      'PENCANANGAN',
      'Pencanangan ZI minimal satu tahun sebelum pengusulan',
      pDate,
      `≤ ${Number(today.slice(0, 4)) - 1}${today.slice(4)}`,
      pOk,
      !pDate ? 'Tanggal pencanangan belum diisi' : `Pencanangan ${pDate} kurang dari satu tahun sebelum ${today}`,
      [pick(input.pencananganEvidenceId, 'pencanangan', prereq)],
    ),
  );

  // Internal SAKIP ≥ B (WBK) / ≥ BB (WBBM), with evidence
  const sakip = input.sakipGrade ? input.sakipGrade.trim().toUpperCase() : null;
  if (sakip && !(SAKIP_SCALE as readonly string[]).includes(sakip))
    throw badInput(`Nilai SAKIP "${input.sakipGrade}" tidak dikenal (${SAKIP_SCALE.join(', ')})`);
  const sakipEv = pick(input.sakipEvidenceId, 'SAKIP', prereq);
  checklist.push(
    item(
      'SAKIP',
      'Hasil evaluasi SAKIP internal',
      sakip,
      `≥ ${SAKIP_MIN[target]}`,
      sakipMeets(sakip, target) && !!sakipEv,
      !sakip ? 'Nilai SAKIP belum diisi' : !sakipMeets(sakip, target) ? `SAKIP ${sakip} di bawah ${SAKIP_MIN[target]}` : 'Bukti SAKIP belum dilampirkan',
      [sakipEv],
    ),
  );

  // SPTJM of the unit head uploaded
  const sptjm =
    input.sptjmEvidenceId != null
      ? pick(input.sptjmEvidenceId, 'SPTJM', [EvidencePurpose.SPTJM])
      : ([...evidence].reverse().find((e) => e.purpose === EvidencePurpose.SPTJM) ?? null);
  checklist.push(
    item('SPTJM', 'SPTJM kepala unit', sptjm ? (sptjm.title ?? `bukti ${sptjm.id}`) : null, 'diunggah', !!sptjm, 'SPTJM kepala unit belum diunggah', [sptjm]),
  );

  return {
    target,
    nominationDate: today,
    score: { total: score.total, pengungkit: score.pengungkit, hasil: score.hasil, completeness: score.completeness },
    eligibility,
    thresholdFailures,
    eligible: thresholdFailures.length === 0,
    hasWbk: pred.hasWbk,
    revocationBanUntil: pred.banUntil,
    checklist,
    prerequisitesMissing: checklist.filter((c) => !c.met).map((c) => c.message ?? c.label),
  };
}
