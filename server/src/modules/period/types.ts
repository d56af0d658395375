import { Field, Int, ObjectType } from 'type-graphql';
import type { Period } from './entities';

@ObjectType('Period', { description: 'One evaluation year (for one Kanwil, or global when kanwilId is null)' })
export class PeriodGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Int)
  year!: number;
  @Field()
  name!: string;
  @Field(() => Int, { nullable: true })
  kanwilId!: number | null;
  @Field(() => Int)
  instrumentVersionId!: number;
  @Field(() => Date, { nullable: true })
  selfAssessmentDeadline!: Date | null;
  @Field(() => Date, { nullable: true })
  kanwilReviewDeadline!: Date | null;
  @Field(() => Date, { nullable: true })
  deskEvaluationDeadline!: Date | null;
  @Field(() => Date, { nullable: true })
  nominationDeadline!: Date | null;
}

@ObjectType('Deadline')
export class DeadlineGql {
  @Field({ description: 'SELF_ASSESSMENT | KANWIL_REVIEW | DESK_EVALUATION | NOMINATION' })
  stage!: string;
  @Field(() => Date)
  at!: Date;
}

export const periodView = (p: Period): PeriodGql => ({
  id: p.id,
  year: p.year,
  name: p.name,
  kanwilId: p.kanwil?.id ?? null,
  instrumentVersionId: p.instrumentVersion.id,
  selfAssessmentDeadline: p.selfAssessmentDeadline ?? null,
  kanwilReviewDeadline: p.kanwilReviewDeadline ?? null,
  deskEvaluationDeadline: p.deskEvaluationDeadline ?? null,
  nominationDeadline: p.nominationDeadline ?? null,
});

const STAGES = [
  ['SELF_ASSESSMENT', 'selfAssessmentDeadline', 'selfAssessment'],
  ['KANWIL_REVIEW', 'kanwilReviewDeadline', 'kanwilReview'],
  ['DESK_EVALUATION', 'deskEvaluationDeadline', 'deskEvaluation'],
  ['NOMINATION', 'nominationDeadline', 'nomination'],
] as const;

export type StageKey = (typeof STAGES)[number][2];

/** A period deadline extension (admin, whole period or one unit): the latest one that applies wins. */
export interface ExtensionLike {
  stage: string;
  satkerId: number | null;
  deadline: Date;
}

/** The deadline in force for a stage and unit: the period's own, pushed later by any extension (none = no deadline). */
export function deadlineInForce(p: Period, stage: StageKey, satkerId: number, extensions: ExtensionLike[] = []): Date | null {
  const row = STAGES.find((s) => s[2] === stage)!;
  const own = p[row[1]] ?? null;
  if (!own) return null;
  let best = own;
  for (const e of extensions) {
    if (e.stage === stage && (e.satkerId === null || e.satkerId === satkerId) && e.deadline.getTime() > best.getTime()) best = e.deadline;
  }
  return best;
}

/**
 * The stage deadline that matters for a submission in this status (the next one still ahead of it), with
 * deadline extensions taken into account.
 */
export function nextDeadline(p: Period, status: string, now = new Date(), satkerId = 0, extensions: ExtensionLike[] = []): DeadlineGql | null {
  const stageOf: Record<string, number> = {
    DRAFT: 0,
    REVISION_REQUESTED: 2,
    SUBMITTED: 1,
    KANWIL_REVIEWED: 2,
    IN_DESK_REVIEW: 2,
    DESK_EVALUATED: 3,
  };
  const from = stageOf[status];
  if (from === undefined) return null;
  const at = (i: number) => deadlineInForce(p, STAGES[i][2], satkerId, extensions);
  for (let i = from; i < STAGES.length; i++) {
    const d = at(i);
    if (d && d.getTime() >= now.getTime()) return { stage: STAGES[i][0], at: d };
  }
  const d = at(from);
  return d ? { stage: STAGES[from][0], at: d } : null;
}
