import type { Express } from 'express';
import type { RestDeps } from '../../rest';
import { EvidenceBlobStore } from './blob-store';
import { evidenceRouter } from './routes';
import { reconcileEvidence } from './reconcile';
import { dbTargetOf } from '../../config';

/** Largest accepted evidence file in bytes, from PANTAU_MAX_UPLOAD_MB (config.maxUploadMb, default 25). */
export function maxUploadBytes(maxUploadMb: number): number {
  return Math.max(1, Math.floor(maxUploadMb * 1024 * 1024));
}

/** REST module: evidence upload/download under /api/evidence, files under <dataDir>/evidence. */
export async function mountEvidence(app: Express, deps: RestDeps): Promise<void> {
  const store = new EvidenceBlobStore(deps.config.dataDir);
  await store.init();
  // after a crash: no file without a row, no temp file left (reconcile.ts); a row without its file is reported
  const r = await reconcileEvidence(deps.orm.em.fork(), store, { exclusive: dbTargetOf(deps.config).kind === 'sqlite' });
  if (r.orphans || r.temps) deps.log(`bukti dukung: ${r.orphans} berkas tanpa baris dan ${r.temps} berkas sementara dihapus saat mulai`);
  if (r.missing.length) deps.log(`bukti dukung: ${r.missing.length} revisi tanpa berkas: ${r.missing.slice(0, 20).join(', ')}`);
  app.use(
    '/api/evidence',
    evidenceRouter({
      store,
      maxUploadBytes: maxUploadBytes(deps.config.maxUploadMb),
      context: deps.context,
      log: deps.log,
    }),
  );
}
