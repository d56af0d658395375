import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One fixed-window counter (login attempts, password changes, PortalRB requests). Kept in the database so every
 * server process shares it; updated only by RateLimiter's single atomic upsert.
 */
@Entity({ tableName: 'rate_limit_counter' })
export class RateLimitCounter {
  /** `<limiter>:<subject>`, e.g. `login-account:budi` */
  @PrimaryKey({ type: 'string', length: 255, fieldName: 'counter_key' })
  key!: string;

  @Property({ type: 'integer' })
  points!: number;

  /** End of the window, epoch milliseconds. */
  @Property({ type: new BigIntType('number'), index: true })
  expiresAt!: number;
}
