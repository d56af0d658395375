import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toEnglish } from './error-language';
import { translateKnown, vocab } from './messages-en';

const SAME_IN_ENGLISH = ['Kanwil', 'Unit'];
/** Literals whose `${…}` holds a conditional: the texts they actually produce. */
const EXPANDED: Record<string, string[]> = {
  'Tindakan "7"7 hanya dapat dilakukan oleh 7': [
    'Tindakan "Ajukan" pada status "Draf" hanya dapat dilakukan oleh koordinator ZI unit',
    'Tindakan "Ajukan" hanya dapat dilakukan oleh koordinator ZI unit atau admin',
  ],
  'Tindakan "7" tidak dapat dilakukan pada status "7". ': [
    'Tindakan "Ajukan" tidak dapat dilakukan pada status "Ditarik". Langkah yang tersedia untuk Anda: Ajukan ulang, Tarik pengajuan',
    'Tindakan "Ajukan" tidak dapat dilakukan pada status "Ditarik". Tidak ada langkah yang tersedia untuk Anda pada status ini',
  ],
};

const SRC = path.resolve(__dirname, '..');
const CALLS = [
  'badInput',
  'forbidden',
  'notFound',
  'conflict',
  'invalidState',
  'deadlinePassed',
  'unauthenticated',
  'appError',
  'requireAdmin',
  'tooManyAttempts',
  'GraphQLError',
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** The string literal at s[i] (quote or backtick) with every `${…}` replaced by "7"; [text, end index]. */
function readLiteral(s: string, i: number): [string, number] {
  const q = s[i];
  let out = '';
  let j = i + 1;
  while (j < s.length && s[j] !== q) {
    if (s[j] === '\\') {
      out += s[j + 1];
      j += 2;
    } else if (q === '`' && s[j] === '$' && s[j + 1] === '{') {
      let depth = 1;
      j += 2;
      while (depth > 0 && j < s.length) {
        if (s[j] === '`') j = readLiteral(s, j)[1];
        else if (s[j] === '{') depth++;
        else if (s[j] === '}') depth--;
        j++;
      }
      out += '7';
    } else out += s[j++];
  }
  return [out, j + 1];
}

/** Every message literal handed to an error constructor in server/src: [file:line, sample text, call]. */
function messageLiterals(): [string, string, string][] {
  const found: [string, string, string][] = [];
  const re = new RegExp(`\\b(${CALLS.join('|')})\\(\\s*(?:ctx,\\s*|'[A-Z_]+',\\s*)?(?=['\`])`, 'g');
  for (const file of sourceFiles(SRC)) {
    const s = fs.readFileSync(file, 'utf8');
    for (const m of s.matchAll(re)) {
      const start = m.index! + m[0].length;
      const [text] = readLiteral(s, start);
      const line = s.slice(0, start).split('\n').length;
      found.push([`${path.relative(SRC, file)}:${line}`, text, m[1]!]);
    }
  }
  return found;
}

describe('English server messages', () => {
  it('every message literal the server raises has an English text in the table', () => {
    const all = messageLiterals();
    expect(all.length).toBeGreaterThan(120);
    const missing: string[] = [];
    for (const [where, raw, call] of all) {
      if (call === 'appError' && /^[A-Z_]+$/.test(raw)) continue; // the code, the message follows as a variable
      for (const text of EXPANDED[raw] ?? [raw]) {
        // notFound('Thing', id) takes the name of a thing: it must translate inside "… tidak ditemukan"
        const sample = call === 'notFound' ? `${text} 7 tidak ditemukan` : text;
        const en = translateKnown(sample);
        if (en === null) missing.push(`${where} ${sample}`);
        else if (call === 'notFound' && vocab(text) === text && !SAME_IN_ENGLISH.includes(text)) missing.push(`${where} ${text} (name of a thing)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('texts read as English: placeholders kept, embedded statuses, stages, roles and actions translated', () => {
    expect(toEnglish('Tindakan "Ajukan" pada status "Diajukan ke Kanwil" hanya dapat dilakukan oleh koordinator ZI unit atau admin', 'FORBIDDEN')).toBe(
      '"Submit" in status "Submitted to Kanwil" can only be done by the unit’s ZI coordinator or an admin',
    );
    expect(toEnglish('Batas waktu penilaian mandiri (2026-12-01) telah lewat', 'DEADLINE_PASSED')).toBe('The self-assessment deadline (2026-12-01) has passed');
    expect(
      toEnglish('Ajukan belum dapat dilakukan: Semua butir wajib harus dijawab (3 butir belum dijawab); Tanggal pencanangan ZI harus diisi', 'INVALID_STATE'),
    ).toBe('"Submit" cannot be done yet: Every required item must be answered (3 unanswered); The ZI declaration (pencanangan) date is required');
    expect(toEnglish('Bukti dukung 12 tidak ditemukan', 'NOT_FOUND')).toBe('Evidence 12 not found');
    expect(toEnglish('Kata sandi minimal 8 karakter', 'BAD_USER_INPUT')).toBe('The password needs at least 8 characters');
    // unknown text: the code's English with the original detail
    expect(toEnglish('Sesuatu yang baru', 'CONFLICT')).toBe('Changed by someone else; reload and try again (Sesuatu yang baru)');
  });
});
