/**
 * The TPN stage's sub-steps (DOMAIN §10, issue 15 item 4), as pure rules:
 * administrative selection (lulus / lulus dengan catatan / tidak lulus) → one objection (sanggah) per unit within
 * its window → desk and field evaluation (field answers laid over the TPI's where they differ) → panel → result;
 * and the ranking of a ministry's candidates against its yearly quota.
 */

export const TPN_SUBSTAGES = ['ADMIN_SELECTION', 'SANGGAH', 'DESK', 'FIELD', 'PANEL', 'RESULT'] as const;
export type TpnSubstage = (typeof TPN_SUBSTAGES)[number];

export const ADMIN_SELECTION_OUTCOMES = ['LULUS', 'LULUS_DENGAN_CATATAN', 'TIDAK_LULUS'] as const;
export type AdminSelectionOutcome = (typeof ADMIN_SELECTION_OUTCOMES)[number];

export const ADMIN_SELECTION_LABELS: Record<AdminSelectionOutcome, { id: string; en: string }> = {
  LULUS: { id: 'Lulus', en: 'Passed' },
  LULUS_DENGAN_CATATAN: { id: 'Lulus dengan catatan', en: 'Passed with notes' },
  TIDAK_LULUS: { id: 'Tidak lulus', en: 'Not passed' },
};

/** Passing units go on to desk evaluation (and send the TPI-reviewed LKE as Excel). */
export function passesAdminSelection(outcome: AdminSelectionOutcome | null | undefined): boolean {
  return outcome === 'LULUS' || outcome === 'LULUS_DENGAN_CATATAN';
}

/** The problems with recording an administrative selection (empty = fine). */
export function adminSelectionProblems(outcome: AdminSelectionOutcome, notes: string | null | undefined): string[] {
  if (outcome !== 'LULUS' && !notes?.trim()) return [`Hasil seleksi administrasi "${ADMIN_SELECTION_LABELS[outcome].id}" wajib disertai catatan`];
  return [];
}

export interface SanggahRequest {
  /** The unit's administrative selection outcome (a sanggah answers a result the unit disputes). */
  outcome: AdminSelectionOutcome | null;
  /** Sanggah the unit already filed in this period (one is allowed). */
  alreadyFiled: number;
  /** Last moment of the objection window (end of the day the circular names, as an instant). */
  deadline: Date | null;
  now: Date;
  reason: string | null | undefined;
  evidenceCount: number;
}

/** Why a sanggah cannot be filed now (empty = it can). Codes match the API's error codes. */
export function sanggahProblems(r: SanggahRequest): { code: 'INVALID_STATE' | 'CONFLICT' | 'DEADLINE_PASSED' | 'BAD_USER_INPUT'; message: string }[] {
  const out: { code: 'INVALID_STATE' | 'CONFLICT' | 'DEADLINE_PASSED' | 'BAD_USER_INPUT'; message: string }[] = [];
  if (r.outcome == null) out.push({ code: 'INVALID_STATE', message: 'Hasil seleksi administrasi belum diumumkan' });
  else if (r.outcome === 'LULUS') out.push({ code: 'INVALID_STATE', message: 'Unit lulus seleksi administrasi tanpa catatan: tidak ada yang disanggah' });
  if (r.alreadyFiled > 0) out.push({ code: 'CONFLICT', message: 'Sanggahan hanya dapat diajukan satu kali' });
  if (!r.deadline) out.push({ code: 'INVALID_STATE', message: 'Masa sanggah belum ditetapkan' });
  else if (r.now.getTime() > r.deadline.getTime())
    out.push({ code: 'DEADLINE_PASSED', message: `Masa sanggah berakhir ${r.deadline.toISOString().slice(0, 10)}` });
  if (!r.reason?.trim()) out.push({ code: 'BAD_USER_INPUT', message: 'Alasan sanggahan wajib diisi' });
  if (r.evidenceCount < 1) out.push({ code: 'BAD_USER_INPUT', message: 'Sanggahan wajib disertai bukti dukung' });
  return out;
}

/** The end of a deadline day in Jakarta time (WIB, UTC+7): a date-only deadline closes at 23:59:59.999 WIB. */
export function endOfDayWib(isoDate: string): Date {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1) - 7 * 3600_000 - 1);
}

/** Field answers replace the TPI's where they differ; items the field team did not assess keep the TPI answer. */
export function layFieldOverTpi<V>(tpi: Readonly<Record<number, V>>, field: Readonly<Record<number, V | null | undefined>>): Record<number, V> {
  const out: Record<number, V> = { ...tpi };
  for (const [k, v] of Object.entries(field)) if (v !== null && v !== undefined) out[Number(k)] = v;
  return out;
}

export interface QuotaCandidate {
  id: number;
  /** The score the ranking uses (TPN where recorded, else TPI). */
  score: number;
  /** Administrative selection outcome (candidates not passing are listed but never within the quota). */
  outcome?: AdminSelectionOutcome | null;
  /** Tie-breaker: earlier nomination first (ISO date-time). */
  nominatedAt?: string | null;
}

export interface QuotaRank {
  id: number;
  /** 1-based rank among the eligible candidates; null for those out of the competition. */
  rank: number | null;
  withinQuota: boolean;
}

/**
 * Ranks an instansi's candidates against its quota: eligible candidates (not failed at administrative selection)
 * by score, highest first (ties: earlier nomination, then id); the first `quota` are within it. Null quota = no
 * limit. Failed candidates follow, unranked.
 */
export function rankAgainstQuota(candidates: readonly QuotaCandidate[], quota: number | null): QuotaRank[] {
  const inRace = candidates.filter((c) => c.outcome !== 'TIDAK_LULUS');
  const out = candidates.filter((c) => c.outcome === 'TIDAK_LULUS');
  const sorted = [...inRace].sort((a, b) => b.score - a.score || (a.nominatedAt ?? '').localeCompare(b.nominatedAt ?? '') || a.id - b.id);
  return [
    ...sorted.map((c, i) => ({ id: c.id, rank: i + 1, withinQuota: quota == null || i < quota })),
    ...out.sort((a, b) => a.id - b.id).map((c) => ({ id: c.id, rank: null, withinQuota: false })),
  ];
}

/** The TPN's evaluation steps after the administrative selection, in order: desk, field (visit), panel. */
export const TPN_EVALUATION_STEPS = ['DESK', 'FIELD', 'PANEL'] as const;
export type TpnEvaluationStep = (typeof TPN_EVALUATION_STEPS)[number];

export const TPN_STEP_LABELS: Record<TpnEvaluationStep, { id: string; en: string }> = {
  DESK: { id: 'Evaluasi dokumen (desk)', en: 'Desk evaluation' },
  FIELD: { id: 'Evaluasi lapangan', en: 'Field evaluation' },
  PANEL: { id: 'Panel', en: 'Panel' },
};

/** What is recorded of a nominated submission's TPN stage. */
export interface TpnProgressFacts {
  adminOutcome: AdminSelectionOutcome | null;
  sanggahFiled: boolean;
  /** Evaluation steps recorded so far. */
  steps: readonly TpnEvaluationStep[];
  /** The TPN outcome (awarded / not awarded) is recorded. */
  resultRecorded: boolean;
}

/**
 * Why an evaluation step cannot be recorded now (empty = it can): only for a unit that passed the administrative
 * selection, each step after the one before it (desk → field → panel), never once the result is recorded.
 */
export function tpnStepProblems(step: TpnEvaluationStep, f: TpnProgressFacts): string[] {
  if (f.resultRecorded) return ['Hasil TPN sudah dicatat: tahapan evaluasi tidak dapat diubah'];
  if (f.adminOutcome == null) return ['Hasil seleksi administrasi belum dicatat'];
  if (!passesAdminSelection(f.adminOutcome)) return ['Unit tidak lulus seleksi administrasi: tidak ada evaluasi TPN'];
  const i = TPN_EVALUATION_STEPS.indexOf(step);
  const before = TPN_EVALUATION_STEPS[i - 1];
  if (before && !f.steps.includes(before)) return [`${TPN_STEP_LABELS[step].id} dicatat setelah ${TPN_STEP_LABELS[before].id.toLowerCase()}`];
  return [];
}

/** The sub-stage a nominated submission is at: the first one not yet done (RESULT once the outcome is recorded or every step is). */
export function currentTpnSubstage(f: TpnProgressFacts): TpnSubstage {
  if (f.resultRecorded) return 'RESULT';
  if (f.adminOutcome == null) return 'ADMIN_SELECTION';
  if (!passesAdminSelection(f.adminOutcome)) return f.sanggahFiled ? 'SANGGAH' : 'ADMIN_SELECTION';
  return TPN_EVALUATION_STEPS.find((s) => !f.steps.includes(s)) ?? 'RESULT';
}

/**
 * The field team's answers laid over the TPN level as it stands (TPI with the desk answers over it): only the items
 * whose field value differs are written; returns them with the value they replace.
 */
export function fieldChanges<V>(
  current: Readonly<Record<number, V | null | undefined>>,
  field: Readonly<Record<number, V | null | undefined>>,
  same: (a: V | null | undefined, b: V | null | undefined) => boolean = (a, b) => a === b,
): { soalId: number; before: V | null; after: V }[] {
  const out: { soalId: number; before: V | null; after: V }[] = [];
  for (const [k, v] of Object.entries(field)) {
    if (v === null || v === undefined) continue;
    const before = current[Number(k)] ?? null;
    if (!same(before, v)) out.push({ soalId: Number(k), before, after: v });
  }
  return out.sort((a, b) => a.soalId - b.soalId);
}
