import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cfb, fakeExe, minimalDocx, minimalPdf, tinyPng, zip } from '../../../../test/api/evidence/fixtures';
import { BlobTooLargeError, EvidenceBlobStore, isSha256Hex } from './blob-store';
import { contentDisposition, sanitizeFileName } from './filename';
import { maxUploadBytes } from './mount';
import { decodeFormDataFileName, tooLargeMessage } from './routes';
import { allowedType, sniffFile } from './sniff';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pantau-evidence-unit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sniffBytes(name: string, bytes: Buffer) {
  const p = join(dir, name);
  await writeFile(p, bytes);
  return sniffFile(p);
}

describe('sniffFile (content, never the name)', () => {
  it('accepts PDF, PNG, DOCX and a legacy .doc', async () => {
    expect((await sniffBytes('a.bin', minimalPdf())).type?.mime).toBe('application/pdf');
    expect((await sniffBytes('b.bin', tinyPng())).type?.mime).toBe('image/png');
    expect((await sniffBytes('c.bin', minimalDocx())).type?.ext).toBe('docx');
    expect((await sniffBytes('d.bin', cfb(['WordDocument', '1Table']))).type?.mime).toBe('application/msword');
    expect((await sniffBytes('e.bin', cfb(['Workbook']))).type?.mime).toBe('application/vnd.ms-excel');
  });

  it('refuses an executable, a plain zip, a non-Office CFB and text', async () => {
    expect(await sniffBytes('laporan.pdf', fakeExe())).toEqual({ detected: 'exe' });
    expect((await sniffBytes('f.zip', zip([['a.txt', 'hello']]))).type).toBeUndefined();
    expect(await sniffBytes('g.msi', cfb(['SummaryInformation']))).toEqual({ detected: 'cfb' });
    expect((await sniffBytes('h.txt', Buffer.from('just text'))).type).toBeUndefined();
    expect(allowedType('application/x-msdownload')).toBeUndefined();
    expect(allowedType('toString')).toBeUndefined();
  });
});

describe('file names and Content-Disposition', () => {
  const pdf = allowedType('application/pdf')!;
  it('keeps the last path segment, drops controls and quotes, fixes the extension', () => {
    expect(sanitizeFileName('../../etc/passwd', pdf)).toBe('passwd.pdf');
    expect(sanitizeFileName('C:\\Users\\x\\Laporan "Akhir".pdf', pdf)).toBe('Laporan _Akhir_.pdf');
    expect(sanitizeFileName('a\r\nSet-Cookie: x=1.pdf', pdf)).toBe('a Set-Cookie_ x=1.pdf');
    expect(sanitizeFileName('virus.exe', pdf)).toBe('virus.pdf');
    expect(sanitizeFileName('', pdf)).toBe('berkas.pdf');
    expect(sanitizeFileName('...', pdf)).toBe('berkas.pdf');
    expect(sanitizeFileName('evil\u202Efdp.exe', pdf)).toBe('evilfdp.pdf');
    expect(sanitizeFileName('x'.repeat(500) + '.pdf', pdf).length).toBeLessThanOrEqual(180);
    expect(sanitizeFileName('foto.JPEG', allowedType('image/jpeg')!)).toBe('foto.jpeg');
  });

  it("undoes the browsers' multipart name encoding of quotes and line breaks before sanitising", () => {
    expect(decodeFormDataFileName('Laporan %22akhir%22%0D%0A.pdf')).toBe('Laporan "akhir"\r\n.pdf');
    expect(sanitizeFileName(decodeFormDataFileName('Laporan %22akhir%22.pdf'), pdf)).toBe('Laporan _akhir_.pdf');
    expect(decodeFormDataFileName('100%25.pdf')).toBe('100%25.pdf');
  });

  it('builds an injection-proof header with an RFC 5987 filename*', () => {
    const h = contentDisposition('Surat Pernyataan – Kepala (ttd).pdf', false);
    expect(h).toBe(`attachment; filename="Surat Pernyataan _ Kepala (ttd).pdf"; filename*=UTF-8''Surat%20Pernyataan%20%E2%80%93%20Kepala%20%28ttd%29.pdf`);
    const evil = contentDisposition('a"\r\nX: y;.pdf', true);
    expect(evil.startsWith('inline; filename="a_')).toBe(true);
    expect(evil).not.toMatch(/[\r\n]/);
    expect(evil.match(/"/g)).toHaveLength(2);
  });
});

describe('EvidenceBlobStore', () => {
  it('streams into tmp with hash and size, renames into its content address, dedupes', async () => {
    const store = new EvidenceBlobStore(join(dir, 'data'));
    await store.init();
    const bytes = minimalPdf();
    const t1 = await store.receive(Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]));
    expect(isSha256Hex(t1.sha256)).toBe(true);
    expect(t1.size).toBe(bytes.length);
    expect(t1.path.startsWith(store.tmpDir)).toBe(true);
    expect((await store.commit(t1)).created).toBe(true);
    const t2 = await store.receive(Readable.from([bytes]));
    expect(t2.sha256).toBe(t1.sha256);
    expect((await store.commit(t2)).created).toBe(false);
    expect(await readdir(store.tmpDir)).toEqual([]);
    expect(await readFile(store.blobPath(t1.sha256))).toEqual(bytes);
    expect(store.blobPath(t1.sha256)).toBe(join(dir, 'data', 'evidence', t1.sha256.slice(0, 2), t1.sha256));
  });

  it('init() sweeps temp files left by an interrupted process, not fresh ones', async () => {
    const store = new EvidenceBlobStore(join(dir, 'data3'));
    await store.init();
    const old = join(store.tmpDir, 'crashed.part');
    const fresh = join(store.tmpDir, 'inflight.part');
    await writeFile(old, 'x');
    await writeFile(fresh, 'y');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    await store.init();
    expect(await readdir(store.tmpDir)).toEqual(['inflight.part']);
  });

  it('refuses more than maxBytes and leaves no temp file; rejects non-digest paths', async () => {
    const store = new EvidenceBlobStore(join(dir, 'data2'));
    await expect(store.receive(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await readdir(store.tmpDir)).toEqual([]);
    expect(() => store.blobPath('../../etc/passwd')).toThrow();
    expect(() => store.blobPath('A'.repeat(64))).toThrow();
  });
});

describe('size limit config', () => {
  it('PANTAU_MAX_UPLOAD_MB (default 25) in bytes, and its Indonesian message', () => {
    expect(maxUploadBytes(25)).toBe(25 * 1024 * 1024);
    expect(tooLargeMessage(maxUploadBytes(25))).toBe('Ukuran berkas melebihi batas 25 MB');
    expect(tooLargeMessage(maxUploadBytes(0.5))).toBe('Ukuran berkas melebihi batas 0,5 MB');
  });
});
