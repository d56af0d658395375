import { ref } from 'vue';
import * as lkeApi from '@/api/lke';
import { fetchNotes } from '@/api/notes';
import { fetchSubmissionVersion } from '@/api/workflow';
import { useLkeStore } from '@/stores/lke';

/** Re-reading parts of the open submission after an upload or a note (without reloading the answers). */
export function useLkeRefresh() {
  const lke = useLkeStore();
  const evidenceBusy = ref(false);

  async function refreshEvidence() {
    if (!lke.submission) return;
    evidenceBusy.value = true;
    try {
      const list = await lkeApi.fetchEvidence(lke.submission.id);
      lke.submission = { ...lke.submission, evidence: list };
    } finally {
      evidenceBusy.value = false;
    }
  }

  /** Notes and the submission head (version, status): the workflow guards depend on them. */
  async function refreshNotes() {
    if (!lke.submission) return;
    const [notes, head] = await Promise.all([fetchNotes(lke.submission.id), fetchSubmissionVersion(lke.submission.id)]);
    lke.submission = { ...lke.submission, reviewNotes: notes, version: head.version, status: head.status };
  }

  return { evidenceBusy, refreshEvidence, refreshNotes };
}
