/**
 * The audit trail in words: labels of recorded actions and object types (id/en), and a before/after diff of two
 * snapshots, for the audit log page and its export.
 */
import type { Label, Locale } from './vocabulary';
import { ACTION_LABELS, type WorkflowAction } from './workflow';

export const AUDIT_ACTION_LABELS: Record<string, Label> = {
  'answers.save': { id: 'Jawaban disimpan', en: 'Answers saved' },
  'answers.import': { id: 'Jawaban diimpor', en: 'Answers imported' },
  'deadline.extend': { id: 'Batas waktu diperpanjang', en: 'Deadline extended' },
  'eselon.create': { id: 'Unit Eselon I dibuat', en: 'Echelon I unit created' },
  'evaluator.assign': { id: 'Evaluator ditugaskan', en: 'Evaluator assigned' },
  'evaluator.unassign': { id: 'Penugasan evaluator dicabut', en: 'Evaluator unassigned' },
  'evidence.upload': { id: 'Bukti dukung diunggah', en: 'Evidence uploaded' },
  'evidence.replace': { id: 'Bukti dukung diganti', en: 'Evidence replaced' },
  'evidence.delete': { id: 'Bukti dukung dihapus', en: 'Evidence deleted' },
  'instansi.create': { id: 'Instansi dibuat', en: 'Agency created' },
  'instansi.update': { id: 'Instansi diubah', en: 'Agency changed' },
  'instrument.create': { id: 'Versi instrumen dibuat', en: 'Instrument version created' },
  'instrument.activate': { id: 'Versi instrumen diaktifkan', en: 'Instrument version activated' },
  'kanwil.create': { id: 'Kanwil dibuat', en: 'Kanwil created' },
  'kanwil.update': { id: 'Kanwil diubah', en: 'Kanwil changed' },
  'kanwil.place': { id: 'Kanwil ditempatkan', en: 'Kanwil placed' },
  'note.add': { id: 'Catatan ditulis', en: 'Note written' },
  'note.reply': { id: 'Catatan dibalas', en: 'Note answered' },
  'note.resolve': { id: 'Catatan ditandai selesai', en: 'Note resolved' },
  'note.reopen': { id: 'Catatan dibuka kembali', en: 'Note reopened' },
  'period.create': { id: 'Periode dibuat', en: 'Period created' },
  'period.update': { id: 'Periode diubah', en: 'Period changed' },
  'portalrb.token.create': { id: 'Token PortalRB dibuat', en: 'PortalRB token created' },
  'portalrb.token.revoke': { id: 'Token PortalRB dicabut', en: 'PortalRB token revoked' },
  'predicate.add': { id: 'Predikat dicatat', en: 'Predicate recorded' },
  'predicate.revoke': { id: 'Predikat dicabut', en: 'Predicate revoked' },
  'satker.create': { id: 'Satker dibuat', en: 'Unit created' },
  'satker.update': { id: 'Satker diubah', en: 'Unit changed' },
  'seed.demo': { id: 'Data contoh dimuat', en: 'Demo data loaded' },
  'submission.create': { id: 'Penilaian dibuat', en: 'Assessment created' },
  'submission.setPencanangan': { id: 'Tanggal pencanangan diisi', en: 'Declaration date set' },
  'survey.record': { id: 'Hasil survei dicatat', en: 'Survey result recorded' },
  'survey.round.open': { id: 'Putaran survei dibuka', en: 'Survey round opened' },
  'survey.round.close': { id: 'Putaran survei ditutup', en: 'Survey round closed' },
  'tpn.cycle': { id: 'Siklus TPN disimpan', en: 'TPN cycle saved' },
  'reviewRoute.set': { id: 'Alur penilaian ditetapkan', en: 'Review route set' },
  'tpn.adminSelection': { id: 'Seleksi administrasi TPN dicatat', en: 'TPN administrative selection recorded' },
  'tpn.sanggah': { id: 'Sanggahan TPN diajukan', en: 'TPN objection filed' },
  'tpn.step': { id: 'Tahapan evaluasi TPN dicatat', en: 'TPN evaluation step recorded' },
  'user.create': { id: 'Pengguna dibuat', en: 'User created' },
  'user.update': { id: 'Pengguna diubah', en: 'User changed' },
  'user.resetPassword': { id: 'Kata sandi disetel ulang (sementara)', en: 'Password reset (temporary)' },
  'user.changePassword': { id: 'Kata sandi diganti', en: 'Password changed' },
};

export const AUDIT_OBJECT_LABELS: Record<string, Label> = {
  Answer: { id: 'Jawaban', en: 'Answer' },
  DeadlineExtension: { id: 'Perpanjangan batas waktu', en: 'Deadline extension' },
  EselonUnit: { id: 'Unit Eselon I', en: 'Echelon I unit' },
  Evidence: { id: 'Bukti dukung', en: 'Evidence' },
  Instansi: { id: 'Instansi', en: 'Agency' },
  InstrumentVersion: { id: 'Versi instrumen', en: 'Instrument version' },
  Kanwil: { id: 'Kanwil', en: 'Kanwil' },
  Period: { id: 'Periode', en: 'Period' },
  PortalRbToken: { id: 'Token PortalRB', en: 'PortalRB token' },
  PredicateHistory: { id: 'Predikat', en: 'Predicate' },
  ReviewNote: { id: 'Catatan', en: 'Note' },
  Satker: { id: 'Satker', en: 'Unit' },
  Submission: { id: 'Penilaian', en: 'Assessment' },
  SurveyRound: { id: 'Putaran survei', en: 'Survey round' },
  SurveyResult: { id: 'Hasil survei', en: 'Survey result' },
  TpnCycle: { id: 'Siklus TPN', en: 'TPN cycle' },
  ReviewRoute: { id: 'Alur penilaian', en: 'Review route' },
  User: { id: 'Pengguna', en: 'User' },
};

/** "Jawaban disimpan"; a workflow step ("submission.return") by the workflow's own label; unknown: the code. */
export function auditActionLabel(action: string, locale: Locale): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known[locale];
  const step = action.startsWith('submission.') ? ACTION_LABELS[action.slice('submission.'.length) as WorkflowAction] : undefined;
  if (step) return step[locale];
  return action;
}

export function auditObjectLabel(objectType: string, locale: Locale): string {
  return AUDIT_OBJECT_LABELS[objectType]?.[locale] ?? objectType;
}

export interface AuditChange {
  /** Dotted path of the changed field ("roles", "answers.12"). */
  field: string;
  /** Compact text of the value, undefined when the field did not exist on that side. */
  before?: string;
  after?: string;
}

const text = (v: unknown): string => {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  // a list of plain values reads as "a, b, c"
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) return v.map((x) => (x === null ? '–' : String(x))).join(', ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What changed between two snapshots, field by field (objects one level deep, e.g. answers by item): only changed
 * fields, in the order they appear. A value that is not an object on either side is one field "".
 */
export function auditDiff(before: unknown, after: unknown): AuditChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before == null && after == null) return [];
    return JSON.stringify(before) === JSON.stringify(after)
      ? []
      : [{ field: '', before: before == null ? undefined : text(before), after: after == null ? undefined : text(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const out: AuditChange[] = [];
  for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    const bv = b[key];
    const av = a[key];
    if (JSON.stringify(bv) === JSON.stringify(av)) continue;
    if (isRecord(bv) || isRecord(av)) {
      for (const c of auditDiff(bv ?? null, av ?? null)) out.push({ ...c, field: c.field ? `${key}.${c.field}` : key });
    } else {
      out.push({ field: key, before: key in b ? text(bv) : undefined, after: key in a ? text(av) : undefined });
    }
  }
  return out;
}
