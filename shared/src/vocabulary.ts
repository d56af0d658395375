/**
 * The domain's words, ONCE: every union the server's GraphQL enums and the SPA's types are tied to, with the
 * Indonesian and English label of each value. Server enums are built from these lists (common/enums.ts); the SPA's
 * generated GraphQL types are checked against them (`satisfies`) and its locale files read the labels from here.
 */

export type Locale = 'id' | 'en';
export const LOCALES = ['id', 'en'] as const satisfies readonly Locale[];

/** A word in both languages. */
export interface Label {
  id: string;
  en: string;
}

export const ROLES = ['ADMIN', 'KANWIL_HEAD', 'COORDINATOR', 'EVALUATOR', 'VIEWER', 'ESELON_REVIEWER', 'TPM_EVALUATOR'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Which scope a role is granted on: one Kanwil (or an instansi / Eselon I unit), one unit, either of those, none,
 * exactly one Eselon I unit (the reviewer of the route's ESELON_I step) or exactly one instansi (its own evaluation
 * team, the TPM).
 */
export const ROLE_SCOPE: Record<Role, 'none' | 'kanwil' | 'satker' | 'either' | 'eselon' | 'instansi'> = {
  ADMIN: 'none',
  KANWIL_HEAD: 'kanwil',
  COORDINATOR: 'satker',
  EVALUATOR: 'none',
  VIEWER: 'either',
  ESELON_REVIEWER: 'eselon',
  TPM_EVALUATOR: 'instansi',
};

/**
 * Answer levels, one per step a review route may have (route.ts): unit (penilaian mandiri), Kanwil (penilaian
 * pendahuluan), the Eselon I pembina (optional step), the desk team — Itjen TPI or the instansi's own TPM — and TPN.
 */
export const LEVELS = ['SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPM', 'TPN'] as const;
export type Level = (typeof LEVELS)[number];

/** Stages with a deadline on the period, in the order of the cycle. */
export const STAGES = ['selfAssessment', 'kanwilReview', 'eselonReview', 'deskEvaluation', 'nomination'] as const;
export type Stage = (typeof STAGES)[number];

/** Who does the desk evaluation on a route: the Itjen's TPI, or the instansi's own team (TPM, WBK-mandiri, P5/2024). */
export const DESK_TEAMS = ['TPI', 'TPM'] as const;
export type DeskTeam = (typeof DESK_TEAMS)[number];

/** Predikat a unit aims for / holds: Wilayah Bebas dari Korupsi, Wilayah Birokrasi Bersih dan Melayani. */
export const TARGETS = ['WBK', 'WBBM'] as const;
export type Target = (typeof TARGETS)[number];
/** A predicate held (the same two words). */
export type Predicate = Target;
/** @alias TARGETS, read as the predicates held */
export const PREDICATES: readonly Predicate[] = TARGETS;

/** What the TPI recommends when it closes a desk evaluation: a predicate, or none. */
export const RECOMMENDATIONS = ['WBK', 'WBBM', 'NOT_RECOMMENDED'] as const satisfies readonly (Target | 'NOT_RECOMMENDED')[];
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const SUBMISSION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'KANWIL_REVIEWED',
  'ESELON_I_REVIEW',
  'ESELON_I_REVIEWED',
  'IN_DESK_REVIEW',
  'REVISION_REQUESTED',
  'DESK_EVALUATED',
  'NOMINATED',
  'AWARDED',
  'NOT_AWARDED',
  'WITHDRAWN',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Who returned a submission for revision. */
export const RETURNERS = ['KANWIL', 'ESELON_I', 'TPI', 'TPM'] as const;
export type ReturnedBy = (typeof RETURNERS)[number];

export const SURVEY_KINDS = ['IPAK', 'IPKP'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/**
 * Where a survey result comes from (DOMAIN §2, §8): the unit's own SPAK/SPKP rounds (INTERNAL) or an official
 * result (BPS, the TPN, or a third party the instansi appoints; official results need ≥ 30 respondents).
 */
export const SURVEY_SOURCES = ['BPS', 'TPN', 'THIRD_PARTY', 'INTERNAL'] as const;
export type SurveySource = (typeof SURVEY_SOURCES)[number];
/** Every source but the unit's own rounds is official. */
export const OFFICIAL_SURVEY_SOURCES: readonly SurveySource[] = SURVEY_SOURCES.filter((s) => s !== 'INTERNAL');

export const ROLE_LABELS: Record<Role, Label> = {
  ADMIN: { id: 'Administrator', en: 'Administrator' },
  KANWIL_HEAD: { id: 'Pimpinan Kanwil', en: 'Kanwil head' },
  COORDINATOR: { id: 'Koordinator Satker', en: 'Unit coordinator' },
  EVALUATOR: { id: 'Evaluator TPI', en: 'TPI evaluator' },
  VIEWER: { id: 'Pemantau', en: 'Viewer' },
  ESELON_REVIEWER: { id: 'Penilai Eselon I (pembina)', en: 'Eselon I reviewer (pembina)' },
  TPM_EVALUATOR: { id: 'Tim Penilai Mandiri (TPM)', en: 'Own evaluation team (TPM)' },
};

export const LEVEL_LABELS: Record<Level, Label> = {
  SELF: { id: 'Mandiri', en: 'Self' },
  KANWIL: { id: 'Kanwil', en: 'Kanwil' },
  ESELON_I: { id: 'Eselon I', en: 'Eselon I' },
  TPI: { id: 'TPI', en: 'TPI' },
  TPM: { id: 'TPM', en: 'TPM' },
  TPN: { id: 'TPN', en: 'TPN' },
};

export const DESK_TEAM_LABELS: Record<DeskTeam, Label> = {
  TPI: { id: 'TPI (Inspektorat Jenderal)', en: 'TPI (Inspectorate General)' },
  TPM: { id: 'TPM (Tim Penilai Mandiri instansi)', en: "TPM (the instansi's own evaluation team)" },
};

export const STAGE_LABELS: Record<Stage, Label> = {
  selfAssessment: { id: 'Penilaian mandiri', en: 'Self-assessment' },
  kanwilReview: { id: 'Penilaian pendahuluan Kanwil', en: 'Kanwil pre-assessment' },
  eselonReview: { id: 'Penilaian Eselon I', en: 'Eselon I review' },
  deskEvaluation: { id: 'Evaluasi desk TPI/TPM', en: 'TPI/TPM desk evaluation' },
  nomination: { id: 'Pengusulan ke TPN', en: 'Nomination to TPN' },
};

export const TARGET_LABELS: Record<Target, Label> = {
  WBK: { id: 'WBK (Wilayah Bebas dari Korupsi)', en: 'WBK (Corruption-Free Area)' },
  WBBM: { id: 'WBBM (Wilayah Birokrasi Bersih dan Melayani)', en: 'WBBM (Clean and Serving Bureaucracy Area)' },
};

export const STATUS_LABELS: Record<SubmissionStatus, Label> = {
  DRAFT: { id: 'Draf', en: 'Draft' },
  SUBMITTED: { id: 'Diajukan ke Kanwil', en: 'Submitted to Kanwil' },
  KANWIL_REVIEWED: { id: 'Lolos penilaian Kanwil', en: 'Kanwil reviewed' },
  ESELON_I_REVIEW: { id: 'Penilaian Eselon I', en: 'In Eselon I review' },
  ESELON_I_REVIEWED: { id: 'Lolos penilaian Eselon I', en: 'Eselon I reviewed' },
  IN_DESK_REVIEW: { id: 'Evaluasi desk', en: 'In desk review' },
  REVISION_REQUESTED: { id: 'Perlu perbaikan', en: 'Revision requested' },
  DESK_EVALUATED: { id: 'Selesai evaluasi desk', en: 'Desk evaluated' },
  NOMINATED: { id: 'Diusulkan ke TPN', en: 'Nominated to TPN' },
  AWARDED: { id: 'Meraih predikat', en: 'Awarded' },
  NOT_AWARDED: { id: 'Tidak meraih predikat', en: 'Not awarded' },
  WITHDRAWN: { id: 'Ditarik', en: 'Withdrawn' },
};

export const RETURNER_LABELS: Record<ReturnedBy, Label> = {
  KANWIL: { id: 'Kanwil', en: 'Kanwil' },
  ESELON_I: { id: 'Eselon I', en: 'Eselon I' },
  TPI: { id: 'TPI', en: 'TPI' },
  TPM: { id: 'TPM', en: 'TPM' },
};

export const SURVEY_SOURCE_LABELS: Record<SurveySource, Label> = {
  BPS: { id: 'BPS', en: 'BPS' },
  TPN: { id: 'TPN', en: 'TPN' },
  THIRD_PARTY: { id: 'Pihak ketiga', en: 'Third party' },
  INTERNAL: { id: 'Survei internal unit', en: "Unit's own survey" },
};

/** One language's labels of a vocabulary, as a plain record (what a locale file holds). */
export function labelsIn<K extends string>(labels: Record<K, Label>, locale: Locale): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of Object.keys(labels) as K[]) out[k] = labels[k][locale];
  return out;
}

/** `{ A: 'A', B: 'B' }` from a list of words: the runtime object a GraphQL / ORM enum is registered with. */
export function enumOf<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  const out = {} as { [K in T]: K };
  for (const v of values) (out as Record<string, string>)[v] = v;
  return Object.freeze(out);
}
