import { describe, expect, it } from 'vitest';
import { sha256Hex, newTokenText } from './tokens';

describe('PortalRB tokens', () => {
  it('makes random tokens and stores only their SHA-256', () => {
    const a = newTokenText();
    expect(a).toMatch(/^pzi_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(newTokenText());
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
