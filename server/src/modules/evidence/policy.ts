/**
 * Who may upload, replace or delete evidence — the ONE place this rule lives (REST and GraphQL both call it).
 * A level's evidence is writable by whoever may write that level's answers, in the state and before the
 * deadline where they may (the core's `assertCanWriteLevel`, DESIGN "Who writes which level"). Additionally the
 * nomination documents (SPTJM, prerequisite evidence) may be supplied by the Kanwil head (or admin) while
 * preparing the nomination (DESK_EVALUATED). Reading follows the submission's read rule.
 */
import { assertCanReadSubmission, assertCanWriteLevel, isKanwilHeadOf, requireUser } from '../../common/authz';
import type { Ctx } from '../../common/context';
import type { DeskTeam } from '@pantau/shared';
import { AnswerLevel, SubmissionStatus } from '../../common/enums';
import type { Period } from '../period/entities';
import type { Submission } from '../submission/entities';
import { EvidencePurpose } from './entities';

/**
 * The level a purpose's evidence belongs to (ANSWER evidence takes the level it is uploaded for); the LHE is the desk
 * team's (TPI, or the TPM on a route whose desk team is the instansi's own).
 */
export function levelForPurpose(purpose: EvidencePurpose, requested: AnswerLevel | undefined, deskTeam: DeskTeam = 'TPI'): AnswerLevel {
  if (purpose === EvidencePurpose.LHE) return deskTeam;
  if (purpose === EvidencePurpose.ANSWER) return requested ?? AnswerLevel.SELF;
  return AnswerLevel.SELF;
}

/**
 * Throws UNAUTHENTICATED, FORBIDDEN, INVALID_STATE or DEADLINE_PASSED unless the user may add, replace or delete
 * evidence of this purpose and level on the submission now. `sub` needs satker and period loaded.
 */
export async function assertCanWriteEvidence(ctx: Ctx, sub: Submission & { period: Period }, purpose: EvidencePurpose, level: AnswerLevel): Promise<void> {
  const user = requireUser(ctx);
  const nominationDoc = purpose === EvidencePurpose.SPTJM || purpose === EvidencePurpose.PREREQUISITE;
  if (nominationDoc && sub.status === SubmissionStatus.DESK_EVALUATED && isKanwilHeadOf(user, sub.satker.kanwil.id)) {
    return;
  }
  await assertCanWriteLevel(ctx, sub, level);
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless the user may read the submission (and so its evidence). */
export async function assertCanReadEvidence(ctx: Ctx, sub: Submission): Promise<void> {
  requireUser(ctx);
  await assertCanReadSubmission(ctx, sub);
}
