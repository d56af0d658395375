import { appUrl } from './base';
import { DeleteEvidenceDocument } from '@/graphql/generated';
import { request } from './client';
import { ApiError, normaliseCode, type ErrorCode } from './errors';

export interface UploadFields {
  submissionId: number;
  soalId?: number;
  /** A new revision of an existing evidence. */
  evidenceId?: number;
  purpose?: 'ANSWER' | 'LHE' | 'SPTJM' | 'PREREQUISITE';
  level?: string;
  title?: string;
}

export interface UploadHandle {
  promise: Promise<unknown>;
  abort: () => void;
}

export const EVIDENCE_ENDPOINT = '/api/evidence';
export const CSRF_HEADER = 'x-pantau-csrf';

export function httpCode(status: number, code: unknown): ErrorCode {
  const known = normaliseCode(code);
  if (known !== 'INTERNAL') return known;
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413 || status === 415 || status === 400 || status === 422) return 'BAD_USER_INPUT';
  return 'INTERNAL';
}

/** A REST error body `{ error, code, message, issues? }` (or none) as the ApiError the screens show. */
export function restError(status: number, body: { code?: string; message?: string; issues?: unknown } | null): ApiError {
  return new ApiError(httpCode(status, body?.code), body?.message ?? `HTTP ${status}`, {
    httpStatus: status,
    httpCode: body?.code,
    issues: Array.isArray(body?.issues) ? body.issues : undefined,
  });
}

/** The JSON of a response text; null for an empty or unreadable one (a proxy's HTML error page). */
export function jsonOrNull(text: string | null | undefined): any {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * Upload one evidence file with XMLHttpRequest (fetch has no upload progress). Text fields go first: the server
 * checks the target before it stores a byte of the file. The custom header is the server's CSRF check.
 */
export function uploadEvidence(fields: UploadFields, file: File, onProgress: (fraction: number) => void, onUnauthenticated?: () => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<unknown>((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) form.append(k, String(v));
    form.append('file', file, file.name);
    xhr.open('POST', appUrl(EVIDENCE_ENDPOINT));
    xhr.withCredentials = true;
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable && ev.total > 0) onProgress(ev.loaded / ev.total);
    };
    xhr.onload = () => {
      const body = jsonOrNull(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body);
        return;
      }
      const err = restError(xhr.status, body);
      if (err.code === 'UNAUTHENTICATED') onUnauthenticated?.();
      reject(err);
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', 'network error'));
    xhr.onabort = () => reject(new ApiError('NETWORK', 'aborted'));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** Download / inline preview links of an evidence (the session cookie authorises them). */
export function evidenceUrl(id: number, opts: { revision?: number; inline?: boolean } = {}): string {
  const base = opts.revision ? `${EVIDENCE_ENDPOINT}/${id}/revisions/${opts.revision}` : `${EVIDENCE_ENDPOINT}/${id}`;
  return appUrl(opts.inline ? `${base}?inline=1` : base);
}

/** Soft-deletes an evidence: it leaves the item, its revisions stay stored and the deletion is audited. */
export async function deleteEvidence(id: number): Promise<void> {
  await request(DeleteEvidenceDocument, { id });
}
