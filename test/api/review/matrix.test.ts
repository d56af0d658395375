/**
 * Every illegal (status × action × role) combination, table-driven from the shared workflow table:
 * FORBIDDEN for the wrong role or scope, INVALID_STATE (naming the user's allowed steps) for the wrong state,
 * and the submission is left unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_LABELS, TRANSITIONS, findTransition, type Role, type SubmissionStatus, type WorkflowAction } from '@pantau/shared';
import { Submission } from '../../../server/src/modules/submission/entities';
import { SubmissionStatus as St } from '../../../server/src/common/enums';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from '../helpers';
import { coordinatorFor, transition } from './support';

const UNITS: [SubmissionStatus, string][] = [
  ['DRAFT', 'IMI-POLONIA'],
  ['SUBMITTED', 'IMI-BELAWAN'],
  ['KANWIL_REVIEWED', 'IMI-PATI'],
  ['IN_DESK_REVIEW', 'IMI-TPINANG'],
  ['REVISION_REQUESTED', 'IMI-BANGGAI'],
  ['DESK_EVALUATED', 'IMI-BATAM'],
  ['NOMINATED', 'IMI-MEDAN'],
  ['AWARDED', 'PAS-BAPAS-SIBOLGA'],
  ['NOT_AWARDED', 'PAS-RUTAN-SIDIKALANG'],
  ['WITHDRAWN', 'IMI-TARAKAN'],
];
/** Units the demo evaluator is assigned to. */
const ASSIGNED = new Set(['IMI-PATI', 'IMI-TPINANG', 'IMI-BATAM']);
const ACTIONS = [...new Set(TRANSITIONS.map((t) => t.action))] as WorkflowAction[];
const FULL_INPUT = {
  reason: 'uji',
  overrideReason: 'uji',
  awarded: true,
  decreeNumber: 'KEP-1',
  decreeDate: '2026-01-01',
  recommendation: 'uji',
  recommendedPredicate: 'WBK',
};

type Who = 'admin' | 'kakanwil' | 'unitCoordinator' | 'otherCoordinator' | 'evaluator' | 'viewer';
const WHO: Who[] = ['admin', 'kakanwil', 'unitCoordinator', 'otherCoordinator', 'evaluator', 'viewer'];

/** What the table says a user may do on a unit: the expected error code, or null when the step is legal. */
function expected(who: Who, unit: string, status: SubmissionStatus, action: WorkflowAction): 'FORBIDDEN' | 'INVALID_STATE' | null {
  const roles: Role[] = {
    admin: ['ADMIN'],
    kakanwil: ['KANWIL_HEAD'],
    unitCoordinator: ['COORDINATOR'],
    otherCoordinator: [],
    evaluator: ['EVALUATOR'],
    viewer: ['VIEWER'],
  }[who] as Role[];
  const reads = who !== 'otherCoordinator' && (who !== 'evaluator' || ASSIGNED.has(unit));
  if (!reads) return 'FORBIDDEN';
  if (findTransition(status, action, roles)) return null;
  const here = TRANSITIONS.some((t) => t.action === action && t.from.includes(status));
  const mine = TRANSITIONS.some((t) => t.action === action && t.roles.some((r) => roles.includes(r)));
  return here || !mine ? 'FORBIDDEN' : 'INVALID_STATE';
}

describe('illegal transitions (statuses × actions × roles)', () => {
  let server: TestServer;
  const clients = {} as Record<Exclude<Who, 'unitCoordinator'>, Client>;
  const unitCoord = new Map<string, Client>();
  const ids = new Map<string, number>();

  beforeAll(async () => {
    server = await startServer();
    const [admin, kakanwil, polonia, banggai, evaluator, viewer] = await Promise.all(
      ['admin', 'kakanwil', 'koordinator.polonia', 'koordinator.banggai', 'evaluator.itjen', 'pengamat'].map((u) => loginAs(server, u)),
    );
    Object.assign(clients, { admin, kakanwil, evaluator, viewer });
    const subs = await demoSubmissions(admin);
    for (const [, code] of UNITS) ids.set(code, subs[code].id);
    // arrange the final states directly (reaching them is covered by the cycle tests)
    const em = server.handle.orm.em.fork();
    await em.nativeUpdate(Submission, { id: subs['PAS-BAPAS-SIBOLGA'].id }, { status: St.AWARDED });
    await em.nativeUpdate(Submission, { id: subs['PAS-RUTAN-SIDIKALANG'].id }, { status: St.NOT_AWARDED });
    await em.nativeUpdate(Submission, { id: subs['IMI-TARAKAN'].id }, { status: St.WITHDRAWN });
    unitCoord.set('IMI-POLONIA', polonia);
    unitCoord.set('IMI-BANGGAI', banggai);
    for (const [, code] of UNITS) {
      if (!unitCoord.has(code)) unitCoord.set(code, await coordinatorFor(server, admin, subs[code].satkerId, `koord.${code.toLowerCase()}`));
    }
    clients.otherCoordinator = polonia;
  });
  afterAll(async () => server?.cleanup());

  it('answers every illegal combination with FORBIDDEN or INVALID_STATE and changes nothing', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const [status, code] of UNITS) {
      for (const action of ACTIONS) {
        for (const who of WHO) {
          if (who === 'otherCoordinator' && code === 'IMI-POLONIA') continue;
          const want = expected(who, code, status, action);
          if (!want) continue;
          const c = who === 'unitCoordinator' ? unitCoord.get(code)! : clients[who];
          const r = await transition(c, ids.get(code)!, action, FULL_INPUT);
          checked++;
          const got = errorCode(r) ?? 'OK';
          if (got !== want) mismatches.push(`${status} ${action} ${who}: want ${want}, got ${got} ${r.errors?.[0]?.message ?? ''}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(400);
    const after = await demoSubmissions(clients.admin);
    for (const [status, code] of UNITS) expect(after[code].status, code).toBe(status);
  });

  it('names the steps open to the user on a wrong-state error, in Indonesian', async () => {
    const r = await transition(clients.kakanwil, ids.get('IMI-POLONIA')!, 'forward');
    expect(errorCode(r)).toBe('INVALID_STATE');
    expect(r.errors![0].message).toBe(
      `Tindakan "${ACTION_LABELS.forward.id}" tidak dapat dilakukan pada status "Draf". Langkah yang tersedia untuk Anda: ${ACTION_LABELS.withdraw.id}`,
    );
    expect(r.errors![0].extensions!.allowedActions).toEqual(['withdraw']);
    const none = await transition(clients.kakanwil, ids.get('PAS-BAPAS-SIBOLGA')!, 'nominate');
    expect(none.errors![0].message).toContain('Tidak ada langkah yang tersedia untuk Anda');
  });

  it('says who may take a step on a wrong-role error', async () => {
    const r = await transition(unitCoord.get('IMI-BELAWAN')!, ids.get('IMI-BELAWAN')!, 'forward');
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(r.errors![0].message).toContain('hanya dapat dilakukan oleh Kepala Kanwil atau admin');
    const v = await transition(clients.viewer, ids.get('IMI-POLONIA')!, 'submit');
    expect(errorCode(v)).toBe('FORBIDDEN');
    // the role is checked before the action's input
    expect(errorCode(await transition(unitCoord.get('IMI-MEDAN')!, ids.get('IMI-MEDAN')!, 'recordTpnOutcome'))).toBe('FORBIDDEN');
    // an evaluator not assigned to the unit cannot start its desk review
    const e = await transition(clients.evaluator, ids.get('IMI-BELAWAN')!, 'startDeskReview');
    expect(errorCode(e)).toBe('FORBIDDEN');
  });

  it('lists only the user’s own steps as available actions', async () => {
    const q = `query ($id: Int!) { availableActions(submissionId: $id) { action enabled } }`;
    const coord = ok(await unitCoord.get('IMI-BELAWAN')!.gql(q, { id: ids.get('IMI-BELAWAN') })).availableActions.map((x: any) => x.action);
    expect(coord).toEqual(['withdraw']);
    const head = ok(await clients.kakanwil.gql(q, { id: ids.get('IMI-BELAWAN') }))
      .availableActions.map((x: any) => x.action)
      .sort();
    expect(head).toEqual(['forward', 'return', 'withdraw']);
    expect(ok(await clients.viewer.gql(q, { id: ids.get('IMI-BELAWAN') })).availableActions).toEqual([]);
  });
});
