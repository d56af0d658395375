import { describe, expect, it } from 'vitest';
import type { Answers } from './answers';
import { bundledInstrument } from './instruments/index';
import { basisLevel, emptyAnswersByLevel, holdsWbk, levelAnswers, scoreLevel } from './level';
import { DEFAULT_ROUTE, routeLevels, type ReviewRoute } from './route';
import { stageInForce } from './deadline';
import { canWriteLevel, destination, findTransition, levelWriteStage, transitionsFor, type Role, type WorkflowAction } from './workflow';
import type { SubmissionStatus } from './vocabulary';

const ESELON_TPI: ReviewRoute = { eselonStep: true, deskTeam: 'TPI' };
const TPM: ReviewRoute = { eselonStep: false, deskTeam: 'TPM' };
const ESELON_TPM: ReviewRoute = { eselonStep: true, deskTeam: 'TPM' };

/** Walks a route from DRAFT by (action, role) steps and returns the statuses reached. */
function walk(route: ReviewRoute, steps: [WorkflowAction, Role][], awarded = true): SubmissionStatus[] {
  let s: SubmissionStatus = 'DRAFT';
  const out: SubmissionStatus[] = [];
  for (const [action, role] of steps) {
    const t = findTransition(s, action, [role], route);
    expect(t, `${s} ${action} ${role} on ${JSON.stringify(route)}`).not.toBeNull();
    s = destination(t!, { awarded });
    out.push(s);
  }
  return out;
}

describe('review routes', () => {
  it('lists each route’s levels in order', () => {
    expect(routeLevels(DEFAULT_ROUTE)).toEqual(['SELF', 'KANWIL', 'TPI', 'TPN']);
    expect(routeLevels(ESELON_TPI)).toEqual(['SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPN']);
    expect(routeLevels(ESELON_TPM)).toEqual(['SELF', 'KANWIL', 'ESELON_I', 'TPM', 'TPN']);
  });

  it('the default route is the four-level cycle; the Kanwil forwards straight to the desk', () => {
    expect(
      walk(DEFAULT_ROUTE, [
        ['submit', 'COORDINATOR'],
        ['forward', 'KANWIL_HEAD'],
        ['startDeskReview', 'EVALUATOR'],
        ['finalise', 'EVALUATOR'],
        ['nominate', 'KANWIL_HEAD'],
        ['recordTpnOutcome', 'KANWIL_HEAD'],
      ]),
    ).toEqual(['SUBMITTED', 'KANWIL_REVIEWED', 'IN_DESK_REVIEW', 'DESK_EVALUATED', 'NOMINATED', 'AWARDED']);
    expect(findTransition('SUBMITTED', 'forward', ['KANWIL_HEAD'])!.copyLevel).toBeUndefined();
    expect(findTransition('KANWIL_REVIEWED', 'startDeskReview', ['TPM_EVALUATOR'])).toBeNull();
    expect(findTransition('DESK_EVALUATED', 'recordTpmOutcome', ['TPM_EVALUATOR'])).toBeNull();
  });

  it('with the Eselon I step the Kanwil forwards to the pembina, who forwards to the TPI; each copies the level before', () => {
    expect(
      walk(ESELON_TPI, [
        ['submit', 'COORDINATOR'],
        ['forward', 'KANWIL_HEAD'],
        ['forward', 'ESELON_REVIEWER'],
        ['startDeskReview', 'EVALUATOR'],
        ['finalise', 'EVALUATOR'],
      ]),
    ).toEqual(['SUBMITTED', 'ESELON_I_REVIEW', 'ESELON_I_REVIEWED', 'IN_DESK_REVIEW', 'DESK_EVALUATED']);
    expect(findTransition('SUBMITTED', 'forward', ['KANWIL_HEAD'], ESELON_TPI)!.copyLevel).toEqual({ from: 'KANWIL', to: 'ESELON_I' });
    expect(findTransition('ESELON_I_REVIEWED', 'startDeskReview', ['EVALUATOR'], ESELON_TPI)!.copyLevel).toEqual({ from: 'ESELON_I', to: 'TPI' });
    // the step is the pembina's (or an admin's), not the Kanwil's nor the TPI's
    expect(findTransition('ESELON_I_REVIEW', 'forward', ['KANWIL_HEAD', 'EVALUATOR', 'COORDINATOR'], ESELON_TPI)).toBeNull();
    expect(findTransition('ESELON_I_REVIEW', 'forward', ['ADMIN'], ESELON_TPI)).not.toBeNull();
    expect(findTransition('KANWIL_REVIEWED', 'startDeskReview', ['EVALUATOR'], ESELON_TPI)).toBeNull();
    expect(findTransition('ESELON_I_REVIEW', 'forward', ['ESELON_REVIEWER'], DEFAULT_ROUTE)).toBeNull();
  });

  it('the Eselon I step returns for revision; the resubmission goes back to it, within its own deadline', () => {
    const r = findTransition('ESELON_I_REVIEW', 'return', ['ESELON_REVIEWER'], ESELON_TPI)!;
    expect(r).toMatchObject({ returnedBy: 'ESELON_I', stage: 'eselonReview', guards: ['itemNote'] });
    expect(r.newRound).toBeUndefined();
    const re = findTransition('REVISION_REQUESTED', 'resubmit', ['COORDINATOR'], ESELON_TPI)!;
    expect(destination(re, { returnedBy: 'ESELON_I' })).toBe('ESELON_I_REVIEW');
    expect(destination(re, { returnedBy: 'TPM' })).toBe('IN_DESK_REVIEW');
    expect(levelWriteStage('SELF', 'REVISION_REQUESTED', 'ESELON_I')).toBe('eselonReview');
    expect(levelWriteStage('SELF', 'REVISION_REQUESTED', 'TPM')).toBe('deskEvaluation');
    expect(stageInForce('ESELON_I_REVIEW')).toBe('eselonReview');
    expect(stageInForce('ESELON_I_REVIEWED')).toBe('deskEvaluation');
  });

  it('on a TPM route the instansi’s team does the desk step without assignment and awards WBK itself', () => {
    expect(
      walk(TPM, [
        ['submit', 'COORDINATOR'],
        ['forward', 'KANWIL_HEAD'],
        ['startDeskReview', 'TPM_EVALUATOR'],
        ['finalise', 'TPM_EVALUATOR'],
        ['recordTpmOutcome', 'TPM_EVALUATOR'],
      ]),
    ).toEqual(['SUBMITTED', 'KANWIL_REVIEWED', 'IN_DESK_REVIEW', 'DESK_EVALUATED', 'AWARDED']);
    expect(findTransition('KANWIL_REVIEWED', 'startDeskReview', ['EVALUATOR'], TPM)).toBeNull();
    expect(findTransition('IN_DESK_REVIEW', 'finalise', ['TPM_EVALUATOR'], TPM)!.guards).toEqual(['tpmAnswersSet', 'lheUploaded', 'recommendationGiven']);
    expect(findTransition('DESK_EVALUATED', 'recordTpmOutcome', ['TPM_EVALUATOR'], TPM)!.guards).toEqual(['wbkTarget', 'decree', 'differenceReason']);
    // WBBM still goes to the TPN: nominating stays open on a TPM route
    expect(transitionsFor('DESK_EVALUATED', ['KANWIL_HEAD'], TPM).map((t) => t.action)).toContain('nominate');
    expect(findTransition('IN_DESK_REVIEW', 'return', ['TPM_EVALUATOR'], ESELON_TPM)).toMatchObject({ returnedBy: 'TPM', newRound: true });
  });

  it('says who writes each step’s level, per route', () => {
    expect(canWriteLevel('ESELON_I', 'ESELON_I_REVIEW', ['ESELON_REVIEWER'], false, ESELON_TPI)).toBe(true);
    expect(canWriteLevel('ESELON_I', 'ESELON_I_REVIEW', ['KANWIL_HEAD'], false, ESELON_TPI)).toBe(false);
    expect(canWriteLevel('KANWIL', 'ESELON_I_REVIEW', ['KANWIL_HEAD'], false, ESELON_TPI)).toBe(false);
    expect(canWriteLevel('TPM', 'IN_DESK_REVIEW', ['TPM_EVALUATOR'], false, TPM)).toBe(true);
    expect(canWriteLevel('TPI', 'IN_DESK_REVIEW', ['EVALUATOR'], true, TPM)).toBe(false);
    expect(canWriteLevel('TPM', 'IN_DESK_REVIEW', ['TPM_EVALUATOR'], false, DEFAULT_ROUTE)).toBe(false);
    expect(canWriteLevel('TPI', 'IN_DESK_REVIEW', ['EVALUATOR'], true)).toBe(true);
  });
});

describe('scores per level on any route', () => {
  const inst = bundledInstrument(2026);
  const best = (): Answers => {
    const a: Answers = {};
    for (const item of inst.items) {
      if (item.type === 'COUNT') a[item.soalId] = 0;
      else if (item.type === 'INDEX') a[item.soalId] = null;
      else a[item.soalId] = item.options[0]!.key;
    }
    return a;
  };

  it('the basis is the latest step with answers: ESELON_I after KANWIL, TPM as the desk level', () => {
    const b = emptyAnswersByLevel();
    b.KANWIL = { 1: 'Ya' };
    expect(basisLevel(b)).toBe('KANWIL');
    b.ESELON_I = { 1: 'Ya' };
    expect(basisLevel(b)).toBe('ESELON_I');
    b.TPM = { 1: 'Ya' };
    expect(basisLevel(b)).toBe('TPM');
  });

  it('TPN lays its answers over the TPM’s on a TPM route', () => {
    const b = emptyAnswersByLevel();
    b.TPM = best();
    b.TPN = { 1: 'Tidak' };
    expect(levelAnswers(b, 'TPN')[1]).toBe('Tidak');
    expect(levelAnswers(b, 'TPN')[2]).toBe(b.TPM[2]);
    expect(scoreLevel(inst, b, 'TPN').total).toBeGreaterThan(scoreLevel(inst, b, 'TPI').total);
  });

  it('a WBK-mandiri (TPM) counts as WBK for a later WBBM', () => {
    expect(holdsWbk([{ predicate: 'WBK', revoked: false, awardedBy: 'TPM' }])).toBe(true);
    expect(holdsWbk([{ predicate: 'WBK', revoked: true, awardedBy: 'TPM' }])).toBe(false);
  });
});
