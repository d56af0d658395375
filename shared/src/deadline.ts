/**
 * Stage deadlines: which field of the period holds a stage's deadline, the deadline in force (the period's own,
 * pushed later by admin extensions for the whole period or one unit), and the stage a submission works within in
 * each status (during a revision: the stage of whoever returned it, the one whose deadline closes the unit's saving).
 */
import { levelWriteStage } from './workflow';
import type { ReturnedBy, Stage, SubmissionStatus } from './vocabulary';

/** The period's field holding each stage's own deadline. */
export const STAGE_DEADLINE_FIELD = {
  selfAssessment: 'selfAssessmentDeadline',
  kanwilReview: 'kanwilReviewDeadline',
  eselonReview: 'eselonReviewDeadline',
  deskEvaluation: 'deskEvaluationDeadline',
  nomination: 'nominationDeadline',
} as const satisfies Record<Stage, string>;

export type StageDeadlineField = (typeof STAGE_DEADLINE_FIELD)[Stage];

/** A period's own deadlines (null or missing = no deadline). */
export type PeriodDeadlines = Partial<Record<StageDeadlineField, Date | null>>;

/** An admin's extension of a stage deadline, for every unit (satkerId null) or one. */
export interface DeadlineExtensionLike {
  stage: Stage | string;
  satkerId: number | null;
  deadline: Date;
}

/** The deadline in force for a stage and unit: the period's own, pushed later by any extension (none = no deadline). */
export function deadlineInForce(period: PeriodDeadlines, stage: Stage, satkerId: number, extensions: readonly DeadlineExtensionLike[] = []): Date | null {
  const own = period[STAGE_DEADLINE_FIELD[stage]] ?? null;
  if (!own) return null;
  let best = own;
  for (const e of extensions) {
    if (e.stage === stage && (e.satkerId === null || e.satkerId === satkerId) && e.deadline.getTime() > best.getTime()) best = e.deadline;
  }
  return best;
}

/**
 * The stage a submission works within in a status: the one whose deadline closes its next step. A returned
 * submission is revised within the stage of whoever returned it (a Kanwil return: the Kanwil review deadline).
 */
export function stageInForce(status: SubmissionStatus, returnedBy?: ReturnedBy | null): Stage | null {
  switch (status) {
    case 'DRAFT':
    case 'REVISION_REQUESTED':
      return levelWriteStage('SELF', status, returnedBy);
    case 'SUBMITTED':
      return 'kanwilReview';
    case 'ESELON_I_REVIEW':
      return 'eselonReview';
    case 'KANWIL_REVIEWED':
    case 'ESELON_I_REVIEWED':
    case 'IN_DESK_REVIEW':
      return 'deskEvaluation';
    case 'DESK_EVALUATED':
      return 'nomination';
    default:
      return null;
  }
}

export interface DeadlineInForce {
  stage: Stage;
  at: Date;
}

/** The deadline that matters for a submission in this status (extensions included); null when none applies. */
export function submissionDeadline(
  period: PeriodDeadlines,
  status: SubmissionStatus,
  returnedBy: ReturnedBy | null | undefined,
  satkerId: number,
  extensions: readonly DeadlineExtensionLike[] = [],
): DeadlineInForce | null {
  const stage = stageInForce(status, returnedBy);
  if (!stage) return null;
  const at = deadlineInForce(period, stage, satkerId, extensions);
  return at ? { stage, at } : null;
}
