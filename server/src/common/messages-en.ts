/**
 * English texts of the server's messages. Messages are written in Indonesian where they are raised; this table
 * turns each one into English when the user chose English (error-language.ts). `error-language.test.ts` walks every
 * message literal in server/src and fails when one has no entry here.
 */
import { ACTION_LABELS, LEVEL_LABELS, ROLE_LABELS, STAGE_LABELS, STATUS_LABELS, SURVEY_SOURCE_LABELS, TARGET_LABELS, TPN_STEP_LABELS } from '@pantau/shared';

type Label = { id: string; en: string };

/** Indonesian words and phrases that messages embed (names of things, labels of statuses, roles, stages, actions). */
const VOCAB = new Map<string, string>();
const TPN_STEP_EN: Record<string, string> = Object.fromEntries(Object.values(TPN_STEP_LABELS).map((l) => [l.id, l.en]));
for (const table of [ACTION_LABELS, LEVEL_LABELS, ROLE_LABELS, STAGE_LABELS, STATUS_LABELS, SURVEY_SOURCE_LABELS, TARGET_LABELS] as Record<string, Label>[]) {
  for (const l of Object.values(table)) {
    VOCAB.set(l.id, l.en);
    VOCAB.set(l.id.charAt(0).toLowerCase() + l.id.slice(1), l.en.charAt(0).toLowerCase() + l.en.slice(1));
  }
}
for (const [id, en] of Object.entries({
  Penilaian: 'Assessment',
  Periode: 'Period',
  Catatan: 'Note',
  Pengguna: 'User',
  Kanwil: 'Kanwil',
  Unit: 'Unit',
  Instansi: 'Agency',
  'Unit Eselon I': 'Echelon I unit',
  'Unit pendahulu': 'Predecessor unit',
  Predikat: 'Predicate',
  'Putaran survei': 'Survey round',
  'Token PortalRB': 'PortalRB token',
  'Bukti dukung': 'Evidence',
  'Berkas bukti dukung': 'Evidence file',
  'Versi instrumen': 'Instrument version',
  Alamat: 'Address',
  admin: 'an admin',
  'Kepala Kanwil': 'the Kanwil head',
  'koordinator ZI unit': 'the unit’s ZI coordinator',
  'evaluator TPI yang ditugaskan': 'the assigned TPI evaluator',
  'penilai Eselon I': 'the Eselon I reviewer',
  'Tim Penilai Mandiri (TPM) instansi': 'the instansi’s own evaluation team (TPM)',
  pemantau: 'a viewer',
  unit: 'unit',
  kanwil: 'Kanwil',
  instansi: 'agency',
  'unit Eselon I': 'Echelon I unit',
  'Tanggal mulai': 'Start date',
  'Tanggal selesai': 'End date',
}))
  VOCAB.set(id, en);

/** A phrase in English when known (also "a, b atau c" lists), else unchanged. */
export const vocab = (s: string): string => {
  const hit = VOCAB.get(s) ?? (/\d/.test(s) ? translateKnown(s) : null);
  if (hit) return hit;
  if (s.includes(' atau ')) return s.split(' atau ').map(vocab).join(' or ');
  if (s.includes(', ')) return s.split(', ').map(vocab).join(', ');
  return s;
};

/** Parts of a message joined with "; " (guard lists): each part through the table. */
const parts = (s: string): string =>
  s
    .split('; ')
    .map((p) => translateKnown(p) ?? p)
    .join('; ');

type Entry = [RegExp, (...m: string[]) => string];
const v = vocab;

export const MESSAGES_EN: Entry[] = [
  // sign-in, accounts
  [/^Silakan masuk terlebih dahulu$/, () => 'Please sign in first'],
  [/^Nama pengguna atau kata sandi salah$/, () => 'Wrong username or password'],
  [/^Kata sandi lama salah$/, () => 'The current password is wrong'],
  [/^Kata sandi minimal (.+) karakter$/, (_, n) => `The password needs at least ${n} characters`],
  [
    /^Terlalu banyak percobaan masuk yang gagal\.(?: Coba lagi dalam (.+) menit\.)?$/,
    (_, n) => `Too many failed sign-in attempts.${n ? ` Try again in ${n} minutes.` : ''}`,
  ],
  [
    /^Terlalu banyak percobaan mengganti kata sandi\.(?: Coba lagi dalam (.+) menit\.)?$/,
    (_, n) => `Too many password change attempts.${n ? ` Try again in ${n} minutes.` : ''}`,
  ],
  [/^(.+) Coba lagi dalam (.+) menit\.$/, (_, what, n) => `${translateKnown(what) ?? what} Try again in ${n} minutes.`],
  [/^Ganti kata sandi sementara Anda terlebih dahulu$/, () => 'Change your temporary password first'],
  [/^Hanya admin yang dapat mengelola pengguna$/, () => 'Only an admin can manage users'],
  [/^Nama pengguna "(.+)" sudah dipakai$/, (_, u) => `The username "${u}" is already taken`],
  [
    /^Nama pengguna 3–100 karakter: huruf, angka, titik, garis bawah, @ atau tanda hubung$/,
    () => 'A username has 3–100 characters: letters, digits, dot, underscore, @ or hyphen',
  ],
  [/^Nama tampilan wajib diisi$/, () => 'The display name is required'],
  [/^Alamat e-mail tidak valid$/, () => 'Invalid e-mail address'],
  [/^Bahasa harus "id" atau "en"$/, () => 'The language must be "id" or "en"'],
  [/^Peran tidak valid$/, () => 'Invalid roles'],
  [/^Anda tidak dapat menonaktifkan akun Anda sendiri$/, () => 'You cannot deactivate your own account'],
  [/^Anda tidak dapat mencabut peran ADMIN Anda sendiri$/, () => 'You cannot remove your own ADMIN role'],
  [/^(.+) memerlukan kanwilId$/, (_, r) => `${r} needs a kanwilId`],
  [/^(.+) memerlukan satkerId$/, (_, r) => `${r} needs a satkerId`],
  [/^VIEWER memerlukan tepat satu dari kanwilId atau satkerId$/, () => 'VIEWER needs exactly one of kanwilId or satkerId'],
  [/^(.+) tidak dibatasi pada Kanwil atau unit$/, (_, r) => `${r} is not scoped to a Kanwil or a unit`],
  [/^KANWIL_HEAD tidak dibatasi pada satu unit$/, () => 'KANWIL_HEAD is not scoped to one unit'],
  [/^COORDINATOR dibatasi pada satu unit, bukan Kanwil$/, () => 'COORDINATOR is scoped to one unit, not a Kanwil'],
  // access
  [/^Anda tidak berwenang melakukan tindakan ini$/, () => 'You are not allowed to do this'],
  [/^Anda tidak berwenang pada penilaian unit ini$/, () => 'You have no access to this unit’s assessment'],
  [/^Anda tidak berwenang melihat penilaian unit ini$/, () => 'You may not see this unit’s assessment'],
  [/^Anda tidak berwenang mengubah penilaian unit ini$/, () => 'You may not change this unit’s assessment'],
  [/^Anda tidak berwenang melihat unit ini$/, () => 'You may not see this unit'],
  [/^Anda tidak berwenang melihat periode ini$/, () => 'You may not see this period'],
  [/^Anda tidak berwenang membaca versi instrumen ini$/, () => 'You may not read this instrument version'],
  [/^Anda tidak berwenang membalas catatan pada penilaian ini$/, () => 'You may not reply to notes on this assessment'],
  [/^Hanya admin dan Kepala Kanwil yang dapat melihat jejak audit$/, () => 'Only admins and Kanwil heads can see the audit trail'],
  [/^Hanya admin atau Kepala Kanwil unit ini yang dapat (.+)$/, (_, what) => `Only an admin or this unit’s Kanwil head can ${DO[what] ?? what}`],
  [/^Hanya admin atau Kepala Kanwil tersebut yang dapat mengelola token PortalRB$/, () => 'Only an admin or that Kanwil’s head can manage PortalRB tokens'],
  [/^Hanya admin yang dapat mengelola token PortalRB instansi$/, () => 'Only an admin can manage an instansi’s PortalRB tokens'],
  [/^Sebutkan tepat satu: kanwilId atau instansiId$/, () => 'Give exactly one of kanwilId or instansiId'],
  [
    /^Hanya Kepala Kanwil, admin, atau koordinator ZI unit ini yang dapat mengelola survei unit ini$/,
    () => 'Only the Kanwil head, an admin or this unit’s ZI coordinator can manage this unit’s surveys',
  ],
  [
    /^Penilaian unit hanya dapat dibuka oleh admin, Kepala Kanwil, atau koordinator ZI unit tersebut$/,
    () => 'A unit’s assessment can only be opened by an admin, the Kanwil head or that unit’s ZI coordinator',
  ],
  [/^Hanya evaluator yang ditugaskan pada usulan ini$/, () => 'Only the evaluator assigned to this nomination'],
  [/^Introspeksi skema hanya untuk administrator yang sudah masuk$/, () => 'Schema introspection is for signed-in administrators only'],
  [/^(.+) tidak memiliki peran EVALUATOR$/, (_, n) => `${n} does not hold the EVALUATOR role`],
  [/^Periode ini milik Kanwil lain$/, () => 'This period belongs to another Kanwil'],
  // workflow
  [/^Tindakan "(.+)" pada status "(.+)" hanya dapat dilakukan oleh (.+)$/, (_, a, s, who) => `"${v(a)}" in status "${v(s)}" can only be done by ${v(who)}`],
  [/^Tindakan "(.+)" hanya dapat dilakukan oleh (.+)$/, (_, a, who) => `"${v(a)}" can only be done by ${v(who)}`],
  [
    /^Tindakan "(.+)" tidak dapat dilakukan pada status "(.+)"\. Langkah yang tersedia untuk Anda: (.+)$/,
    (_, a, s, l) => `"${v(a)}" is not possible in status "${v(s)}". Steps available to you: ${v(l)}`,
  ],
  [
    /^Tindakan "(.+)" tidak dapat dilakukan pada status "(.+)"\. Tidak ada langkah yang tersedia untuk Anda pada status ini$/,
    (_, a, s) => `"${v(a)}" is not possible in status "${v(s)}". No step is available to you in this status`,
  ],
  [/^(.+) belum dapat dilakukan: (.+)$/, (_, a, why) => `"${v(a)}" cannot be done yet: ${parts(why)}`],
  [/^Semua butir wajib harus dijawab \((.+) butir belum dijawab\)$/, (_, n) => `Every required item must be answered (${n} unanswered)`],
  [/^Tanggal pencanangan ZI harus diisi$/, () => 'The ZI declaration (pencanangan) date is required'],
  [/^Semua jawaban tingkat Kanwil harus diisi$/, () => 'Every Kanwil-level answer must be filled in'],
  [/^Tulis minimal satu catatan pada butir yang perlu diperbaiki$/, () => 'Write at least one note on an item that must be fixed'],
  [/^Semua jawaban TPI harus diisi$/, () => 'Every TPI answer must be filled in'],
  [/^Semua jawaban tingkat Eselon I harus diisi$/, () => 'Every Eselon I-level answer must be filled in'],
  [/^Semua jawaban TPM harus diisi$/, () => 'Every TPM answer must be filled in'],
  [/^TPM hanya dapat menetapkan predikat WBK; WBBM diusulkan ke TPN$/, () => 'The TPM can only award WBK; WBBM is nominated to the TPN'],
  [/^(.+) tidak dipakai pada alur penilaian unit ini$/, (_, w) => `${v(w)} is not used on this unit’s review route`],
  [/^Tim evaluasi desk tidak dikenal: (.+)$/, (_, t) => `Unknown desk team: ${t}`],
  [
    /^Alur penilaian (.+) pada periode (.+) tidak dapat diubah: (.+) penilaian sudah melewati tahap Kanwil$/,
    (_, i, p, n) => `The review route of ${i} in period ${p} cannot be changed: ${n} assessment(s) already went past the Kanwil step`,
  ],
  [/^Laporan Hasil Evaluasi \(LHE\) harus diunggah$/, () => 'The evaluation report (LHE) must be uploaded'],
  [/^Rekomendasi evaluator harus diisi$/, () => 'The evaluator’s recommendation is required'],
  [
    /^Unit belum memenuhi syarat nilai: tuliskan alasan pengecualian$/,
    () => 'The unit does not meet the score requirements: write the reason for the exception',
  ],
  [/^Persyaratan belum lengkap: (.+)$/, (_, l) => `Requirements not complete: ${l}`],
  [/^WBBM hanya dapat diusulkan untuk unit yang sudah berpredikat WBK$/, () => 'WBBM can only be proposed for a unit that already holds WBK'],
  [/^Predikat unit pernah dicabut: tidak dapat diusulkan sampai (.+)$/, (_, d) => `The unit’s predicate was revoked: it cannot be nominated until ${d}`],
  [/^Hasil TPN sudah dicatat: usulan tidak dapat ditarik$/, () => 'The TPN outcome is recorded: the nomination cannot be withdrawn'],
  [/^Nomor dan tanggal keputusan harus diisi$/, () => 'The decree number and date are required'],
  [/^Hasil berbeda dari perhitungan nilai TPN: tuliskan alasannya$/, () => 'The outcome differs from the TPN score: write the reason'],
  [/^Alasan harus diisi$/, () => 'A reason is required'],
  [/^Koordinator hanya dapat menarik usulan sebelum evaluasi desk dimulai$/, () => 'A coordinator can only withdraw before the desk review starts'],
  [/^Hasil (.+) \(awarded: ya\/tidak\) harus diisi$/, (_, w) => `The ${w} outcome (awarded: yes/no) is required`],
  [/^Batas waktu (.+) \((.+)\) telah lewat$/, (_, stage, d) => `The ${v(stage)} deadline (${d}) has passed`],
  [/^Batas waktu baru harus setelah batas waktu semula \((.+)\)$/, (_, d) => `The new deadline must be after the original one (${d})`],
  [/^Batas waktu baru tidak valid$/, () => 'The new deadline is not valid'],
  [
    /^Batas waktu tahap harus berurutan: mandiri ≤ Kanwil ≤ Eselon I ≤ desk TPI ≤ pengusulan$/,
    () => 'Stage deadlines must be in order: self ≤ Kanwil ≤ Eselon I ≤ TPI desk ≤ nomination',
  ],
  [/^Alasan perpanjangan harus diisi$/, () => 'A reason for the extension is required'],
  // concurrency
  [/^Penilaian telah diubah oleh pengguna lain[;.] [Mm]uat ulang lalu coba lagi\.?$/, () => 'The assessment was changed by someone else; reload and try again'],
  [/^Data telah diubah oleh pengguna lain\. Muat ulang lalu coba lagi\.$/, () => 'The data was changed by someone else. Reload and try again.'],
  [
    /^Jawaban telah (diubah|dibuat) oleh pengguna lain pada saat yang sama\. Muat ulang lalu simpan kembali\.$/,
    (_, how) => `The answer was ${how === 'dibuat' ? 'created' : 'changed'} by someone else at the same time. Reload and save again.`,
  ],
  [
    /^Jawaban soal (.+) telah diubah oleh pengguna lain\. Muat ulang lalu simpan kembali\.$/,
    (_, l) => `The answers to ${l} were changed by someone else. Reload and save again.`,
  ],
  [/^Jawaban diubah oleh pengguna lain pada saat yang sama; ulangi impor$/, () => 'Answers were changed by someone else at the same time; repeat the import'],
  [
    /^Bukti dukung ini baru saja diubah oleh pengguna lain; muat ulang lalu coba lagi$/,
    () => 'This evidence was just changed by someone else; reload and try again',
  ],
  // answers, notes, evidence, import
  [/^Tidak ada jawaban yang dikirim$/, () => 'No answers were sent'],
  [/^Soal yang sama dikirim lebih dari sekali$/, () => 'The same item was sent more than once'],
  [/^Isi catatan harus diisi$/, () => 'The note must not be empty'],
  [/^Catatan terlalu panjang \(maksimal (.+) karakter\)$/, (_, n) => `The note is too long (at most ${n} characters)`],
  [
    /^Catatan tingkat (.+) tidak dapat ditandai selesai saat status penilaian "(.+)"$/,
    (_, l, s) => `A ${v(l)}-level note cannot be resolved while the assessment is "${v(s)}"`,
  ],
  [/^Hanya catatan utama \(bukan balasan\) yang dapat ditandai selesai$/, () => 'Only a main note (not a reply) can be marked resolved'],
  [/^Hanya penilai tingkat catatan ini yang dapat menandainya selesai$/, () => 'Only the assessors of this note’s level can mark it resolved'],
  [/^Penilaian sudah selesai: catatan tidak dapat dibalas$/, () => 'The assessment is finished: notes cannot be answered'],
  [/^Penilaian sudah selesai: penugasan evaluator tidak dapat diubah$/, () => 'The assessment is finished: evaluator assignments cannot change'],
  [/^Bukti dukung ini bukan milik butir tersebut$/, () => 'This evidence does not belong to that item'],
  [/^Bukti dukung ini bukan milik penilaian tersebut$/, () => 'This evidence does not belong to that assessment'],
  [/^Bukti (.+) tidak terkait dengan butir LKE \(soalId harus kosong\)$/, (_, p) => `${p} evidence is not tied to an LKE item (soalId must be empty)`],
  [
    /^Bukti (.+) \(id (.+)\) tidak ditemukan pada penilaian ini atau bukan jenis (.+)$/,
    (_, w, id, p) => `Evidence ${w} (id ${id}) is not on this assessment or not of kind ${p}`,
  ],
  [/^soalId wajib diisi untuk bukti dukung butir LKE$/, () => 'soalId is required for evidence of an LKE item'],
  [/^Tingkat (.+) tidak berlaku untuk bukti (.+)$/, (_, l, p) => `Level ${v(l)} does not apply to ${p} evidence`],
  [/^Nama berkas terlalu panjang \(maksimal (.+) karakter\)$/, (_, n) => `The file name is too long (at most ${n} characters)`],
  [/^Berkas bukti dukung tidak tersedia di penyimpanan$/, () => 'The evidence file is not available in storage'],
  [/^Revisi (.+) bukti dukung$/, (_, n) => `Evidence revision ${n}`],
  [/^Impor hanya untuk tingkat SELF atau TPI$/, () => 'Import is only for the SELF or TPI level'],
  [/^Berkas tidak dapat diimpor: (.+)$/, (_, why) => `The file cannot be imported: ${why}`],
  [/^Butir LKE \(soal_id\) (.+) tidak ada pada instrumen ini$/, (_, id) => `LKE item (soal_id) ${id} is not in this instrument`],
  [/^(.+) hanya dapat diisi oleh (.+)$/, (_, w, who) => `${v(w)} can only be filled in by ${v(who)}`],
  [/^(.+) tidak dapat diubah saat status penilaian (.+)$/, (_, w, s) => `${v(w)} cannot be changed while the assessment is ${v(s)}`],
  [/^Baris (.+) harus berisi (.+) nilai teks, angka atau kosong$/, (_, i, n) => `Row ${i} must hold ${n} values: text, numbers or empty`],
  [/^Baris tabel harus berupa daftar \(maksimal (.+) baris\)$/, (_, n) => `Table rows must be a list (at most ${n} rows)`],
  [/^Kolom tabel harus berupa daftar teks \(1–(.+) kolom\)$/, (_, n) => `Table columns must be a list of texts (1–${n} columns)`],
  [/^Teks pada "(.+)" memuat karakter kontrol yang tidak diizinkan$/, (_, f) => `The text in "${f}" contains control characters that are not allowed`],
  [/^Teks pada "(.+)" terlalu panjang \(maksimum (.+) karakter\)$/, (_, f, n) => `The text in "${f}" is too long (at most ${n} characters)`],
  [/^(.+) terlalu panjang \(maksimal (.+) karakter\)$/, (_, w, n) => `${v(w)} is too long (at most ${n} characters)`],
  [/^(.+) wajib diisi \(maksimal (.+) karakter\)$/, (_, w, n) => `${v(w)} is required (at most ${n} characters)`],
  [/^(.+) harus berformat YYYY-MM-DD, bukan "(.*)"$/, (_, w, d) => `${v(w)} must be YYYY-MM-DD, not "${d}"`],
  // organisation, periods, predicates, surveys, instruments
  [/^Kode (.+) "(.+)" sudah dipakai$/, (_, w, c) => `The ${v(w)} code "${c}" is already taken`],
  [
    /^Kode (.+) 2–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung$/,
    (_, w) => `A ${v(w)} code has 2–40 characters: letters, digits, dot, underscore or hyphen`,
  ],
  [/^Nama (.+) wajib diisi$/, (_, w) => `The ${v(w)} name is required`],
  [/^(.+) adalah penerus unit ini; silsilah unit tidak boleh melingkar$/, (_, n) => `${n} is a successor of this unit; the lineage cannot be circular`],
  [/^Unit tidak dapat menjadi pendahulu dirinya sendiri$/, () => 'A unit cannot be its own predecessor'],
  [/^Unit Eselon I (.+) bukan bagian dari (.+)$/, (_, e, i) => `Echelon I unit ${e} is not part of ${i}`],
  [/^Unit tersebut bukan bagian dari Kanwil periode ini$/, () => 'That unit is not part of this period’s Kanwil'],
  [/^Unit (.+) sudah memiliki penilaian pada periode ini$/, (_, n) => `Unit ${n} already has an assessment in this period`],
  [/^Berlaku sampai \((.+)\) sebelum berlaku sejak \((.+)\)$/, (_, u, f) => `Valid until (${u}) is before valid from (${f})`],
  [/^kanwilId wajib diisi$/, () => 'kanwilId is required'],
  [/^submissionId wajib diisi$/, () => 'submissionId is required'],
  [/^Tahun periode tidak valid: (.+)$/, (_, y) => `Invalid period year: ${y}`],
  [/^Tahun predikat tidak valid: (.+)$/, (_, y) => `Invalid predicate year: ${y}`],
  [/^Belum ada instrumen aktif untuk tahun (.+)$/, (_, y) => `There is no active instrument for ${y} yet`],
  [/^Instrumen tahun (.+)$/, (_, y) => `Instrument ${y}`],
  [/^Predikat WBK dari TPM wajib disertai nomor dan tanggal keputusan$/, () => 'A WBK predicate from the TPM needs a decree number and date'],
  [/^Tim Penilai Mandiri \(TPM\) hanya dapat menetapkan predikat WBK$/, () => 'The internal assessment team (TPM) can only grant WBK'],
  [/^Tahun tidak valid: (.+)$/, (_, y) => `Invalid year: ${y}`],
  [/^Kuota harus bilangan bulat ≥ 0$/, () => 'The quota must be a whole number ≥ 0'],
  [/^Batas sanggah harus berformat YYYY-MM-DD$/, () => 'The objection deadline must be YYYY-MM-DD'],
  [
    /^Seleksi administrasi TPN hanya untuk penilaian yang sudah diusulkan \(status (.+)\)$/,
    (_, st) => `The TPN administrative selection is only for nominated assessments (status ${st})`,
  ],
  [
    /^Sanggahan hanya dapat diajukan oleh koordinator ZI unit tersebut, Kepala Kanwil, atau admin$/,
    () => "An objection can only be filed by the unit's ZI coordinator, the Kanwil head or an admin",
  ],
  [/^Bukti sanggahan harus bukti dukung penilaian ini$/, () => "The objection's evidence must be evidence of this assessment"],
  [
    /^Peringkat usulan TPN hanya untuk admin atau Kepala Kanwil instansi tersebut$/,
    () => 'The TPN candidate ranking is only for admins or Kanwil heads of that agency',
  ],
  [
    /^Hasil seleksi administrasi TPN hanya dapat dicatat oleh admin atau Kepala Kanwil unit tersebut$/,
    () => "The TPN administrative selection can only be recorded by an admin or the unit's Kanwil head",
  ],
  [/^Hasil seleksi administrasi "(.+)" wajib disertai catatan$/, (_, o) => `The administrative selection result "${o}" needs a note`],
  [/^Hasil seleksi administrasi belum diumumkan$/, () => 'The administrative selection result has not been announced'],
  [
    /^Unit lulus seleksi administrasi tanpa catatan: tidak ada yang disanggah$/,
    () => 'The unit passed the administrative selection without notes: there is nothing to object to',
  ],
  [/^Sanggahan hanya dapat diajukan satu kali$/, () => 'An objection can be filed only once'],
  [/^Masa sanggah belum ditetapkan$/, () => 'The objection window has not been set'],
  [/^Masa sanggah berakhir (.+)$/, (_, d) => `The objection window ended on ${d}`],
  [/^Alasan sanggahan wajib diisi$/, () => 'A reason for the objection is required'],
  [/^Sanggahan wajib disertai bukti dukung$/, () => 'An objection needs supporting evidence'],
  [
    /^Tahapan evaluasi TPN hanya dapat dicatat oleh admin atau Kepala Kanwil unit tersebut$/,
    () => "TPN evaluation steps can only be recorded by an admin or the unit's Kanwil head",
  ],
  [
    /^Evaluasi TPN hanya untuk penilaian yang sudah diusulkan \(status (.+)\)$/,
    (_, st) => `The TPN evaluation is only for nominated assessments (status ${st})`,
  ],
  [/^Tanggal pelaksanaan harus berformat YYYY-MM-DD$/, () => 'The date held must be YYYY-MM-DD'],
  [/^Nilai hasil evaluasi lapangan hanya untuk tahap evaluasi lapangan$/, () => 'Field values belong to the field evaluation step only'],
  [/^Hasil TPN sudah dicatat: tahapan evaluasi tidak dapat diubah$/, () => 'The TPN result is recorded: the evaluation steps can no longer change'],
  [/^Hasil seleksi administrasi belum dicatat$/, () => 'The administrative selection has not been recorded'],
  [/^Unit tidak lulus seleksi administrasi: tidak ada evaluasi TPN$/, () => 'The unit did not pass the administrative selection: there is no TPN evaluation'],
  [
    /^(Evaluasi dokumen \(desk\)|Evaluasi lapangan|Panel) dicatat setelah (evaluasi dokumen \(desk\)|evaluasi lapangan)$/,
    (_, a, b) => `${TPN_STEP_EN[a] ?? a} is recorded after the ${(TPN_STEP_EN[b[0].toUpperCase() + b.slice(1)] ?? b).toLowerCase()}`,
  ],
  [/^Predikat ini sudah dicabut$/, () => 'This predicate is already revoked'],
  [/^Alasan pencabutan harus diisi$/, () => 'A reason for the revocation is required'],
  [/^Tanggal keputusan harus berformat YYYY-MM-DD$/, () => 'The decree date must be YYYY-MM-DD'],
  [/^Tanggal keputusan pencabutan harus berformat YYYY-MM-DD$/, () => 'The revocation decree date must be YYYY-MM-DD'],
  [/^Tanggal pencanangan tidak boleh di masa depan$/, () => 'The declaration date cannot be in the future'],
  [/^Nilai SAKIP "(.+)" tidak dikenal \((.+)\)$/, (_, g, l) => `Unknown SAKIP grade "${g}" (${l})`],
  [/^Putaran survei ini sudah ditutup$/, () => 'This survey round is closed'],
  [/^Versi instrumen (.+) belum aktif: aktifkan terlebih dahulu$/, (_, id) => `Instrument version ${id} is not active: activate it first`],
  [/^Versi instrumen (.+) tidak valid$/, (_, id) => `Instrument version ${id} is not valid`],
  [/^Versi instrumen (.+) untuk tahun (.+), bukan tahun (.+)$/, (_, id, a, b) => `Instrument version ${id} is for ${a}, not ${b}`],
  [
    /^Versi instrumen (.+) tercatat untuk tahun (.+), tetapi daftar soalnya untuk tahun (.+)$/,
    (_, id, a, b) => `Instrument version ${id} is recorded for ${a}, but its question list is for ${b}`,
  ],
  [
    /^Versi instrumen (.+) tidak dapat diaktifkan: (.+) masalah ditemukan saat validasi ulang$/,
    (_, id, n) => `Instrument version ${id} cannot be activated: ${n} problems found when validating again`,
  ],
  [
    /^Versi instrumen periode tidak dapat diganti: (.+) soal yang sudah dijawab tidak cocok dengan versi baru$/,
    (_, n) => `The period’s instrument version cannot be changed: ${n} answered items do not fit the new version`,
  ],
  // generic
  [
    /^Tanggal harus berupa tanggal kalender yang sah berformat YYYY-MM-DD, bukan (.*)$/s,
    (_, d) => `A date must be a real calendar date written YYYY-MM-DD, not ${d}`,
  ],
  [/^Permintaan ditolak: header x-pantau-csrf wajib disertakan$/, () => 'Request refused: the x-pantau-csrf header is required'],
  [/^Isi permintaan melebihi batas ukuran$/, () => 'The request body is too large'],
  [/^Isi permintaan bukan JSON yang valid$/, () => 'The request body is not valid JSON'],
  [/^Permintaan tidak valid$/, () => 'Invalid request'],
  [/^Basis data tidak dapat dihubungi$/, () => 'The database cannot be reached'],
  [/^page ≥ 1 dan pageSize 1–500$/, () => 'page ≥ 1 and pageSize 1–500'],
  [/^Masukan tidak valid$/, () => 'Invalid input'],
  [/^Permintaan tidak valid: (.+)$/, (_, d) => `Invalid request: ${d}`],
  [
    /^Permintaan ditolak sebagai kemungkinan CSRF: kirim sebagai JSON \(content-type: application\/json\)$/,
    () => 'Request refused as possible CSRF: send it as JSON (content-type: application/json)',
  ],
  [/^Terjadi kesalahan pada server$/, () => 'Something went wrong on the server'],
  [/^Basis data sedang sibuk; coba lagi sebentar lagi\.$/, () => 'The database is busy; please try again in a moment.'],
  [/^(.+) (\S+) tidak ditemukan$/, (_, what, id) => `${v(what)} ${id} not found`],
  [/^(.+) tidak ditemukan$/, (_, what) => `${v(what)} not found`],
];

const DO: Record<string, string> = {
  'melihat calon evaluator': 'see evaluator candidates',
  'mencabut predikat': 'revoke a predicate',
  'mencatat hasil survei': 'record survey results',
  'menugaskan evaluator': 'assign evaluators',
};

/** The English text of a known message, or null when the table has none. */
export function translateKnown(message: string): string | null {
  for (const [re, f] of MESSAGES_EN) {
    const m = re.exec(message);
    if (m) return f(...m);
  }
  return null;
}
