import type { SniffedType } from './sniff';

const MAX_NAME_CHARS = 180;

/**
 * Makes a client-supplied file name safe to store and to show: keeps only the last path segment, drops control and
 * bidirectional-override characters and the characters Windows forbids (incl. quotes), trims dots/spaces, and
 * makes the extension agree with the sniffed type (a PDF uploaded as "x.exe" is stored as "x.pdf").
 */
export function sanitizeFileName(raw: string | undefined, type: SniffedType): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*`';]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');

  const dot = name.lastIndexOf('.');
  let base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  base = base.replace(/[.\s]+$/g, '');
  if (!base) base = 'berkas';
  const okExt = ext === type.ext || (type.aliases ?? []).includes(ext);
  const finalExt = okExt ? ext : type.ext;
  const maxBase = MAX_NAME_CHARS - finalExt.length - 1;
  if ([...base].length > maxBase) base = [...base].slice(0, maxBase).join('').trim() || 'berkas';
  return `${base}.${finalExt}`;
}

/** RFC 5987 / RFC 8187 attr-char encoding (stricter than encodeURIComponent, which leaves '()* unescaped). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition value that cannot be broken out of: an ASCII-only quoted `filename` fallback (no quotes,
 * backslashes, CR/LF or other controls) plus `filename*=UTF-8''…` with the full name percent-encoded.
 */
export function contentDisposition(fileName: string, inline: boolean): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%;]/g, '_')
      .trim() || 'berkas';
  const safe = fileName.replace(/[\u0000-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
