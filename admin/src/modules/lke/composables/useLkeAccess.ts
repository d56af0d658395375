import { computed } from 'vue';
import { useRoute } from 'vue-router';
import { LEVELS, type Level } from '@pantau/shared';
import { useAuthStore } from '@/stores/auth';
import { useLkeStore } from '@/stores/lke';

/**
 * Who may do what on the open LKE — the writable levels and replying in note threads — as the server computes it
 * (Submission.permissions: the checks the writes themselves run, deadlines included). No local rule.
 */
export function useLkeAccess() {
  const auth = useAuthStore();
  const lke = useLkeStore();
  const route = useRoute();

  const permissions = computed(() => lke.submission?.permissions ?? null);

  /** The first level the server lets this user write now (none: read only). */
  const writableLevel = (): Level | undefined => permissions.value?.writableLevels[0];

  /** The level requested, else the one this user may write now, else a read-only level worth reading. */
  function defaultLevel(): Level {
    const wanted = route.query.level;
    const levels: readonly string[] = lke.submission?.route?.levels ?? LEVELS;
    if (typeof wanted === 'string' && levels.includes(wanted)) return wanted as Level;
    const writable = writableLevel();
    if (writable) return writable;
    // read only: the level of the user's own stage, when it has answers (an evaluator reads TPI, the Kanwil KANWIL)
    const answered = new Set(lke.submission?.answers.map((a) => a.level) ?? []);
    const preferred: Level[] = auth.hasRole('EVALUATOR')
      ? ['TPI', 'KANWIL']
      : auth.hasRole('ESELON_REVIEWER')
        ? ['ESELON_I', 'KANWIL']
        : auth.hasRole('TPM_EVALUATOR')
          ? ['TPM', 'KANWIL']
          : auth.hasRole('KANWIL_HEAD', 'ADMIN')
            ? ['TPN', 'TPM', 'TPI', 'ESELON_I', 'KANWIL']
            : [];
    return preferred.find((l) => answered.has(l)) ?? 'SELF';
  }

  const readOnly = computed(() => !(permissions.value?.writableLevels ?? []).includes(lke.level));
  const canReply = computed(() => permissions.value?.replyNotes ?? false);

  return { defaultLevel, writableLevel, readOnly, canReply };
}
