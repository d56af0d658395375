import { describe, expect, it } from 'vitest';
import en from './locales/en';
import id from './locales/id';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('messages', () => {
  it('id and en have the same keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
    for (const m of [id, en]) for (const k of keys(m)) expect(k.split('.').reduce((o: any, p) => o[p], m)).not.toBe('');
  });
});
