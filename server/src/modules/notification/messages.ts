/**
 * Notification texts in the recipient's language (Indonesian default, English when the user chose it).
 * Status and action names come from the shared labels.
 */
import { ACTION_LABELS, RETURNER_LABELS, STATUS_LABELS, type ReturnedBy, type Stage, type SubmissionStatus, type WorkflowAction } from '@pantau/shared';

export enum NotificationKind {
  /** The submission reached the recipient's step (submitted, forwarded, desk-evaluated, …). */
  HANDOFF = 'HANDOFF',
  RETURNED = 'RETURNED',
  NOTE = 'NOTE',
  REPLY = 'REPLY',
  ASSIGNED = 'ASSIGNED',
  DEADLINE_REMINDER = 'DEADLINE_REMINDER',
  BELOW_MINIMUM = 'BELOW_MINIMUM',
}

export type Lang = 'id' | 'en';
export const langOf = (locale: string | null | undefined): Lang => (locale === 'en' ? 'en' : 'id');

const STAGE: Record<Stage, { id: string; en: string }> = {
  selfAssessment: { id: 'penilaian mandiri', en: 'self-assessment' },
  kanwilReview: { id: 'penilaian pendahuluan Kanwil', en: 'Kanwil pre-assessment' },
  eselonReview: { id: 'penilaian Eselon I', en: 'Eselon I review' },
  deskEvaluation: { id: 'evaluasi desk TPI', en: 'TPI desk evaluation' },
  nomination: { id: 'pengusulan ke TPN', en: 'nomination to the TPN' },
};

export type MessageParams =
  | { kind: NotificationKind.HANDOFF; unit: string; action: WorkflowAction; to: SubmissionStatus }
  | { kind: NotificationKind.RETURNED; unit: string; by: ReturnedBy; reason: string | null }
  | { kind: NotificationKind.NOTE | NotificationKind.REPLY; unit: string; item: string; author: string; body: string }
  | { kind: NotificationKind.ASSIGNED; unit: string }
  | { kind: NotificationKind.DEADLINE_REMINDER; unit: string; stage: Stage; days: number; date: string }
  | { kind: NotificationKind.BELOW_MINIMUM; unit: string; failures: string[] };

const excerpt = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function renderMessage(p: MessageParams, lang: Lang): { title: string; body: string } {
  const en = lang === 'en';
  switch (p.kind) {
    case NotificationKind.HANDOFF: {
      const status = STATUS_LABELS[p.to][lang];
      const action = ACTION_LABELS[p.action][lang];
      return en
        ? { title: `${p.unit}: ${action} → ${status}`, body: `The LKE of ${p.unit} is now “${status}”.` }
        : { title: `${p.unit}: ${action} → ${status}`, body: `LKE ${p.unit} kini berstatus “${status}”.` };
    }
    case NotificationKind.RETURNED: {
      const who = RETURNER_LABELS[p.by][lang];
      return en
        ? { title: `${p.unit}: LKE returned by the ${who}`, body: p.reason ? `Reason: ${p.reason}` : 'Fix the items with open notes, then resubmit.' }
        : {
            title: `${p.unit}: LKE dikembalikan oleh ${who}`,
            body: p.reason ? `Alasan: ${p.reason}` : 'Perbaiki butir yang diberi catatan, lalu ajukan kembali.',
          };
    }
    case NotificationKind.NOTE:
      return en
        ? { title: `${p.unit}: new note on item ${p.item}`, body: `${p.author}: ${excerpt(p.body)}` }
        : { title: `${p.unit}: catatan baru pada butir ${p.item}`, body: `${p.author}: ${excerpt(p.body)}` };
    case NotificationKind.REPLY:
      return en
        ? { title: `${p.unit}: reply on item ${p.item}`, body: `${p.author}: ${excerpt(p.body)}` }
        : { title: `${p.unit}: balasan pada butir ${p.item}`, body: `${p.author}: ${excerpt(p.body)}` };
    case NotificationKind.ASSIGNED:
      return en
        ? { title: `Assigned: desk evaluation of ${p.unit}`, body: `You were assigned as TPI evaluator of ${p.unit}.` }
        : { title: `Penugasan: evaluasi desk ${p.unit}`, body: `Anda ditugaskan sebagai evaluator TPI untuk ${p.unit}.` };
    case NotificationKind.DEADLINE_REMINDER: {
      const stage = STAGE[p.stage][lang];
      return en
        ? { title: `${p.unit}: ${stage} due in ${p.days} day${p.days === 1 ? '' : 's'}`, body: `The ${stage} deadline is ${p.date}.` }
        : { title: `${p.unit}: batas ${stage} ${p.days} hari lagi`, body: `Batas waktu ${stage}: ${p.date}.` };
    }
    case NotificationKind.BELOW_MINIMUM:
      return en
        ? { title: `${p.unit}: below the minimum of its target`, body: p.failures.join('; ') }
        : { title: `${p.unit}: di bawah nilai minimal target`, body: p.failures.join('; ') };
  }
}
