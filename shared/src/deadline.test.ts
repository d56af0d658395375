import { describe, expect, it } from 'vitest';
import { deadlineInForce, stageInForce, submissionDeadline } from './deadline';

const period = {
  selfAssessmentDeadline: new Date('2026-03-31T16:59:59Z'),
  kanwilReviewDeadline: new Date('2026-04-15T16:59:59Z'),
  deskEvaluationDeadline: new Date('2026-05-15T16:59:59Z'),
  nominationDeadline: new Date('2026-05-31T16:59:59Z'),
};

describe('deadline and stage in force', () => {
  it('a revision is worked within the stage of whoever returned it', () => {
    expect(stageInForce('REVISION_REQUESTED', 'KANWIL')).toBe('kanwilReview');
    expect(stageInForce('REVISION_REQUESTED', 'TPI')).toBe('deskEvaluation');
    expect(stageInForce('DRAFT')).toBe('selfAssessment');
    expect(stageInForce('DESK_EVALUATED')).toBe('nomination');
    expect(stageInForce('AWARDED')).toBeNull();
  });

  it('after a Kanwil return the deadline shown is the Kanwil review deadline (the one saving is refused on)', () => {
    expect(submissionDeadline(period, 'REVISION_REQUESTED', 'KANWIL', 1)).toEqual({ stage: 'kanwilReview', at: period.kanwilReviewDeadline });
    expect(submissionDeadline(period, 'REVISION_REQUESTED', 'TPI', 1)).toEqual({ stage: 'deskEvaluation', at: period.deskEvaluationDeadline });
  });

  it('extensions for the whole period or the unit push the deadline later, others do not', () => {
    const later = new Date('2026-04-30T16:59:59Z');
    const ext = [
      { stage: 'kanwilReview', satkerId: null, deadline: new Date('2026-04-20T16:59:59Z') },
      { stage: 'kanwilReview', satkerId: 7, deadline: later },
      { stage: 'kanwilReview', satkerId: 8, deadline: new Date('2026-06-30T16:59:59Z') },
      { stage: 'kanwilReview', satkerId: null, deadline: new Date('2026-01-01T00:00:00Z') },
    ];
    expect(deadlineInForce(period, 'kanwilReview', 7, ext)).toEqual(later);
    expect(deadlineInForce({}, 'kanwilReview', 7, ext)).toBeNull();
  });
});
