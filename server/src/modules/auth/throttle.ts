/**
 * Login throttling: after MAX_FAILURES failed logins for the same username + IP within WINDOW_MS,
 * further attempts are refused until the oldest failure leaves the window. In-process (one server process).
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(private now: () => number = Date.now) {}

  private key(username: string, ip: string) {
    return `${username.trim().toLowerCase()}|${ip}`;
  }

  private recent(key: string): number[] {
    const t = this.now();
    const list = (this.failures.get(key) ?? []).filter((x) => t - x < WINDOW_MS);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait, or 0 when an attempt is allowed. */
  retryAfterSeconds(username: string, ip: string): number {
    const list = this.recent(this.key(username, ip));
    if (list.length < MAX_FAILURES) return 0;
    return Math.max(1, Math.ceil((list[list.length - MAX_FAILURES] + WINDOW_MS - this.now()) / 1000));
  }

  fail(username: string, ip: string) {
    const key = this.key(username, ip);
    const list = this.recent(key);
    list.push(this.now());
    this.failures.set(key, list);
    if (this.failures.size > 10_000) this.sweep();
  }

  succeed(username: string, ip: string) {
    this.failures.delete(this.key(username, ip));
  }

  private sweep() {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
