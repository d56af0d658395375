/** The JSON shape of evidence in REST responses (the GraphQL types expose the same fields). */
import { wrap } from '@mikro-orm/core';
import type { Evidence, EvidenceRevision } from './entities';
import { evidenceUrl, revisionUrl, snapshot } from './service';

/** `uploaderName` is used when the uploader is only a reference (e.g. right after an upload). */
export function revisionJson(r: EvidenceRevision, uploaderName?: string) {
  const by = r.uploadedBy;
  const name = wrap(by).isInitialized() ? by.displayName : (uploaderName ?? null);
  return {
    id: r.id,
    no: r.no,
    fileName: r.fileName,
    size: r.size,
    mimeType: r.mimeType,
    sha256: r.sha256,
    uploadedBy: { id: by.id, name },
    uploadedAt: r.uploadedAt.toISOString(),
    downloadUrl: revisionUrl(r.evidence.id, r.no),
  };
}

export function evidenceJson(e: Evidence) {
  return {
    ...snapshot(e),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    downloadUrl: evidenceUrl(e.id),
  };
}
