/**
 * REST endpoints for evidence files (GraphQL is the wrong tool for streamed uploads and downloads):
 *   POST   /api/evidence                      multipart/form-data upload (new evidence or a new revision)
 *   GET    /api/evidence/:id                  the current revision's file
 *   GET    /api/evidence/:id/revisions/:rev   one revision's file
 *   DELETE /api/evidence/:id                  soft delete
 * Errors are JSON `{ error, code, message }` (common/rest-errors.ts).
 */
import busboy from 'busboy';
import { GraphQLError } from 'graphql';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Ctx } from '../../common/context';
import { AnswerLevel } from '../../common/enums';
import { RestError, sendRestError } from '../../common/rest-errors';
import { EvidenceBlobStore, type TempBlob } from './blob-store';
import { evidenceJson, revisionJson } from './dto';
import { EvidencePurpose } from './entities';
import { contentDisposition } from './filename';
import { commitUpload, deleteEvidence, resolveUploadTarget, revisionForDownload, type ResolvedTarget, type UploadTarget } from './service';
import { allowedType, sniffFile } from './sniff';

export interface EvidenceRouteDeps {
  store: EvidenceBlobStore;
  /** Largest accepted file, in bytes (PANTAU_MAX_UPLOAD_MB). */
  maxUploadBytes: number;
  /** Builds the per-request context (forked EntityManager, signed-in user or null). */
  context: (req: Request, res: Response) => Promise<Ctx> | Ctx;
  log?: (err: unknown) => void;
}

export const CSRF_HEADER = 'x-pantau-csrf';

/** Allowance for the multipart framing and the small text fields around the file. */
const MULTIPART_OVERHEAD = 256 * 1024;

const mb = (bytes: number) => {
  const v = bytes / (1024 * 1024);
  return Number.isInteger(v)
    ? String(v)
    : v
        .toFixed(2)
        .replace(/\.?0+$/, '')
        .replace('.', ',');
};

export const tooLargeMessage = (maxBytes: number) => `Ukuran berkas melebihi batas ${mb(maxBytes)} MB`;
export const UNSUPPORTED_TYPE_MESSAGE = 'Jenis berkas tidak diizinkan: hanya PDF, gambar, dan dokumen Office';

function parseId(v: unknown, field: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || !/^[1-9][0-9]{0,9}$/.test(v.trim())) {
    throw new RestError('BAD_USER_INPUT', `${field} harus berupa bilangan bulat positif`);
  }
  return Number(v.trim());
}

function parseEnum<E extends Record<string, string>>(e: E, v: string | undefined, field: string): E[keyof E] | undefined {
  if (v === undefined || v === '') return undefined;
  const values = Object.values(e);
  if (!values.includes(v.trim())) throw new RestError('BAD_USER_INPUT', `${field} harus salah satu dari: ${values.join(', ')}`);
  return v.trim() as E[keyof E];
}

/** Parses the multipart text fields of an upload. */
export function parseUploadFields(f: Record<string, string>): UploadTarget {
  return {
    submissionId: parseId(f.submissionId, 'submissionId'),
    soalId: parseId(f.soalId, 'soalId'),
    evidenceId: parseId(f.evidenceId, 'evidenceId'),
    purpose: parseEnum(EvidencePurpose, f.purpose, 'purpose'),
    level: parseEnum(AnswerLevel, f.level, 'level'),
    title: f.title,
    description: f.description,
  };
}

interface Received {
  fields: Record<string, string>;
  tmp?: TempBlob;
  fileName?: string;
  truncated: boolean;
  /** Target resolved as soon as the fields preceding the file were known (before any byte was stored). */
  target?: ResolvedTarget;
  error?: unknown;
}

export function evidenceRouter(deps: EvidenceRouteDeps): Router {
  const { store, maxUploadBytes, log } = deps;
  const router = Router();
  const hardCap = maxUploadBytes + MULTIPART_OVERHEAD;

  const guard =
    (fn: (req: Request, res: Response) => Promise<void>) =>
    (req: Request, res: Response, _next: NextFunction): void => {
      fn(req, res).catch((err) => sendRestError(res, err, log ?? (() => {})));
    };

  async function authed(req: Request, res: Response, csrf: boolean): Promise<Ctx> {
    if (csrf && req.get(CSRF_HEADER) !== '1') {
      // also checked globally for /api in app.ts; kept here so the router is safe wherever it is mounted
      throw new RestError('FORBIDDEN', 'Permintaan ditolak: header x-pantau-csrf wajib disertakan');
    }
    const ctx = await deps.context(req, res);
    if (!ctx.user) throw new RestError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
    return ctx;
  }

  /** Streams the multipart body: text fields into memory, the one file into a temp file (never into memory). */
  function receive(req: Request, res: Response, ctx: Ctx): Promise<Received> {
    return new Promise<Received>((resolve) => {
      const out: Received = { fields: {}, truncated: false };
      let filePromise: Promise<void> | undefined;
      let settled = false;
      let bb: busboy.Busboy | undefined;
      /** Stops parsing early: the rest of the body is discarded and the connection closed after the answer. */
      const stopReading = () => {
        if (req.complete) return;
        res.set('Connection', 'close');
        if (bb) req.unpipe(bb);
        req.resume();
      };
      const finish = async (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error) {
          out.error ??= error;
          stopReading();
        }
        if (filePromise) await filePromise;
        resolve(out);
      };
      try {
        bb = busboy({
          headers: req.headers,
          // browsers send the file name as raw UTF-8 bytes; busboy's default (latin1) garbles "ø" into "Ã¸"
          defParamCharset: 'utf8',
          limits: {
            // one byte more than allowed: busboy flags a file that reaches the limit as truncated
            fileSize: maxUploadBytes + 1,
            files: 1,
            fields: 20,
            fieldSize: 8 * 1024,
            parts: 25,
            headerPairs: 50,
          },
        });
      } catch {
        void finish(new RestError('BAD_REQUEST', 'Permintaan multipart/form-data tidak valid'));
        return;
      }
      let received = 0;
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > hardCap && !settled) {
          // A body far beyond the limit (e.g. chunked, with no Content-Length): stop parsing it.
          req.unpipe(bb);
          bb.destroy();
          void finish(new RestError('PAYLOAD_TOO_LARGE', tooLargeMessage(maxUploadBytes)));
        }
        // after an early answer the rest is read and discarded only until that answer (Connection: close) is sent
      });
      req.on('close', () => {
        if (req.complete || settled) return;
        // the client went away mid-upload: tear busboy down so the file stream errors and its temp file is removed
        req.unpipe(bb);
        bb.destroy(new Error('aborted'));
        void finish(new RestError('BAD_REQUEST', 'Unggahan terputus'));
      });
      bb.on('field', (name, value, info) => {
        if (info.valueTruncated) {
          out.error ??= new RestError('BAD_USER_INPUT', `Isian ${name} terlalu panjang`);
          return;
        }
        out.fields[name] = value;
      });
      bb.on('file', (name, stream: Readable & { truncated?: boolean }, info) => {
        if (name !== 'file' || filePromise) {
          out.error ??= new RestError('BAD_USER_INPUT', 'Kirim tepat satu berkas pada isian "file"');
          stream.on('error', () => undefined);
          stream.resume();
          return;
        }
        // errors reach store.receive's pipeline; this keeps one raised before it is attached from going unhandled
        stream.on('error', () => undefined);
        out.fileName = decodeFormDataFileName(info.filename);
        stream.on('limit', () => {
          out.truncated = true;
        });
        filePromise = (async () => {
          try {
            // Fields sent before the file (the normal order): refuse early, before storing a single byte.
            if (out.fields.submissionId !== undefined || out.fields.evidenceId !== undefined) {
              out.target = await resolveUploadTarget(ctx, parseUploadFields(out.fields));
            }
            out.tmp = await store.receive(stream);
          } catch (err) {
            out.error ??= err;
            if (!stream.destroyed) {
              stream.resume(); // drain the rest; busboy then closes normally
            } else if (!settled) {
              // the file stream was torn down (e.g. a disk error): busboy would wait for it forever
              settled = true;
              stopReading();
              resolve(out);
            }
          }
        })();
      });
      bb.on('filesLimit', () => {
        out.error ??= new RestError('BAD_USER_INPUT', 'Hanya satu berkas per unggahan');
      });
      bb.on('fieldsLimit', () => {
        out.error ??= new RestError('BAD_USER_INPUT', 'Terlalu banyak isian formulir');
      });
      bb.on('partsLimit', () => {
        out.error ??= new RestError('BAD_USER_INPUT', 'Terlalu banyak bagian formulir');
      });
      bb.on('error', (err) => void finish(new RestError('BAD_REQUEST', `Permintaan multipart tidak valid: ${(err as Error).message}`)));
      bb.on('close', () => void finish());
      req.pipe(bb);
    });
  }

  router.post(
    '/',
    guard(async (req, res) => {
      const ctx = await authed(req, res, true);
      if (!req.is('multipart/form-data')) {
        throw new RestError('UNSUPPORTED_MEDIA_TYPE', 'Unggahan harus berupa multipart/form-data');
      }
      const declared = Number(req.get('content-length'));
      if (Number.isFinite(declared) && declared > hardCap) {
        res.set('Connection', 'close');
        throw new RestError('PAYLOAD_TOO_LARGE', tooLargeMessage(maxUploadBytes));
      }
      const got = await receive(req, res, ctx);
      try {
        // a refusal of the target (401/403/404/422 from the fields sent first) wins over the size of what followed
        if (got.error instanceof GraphQLError) throw got.error;
        if (got.truncated) throw new RestError('PAYLOAD_TOO_LARGE', tooLargeMessage(maxUploadBytes));
        if (got.error) throw got.error;
        if (!got.tmp) throw new RestError('BAD_USER_INPUT', 'Berkas wajib diunggah pada isian "file"');
        if (got.tmp.size === 0) throw new RestError('BAD_USER_INPUT', 'Berkas kosong');
        const target = got.target ?? (await resolveUploadTarget(ctx, parseUploadFields(got.fields)));
        const sniffed = await sniffFile(got.tmp.path);
        if (!sniffed.type) throw new RestError('UNSUPPORTED_MEDIA_TYPE', UNSUPPORTED_TYPE_MESSAGE);
        const tmp = got.tmp;
        got.tmp = undefined; // from here on commitUpload owns the temp file
        const result = await commitUpload(ctx, store, target, tmp, sniffed.type, got.fileName);
        res.status(201).json({
          evidence: evidenceJson(result.evidence),
          revision: revisionJson(result.revision, ctx.user?.displayName),
          deduplicated: !result.newBlob,
        });
      } finally {
        await store.discard(got.tmp);
      }
    }),
  );

  async function download(req: Request, res: Response, revParam?: string): Promise<void> {
    const ctx = await authed(req, res, false);
    const id = parseIdOr404(req.params.id);
    const no = revParam === undefined ? undefined : parseIdOr404(revParam);
    const rev = await revisionForDownload(ctx, id, no);
    const size = await store.size(rev.sha256);
    if (size === undefined) {
      log?.(new Error(`evidence blob missing: revision ${rev.id} sha256 ${rev.sha256}`));
      throw new RestError('NOT_FOUND', 'Berkas bukti dukung tidak tersedia di penyimpanan');
    }
    const type = allowedType(rev.mimeType);
    const inline = req.query.inline === '1' && !!type?.inlineable;
    const etag = `"${rev.sha256}"`;
    res.set({
      'Content-Type': type?.mime ?? 'application/octet-stream',
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition(rev.fileName, inline),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-cache',
      'Cross-Origin-Resource-Policy': 'same-origin',
      ETag: etag,
    });
    if (req.get('if-none-match') === etag) {
      res.removeHeader('Content-Length');
      res.status(304).end();
      return;
    }
    if (req.method === 'HEAD') {
      res.status(200).end();
      return;
    }
    res.status(200);
    try {
      await pipeline(store.openRead(rev.sha256), res);
    } catch (err) {
      // a client that stops reading is not a server error
      if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') log?.(err);
      res.destroy();
    }
  }

  router.get(
    '/:id',
    guard((req, res) => download(req, res)),
  );
  router.get(
    '/:id/revisions/:rev',
    guard((req, res) => download(req, res, String(req.params.rev))),
  );

  router.delete(
    '/:id',
    guard(async (req, res) => {
      const ctx = await authed(req, res, true);
      const ev = await deleteEvidence(ctx, parseIdOr404(req.params.id));
      res.status(200).json({ evidence: evidenceJson(ev) });
    }),
  );

  return router;
}

/**
 * Browsers send `"`, CR and LF in a multipart file name as %22, %0D and %0A (WHATWG multipart/form-data encoding);
 * busboy leaves them encoded. Undo exactly those three (the name is sanitised afterwards anyway).
 */
export function decodeFormDataFileName(name: string | undefined): string | undefined {
  return name?.replace(/%(22|0d|0a)/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function parseIdOr404(v: unknown): number {
  if (typeof v !== 'string' || !/^[1-9][0-9]{0,9}$/.test(v)) {
    throw new RestError('NOT_FOUND', 'Bukti dukung tidak ditemukan');
  }
  return Number(v);
}
