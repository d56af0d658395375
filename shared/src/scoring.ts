import { isBlank, type AnswerValue, type Answers } from './answers';
import type { Formula, Instrument, InstrumentNode, Item, SurveyKind } from './instrument/types';
import { surveyInForce, type SurveyInForce, type SurveyRecord } from './survey/precedence';
import type { Level } from './vocabulary';

export interface ScoreOptions {
  /** The level scored (decides survey precedence; default SELF). */
  level?: Level;
  /** Survey results recorded on the submission ([125]/[127] by survey precedence). */
  surveys?: readonly SurveyRecord[];
}

export interface AreaScore {
  code: string;
  name: string;
  weight: number;
  pemenuhan: number;
  reform: number;
  /** pemenuhan + reform */
  score: number;
  /** score as % of weight, 0–100 */
  percent: number;
}

export interface HasilParts {
  /** [125] IPAK index / 4 × 17.5 */
  ipak: number;
  /** [126] capaian kinerja value × 5 */
  kinerja: number;
  /** B.I Birokrasi bersih dan akuntabel = ipak + kinerja */
  bersih: number;
  /** B.II Pelayanan publik prima = [127] IPKP index / 4 × 17.5 */
  pelayanan: number;
}

export interface ScoreResult {
  total: number;
  pengungkit: number;
  pemenuhan: number;
  reform: number;
  hasil: number;
  /** answered ÷ required, 0–1 */
  completeness: number;
  answered: number;
  required: number;
  areas: AreaScore[];
  hasilParts: HasilParts;
  /** Survey indices used, and where they came from (ANSWER = the level's own entry, else the result's source). */
  survey: Record<SurveyKind, SurveyInForce>;
  /** Value in [0, 1] per graded item (null = unanswered, and for counts). */
  itemValues: Record<number, number | null>;
  /** Percentage in [0, 1] per formula id (null until every count it names is filled). */
  formulaValues: Record<string, number | null>;
  /** Score of every node by node id. */
  nodeScores: Record<number, number>;
  /** Required items still unanswered, in instrument order. */
  unanswered: number[];
}

/** ratio(n, d) = min(1, n / d), with d = 0 counting as fully met. */
export function ratio(n: number, d: number): number {
  if (d === 0) return 1;
  return Math.min(1, n / d);
}

function count(answers: Answers, id: number): number | null {
  const v = answers[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A computed percentage (DOMAIN §3) in [0, 1], or null while any count it names is blank. */
export function formulaValue(f: Formula, answers: Answers): number | null {
  for (const id of f.requires ?? []) if (count(answers, id) === null) return null;
  if (f.kind === 'ratio') {
    let n = 0;
    let d = 0;
    for (const id of f.numerator) {
      const c = count(answers, id);
      if (c === null) return null;
      n += c;
    }
    for (const id of f.denominator) {
      const c = count(answers, id);
      if (c === null) return null;
      d += c;
    }
    return ratio(n, d);
  }
  const prev = count(answers, f.previous);
  const now = count(answers, f.current);
  if (prev === null || now === null) return null;
  if (prev === 0) return now === 0 ? 1 : 0;
  return Math.max(0, (prev - now) / prev);
}

/** Value in [0, 1] of a graded answer (letter option or survey index), null when blank or a count. */
export function itemValue(item: Item, v: AnswerValue | undefined): number | null {
  if (isBlank(v)) return null;
  if (item.type === 'COUNT') return null;
  if (item.type === 'INDEX') return typeof v === 'number' ? Math.min(1, Math.max(0, v / 4)) : null;
  const opt = item.options.find((o) => o.key === v);
  return opt ? opt.multiplier : null;
}

/**
 * Score one level's answers exactly as DOMAIN §2–3 say: sub-areas average their scored units × weight
 * (or sum value × own weight where questions carry one), everything above sums; blanks count 0.
 */
export function scoreAnswers(instrument: Instrument, answers: Answers, options: ScoreOptions = {}): ScoreResult {
  const survey = {} as ScoreResult['survey'];
  const effective: Answers = { ...answers };
  for (const item of instrument.items) {
    if (!item.survey) continue;
    const inForce = surveyInForce(options.level ?? 'SELF', item.survey, answers[item.soalId], options.surveys ?? []);
    effective[item.soalId] = inForce.index;
    survey[item.survey] = inForce;
  }

  const itemValues: Record<number, number | null> = {};
  let answered = 0;
  const unanswered: number[] = [];
  for (const item of instrument.items) {
    const v = effective[item.soalId];
    itemValues[item.soalId] = itemValue(item, v);
    if (item.required) {
      if (isBlank(v)) unanswered.push(item.soalId);
      else answered++;
    }
  }

  const formulaValues: Record<string, number | null> = {};
  for (const f of instrument.formulas.formulas) formulaValues[f.id] = formulaValue(f, effective);

  const nodeScores: Record<number, number> = {};
  const scoreNode = (node: InstrumentNode): number => {
    let s = 0;
    if (node.children.length) for (const c of node.children) s += scoreNode(c);
    else
      for (const u of instrument.units[node.id] ?? []) {
        const v = u.kind === 'item' ? itemValues[u.soalId] : formulaValues[u.formula.id];
        s += u.weight * (v ?? 0);
      }
    nodeScores[node.id] = s;
    return s;
  };
  for (const r of instrument.roots) scoreNode(r);

  const areas: AreaScore[] = instrument.areas.map((a) => {
    const pemenuhan = nodeScores[a.pemenuhanNodeId];
    const reform = nodeScores[a.reformNodeId];
    const score = pemenuhan + reform;
    return { code: a.code, name: a.name, weight: a.weight, pemenuhan, reform, score, percent: a.weight ? (score / a.weight) * 100 : 0 };
  });

  const sumLevel = (part: 'PEMENUHAN' | 'REFORM' | 'HASIL') =>
    Object.values(instrument.nodes)
      .filter((n) => n.level === 'sub_komponen' && n.part === part)
      .reduce((s, n) => s + nodeScores[n.id], 0);
  const pemenuhan = sumLevel('PEMENUHAN');
  const reform = sumLevel('REFORM');
  const hasil = sumLevel('HASIL');
  const h = instrument.hasil;
  const partOf = (id: number) => (itemValues[id] ?? 0) * instrument.itemById[id].weight;

  return {
    total: pemenuhan + reform + hasil,
    pengungkit: pemenuhan + reform,
    pemenuhan,
    reform,
    hasil,
    completeness: instrument.requiredCount ? answered / instrument.requiredCount : 1,
    answered,
    required: instrument.requiredCount,
    areas,
    hasilParts: {
      ipak: partOf(h.ipak),
      kinerja: partOf(h.kinerja),
      bersih: nodeScores[h.bersihNodeId],
      pelayanan: nodeScores[h.pelayananNodeId],
    },
    survey,
    itemValues,
    formulaValues,
    nodeScores,
    unanswered,
  };
}

/** The totals of a ScoreResult without its per-item detail: what is cached, listed and compared. */
export type ScoreSummary = Pick<
  ScoreResult,
  'total' | 'pengungkit' | 'pemenuhan' | 'reform' | 'hasil' | 'completeness' | 'answered' | 'required' | 'areas' | 'hasilParts' | 'survey'
>;

export function summariseScore(s: ScoreResult): ScoreSummary {
  const { total, pengungkit, pemenuhan, reform, hasil, completeness, answered, required, areas, hasilParts, survey } = s;
  return { total, pengungkit, pemenuhan, reform, hasil, completeness, answered, required, areas, hasilParts, survey };
}
