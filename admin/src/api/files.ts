import { appUrl } from './base';
import { notifyUnauthenticated } from './client';
import { ApiError } from './errors';
import { CSRF_HEADER, jsonOrNull, restError } from './upload';

/** One unreadable workbook cell as the server names it. */
export interface WorkbookIssue {
  sheet: string;
  cell: string;
  message: string;
}

export type Progress = (fraction: number | null) => void;

function errorFrom(status: number, body: { code?: string; message?: string; issues?: unknown } | null): ApiError {
  const err = restError(status, body);
  if (err.code === 'UNAUTHENTICATED') notifyUnauthenticated();
  return err;
}

/** POST a file as the request body (XMLHttpRequest: fetch has no upload progress); resolves with the JSON answer. */
export function postFile<T>(url: string, file: Blob, onProgress: Progress = () => {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', appUrl(url));
    xhr.withCredentials = true;
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (ev) => onProgress(ev.lengthComputable && ev.total > 0 ? ev.loaded / ev.total : null);
    xhr.onload = () => {
      const body = jsonOrNull(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else reject(errorFrom(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', 'network error'));
    xhr.send(file);
  });
}

/** The file name a Content-Disposition header gives (RFC 5987 `filename*` first). */
export function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1]!.trim() : fallback;
}

/** Hand a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * GET a file with the session cookie, reporting progress while the body streams in (null = size unknown),
 * then save it under the server's file name. Errors come back as ApiError from the `{ error, code, message }` body.
 */
export async function downloadFile(url: string, fallbackName: string, onProgress: Progress = () => {}): Promise<string> {
  let res: Response;
  try {
    res = await fetch(appUrl(url), { credentials: 'include' });
  } catch (err) {
    throw new ApiError('NETWORK', (err as Error)?.message ?? 'network error');
  }
  if (!res.ok) {
    throw errorFrom(res.status, jsonOrNull(await res.text().catch(() => null)));
  }
  const total = Number(res.headers.get('content-length')) || 0;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      onProgress(total ? loaded / total : null);
    }
  } else chunks.push(new Uint8Array(await res.arrayBuffer()));
  onProgress(1);
  const name = dispositionName(res.headers.get('content-disposition'), fallbackName);
  saveBlob(new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }), name);
  return name;
}

/** POST JSON and save the file the server answers with (XMLHttpRequest: progress while the answer streams in). */
export function postForDownload(url: string, body: unknown, fallbackName: string, onProgress: Progress = () => {}): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', appUrl(url));
    xhr.withCredentials = true;
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.responseType = 'blob';
    xhr.onprogress = (ev) => onProgress(ev.lengthComputable && ev.total > 0 ? ev.loaded / ev.total : null);
    xhr.onload = async () => {
      const blob = xhr.response as Blob;
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        const name = dispositionName(xhr.getResponseHeader('content-disposition'), fallbackName);
        saveBlob(blob, name);
        resolve(name);
        return;
      }
      reject(errorFrom(xhr.status, jsonOrNull(await blob.text().catch(() => null))));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', 'network error'));
    xhr.send(JSON.stringify(body));
  });
}
