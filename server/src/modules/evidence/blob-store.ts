import { createHash, randomUUID } from 'node:crypto';
import { constants as fsc, createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** True for a lower-case 64-hex SHA-256 digest: the only thing ever turned into a blob path. */
export function isSha256Hex(s: unknown): s is string {
  return typeof s === 'string' && SHA256_HEX.test(s);
}

/** A file received into `<root>/tmp/`, not yet in place. */
export interface TempBlob {
  path: string;
  sha256: string;
  size: number;
  /** The first bytes of the content (for quick checks); the sniffer reads the file itself. */
  head: Buffer;
}

/** Raised by {@link EvidenceBlobStore.receive} when the stream carries more than `maxBytes`. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob exceeds ${maxBytes} bytes`);
  }
}

const HEAD_BYTES = 4100;

/**
 * Content-addressed evidence files: `<dataDir>/evidence/<sha[0:2]>/<sha>`.
 * A file is streamed into `<dataDir>/evidence/tmp/` (hash and size counted on the fly), fsynced, then renamed
 * into place; identical content is stored once. No request value ever becomes a path: only validated digests.
 */
export class EvidenceBlobStore {
  readonly root: string;
  readonly tmpDir: string;
  /** Per-digest critical sections, so "is this blob still referenced?" and "put it in place" never interleave. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(dataDir: string) {
    this.root = join(dataDir, 'evidence');
    this.tmpDir = join(this.root, 'tmp');
  }

  /** Creates the folders and removes temp files left by an interrupted process (older than `staleMs`). */
  async init(staleMs = 60 * 60 * 1000): Promise<void> {
    await mkdir(this.tmpDir, { recursive: true });
    await this.sweepTmp(staleMs);
  }

  /** Removes `*.part` files in tmp/ not modified for `staleMs` (uploads in flight are never that old). */
  async sweepTmp(staleMs: number): Promise<number> {
    let removed = 0;
    const now = Date.now();
    for (const name of await readdir(this.tmpDir).catch(() => [] as string[])) {
      if (!name.endsWith('.part')) continue;
      const p = join(this.tmpDir, name);
      try {
        if (now - (await stat(p)).mtimeMs > staleMs) {
          await rm(p, { force: true });
          removed++;
        }
      } catch {
        /* gone meanwhile */
      }
    }
    return removed;
  }

  /** The path of a stored blob; throws on anything but a 64-hex digest. */
  blobPath(sha256: string): string {
    if (!isSha256Hex(sha256)) throw new Error('invalid sha256');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Streams `source` into a new temp file, hashing and counting as it goes; fsyncs before returning. */
  async receive(source: Readable, maxBytes = Number.POSITIVE_INFINITY): Promise<TempBlob> {
    await mkdir(this.tmpDir, { recursive: true });
    const path = join(this.tmpDir, `${randomUUID()}.part`);
    const fh = await open(path, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, 0o640);
    const hash = createHash('sha256');
    let size = 0;
    const headParts: Buffer[] = [];
    let headLen = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > maxBytes) {
          cb(new BlobTooLargeError(maxBytes));
          return;
        }
        hash.update(chunk);
        if (headLen < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLen);
          headParts.push(Buffer.from(part));
          headLen += part.length;
        }
        writeAll(fh, chunk).then(() => cb(), cb);
      },
    });
    try {
      await pipeline(source, sink);
      await fh.sync();
    } catch (err) {
      await fh.close().catch(() => undefined);
      await rm(path, { force: true });
      throw err;
    }
    await fh.close();
    return { path, sha256: hash.digest('hex'), size, head: Buffer.concat(headParts) };
  }

  /** Removes a temp file (idempotent). */
  async discard(tmp: TempBlob | undefined): Promise<void> {
    if (tmp) await rm(tmp.path, { force: true });
  }

  /**
   * Moves a temp file into its content address. Returns `created: false` when identical content was already
   * stored (the temp file is then dropped).
   */
  async commit(tmp: TempBlob): Promise<{ path: string; created: boolean }> {
    const target = this.blobPath(tmp.sha256);
    if (await this.exists(tmp.sha256)) {
      await rm(tmp.path, { force: true });
      return { path: target, created: false };
    }
    const dir = join(this.root, tmp.sha256.slice(0, 2));
    const createdDir = await mkdir(dir, { recursive: true });
    await rename(tmp.path, target);
    await fsyncDir(dir);
    if (createdDir) await fsyncDir(this.root);
    return { path: target, created: true };
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.blobPath(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async remove(sha256: string): Promise<void> {
    try {
      await unlink(this.blobPath(sha256));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }

  async size(sha256: string): Promise<number | undefined> {
    try {
      return (await stat(this.blobPath(sha256))).size;
    } catch {
      return undefined;
    }
  }

  openRead(sha256: string): ReadStream {
    return createReadStream(this.blobPath(sha256));
  }

  /** Runs `fn` while holding the in-process lock of one digest. */
  async withLock<T>(sha256: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(sha256) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(sha256, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(sha256) === settled) this.locks.delete(sha256);
    }
  }
}

async function writeAll(fh: import('node:fs/promises').FileHandle, chunk: Buffer): Promise<void> {
  let off = 0;
  while (off < chunk.length) {
    const { bytesWritten } = await fh.write(chunk, off, chunk.length - off);
    off += bytesWritten;
  }
}

async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename durable; not supported everywhere (e.g. Windows), where it is skipped.
  let fh: import('node:fs/promises').FileHandle | undefined;
  try {
    fh = await open(dir, fsc.O_RDONLY);
    await fh.sync();
  } catch {
    /* best effort */
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
