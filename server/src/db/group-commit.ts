/**
 * Group commit for SQLite write transactions (autosaves).
 *
 * SQLite runs on ONE connection here and every COMMIT is an fsync of the WAL (synchronous = FULL, kept: a save that
 * was acknowledged survives a power cut). One transaction per save therefore caps the server at one fsync per save.
 * Instead, writes that arrive while another batch is being written (or within LINGER_MS of an idle queue) share ONE
 * transaction:
 *
 *   BEGIN · job 1 · SAVEPOINT · job 2 · RELEASE · SAVEPOINT · job 3 · ROLLBACK TO (job 3 failed) · … · COMMIT
 *
 * - each job but the first runs under its own SAVEPOINT, so a job that fails (CONFLICT, a constraint, any error)
 *   leaves nothing behind and does not fail the others; the first job of a batch needs none: when it fails the batch
 *   holds nothing else yet and is rolled back whole (a lone save stays BEGIN · its statements · COMMIT);
 * - every job is answered only after the COMMIT that made it durable; when the COMMIT itself fails, every job of the
 *   batch gets that error (nothing of the batch was written);
 * - the jobs of a batch run one after another (savepoints nest, they cannot interleave) on the transaction's
 *   manager: a job must send every statement through the manager it is given, never through another one (that would
 *   wait for the connection the batch holds).
 * On PostgreSQL (a pool of connections, several processes) writeTransaction is a plain transaction per call.
 */
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

type Work<T> = (em: EntityManager) => Promise<T>;

interface Job {
  em: EntityManager;
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** How long an open batch waits for one more job when the queue is empty (ms). */
const LINGER_MS = 1;
/** Jobs per batch at most (bounds the latency of the first job of a batch). */
const MAX_BATCH = 100;

export class GroupCommit {
  private queue: Job[] = [];
  private running = false;
  private wake: (() => void) | null = null;
  /** Batches committed or rolled back so far (tests read it). */
  batches = 0;

  constructor(private readonly root: EntityManager) {}

  run<T>(em: EntityManager, work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ em, work: work as Work<unknown>, resolve: resolve as (v: unknown) => void, reject });
      if (this.wake) this.wake();
      else if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.queue.length) await this.batch();
    } finally {
      this.running = false;
    }
  }

  /** The next job: one queued, or one arriving within LINGER_MS; null when none came. */
  private async next(): Promise<Job | null> {
    if (this.queue.length) return this.queue.shift()!;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.wake = null;
        resolve();
      }, LINGER_MS);
      this.wake = () => {
        clearTimeout(t);
        this.wake = null;
        resolve();
      };
    });
    return this.queue.shift() ?? null;
  }

  private async batch() {
    this.batches++;
    const conn = this.root.getConnection();
    let trx: Awaited<ReturnType<typeof conn.begin>>;
    try {
      trx = await conn.begin();
    } catch (e) {
      for (const j of this.queue.splice(0)) j.reject(e);
      return;
    }
    const done: { job: Job; value: unknown }[] = [];
    // the first job's manager, bound to the batch transaction until it ends (its entities may be read later)
    const fork = this.queue[0].em.fork({ clear: false });
    fork.setTransactionContext(trx);
    try {
      const first = this.queue.shift()!;
      try {
        // no savepoint: the batch holds nothing else yet
        const value = await first.work(fork);
        await fork.flush();
        done.push({ job: first, value });
      } catch (e) {
        first.reject(e);
        await conn.rollback(trx).catch(() => undefined);
        return;
      }
      while (done.length < MAX_BATCH) {
        const job = await this.next();
        if (!job) break;
        try {
          // its own SAVEPOINT (MikroORM nests a transaction given as ctx): released on success, rolled back to on error
          const value = await job.em.transactional(job.work, { ctx: trx });
          done.push({ job, value });
        } catch (e) {
          job.reject(e);
        }
      }
      await conn.commit(trx);
    } catch (e) {
      await conn.rollback(trx).catch(() => undefined);
      for (const d of done) d.job.reject(e);
      return;
    } finally {
      fork.resetTransactionContext();
    }
    for (const d of done) d.job.resolve(d.value);
  }
}

const committers = new WeakMap<object, GroupCommit>();

/** The group committer of the database `em` talks to (one per ORM). */
export function groupCommitOf(em: EntityManager): GroupCommit {
  const conn = em.getConnection();
  let g = committers.get(conn);
  if (!g) committers.set(conn, (g = new GroupCommit(em.fork())));
  return g;
}

/**
 * Runs `work` in a write transaction and resolves once it is committed: on SQLite through the group committer (shared
 * transaction, own savepoint), on PostgreSQL as a transaction of its own. `work` gets the transaction's manager.
 */
export function writeTransaction<T>(em: EntityManager, work: Work<T>): Promise<T> {
  if (em.getPlatform() instanceof PostgreSqlPlatform) return em.transactional(work);
  return groupCommitOf(em).run(em, work);
}
