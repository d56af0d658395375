import { checkEligibility, type EligibilityOptions } from './eligibility';
import { TARGETS, type Target } from './vocabulary';
import type { AreaScore, HasilParts, ScoreResult } from './scoring';

/** One failed requirement as the outside world sees it (the score command, PortalRB-style exports). */
export interface ScoreReportFailure {
  requirement: string;
  actual: number | null;
  required: number;
  message: string;
}

/**
 * The public score summary: the score command's stdout (DESIGN "Contracts"). Exactly these keys, numbers unrounded,
 * so internal fields of ScoreResult (item values, node scores, …) can change without breaking consumers.
 */
export type ScoreReport = Pick<ScoreResult, 'total' | 'pengungkit' | 'pemenuhan' | 'reform' | 'hasil' | 'completeness'> & {
  areas: AreaScore[];
  hasilParts: HasilParts;
  eligibility: Record<Target, { eligible: boolean; failures: ScoreReportFailure[] }>;
};

export function toScoreReport(score: ScoreResult, opts: EligibilityOptions = {}): ScoreReport {
  const eligibility = {} as ScoreReport['eligibility'];
  for (const target of TARGETS) {
    const e = checkEligibility(score, target, opts);
    eligibility[target] = {
      eligible: e.eligible,
      failures: e.failures.map((f) => ({ requirement: f.requirement, actual: f.actual, required: f.required, message: f.message })),
    };
  }
  return {
    total: score.total,
    pengungkit: score.pengungkit,
    pemenuhan: score.pemenuhan,
    reform: score.reform,
    hasil: score.hasil,
    completeness: score.completeness,
    areas: score.areas.map((a) => ({
      code: a.code,
      name: a.name,
      weight: a.weight,
      pemenuhan: a.pemenuhan,
      reform: a.reform,
      score: a.score,
      percent: a.percent,
    })),
    hasilParts: {
      ipak: score.hasilParts.ipak,
      kinerja: score.hasilParts.kinerja,
      bersih: score.hasilParts.bersih,
      pelayanan: score.hasilParts.pelayanan,
    },
    eligibility,
  };
}
