import type { Answers } from './answers';
import { checkEligibility, EPSILON, THRESHOLDS, type EligibilityFailure } from './eligibility';
import { formatFloor2, formatNumber } from './format';
import { surveyOriginLabel, surveyPlans, type SurveyPlan } from './survey/hasil';
import type { Locale, SurveyKind, Target } from './vocabulary';
import type { Instrument, Item } from './instrument/types';
import { scoreAnswers, type ScoreOptions, type ScoreResult } from './scoring';

/** One suggested answer change: raise item `soalId` from option `from` (null = unanswered) to `to`. */
export interface GapChange {
  soalId: number;
  code: string;
  text: string;
  areaCode: string;
  from: string | null;
  to: string;
  /** Letter steps climbed (an unanswered item counts one step to reach the worst option). */
  steps: number;
  /** Points added to the total (and to pengungkit and the area). */
  gain: number;
}

export interface GapPlan {
  target: Target;
  /**
   * What the plan takes hasil to be: measured surveys as they are, the others at the assumed index (the given
   * assumption, else the internal estimate, else the minimum the target needs); the plan only changes pengungkit answers.
   */
  assumption: string;
  /** Per survey: measured / estimated / missing, the index assumed, and what the survey must reach ("IPKP ≥ 3,20 needed"). */
  surveys: SurveyPlan[];
  current: { total: number; pengungkit: number; hasil: number; areas: { code: string; name: string; percent: number }[] };
  /** Pengungkit the plan must reach: max(pengungkit minimum, total minimum − current hasil). */
  requiredPengungkit: number;
  /** The single changes that raise the score most (each item to its best option), best first. */
  topChanges: GapChange[];
  /** The smallest set of changes (fewest items, then fewest letter steps) meeting every pengungkit-reachable threshold. */
  plan: {
    reachable: boolean;
    /** false when the step count was minimised heuristically (very large plans). */
    optimal: boolean;
    changes: GapChange[];
    itemCount: number;
    stepCount: number;
    after: { total: number; pengungkit: number; areas: { code: string; percent: number }[] };
    /** Thresholds answers alone cannot reach (left out of the plan, which meets all the others). */
    unreachable: string[];
  };
  /** Requirements no pengungkit answer can meet (capaian kinerja, prior WBK, a survey value in force below its minimum). */
  blockers: EligibilityFailure[];
}

export interface GapOptions {
  hasWbk?: boolean;
  /** The level planned for and the survey results recorded (survey precedence). */
  level?: ScoreOptions['level'];
  surveys?: ScoreOptions['surveys'];
  /** Assumed IPAK/IPKP indices for surveys not measured yet (default: the internal estimate, else the minimum needed). */
  assume?: Partial<Record<SurveyKind, number | null>>;
  locale?: Locale;
  /** How many top single changes to list (default 10). */
  top?: number;
  /** Largest plan (items) solved exactly for the step count; larger ones use a greedy reduction. */
  exactLimit?: number;
}

interface Option {
  key: string;
  gain: number;
  steps: number;
}
interface Candidate {
  item: Item;
  areaIndex: number;
  from: string | null;
  /** Better options, best (largest gain) first. */
  options: Option[];
}

const HASIL_REQUIREMENTS = new Set(['bersih', 'ipak', 'kinerja', 'pelayanan', 'wbk']);

/**
 * What it takes to reach a predicate: the best single answer changes, and the smallest set of improvements
 * (fewest items, then fewest letter steps) that meets every threshold pengungkit can reach. Hasil: measured survey
 * results as they are; a survey not measured yet at the assumed index (plans before the results, issue #12.6).
 */
export function planGap(instrument: Instrument, given: Answers, target: Target, opts: GapOptions = {}): GapPlan {
  const locale = opts.locale ?? 'id';
  const t = THRESHOLDS[target];
  const now = scoreAnswers(instrument, given, { level: opts.level, surveys: opts.surveys });
  const surveys = surveyPlans(now, target, { locale, assume: opts.assume });
  // the assumption enters as the level's own entry: with no official result in force, an entry wins at every level
  const answers: Answers = { ...given };
  for (const sp of surveys) {
    const item = sp.state === 'MEASURED' ? undefined : instrument.items.find((i) => i.survey === sp.kind);
    if (item) answers[item.soalId] = sp.assumedIndex;
  }
  const score = scoreAnswers(instrument, answers, { level: opts.level, surveys: opts.surveys });
  const candidates = buildCandidates(instrument, answers, score);

  const toChange = (c: Candidate, o: Option): GapChange => ({
    soalId: c.item.soalId,
    code: c.item.code,
    text: c.item.label,
    areaCode: instrument.areas[c.areaIndex].code,
    from: c.from,
    to: o.key,
    steps: o.steps,
    gain: o.gain,
  });
  const topChanges = candidates
    .map((c) => toChange(c, c.options[0]))
    .sort((a, b) => b.gain - a.gain || a.steps - b.steps || a.soalId - b.soalId)
    .slice(0, opts.top ?? 10);

  const requiredPengungkit = Math.max(t.pengungkit, t.total - score.hasil);
  const areaNeeds = score.areas.map((a, i) => Math.max(0, (t.areaPercent / 100) * instrument.areas[i].weight - a.score));

  // Thresholds out of reach of answers are reported and left out, so the plan still meets all the others.
  const unreachable: string[] = [];
  const byArea = instrument.areas.map((_, i) => candidates.filter((c) => c.areaIndex === i));
  const fmt = (x: number) => formatFloor2(x, locale);
  byArea.forEach((list, i) => {
    const max = list.reduce((s, c) => s + c.options[0].gain, 0);
    if (max < areaNeeds[i] - EPSILON) {
      areaNeeds[i] = 0;
      unreachable.push(
        locale === 'id'
          ? `Area ${instrument.areas[i].name} tidak dapat mencapai ${t.areaPercent} % hanya dengan memperbaiki jawaban`
          : `Area ${instrument.areas[i].name} cannot reach ${t.areaPercent} % by improving answers alone`,
      );
    }
  });
  const maxAll = candidates.reduce((s, c) => s + c.options[0].gain, 0);
  let globalNeed = Math.max(0, requiredPengungkit - score.pengungkit);
  if (maxAll < globalNeed - EPSILON) {
    unreachable.push(
      locale === 'id'
        ? `Nilai total ${fmt(t.total)} tidak tercapai: dengan hasil ${fmt(score.hasil)} pengungkit perlu ${fmt(requiredPengungkit)}, paling tinggi ${fmt(score.pengungkit + maxAll)}`
        : `Total ${fmt(t.total)} is out of reach: with hasil ${fmt(score.hasil)} pengungkit needs ${fmt(requiredPengungkit)}, at most ${fmt(score.pengungkit + maxAll)}`,
    );
    globalNeed = Math.max(0, Math.min(maxAll, t.pengungkit - score.pengungkit));
    if (maxAll < t.pengungkit - score.pengungkit - EPSILON) {
      unreachable.push(
        locale === 'id'
          ? `Pengungkit ${fmt(t.pengungkit)} tidak tercapai hanya dengan memperbaiki jawaban (paling tinggi ${fmt(score.pengungkit + maxAll)})`
          : `Pengungkit ${fmt(t.pengungkit)} is out of reach of improvable answers (at most ${fmt(score.pengungkit + maxAll)})`,
      );
    }
  }
  const areaSum = areaNeeds.reduce((s, n) => s + n, 0);

  let chosen: { c: Candidate; o: Option }[] = [];
  let optimal = true;
  if (globalNeed > EPSILON || areaSum > EPSILON) {
    const count = minItemCount(byArea, areaNeeds, globalNeed);
    const exact = count <= (opts.exactLimit ?? 25) ? minStepsExact(byArea, areaNeeds, globalNeed, count) : null;
    if (exact) chosen = exact;
    else {
      optimal = false;
      chosen = minStepsGreedy(byArea, areaNeeds, globalNeed, count);
    }
  }

  const changes = chosen.map(({ c, o }) => toChange(c, o)).sort((a, b) => instrument.itemById[a.soalId].order - instrument.itemById[b.soalId].order);
  const next: Answers = { ...answers };
  for (const ch of changes) next[ch.soalId] = ch.to;
  const s = scoreAnswers(instrument, next, { level: opts.level, surveys: opts.surveys });
  const after = { total: s.total, pengungkit: s.pengungkit, areas: s.areas.map((a) => ({ code: a.code, percent: a.percent })) };

  const blockers = checkEligibility(score, target, { hasWbk: opts.hasWbk, locale }).failures.filter((f) => HASIL_REQUIREMENTS.has(f.requirement));
  return {
    target,
    assumption: assumptionText(surveys, target, score.hasil, opts.assume ?? {}, locale),
    surveys,
    current: {
      total: score.total,
      pengungkit: score.pengungkit,
      hasil: score.hasil,
      areas: score.areas.map((a) => ({ code: a.code, name: a.name, percent: a.percent })),
    },
    requiredPengungkit,
    topChanges,
    plan: {
      reachable: unreachable.length === 0,
      optimal,
      changes,
      itemCount: changes.length,
      stepCount: changes.reduce((s, c) => s + c.steps, 0),
      after,
      unreachable,
    },
    blockers,
  };
}

function assumptionText(surveys: SurveyPlan[], target: Target, hasil: number, assume: GapOptions['assume'] & object, locale: Locale): string {
  const idx = (x: number) => formatNumber(x, locale, { digits: 2, fixed: true });
  const parts = surveys.map((sp) => {
    const from = surveyOriginLabel(sp.source, locale).toLowerCase();
    const why =
      sp.state === 'MEASURED'
        ? locale === 'id'
          ? `hasil ${surveyOriginLabel(sp.source, locale)}`
          : `${surveyOriginLabel(sp.source, locale)} result`
        : assume[sp.kind] !== undefined && assume[sp.kind] !== null
          ? locale === 'id'
            ? 'anggapan'
            : 'assumed'
          : sp.state === 'ESTIMATED'
            ? locale === 'id'
              ? `perkiraan: ${from}`
              : `estimate: ${from}`
            : locale === 'id'
              ? `minimum ${target}, belum ada hasil survei`
              : `the ${target} minimum, no survey result yet`;
    return `${sp.kind} ${idx(sp.assumedIndex)} (${why})`;
  });
  return locale === 'id'
    ? `Rencana ini memakai ${parts.join(' dan ')}; dengan itu nilai hasil ${formatFloor2(hasil, locale)} (survei dan capaian kinerja tidak berubah lewat jawaban pengungkit).`
    : `This plan uses ${parts.join(' and ')}; with these hasil is ${formatFloor2(hasil, locale)} (surveys and performance achievement do not change through pengungkit answers).`;
}

/** Graded pengungkit items that can still go up, with every better option's gain. */
function buildCandidates(instrument: Instrument, answers: Answers, score: ScoreResult): Candidate[] {
  const out: Candidate[] = [];
  const areaIndex = new Map(instrument.areas.map((a, i) => [a.no, i]));
  for (const item of instrument.items) {
    if (item.part === 'HASIL' || !item.options.length || item.areaNo === null) continue;
    const unit = instrument.units[item.nodeId]?.find((u) => u.kind === 'item' && u.soalId === item.soalId);
    if (!unit) continue;
    const cur = score.itemValues[item.soalId];
    const raw = answers[item.soalId];
    const from = cur === null ? null : (raw as string);
    const curIndex = cur === null ? item.options.length : item.options.findIndex((o) => o.key === from);
    const options: Option[] = [];
    item.options.forEach((o, idx) => {
      const gain = (o.multiplier - (cur ?? 0)) * unit.weight;
      if (idx < curIndex && gain > EPSILON) options.push({ key: o.key, gain, steps: curIndex - idx });
    });
    if (options.length) out.push({ item, areaIndex: areaIndex.get(item.areaNo)!, from, options });
  }
  return out;
}

/** Fewest items: per area its largest gains until the area is met, then the largest remaining gains overall. */
function minItemCount(byArea: Candidate[][], areaNeeds: number[], globalNeed: number): number {
  let count = 0;
  let total = 0;
  const rest: number[] = [];
  byArea.forEach((list, i) => {
    const gains = list.map((c) => c.options[0].gain).sort((a, b) => b - a);
    let got = 0;
    let k = 0;
    while (got < areaNeeds[i] - EPSILON) got += gains[k++];
    count += k;
    total += got;
    rest.push(...gains.slice(k));
  });
  rest.sort((a, b) => b - a);
  for (const g of rest) {
    if (total >= globalNeed - EPSILON) break;
    total += g;
    count++;
  }
  return count;
}

type Choice = { c: Candidate; o: Option }[];

/**
 * Exact minimum of letter steps among plans with exactly `count` items: a multiple-choice knapsack per area
 * (max gain for k items and s steps), then areas combined under the pengungkit need.
 */
function minStepsExact(byArea: Candidate[][], areaNeeds: number[], globalNeed: number, count: number): Choice | null {
  const NEG = -Infinity;
  // Per area: layers[i][k][s] = best gain using the first i candidates; entries = Pareto (k, s, gain) meeting the area
  const areaTables = byArea.map((list, a) => {
    const K = Math.min(count, list.length);
    const S = list.reduce((m, c) => m + c.options[0].steps, 0);
    const maxS = Math.min(S, K * 5);
    const layers: Float64Array[] = [];
    let cur = new Float64Array((K + 1) * (maxS + 1)).fill(NEG);
    cur[0] = 0;
    layers.push(cur);
    for (const c of list) {
      const next = Float64Array.from(cur);
      for (let k = 0; k < K; k++)
        for (let s = 0; s <= maxS; s++) {
          const base = cur[k * (maxS + 1) + s];
          if (base === NEG) continue;
          for (const o of c.options) {
            const ns = s + o.steps;
            if (ns > maxS) continue;
            const idx = (k + 1) * (maxS + 1) + ns;
            if (base + o.gain > next[idx]) next[idx] = base + o.gain;
          }
        }
      layers.push(next);
      cur = next;
    }
    const entries: { k: number; s: number; g: number }[] = [];
    for (let k = 0; k <= K; k++) {
      let bestG = NEG;
      for (let s = 0; s <= maxS; s++) {
        const g = cur[k * (maxS + 1) + s];
        if (g === NEG || g < areaNeeds[a] - EPSILON || g <= bestG + 1e-12) continue;
        bestG = g;
        entries.push({ k, s, g });
      }
    }
    return { list, K, maxS, layers, entries };
  });
  if (areaTables.some((t) => !t.entries.length)) return null;

  // Combine areas: state (k, s) → best total gain, with back-pointers
  type State = { g: number; back: { k: number; s: number; e: number }[] };
  let states = new Map<string, State>([['0,0', { g: 0, back: [] }]]);
  for (const table of areaTables) {
    const next = new Map<string, State>();
    for (const [key, st] of states) {
      const [k0, s0] = key.split(',').map(Number);
      table.entries.forEach((e, ei) => {
        const k = k0 + e.k;
        if (k > count) return;
        const s = s0 + e.s;
        const nk = `${k},${s}`;
        const g = st.g + e.g;
        const prev = next.get(nk);
        if (!prev || g > prev.g) next.set(nk, { g, back: [...st.back, { k: e.k, s: e.s, e: ei }] });
      });
    }
    states = next;
    if (states.size > 200_000) return null;
  }
  let best: State | null = null;
  let bestS = Infinity;
  for (const [key, st] of states) {
    const [k, s] = key.split(',').map(Number);
    if (k !== count || st.g < globalNeed - EPSILON) continue;
    if (s < bestS) {
      bestS = s;
      best = st;
    }
  }
  if (!best) return null;

  // Back-track each area's knapsack to the chosen (k, s)
  const choice: Choice = [];
  best.back.forEach((b, a) => {
    const { list, maxS, layers } = areaTables[a];
    let k = b.k;
    let s = b.s;
    for (let i = list.length; i > 0 && k > 0; i--) {
      const here = layers[i][k * (maxS + 1) + s];
      const before = layers[i - 1];
      if (Math.abs(before[k * (maxS + 1) + s] - here) < 1e-12) continue;
      const c = list[i - 1];
      const o = c.options.find((o) => {
        const ps = s - o.steps;
        return ps >= 0 && Math.abs(before[(k - 1) * (maxS + 1) + ps] + o.gain - here) < 1e-12;
      });
      if (!o) return;
      choice.push({ c, o });
      k--;
      s -= o.steps;
    }
  });
  return choice.length === count ? choice : null;
}

/** Large plans: the largest gains first, then lower each chosen target while every need stays met. */
function minStepsGreedy(byArea: Candidate[][], areaNeeds: number[], globalNeed: number, count: number): Choice {
  const chosen: { c: Candidate; oi: number }[] = [];
  const areaGain = areaNeeds.map(() => 0);
  const rest: Candidate[] = [];
  byArea.forEach((list, a) => {
    const sorted = [...list].sort((x, y) => y.options[0].gain - x.options[0].gain);
    let k = 0;
    while (areaGain[a] < areaNeeds[a] - EPSILON) {
      chosen.push({ c: sorted[k], oi: 0 });
      areaGain[a] += sorted[k++].options[0].gain;
    }
    rest.push(...sorted.slice(k));
  });
  rest.sort((x, y) => y.options[0].gain - x.options[0].gain);
  let total = areaGain.reduce((s, g) => s + g, 0);
  for (const c of rest) {
    if (chosen.length >= count || total >= globalNeed - EPSILON) break;
    chosen.push({ c, oi: 0 });
    areaGain[c.areaIndex] += c.options[0].gain;
    total += c.options[0].gain;
  }
  let improved = true;
  while (improved) {
    improved = false;
    for (const ch of chosen) {
      const next = ch.oi + 1;
      if (next >= ch.c.options.length) continue;
      const loss = ch.c.options[ch.oi].gain - ch.c.options[next].gain;
      const a = ch.c.areaIndex;
      if (areaGain[a] - loss >= areaNeeds[a] - EPSILON && total - loss >= globalNeed - EPSILON) {
        ch.oi = next;
        areaGain[a] -= loss;
        total -= loss;
        improved = true;
      }
    }
  }
  return chosen.map(({ c, oi }) => ({ c, o: c.options[oi] }));
}
