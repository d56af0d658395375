import { computed, ref } from 'vue';
import { useRoute } from 'vue-router';
import { LEVELS, canWriteLevel, type Level, type Role, type SubmissionStatus } from '@pantau/shared';
import { request } from '@/api/client';
import { EvaluatorsDocument } from '@/graphql/generated';
import { useAuthStore } from '@/stores/auth';
import { useLkeStore } from '@/stores/lke';

/** Who may do what on the open LKE: the writable level, read only, replying in note threads (as the server allows). */
export function useLkeAccess() {
  const auth = useAuthStore();
  const lke = useLkeStore();
  const route = useRoute();

  /** Whether the signed-in evaluator is assigned to this submission (TPI writes are theirs only). */
  const assigned = ref(true);
  async function checkAssignment() {
    assigned.value = true;
    if (!lke.submission || !auth.hasRole('EVALUATOR') || auth.hasRole('ADMIN')) return;
    try {
      const list = (await request(EvaluatorsDocument, { submissionId: lke.submission.id })).evaluators;
      assigned.value = list.some((e) => e.id === auth.user?.id);
    } catch {
      assigned.value = false;
    }
  }

  const writableLevel = (status: SubmissionStatus): Level | undefined => LEVELS.find((l) => canWriteLevel(l, status, auth.roles as Role[], assigned.value));

  /** The level this user may write in the current status, else the one requested, else SELF (read only). */
  function defaultLevel(status: SubmissionStatus): Level {
    const wanted = route.query.level;
    if (typeof wanted === 'string' && (LEVELS as readonly string[]).includes(wanted)) return wanted as Level;
    const writable = writableLevel(status);
    if (writable) return writable;
    // read only: the level of the user's own stage, when it has answers (an evaluator reads TPI, the Kanwil KANWIL)
    const answered = new Set(lke.submission?.answers.map((a) => a.level) ?? []);
    const preferred: Level[] = auth.hasRole('EVALUATOR') ? ['TPI', 'KANWIL'] : auth.hasRole('KANWIL_HEAD', 'ADMIN') ? ['TPN', 'TPI', 'KANWIL'] : [];
    return preferred.find((l) => answered.has(l)) ?? 'SELF';
  }

  const readOnly = computed(() => {
    const s = lke.submission;
    if (!s) return true;
    return !canWriteLevel(lke.level, s.status as SubmissionStatus, auth.roles as Role[], assigned.value);
  });

  /** Replying in a note thread, as the server allows it: not viewers, evaluators only when assigned, never when final. */
  const canReply = computed(() => {
    const s = lke.submission;
    if (!s || ['AWARDED', 'NOT_AWARDED', 'WITHDRAWN'].includes(s.status)) return false;
    return auth.hasRole('ADMIN', 'KANWIL_HEAD', 'COORDINATOR') || (auth.hasRole('EVALUATOR') && assigned.value);
  });

  return { assigned, checkAssignment, defaultLevel, writableLevel, readOnly, canReply };
}
