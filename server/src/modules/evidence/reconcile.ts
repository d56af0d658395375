/**
 * Evidence durability across crashes (issue 9 item 6). An upload puts its file in place (fsynced rename) before
 * its rows commit, so a row always has its file; a kill -9 in between leaves a file without a row and an upload cut
 * short leaves a temp file. At start-up `reconcileEvidence` removes both: on SQLite (this process owns the file, no
 * upload of another process can be in flight) every unreferenced blob and every temp file; on PostgreSQL, where
 * other processes may be mid-upload, only those older than RECONCILE_GRACE_MS. Each removal holds the digest's
 * lock and re-counts the references inside it, so it never races an upload of the same content.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { EvidenceBlobStore, isSha256Hex } from './blob-store';
import { EvidenceRevision } from './entities';

/** On PostgreSQL: a blob or temp file younger than this may belong to an upload in flight in another process. */
export const RECONCILE_GRACE_MS = 60 * 60 * 1000;

/**
 * The per-digest lock shared by all server processes: a PostgreSQL transaction-level advisory lock (released at
 * commit/rollback). On SQLite one process owns the database and the in-process lock (blob-store withLock) suffices.
 */
export async function lockDigest(em: EntityManager, sha256: string): Promise<void> {
  if (!(em.getPlatform() instanceof PostgreSqlPlatform)) return;
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`pantau:evidence:${sha256}`]);
}

/**
 * Removes a blob when no revision references it, under the digest's database lock. The caller holds the
 * in-process lock (store.withLock) of the digest.
 */
export async function removeIfUnreferenced(em: EntityManager, store: EvidenceBlobStore, sha256: string): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    await lockDigest(tx as EntityManager, sha256);
    if ((await tx.count(EvidenceRevision, { sha256 })) > 0) return false;
    await store.remove(sha256);
    return true;
  });
}

export interface ReconcileResult {
  /** Files without a row, removed. */
  orphans: number;
  /** Temp files of interrupted uploads, removed. */
  temps: number;
  /** Revisions whose file is missing (cannot be repaired here; logged). */
  missing: string[];
}

export async function reconcileEvidence(em: EntityManager, store: EvidenceBlobStore, opts: { exclusive: boolean }): Promise<ReconcileResult> {
  const grace = opts.exclusive ? 0 : RECONCILE_GRACE_MS;
  const temps = await store.sweepTmp(grace === 0 ? -1 : grace);
  const rows = (await em.fork().execute('select distinct sha256 from evidence_revision')) as { sha256: string }[];
  const referenced = new Set(rows.map((r) => r.sha256));
  const now = Date.now();
  let orphans = 0;
  const present = new Set<string>();
  for (const dir of await readdir(store.root).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const name of await readdir(join(store.root, dir)).catch(() => [] as string[])) {
      if (!isSha256Hex(name) || !name.startsWith(dir)) continue;
      present.add(name);
      if (referenced.has(name)) continue;
      if (grace > 0) {
        // ctime: when the file was renamed into place
        const st = await stat(join(store.root, dir, name)).catch(() => null);
        if (!st || now - st.ctimeMs < grace) continue;
      }
      if (await store.withLock(name, () => removeIfUnreferenced(em, store, name))) {
        orphans++;
        present.delete(name);
      }
    }
  }
  const missing = [...referenced].filter((sha) => !present.has(sha));
  return { orphans, temps, missing };
}
