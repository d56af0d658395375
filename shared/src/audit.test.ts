import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditDiff, auditObjectLabel } from './audit';

describe('audit vocabulary', () => {
  it('labels actions (workflow steps by the workflow label) and object types in both languages; unknown stays raw', () => {
    expect(auditActionLabel('answers.save', 'id')).toBe('Jawaban disimpan');
    expect(auditActionLabel('answers.save', 'en')).toBe('Answers saved');
    expect(auditActionLabel('submission.return', 'id')).toBe('Kembalikan untuk perbaikan');
    expect(auditActionLabel('submission.submit', 'en')).toBe('Submit');
    expect(auditActionLabel('something.new', 'en')).toBe('something.new');
    expect(auditObjectLabel('Satker', 'en')).toBe('Unit');
    expect(auditObjectLabel('Thing', 'id')).toBe('Thing');
  });
});

describe('auditDiff', () => {
  it('lists only changed fields, one level into objects, with added and removed sides', () => {
    const before = { displayName: 'A', active: true, roles: [{ role: 'VIEWER' }], answers: { '12': 'A', '13': 'B' }, email: null };
    const after = {
      displayName: 'B',
      active: true,
      roles: [{ role: 'EVALUATOR' }],
      answers: { '12': 'A', '13': 'C', '14': 'D' },
      passwordReset: true,
      email: null,
    };
    expect(auditDiff(before, after)).toEqual([
      { field: 'displayName', before: 'A', after: 'B' },
      { field: 'roles', before: '[{"role":"VIEWER"}]', after: '[{"role":"EVALUATOR"}]' },
      { field: 'answers.13', before: 'B', after: 'C' },
      { field: 'answers.14', before: undefined, after: 'D' },
      { field: 'passwordReset', before: undefined, after: 'true' },
    ]);
  });

  it('creation (no before) lists every field; nothing on both sides is no change; plain values are one field', () => {
    expect(auditDiff(null, { code: 'X', name: 'Y' })).toEqual([
      { field: 'code', before: undefined, after: 'X' },
      { field: 'name', before: undefined, after: 'Y' },
    ]);
    expect(auditDiff(null, null)).toEqual([]);
    expect(auditDiff(null, { users: ['admin', 'kakanwil'] })).toEqual([{ field: 'users', before: undefined, after: 'admin, kakanwil' }]);
    expect(auditDiff('DRAFT', 'SUBMITTED')).toEqual([{ field: '', before: 'DRAFT', after: 'SUBMITTED' }]);
  });
});
