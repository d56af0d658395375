import type { Express } from 'express';
import type { RestDeps } from '../../rest';
import { EvidenceBlobStore } from './blob-store';
import { evidenceRouter } from './routes';

/** Largest accepted evidence file in bytes, from PANTAU_MAX_UPLOAD_MB (config.maxUploadMb, default 25). */
export function maxUploadBytes(maxUploadMb: number): number {
  return Math.max(1, Math.floor(maxUploadMb * 1024 * 1024));
}

/** REST module: evidence upload/download under /api/evidence, files under <dataDir>/evidence. */
export async function mountEvidence(app: Express, deps: RestDeps): Promise<void> {
  const store = new EvidenceBlobStore(deps.config.dataDir);
  await store.init();
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
