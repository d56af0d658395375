import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';
import { LoginThrottle, MAX_FAILURES, WINDOW_MS } from './throttle';

describe('passwords (scrypt)', () => {
  it('hashes with a random salt and verifies', async () => {
    const a = await hashPassword('rahasia-123');
    const b = await hashPassword('rahasia-123');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('rahasia-123', a)).toBe(true);
    expect(await verifyPassword('rahasia-124', a)).toBe(false);
    expect(await verifyPassword('rahasia-123', 'garbage')).toBe(false);
  });
});

describe('login throttle', () => {
  it('refuses after MAX_FAILURES within the window, per username + IP, until the window passes', () => {
    let now = 1_000_000;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(t.retryAfterSeconds('Budi', '1.1.1.1')).toBe(0);
      t.fail('budi', '1.1.1.1');
      now += 1000;
    }
    expect(t.retryAfterSeconds('BUDI', '1.1.1.1')).toBeGreaterThan(0);
    expect(t.retryAfterSeconds('budi', '2.2.2.2')).toBe(0);
    expect(t.retryAfterSeconds('ani', '1.1.1.1')).toBe(0);
    now += WINDOW_MS - 5000 + 1; // the first failure leaves the window
    expect(t.retryAfterSeconds('budi', '1.1.1.1')).toBe(0);
  });

  it('a success clears the failures', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) t.fail('x', 'ip');
    t.succeed('x', 'ip');
    t.fail('x', 'ip');
    expect(t.retryAfterSeconds('x', 'ip')).toBe(0);
  });
});
