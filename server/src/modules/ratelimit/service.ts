/**
 * Fixed-window rate limiting in the database (table rate_limit_counter), shared by all server processes.
 *
 * `consume` reserves a point with ONE upsert (`insert … on conflict do update … returning`, SQLite ≥ 3.35 and
 * PostgreSQL alike), so parallel requests each see their own count: an attempt is counted before any expensive work
 * (password hashing) and no burst slips through between a check and a write.
 */
import type { EntityManager } from '@mikro-orm/core';

export interface Consumed {
  /** Points in the window, this one included. */
  points: number;
  allowed: boolean;
  /** Milliseconds until the window ends. */
  msBeforeReset: number;
}

type Executor = { getConnection(): { execute(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run'): Promise<unknown> } };

const TABLE = 'rate_limit_counter';

export class RateLimiter {
  constructor(
    /** Key prefix, e.g. 'login-account'. */
    readonly name: string,
    /** Points allowed per window. */
    readonly points: number,
    readonly windowMs: number,
    private now: () => number = Date.now,
  ) {}

  private key(subject: string) {
    return `${this.name}:${subject}`.slice(0, 255);
  }

  async consume(em: EntityManager | Executor, subject: string): Promise<Consumed> {
    const now = this.now();
    const rows = (await (em as Executor).getConnection().execute(
      `insert into ${TABLE} (counter_key, points, expires_at) values (?, 1, ?)
       on conflict (counter_key) do update set
         points = case when ${TABLE}.expires_at > ? then ${TABLE}.points + 1 else 1 end,
         expires_at = case when ${TABLE}.expires_at > ? then ${TABLE}.expires_at else excluded.expires_at end
       returning points, expires_at`,
      [this.key(subject), now + this.windowMs, now, now],
      'all',
    )) as { points: number | string; expires_at: number | string }[];
    const points = Number(rows[0].points);
    return { points, allowed: points <= this.points, msBeforeReset: Math.max(0, Number(rows[0].expires_at) - now) };
  }

  /** Gives one reserved point back (the attempt turned out fine). */
  async refund(em: EntityManager | Executor, subject: string): Promise<void> {
    await (em as Executor).getConnection().execute(`update ${TABLE} set points = points - 1 where counter_key = ? and points > 0`, [this.key(subject)], 'run');
  }

  async reset(em: EntityManager | Executor, subject: string): Promise<void> {
    await (em as Executor).getConnection().execute(`delete from ${TABLE} where counter_key = ?`, [this.key(subject)], 'run');
  }

  /** Drops windows that ended (any limiter). */
  static async sweep(em: EntityManager | Executor, now = Date.now()): Promise<void> {
    await (em as Executor).getConnection().execute(`delete from ${TABLE} where expires_at < ?`, [now], 'run');
  }
}
