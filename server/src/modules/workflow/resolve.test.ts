import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { SubmissionStatus } from '../../common/enums';
import { resolveTransition } from './service';

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return (e as GraphQLError).extensions?.code;
  }
};

describe('reading the shared transition table', () => {
  it('returns the transition for a legal step', () => {
    expect(resolveTransition(SubmissionStatus.DRAFT, 'submit', ['COORDINATOR']).to).toBe('SUBMITTED');
    expect(resolveTransition(SubmissionStatus.REVISION_REQUESTED, 'resubmit', ['COORDINATOR']).to).toBe('RETURNER');
  });

  it('FORBIDDEN when the step exists here for someone else, or the role never takes it', () => {
    expect(codeOf(() => resolveTransition(SubmissionStatus.SUBMITTED, 'forward', ['COORDINATOR']))).toBe('FORBIDDEN');
    expect(codeOf(() => resolveTransition(SubmissionStatus.DRAFT, 'nominate', ['VIEWER']))).toBe('FORBIDDEN');
    expect(codeOf(() => resolveTransition(SubmissionStatus.IN_DESK_REVIEW, 'withdraw', ['COORDINATOR']))).toBe('FORBIDDEN');
  });

  it('INVALID_STATE naming the steps open to the user otherwise', () => {
    try {
      resolveTransition(SubmissionStatus.DRAFT, 'finalise', ['EVALUATOR', 'KANWIL_HEAD']);
      expect.unreachable();
    } catch (e) {
      const err = e as GraphQLError;
      expect(err.extensions.code).toBe('INVALID_STATE');
      expect(err.extensions.allowedActions).toEqual(['withdraw']);
      expect(err.message).toContain('Langkah yang tersedia untuk Anda: Tarik pengajuan');
    }
  });
});
