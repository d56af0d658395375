import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, AUDIT_ACTION_LABELS, AUDIT_OBJECT_LABELS } from '@pantau/shared';

const SRC = path.resolve(__dirname, '..');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });

describe('audit trail vocabulary', () => {
  it('every action and object type the server records has an Indonesian and English label (shared/src/audit.ts)', () => {
    const actions = new Set<string>();
    const objects = new Set<string>();
    for (const f of files(SRC)) {
      const s = fs.readFileSync(f, 'utf8');
      if (!/\baudit\(/.test(s)) continue;
      for (const m of s.matchAll(/\baction: '([a-zA-Z.]+\.[a-zA-Z.]+)'/g)) actions.add(m[1]!);
      for (const m of s.matchAll(/\bobjectType: '([A-Za-z]+)'/g)) objects.add(m[1]!);
    }
    expect(actions.size).toBeGreaterThan(30);
    // workflow steps are recorded as submission.<action> and labelled by the workflow
    expect([...actions].filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
    expect([...objects].filter((o) => !AUDIT_OBJECT_LABELS[o])).toEqual([]);
    expect(Object.keys(ACTION_LABELS).length).toBeGreaterThan(5);
  });
});
