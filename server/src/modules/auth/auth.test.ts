import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

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
