import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  canWriteLevel,
  destination,
  evaluateGuards,
  findTransition,
  levelWriteStage,
  nextActors,
  revocationBanUntil,
  TRANSITIONS,
  transitionsFor,
  type Role,
} from './workflow';
import { SUBMISSION_STATUSES } from './vocabulary';

describe('workflow table', () => {
  it('follows the design table for the whole happy path', () => {
    const path: [string, string, Role][] = [
      ['DRAFT', 'submit', 'COORDINATOR'],
      ['SUBMITTED', 'forward', 'KANWIL_HEAD'],
      ['KANWIL_REVIEWED', 'startDeskReview', 'EVALUATOR'],
      ['IN_DESK_REVIEW', 'finalise', 'EVALUATOR'],
      ['DESK_EVALUATED', 'nominate', 'KANWIL_HEAD'],
      ['NOMINATED', 'recordTpnOutcome', 'KANWIL_HEAD'],
    ];
    const seen = path.map(([from, action, role]) => {
      const t = findTransition(from as never, action as never, [role]);
      expect(t, `${from} ${action} ${role}`).not.toBeNull();
      return destination(t!, { awarded: true });
    });
    expect(seen).toEqual(['SUBMITTED', 'KANWIL_REVIEWED', 'IN_DESK_REVIEW', 'DESK_EVALUATED', 'NOMINATED', 'AWARDED']);
  });

  it('sends a resubmission back to whoever returned it', () => {
    const t = findTransition('REVISION_REQUESTED', 'resubmit', ['COORDINATOR'])!;
    expect(destination(t, { returnedBy: 'KANWIL' })).toBe('SUBMITTED');
    expect(destination(t, { returnedBy: 'TPI' })).toBe('IN_DESK_REVIEW');
    expect(findTransition('SUBMITTED', 'return', ['KANWIL_HEAD'])!.returnedBy).toBe('KANWIL');
    const tpi = findTransition('IN_DESK_REVIEW', 'return', ['EVALUATOR'])!;
    expect(tpi).toMatchObject({ returnedBy: 'TPI', newRound: true });
  });

  it('refuses roles and states outside the table', () => {
    expect(findTransition('DRAFT', 'submit', ['EVALUATOR', 'VIEWER', 'KANWIL_HEAD'])).toBeNull();
    expect(findTransition('SUBMITTED', 'forward', ['COORDINATOR'])).toBeNull();
    expect(findTransition('DRAFT', 'finalise', ['EVALUATOR'])).toBeNull();
    expect(findTransition('NOMINATED', 'withdraw', ['KANWIL_HEAD', 'ADMIN', 'COORDINATOR'])).toBeNull();
    for (const s of SUBMISSION_STATUSES) expect(transitionsFor(s, ['VIEWER'])).toEqual([]);
    expect(actionsFrom('AWARDED')).toEqual([]);
    expect(actionsFrom('SUBMITTED').sort()).toEqual(['forward', 'return', 'withdraw']);
  });

  it('names who acts next on each route (the hand-off notifications follow it)', () => {
    const eselon = { eselonStep: true, deskTeam: 'TPI' } as const;
    const tpm = { eselonStep: false, deskTeam: 'TPM' } as const;
    expect(nextActors('SUBMITTED')).toEqual(['KANWIL_HEAD']);
    expect(nextActors('KANWIL_REVIEWED')).toEqual(['EVALUATOR']);
    expect(nextActors('KANWIL_REVIEWED', tpm)).toEqual(['TPM_EVALUATOR']);
    expect(nextActors('ESELON_I_REVIEW', eselon)).toEqual(['ESELON_REVIEWER']);
    expect(nextActors('ESELON_I_REVIEWED', eselon)).toEqual(['EVALUATOR']);
    expect(nextActors('DESK_EVALUATED', tpm).sort()).toEqual(['KANWIL_HEAD', 'TPM_EVALUATOR']);
    expect(nextActors('DESK_EVALUATED')).toEqual(['KANWIL_HEAD']);
    expect(nextActors('AWARDED')).toEqual([]);
  });

  it('lets an admin do what a Kanwil head does', () => {
    for (const t of TRANSITIONS.filter((t) => t.roles.includes('KANWIL_HEAD'))) expect(t.roles).toContain('ADMIN');
  });

  it('says who writes which level when', () => {
    expect(canWriteLevel('SELF', 'DRAFT', ['COORDINATOR'])).toBe(true);
    expect(canWriteLevel('SELF', 'REVISION_REQUESTED', ['COORDINATOR'])).toBe(true);
    expect(canWriteLevel('SELF', 'SUBMITTED', ['COORDINATOR'])).toBe(false);
    expect(canWriteLevel('KANWIL', 'SUBMITTED', ['KANWIL_HEAD'])).toBe(true);
    expect(canWriteLevel('KANWIL', 'SUBMITTED', ['COORDINATOR'])).toBe(false);
    expect(canWriteLevel('TPI', 'IN_DESK_REVIEW', ['EVALUATOR'], false)).toBe(false);
    expect(canWriteLevel('TPI', 'IN_DESK_REVIEW', ['EVALUATOR'], true)).toBe(true);
    expect(canWriteLevel('TPN', 'NOMINATED', ['ADMIN'])).toBe(true);
    expect(canWriteLevel('TPN', 'DESK_EVALUATED', ['ADMIN'])).toBe(false);
  });

  it('explains each unmet guard in Indonesian', () => {
    const submit = findTransition('DRAFT', 'submit', ['COORDINATOR'])!;
    const r = evaluateGuards(submit, { completeness: 0.9, unansweredCount: 12, pencanganDate: null });
    expect(r.filter((g) => !g.ok).map((g) => g.message)).toEqual([
      'Semua butir wajib harus dijawab (12 butir belum dijawab)',
      'Tanggal pencanangan ZI harus diisi',
    ]);
    expect(evaluateGuards(submit, { completeness: 1, pencanganDate: '2025-01-10' }).every((g) => g.ok)).toBe(true);

    const nominate = findTransition('DESK_EVALUATED', 'nominate', ['KANWIL_HEAD'])!;
    const bad = evaluateGuards(nominate, {
      eligible: false,
      overrideReason: ' ',
      prerequisitesMissing: ['SPTJM'],
      target: 'WBBM',
      hasWbk: false,
      revocationBanUntil: '2027-03-01',
      now: '2026-05-01',
    });
    expect(bad.filter((g) => !g.ok).map((g) => g.guard)).toEqual(['eligibleOrOverride', 'prerequisites', 'wbbmNeedsWbk', 'noRevocationBan']);
    const ok = evaluateGuards(nominate, {
      eligible: false,
      overrideReason: 'Nilai IPAK menunggu survei BPS',
      prerequisitesMissing: [],
      target: 'WBK',
      revocationBanUntil: '2026-03-01',
      now: '2026-05-01',
    });
    expect(ok.every((g) => g.ok)).toBe(true);
  });

  it('bans a revoked unit for two years from the decree date', () => {
    expect(revocationBanUntil('2024-02-29')).toBe('2026-03-01');
    expect(revocationBanUntil('2025-06-15T00:00:00Z')).toBe('2027-06-15');
  });

  it('asks a written reason for every withdrawal and return-like step', () => {
    expect(findTransition('NOMINATED', 'withdrawNomination', ['KANWIL_HEAD'])!.guards).toEqual(['noTpnResult', 'reason']);
    for (const t of TRANSITIONS.filter((t) => t.action === 'withdraw')) expect(t.guards).toContain('reason');
  });

  it('closes each level with the deadline of its stage (a revision follows the returner)', () => {
    expect(levelWriteStage('SELF', 'DRAFT')).toBe('selfAssessment');
    expect(levelWriteStage('SELF', 'REVISION_REQUESTED', 'KANWIL')).toBe('kanwilReview');
    expect(levelWriteStage('SELF', 'REVISION_REQUESTED', 'TPI')).toBe('deskEvaluation');
    expect(levelWriteStage('KANWIL', 'SUBMITTED')).toBe('kanwilReview');
    expect(levelWriteStage('TPI', 'IN_DESK_REVIEW')).toBe('deskEvaluation');
    expect(levelWriteStage('TPN', 'NOMINATED')).toBeNull();
  });
});
