import { open, type FileHandle } from 'node:fs/promises';

/** A content type we accept as evidence, as sniffed from the bytes (never from the name). */
export interface SniffedType {
  mime: string;
  /** Canonical extension, used to make the download name consistent with the content. */
  ext: string;
  /** Other extensions that name the same type. */
  aliases?: string[];
  inlineable: boolean;
}

const ALLOWED: Record<string, SniffedType> = {
  'application/pdf': { mime: 'application/pdf', ext: 'pdf', inlineable: true },
  'image/png': { mime: 'image/png', ext: 'png', inlineable: true },
  'image/jpeg': { mime: 'image/jpeg', ext: 'jpg', aliases: ['jpeg', 'jpe'], inlineable: true },
  'image/gif': { mime: 'image/gif', ext: 'gif', inlineable: true },
  'image/webp': { mime: 'image/webp', ext: 'webp', inlineable: true },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    inlineable: false,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    inlineable: false,
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ext: 'pptx',
    inlineable: false,
  },
  'application/msword': { mime: 'application/msword', ext: 'doc', aliases: ['dot'], inlineable: false },
  'application/vnd.ms-excel': { mime: 'application/vnd.ms-excel', ext: 'xls', aliases: ['xlt'], inlineable: false },
  'application/vnd.ms-powerpoint': {
    mime: 'application/vnd.ms-powerpoint',
    ext: 'ppt',
    aliases: ['pps', 'pot'],
    inlineable: false,
  },
};

/** The accepted type for a stored MIME type (e.g. when serving a file), if any. */
export function allowedType(mime: string): SniffedType | undefined {
  return Object.prototype.hasOwnProperty.call(ALLOWED, mime) ? ALLOWED[mime] : undefined;
}

export interface SniffResult {
  /** The accepted type, or undefined when the content is not allowed. */
  type?: SniffedType;
  /** What was detected (for logs/audit), e.g. "exe", "zip", "cfb", or "unknown". */
  detected: string;
}

interface FileTypeModule {
  fileTypeFromFile(path: string): Promise<{ ext: string; mime: string } | undefined>;
}
let fileTypeModule: Promise<FileTypeModule> | undefined;
/** file-type is ESM-only: loaded with a dynamic import (kept as import() by tsc's Node16 module output). */
function loadFileType(): Promise<FileTypeModule> {
  fileTypeModule ??= import('file-type') as Promise<FileTypeModule>;
  return fileTypeModule;
}

/**
 * Sniffs a received file from its content. PDF, PNG, JPEG, GIF, WEBP, OOXML documents (as recognised by file-type
 * from [Content_Types].xml) and legacy Word/Excel/PowerPoint files (CFB containers holding the application's main
 * stream; other CFB files such as MSI installers are refused).
 */
export async function sniffFile(path: string): Promise<SniffResult> {
  const { fileTypeFromFile } = await loadFileType();
  let ft: { ext: string; mime: string } | undefined;
  try {
    ft = await fileTypeFromFile(path);
  } catch {
    ft = undefined;
  }
  if (!ft) return { detected: 'unknown' };
  if (ft.ext === 'cfb') {
    const legacy = await legacyOfficeType(path).catch(() => undefined);
    return legacy ? { type: ALLOWED[legacy], detected: ALLOWED[legacy].ext } : { detected: 'cfb' };
  }
  const type = allowedType(ft.mime);
  return type ? { type, detected: ft.ext } : { detected: ft.ext };
}

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const MAX_DIR_SECTORS = 4096;

/**
 * Reads the directory of an MS-CFB container (MS-CFB §2) and names the Office application whose main stream it holds:
 * "WordDocument" → Word, "Workbook"/"Book" → Excel, "PowerPoint Document" → PowerPoint.
 */
export async function legacyOfficeType(path: string): Promise<string | undefined> {
  const fh = await open(path, 'r');
  try {
    const header = await readAt(fh, 0, 512);
    if (header.length < 512 || header.readUInt32LE(0) !== 0xe011cfd0 || header.readUInt32LE(4) !== 0xe11ab1a1) {
      return undefined;
    }
    const shift = header.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) return undefined;
    const sectorSize = 1 << shift;
    const perSector = sectorSize / 4;
    const sectorOffset = (n: number) => (n + 1) * sectorSize;

    // FAT sector locations: 109 in the header, the rest in the DIFAT chain.
    const numFat = header.readUInt32LE(0x2c);
    const fatSectors: number[] = [];
    for (let i = 0; i < 109 && fatSectors.length < numFat; i++) fatSectors.push(header.readUInt32LE(0x4c + i * 4));
    let difat = header.readUInt32LE(0x44);
    const seenDifat = new Set<number>();
    while (fatSectors.length < numFat && difat !== ENDOFCHAIN && difat !== FREESECT && !seenDifat.has(difat)) {
      seenDifat.add(difat);
      const buf = await readAt(fh, sectorOffset(difat), sectorSize);
      if (buf.length < sectorSize) break;
      for (let i = 0; i < perSector - 1 && fatSectors.length < numFat; i++) fatSectors.push(buf.readUInt32LE(i * 4));
      difat = buf.readUInt32LE(sectorSize - 4);
    }
    const fatCache = new Map<number, Buffer>();
    const next = async (sector: number): Promise<number> => {
      const idx = Math.floor(sector / perSector);
      if (idx >= fatSectors.length) return ENDOFCHAIN;
      let buf = fatCache.get(idx);
      if (!buf) {
        buf = await readAt(fh, sectorOffset(fatSectors[idx]), sectorSize);
        fatCache.set(idx, buf);
      }
      const off = (sector % perSector) * 4;
      return off + 4 <= buf.length ? buf.readUInt32LE(off) : ENDOFCHAIN;
    };

    const names = new Set<string>();
    let dir = header.readUInt32LE(0x30);
    const seen = new Set<number>();
    while (dir !== ENDOFCHAIN && dir !== FREESECT && !seen.has(dir) && seen.size < MAX_DIR_SECTORS) {
      seen.add(dir);
      const buf = await readAt(fh, sectorOffset(dir), sectorSize);
      for (let off = 0; off + 128 <= buf.length; off += 128) {
        const type = buf[off + 0x42];
        const nameLen = buf.readUInt16LE(off + 0x40);
        if ((type === 1 || type === 2) && nameLen >= 2 && nameLen <= 64) {
          names.add(buf.toString('utf16le', off, off + nameLen - 2));
        }
      }
      dir = await next(dir);
    }
    if (names.has('WordDocument')) return 'application/msword';
    if (names.has('Workbook') || names.has('Book')) return 'application/vnd.ms-excel';
    if (names.has('PowerPoint Document')) return 'application/vnd.ms-powerpoint';
    return undefined;
  } finally {
    await fh.close();
  }
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}
