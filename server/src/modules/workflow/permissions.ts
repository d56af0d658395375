/**
 * What the signed-in user may do on one submission besides the workflow steps (those are `availableActions`), for
 * the SPA to show only the buttons the server would accept. Each value comes from the check the write itself runs:
 * the level-write check (answers, notes, the level's evidence, imports; deadlines included), the evidence rule for
 * nomination documents, note replies, evaluator assignment and survey recording.
 */
import { GraphQLError } from 'graphql';
import { LEVELS, canReplyNotes } from '@pantau/shared';
import { assertCanWriteLevel, requireUser } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { AnswerLevel } from '../../common/enums';
import { EvidencePurpose } from '../evidence/entities';
import { assertCanWriteEvidence } from '../evidence/policy';
import { mayAssignEvaluators } from '../review/service';
import { mayRecordSurvey } from '../survey/service';
import { loadSubmission, rolesForAction } from './service';

export interface SubmissionPermissions {
  writableLevels: AnswerLevel[];
  nominationDocuments: boolean;
  replyNotes: boolean;
  assignEvaluators: boolean;
  recordSurvey: boolean;
}

const REFUSALS = new Set(['FORBIDDEN', 'INVALID_STATE', 'DEADLINE_PASSED']);

/** True when the check passes, false when it refuses (FORBIDDEN / INVALID_STATE / DEADLINE_PASSED); other errors propagate. */
async function passes(check: () => Promise<void>): Promise<boolean> {
  try {
    await check();
    return true;
  } catch (e) {
    if (e instanceof GraphQLError && REFUSALS.has(String(e.extensions?.code))) return false;
    throw e;
  }
}

export async function submissionPermissions(ctx: Ctx, submissionId: number): Promise<SubmissionPermissions> {
  const user = requireUser(ctx);
  const sub = await loadSubmission(ctx.em, submissionId);
  const { roles, assigned } = await rolesForAction(ctx.em, user, sub);
  const writableLevels: AnswerLevel[] = [];
  for (const level of LEVELS) if (await passes(() => assertCanWriteLevel(ctx, sub, level))) writableLevels.push(level);
  return {
    writableLevels,
    nominationDocuments: await passes(() => assertCanWriteEvidence(ctx, sub, EvidencePurpose.SPTJM, AnswerLevel.SELF)),
    replyNotes: canReplyNotes(sub.status, roles, assigned),
    assignEvaluators: mayAssignEvaluators(user, sub),
    recordSurvey: mayRecordSurvey(user, sub),
  };
}
