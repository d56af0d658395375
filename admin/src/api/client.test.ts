import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppI18n } from '@/i18n';
import { request, setUnauthenticatedHandler } from './client';
import { ApiError, SERVER_ERROR_CODES, errorKey } from './errors';

function mockFetch(body: unknown, status = 200) {
  const fn = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fn);
  return fn;
}

describe('GraphQL client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthenticatedHandler(null);
  });

  it('POSTs JSON to /graphql with the session cookie and returns data', async () => {
    const fn = mockFetch({ data: { me: null } });
    const data = await request<{ me: null }, Record<string, never>>('query Me { me { id } }', {});
    expect(data).toEqual({ me: null });
    const [url, init] = fn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toMatchObject({ operationName: 'Me', variables: {} });
  });

  it.each(SERVER_ERROR_CODES)('maps %s to an ApiError with that code', async (code) => {
    mockFetch({ data: null, errors: [{ message: 'pesan server', extensions: { code } }] });
    const err = (await request('query Q { x }', {}, { silentAuth: true }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe(code);
    expect(err.message).toBe('pesan server');
  });

  it('reports an unreachable server as NETWORK and unknown codes as INTERNAL', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(((await request('query Q { x }').catch((e: unknown) => e)) as ApiError).code).toBe('NETWORK');
    mockFetch({ errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, 500);
    expect(((await request('query Q { x }').catch((e: unknown) => e)) as ApiError).code).toBe('INTERNAL');
  });

  it('calls the UNAUTHENTICATED handler (redirect to /login) unless told to stay silent', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    mockFetch({ errors: [{ message: 'Silakan masuk', extensions: { code: 'UNAUTHENTICATED' } }] });
    await request('query Q { x }').catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
    await request('query Q { x }', {}, { silentAuth: true }).catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('has a human message for every error code in both languages', () => {
    const i18n = createAppI18n('id');
    for (const lang of ['id', 'en'] as const) {
      i18n.global.locale.value = lang;
      for (const code of [...SERVER_ERROR_CODES, 'NETWORK', 'INTERNAL'] as const) {
        const key = errorKey(code);
        expect(i18n.global.te(key), `${lang} ${key}`).toBe(true);
      }
    }
  });
});
