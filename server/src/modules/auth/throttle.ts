/**
 * Login and password-change throttling, stored in the database (RateLimiter) so every server process shares it.
 *
 * An attempt is reserved BEFORE the password is hashed, in three windows of WINDOW_MS:
 * - account + client address: MAX_FAILURES (typos of one person; behind a proxy the address is the client's,
 *   see PANTAU_TRUST_PROXY),
 * - account from any address: MAX_ACCOUNT_FAILURES (one account guessed from many addresses),
 * - client address for any account: MAX_ADDRESS_FAILURES (many accounts guessed from one address).
 * A successful attempt gives its reservation back and clears the account + address window.
 */
import type { EntityManager } from '@mikro-orm/core';
import { RateLimiter } from '../ratelimit/service';

export const MAX_FAILURES = 5;
export const MAX_ACCOUNT_FAILURES = 20;
export const MAX_ADDRESS_FAILURES = 50;
export const MAX_PASSWORD_CHANGES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

const normal = (username: string) => username.trim().toLowerCase();

export class LoginThrottle {
  readonly accountAddress: RateLimiter;
  readonly account: RateLimiter;
  readonly address: RateLimiter;
  readonly passwordChange: RateLimiter;

  constructor(now: () => number = Date.now) {
    this.accountAddress = new RateLimiter('login-account-ip', MAX_FAILURES, WINDOW_MS, now);
    this.account = new RateLimiter('login-account', MAX_ACCOUNT_FAILURES, WINDOW_MS, now);
    this.address = new RateLimiter('login-ip', MAX_ADDRESS_FAILURES, WINDOW_MS, now);
    this.passwordChange = new RateLimiter('password-change', MAX_PASSWORD_CHANGES, WINDOW_MS, now);
  }

  private windows(username: string, ip: string): [RateLimiter, string][] {
    const u = normal(username);
    return [
      [this.accountAddress, `${u}|${ip}`],
      [this.account, u],
      [this.address, ip],
    ];
  }

  /** Reserves a login attempt; seconds to wait when any window is full (0 = go ahead and check the password). */
  async reserveLogin(em: EntityManager, username: string, ip: string): Promise<number> {
    let wait = 0;
    for (const [limiter, subject] of this.windows(username, ip)) {
      const r = await limiter.consume(em, subject);
      if (!r.allowed) wait = Math.max(wait, Math.max(1, Math.ceil(r.msBeforeReset / 1000)));
    }
    return wait;
  }

  /** The password was right: the reservation is given back and the account + address window cleared. */
  async loginSucceeded(em: EntityManager, username: string, ip: string): Promise<void> {
    const [[accountAddress, aaKey], ...rest] = this.windows(username, ip);
    await accountAddress.reset(em, aaKey);
    for (const [limiter, subject] of rest) await limiter.refund(em, subject);
  }

  /** Reserves a password change of this user (seconds to wait, 0 = go ahead). */
  async reservePasswordChange(em: EntityManager, userId: number): Promise<number> {
    const r = await this.passwordChange.consume(em, String(userId));
    return r.allowed ? 0 : Math.max(1, Math.ceil(r.msBeforeReset / 1000));
  }

  async passwordChanged(em: EntityManager, userId: number): Promise<void> {
    await this.passwordChange.reset(em, String(userId));
  }
}
