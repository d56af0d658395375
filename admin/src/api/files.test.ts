import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { dispositionName, downloadFile } from './files';

describe('file downloads', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes the server’s UTF-8 file name, else the plain one, else the fallback', () => {
    expect(dispositionName(`attachment; filename="LKE.xlsx"; filename*=UTF-8''LKE%20ZI%202026%20%E2%80%94%20Polonia.xlsx`, 'x')).toBe(
      'LKE ZI 2026 — Polonia.xlsx',
    );
    expect(dispositionName('attachment; filename="lhe.pdf"', 'x')).toBe('lhe.pdf');
    expect(dispositionName(null, 'cadangan.csv')).toBe('cadangan.csv');
  });

  it('reports progress while the body streams in and saves the blob; a refusal becomes an ApiError', async () => {
    const body = new Uint8Array(1000);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body, { status: 200, headers: { 'content-length': '1000', 'content-disposition': 'attachment; filename="a.xlsx"' } })),
    );
    const created = vi.fn(() => 'blob:x');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    const seen: (number | null)[] = [];
    expect(await downloadFile('/api/x', 'b.xlsx', (p) => seen.push(p))).toBe('a.xlsx');
    expect(seen.at(-1)).toBe(1);
    expect(created).toHaveBeenCalledOnce();

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: 'FORBIDDEN', code: 'FORBIDDEN', message: 'Anda tidak berwenang' }), { status: 403 })),
    );
    await expect(downloadFile('/api/x', 'b.xlsx')).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Anda tidak berwenang' });
    await expect(downloadFile('/api/x', 'b.xlsx')).rejects.toBeInstanceOf(ApiError);
  });
});
