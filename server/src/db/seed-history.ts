/**
 * Demo progress history (score_snapshot) for the seeded submissions, so that the dashboard's progress chart shows
 * weeks of lines at every level instead of one dot. The story follows the seed's dates: the unit fills its SELF
 * answers from the day the submission was created (60 days ago) until they stand as seeded (20 days ago); the Kanwil
 * starts from the unit's answers when it was submitted (16 days ago) and reaches its seeded KANWIL answers (10 days
 * ago); the TPI works through its share from 14 to 10 days ago. Every point is scored as the score cache scores (all
 * levels at once, the survey results recorded by then), so the last points equal today's scores. The submissions are
 * flagged as replayed: their history is this one, not one rebuilt from the (empty) demo audit trail.
 */
import type { EntityManager } from '@mikro-orm/knex';
import type { Instrument } from '@pantau/shared';
import { AnswerLevel } from '../common/enums';
import { ScoreSnapshot } from '../modules/comparison/entities';
import { LEVELS, scoreSubmission, utcDay, type StoredSurvey } from '../modules/comparison/score-cache';
import type { AnswerCell } from '../modules/submission/compute';

const DAY = 24 * 3600 * 1000;

export interface SeededSubmission {
  id: number;
  /** The seeded answers per level (as stored). */
  levels: Partial<Record<AnswerLevel, Record<number, string | number | null>>>;
  surveys: StoredSurvey[];
}

/** The first `share` (0–1) of a level's answers, in a fixed order (the order of the instrument). */
function prefix(answers: Record<number, string | number | null>, share: number): [number, string | number | null][] {
  const entries = Object.entries(answers)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => [Number(k), v] as [number, string | number | null])
    .sort((a, b) => a[0] - b[0]);
  return entries.slice(0, Math.round(entries.length * share));
}

export async function seedProgressHistory(em: EntityManager, inst: Instrument, subs: readonly SeededSubmission[], now: Date): Promise<void> {
  for (const s of subs) {
    const self = s.levels[AnswerLevel.SELF] ?? {};
    const kanwil = s.levels[AnswerLevel.KANWIL];
    const tpi = s.levels[AnswerLevel.TPI];
    // [days ago, share of SELF, KANWIL: null | 'copy' of SELF | share of its own answers, TPI share]
    const plan: [number, number, number | 'copy' | null, number | null][] = [
      [60, 0.05, null, null],
      [53, 0.2, null, null],
      [46, 0.35, null, null],
      [39, 0.5, null, null],
      [32, 0.65, null, null],
      [25, 0.85, null, null],
      [20, 1, null, null],
    ];
    if (kanwil) plan.push([16, 1, 'copy', null], [13, 1, 0.5, null], [10, 1, 1, null]);
    if (tpi) {
      plan.splice(plan.length - 2, 2, [14, 1, 0.5, 0.2], [12, 1, 0.8, 0.6], [10, 1, 1, 1]);
    }
    for (const [ago, selfShare, kanwilShare, tpiShare] of plan) {
      const at = now.getTime() - ago * DAY;
      const cells: AnswerCell[] = prefix(self, selfShare).map(([soalId, value]) => ({ level: AnswerLevel.SELF, soalId, value }));
      if (kanwil && kanwilShare !== null) {
        // the Kanwil's copy of the unit's answers, with its own changes applied item by item
        const copy = new Map(prefix(self, 1));
        if (kanwilShare !== 'copy') for (const [soalId, value] of prefix(kanwil, kanwilShare)) copy.set(soalId, value);
        for (const [soalId, value] of copy) cells.push({ level: AnswerLevel.KANWIL, soalId, value });
      }
      if (tpi && tpiShare !== null) for (const [soalId, value] of prefix(tpi, tpiShare)) cells.push({ level: AnswerLevel.TPI, soalId, value });
      const sc = scoreSubmission(
        inst,
        cells,
        s.surveys.filter((v) => new Date(v.recordedAt).getTime() < at + DAY),
      );
      for (const l of LEVELS) {
        if (l !== AnswerLevel.SELF && !sc.has[l]) continue;
        em.create(ScoreSnapshot, { submission: s.id, level: l, day: utcDay(new Date(at)), completeness: sc.scores[l].completeness, total: sc.scores[l].total });
      }
    }
  }
  await em.flush();
}
