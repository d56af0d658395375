/**
 * The signed-in users of recent requests, by session id: an autosave burst does not look its session up once per
 * request. Only on SQLite, where one server process owns the file: any write to the session, user, role or Kanwil
 * tables in this process (scoped grants expand over the Kanwils: org/scope.ts; ORM or raw SQL: it watches the
 * statements sent) empties it, so logout, deactivation, role and locale changes apply to the very next request.
 * SESSION_CACHE_MS is only a safety net for a write from another process (a script). On PostgreSQL several
 * processes share the tables, so createApp does not use it there.
 */
import type { AuthUser } from '../../common/context';

export const SESSION_CACHE_MS = 60_000;
const WRITES_AUTH =
  /^\s*(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update|delete\s+from)\s+[`"]?(?:\w+[`"]?\.[`"]?)?(?:session|app_user|role_assignment|kanwil)[`"]?(?:\s|\(|$)/i;

interface Entry {
  user: AuthUser;
  expiresAt: number;
  lastSeenAt: number;
  until: number;
}

export class SessionCache {
  private entries = new Map<string, Entry>();
  /** bumped on every clear: a lookup that started before a clear never stores its (maybe stale) result */
  private generation = 0;

  /** `knex`: the ORM's query builder (em.getConnection().getKnex()), whose 'query' event names every statement sent */
  watch(knex: { on(event: 'query', listener: (q: { sql?: string }) => void): unknown }): void {
    knex.on('query', (q) => {
      if (q.sql && WRITES_AUTH.test(q.sql)) this.clear();
    });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get(sessionId: string, now: number): Entry | null {
    const e = this.entries.get(sessionId);
    if (!e) return null;
    if (now >= e.until || now >= e.expiresAt) {
      this.entries.delete(sessionId);
      return null;
    }
    return e;
  }

  get stamp(): number {
    return this.generation;
  }

  set(stamp: number, sessionId: string, user: AuthUser, expiresAt: number, lastSeenAt: number, now: number): void {
    if (stamp !== this.generation) return;
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(sessionId, { user, expiresAt, lastSeenAt, until: now + SESSION_CACHE_MS });
  }
}
