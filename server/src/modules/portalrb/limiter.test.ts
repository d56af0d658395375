import { describe, expect, it } from 'vitest';
import { TokenRateLimiter } from './routes';
import { sha256Hex, newTokenText } from './tokens';

describe('PortalRB tokens and rate limit', () => {
  it('counts requests per token in fixed windows', () => {
    let now = 1_000;
    const l = new TokenRateLimiter(3, 60_000, () => now);
    expect([l.take(1), l.take(1), l.take(1)]).toEqual([0, 0, 0]);
    expect(l.take(1)).toBe(60_000);
    expect(l.take(2)).toBe(0);
    now += 30_000;
    expect(l.take(1)).toBe(30_000);
    now += 30_000;
    expect(l.take(1)).toBe(0);
  });

  it('makes random tokens and stores only their SHA-256', () => {
    const a = newTokenText();
    expect(a).toMatch(/^pzi_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(newTokenText());
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
