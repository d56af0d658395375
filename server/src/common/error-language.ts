/**
 * Server messages in the user's language: errors are written in Indonesian (the default); for a signed-in user who
 * chose English this plugin rewrites each error message once, centrally, before the response leaves — known
 * messages by pattern, anything else by its code — keeping the Indonesian text in `extensions.messageId`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Ctx } from './context';

const PATTERNS: [RegExp, (...m: string[]) => string][] = [
  [/^Silakan masuk terlebih dahulu$/, () => 'Please sign in first'],
  [/^Tanggal harus berupa tanggal kalender yang sah berformat YYYY-MM-DD, bukan (.*)$/s, (_a, v) => `A date must be a real calendar date written YYYY-MM-DD, not ${v}`],
  [/^(.+) (\S+) tidak ditemukan$/, (_a, what, id) => `${WHAT[what] ?? what} ${id} not found`],
  [/^(.+) tidak ditemukan$/, (_a, what) => `${WHAT[what] ?? what} not found`],
  [/^Anda tidak berwenang pada penilaian unit ini$/, () => 'You have no access to this unit’s assessment'],
  [/^Anda tidak berwenang melihat penilaian unit ini$/, () => 'You may not see this unit’s assessment'],
  [/^Anda tidak berwenang melihat unit ini$/, () => 'You may not see this unit'],
  [/^Anda tidak berwenang membalas catatan pada penilaian ini$/, () => 'You may not reply to notes on this assessment'],
  [/^Anda tidak berwenang melakukan tindakan ini$/, () => 'You are not allowed to do this'],
  [/^Hanya admin yang dapat mengelola pengguna$/, () => 'Only an admin can manage users'],
  [/^Batas waktu (.+) \((\d{4}-\d{2}-\d{2})\) telah lewat$/, (_a, stage, d) => `The ${STAGE[stage] ?? stage} deadline (${d}) has passed`],
  [/^Penilaian telah diubah oleh pengguna lain; muat ulang lalu coba lagi$/, () => 'The assessment was changed by someone else; reload and try again'],
  [/^Data telah diubah oleh pengguna lain\. Muat ulang lalu coba lagi\.$/, () => 'The data was changed by someone else. Reload and try again.'],
  [/^Isi catatan harus diisi$/, () => 'The note must not be empty'],
  [/^Kata sandi minimal (\d+) karakter$/, (_a, n) => `The password needs at least ${n} characters`],
  [/^Alamat e-mail tidak valid$/, () => 'Invalid e-mail address'],
  [/^Masukan tidak valid$/, () => 'Invalid input'],
  [/^Terjadi kesalahan pada server$/, () => 'Something went wrong on the server'],
];

const WHAT: Record<string, string> = {
  Penilaian: 'Assessment',
  Periode: 'Period',
  Catatan: 'Note',
  Pengguna: 'User',
  Kanwil: 'Kanwil',
  Unit: 'Unit',
  'Bukti dukung': 'Evidence',
  'Versi instrumen': 'Instrument version',
  Alamat: 'Address',
};
const STAGE: Record<string, string> = {
  'penilaian mandiri': 'self-assessment',
  'penilaian pendahuluan Kanwil': 'Kanwil pre-assessment',
  'evaluasi desk TPI': 'TPI desk evaluation',
  'pengusulan ke TPN': 'nomination to the TPN',
};
const BY_CODE: Record<string, string> = {
  UNAUTHENTICATED: 'Please sign in first',
  FORBIDDEN: 'You are not allowed to do this',
  BAD_USER_INPUT: 'The input is not valid',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Changed by someone else; reload and try again',
  INVALID_STATE: 'This is not possible in the assessment’s current status',
  DEADLINE_PASSED: 'The deadline has passed',
  INTERNAL_SERVER_ERROR: 'Something went wrong on the server',
};

/** The English text of a server message (pattern, else by code with the Indonesian detail). */
export function toEnglish(message: string, code: string | undefined): string {
  for (const [re, f] of PATTERNS) {
    const m = re.exec(message);
    if (m) return f(...m);
  }
  const generic = code ? BY_CODE[code] : undefined;
  return generic ? `${generic} (${message})` : message;
}

export function errorLanguagePlugin(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (contextValue?.user?.locale !== 'en' || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors?.length) return;
          response.body.singleResult.errors = errors.map((e) => ({
            ...e,
            message: toEnglish(e.message, e.extensions?.code as string | undefined),
            extensions: { ...e.extensions, messageId: e.message },
          }));
        },
      };
    },
  };
}
