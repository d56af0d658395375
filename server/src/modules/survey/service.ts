/**
 * The unit's own SPKP/SPAK survey rounds (DOMAIN.md §8): a Kanwil head (or admin) or the unit's coordinator opens a
 * round for a unit and period with its service types and respondent groups; each service type gets a public link
 * (QR code); people who finished a service answer on the public page (public.ts); closing the round records its
 * result as an INTERNAL survey result for [125]/[127] on the unit's submission, with its respondent count.
 * The arithmetic and the questionnaires are in repo shared/ (survey/).
 */
import crypto from 'node:crypto';
import { raw, type EntityManager } from '@mikro-orm/knex';
import {
  BUNDLED_QUESTIONNAIRES,
  hasAtMostTwoDecimals,
  MIN_SURVEY_RESPONDENTS as MIN_RESPONDENTS,
  isIsoDate,
  jakartaDate,
  questionnaire,
  surveyRoundResult,
  surveyRoundState,
  type SurveyResponseData,
  type SurveyRoundResult,
  type SurveyRoundState,
} from '@pantau/shared';
import { audit } from '../../common/audit';
import { assertCanReadSatker, hasRole, isKanwilHeadOf, readScope, requireUser, satkerFilter } from '../../common/authz';
import type { AuthUser, Ctx } from '../../common/context';
import { Role, SurveyKindEnum, SurveySource } from '../../common/enums';
import { badInput, forbidden, invalidState, notFound } from '../../common/errors';
import { clearLoaders } from '../../common/loaders';
import { Satker } from '../org/entities';
import { Period } from '../period/entities';
import { Submission } from '../submission/entities';
import { User } from '../user/entities';
import { loadSubmission } from '../workflow/service';
import { SurveyLink, SurveyResponse, SurveyResult, SurveyRound, type CodedName } from './entities';

export const MAX_SERVICE_TYPES = 20;
export const MAX_RESPONDENT_GROUPS = 20;
const MAX_NAME = 120;

export interface OpenRoundInput {
  satkerId: number;
  periodId: number;
  questionnaireVersion?: string | null;
  startDate: string;
  endDate: string;
  serviceTypes: string[];
  respondentGroups: string[];
}

/** Kanwil head of the unit's Kanwil, admin, or the unit's coordinator. */
export function canManageSurveys(user: AuthUser, satker: { id: number; kanwilId: number }): boolean {
  return isKanwilHeadOf(user, satker.kanwilId) || hasRole(user, Role.COORDINATOR, { satkerId: satker.id });
}

/** Whether the signed-in user may open and close this unit's survey rounds (Satker.canManageSurveys, for the SPA's buttons). */
export function mayManageSurveysOf(ctx: Ctx, satker: { id: number; kanwilId: number }): boolean {
  return ctx.user != null && canManageSurveys(ctx.user, satker);
}

function assertCanManage(user: AuthUser, satker: Satker) {
  if (!canManageSurveys(user, { id: satker.id, kanwilId: satker.kanwil.id })) {
    throw forbidden('Hanya Kepala Kanwil, admin, atau koordinator ZI unit ini yang dapat mengelola survei unit ini');
  }
}

function names(list: unknown, what: string, max: number, prefix: string, issues: string[]): CodedName[] {
  const raw = Array.isArray(list) ? list.map((s) => (typeof s === 'string' ? s.trim() : '')) : [];
  if (!raw.length) issues.push(`Sebutkan paling sedikit satu ${what}`);
  if (raw.length > max) issues.push(`Paling banyak ${max} ${what}`);
  if (raw.some((s) => !s)) issues.push(`Nama ${what} tidak boleh kosong`);
  if (raw.some((s) => s.length > MAX_NAME)) issues.push(`Nama ${what} paling panjang ${MAX_NAME} karakter`);
  if (new Set(raw.map((s) => s.toLowerCase())).size !== raw.length) issues.push(`Nama ${what} tidak boleh kembar`);
  return raw.map((name, i) => ({ code: `${prefix}${i + 1}`, name }));
}

export function parseNames(json: string): CodedName[] {
  return JSON.parse(json) as CodedName[];
}

export function roundState(r: SurveyRound, now = new Date()): SurveyRoundState {
  return surveyRoundState({ startDate: r.startDate, endDate: r.endDate, closed: !!r.closedAt }, jakartaDate(now));
}

/** A fresh public link token (not a secret: it is printed on posters; 128 random bits so links cannot be guessed). */
function linkToken(): string {
  return crypto.randomBytes(16).toString('base64url');
}

export async function openSurveyRound(ctx: Ctx, input: OpenRoundInput): Promise<SurveyRound> {
  const user = requireUser(ctx);
  const issues: string[] = [];
  const version = input.questionnaireVersion || Object.keys(BUNDLED_QUESTIONNAIRES).sort().at(-1)!;
  if (!BUNDLED_QUESTIONNAIRES[version]) issues.push(`Versi kuesioner tidak dikenal: ${version}`);
  if (!isIsoDate(input.startDate) || !isIsoDate(input.endDate)) issues.push('Tanggal mulai dan selesai harus berformat YYYY-MM-DD');
  else if (input.endDate < input.startDate) issues.push('Tanggal selesai tidak boleh sebelum tanggal mulai');
  const serviceTypes = names(input.serviceTypes, 'jenis layanan', MAX_SERVICE_TYPES, 'L', issues);
  const groups = names(input.respondentGroups, 'kelompok responden', MAX_RESPONDENT_GROUPS, 'R', issues);
  const round = await ctx.em.transactional(async (em) => {
    const satker = await em.findOne(Satker, input.satkerId, { populate: ['kanwil'] });
    if (!satker) throw notFound('Unit', input.satkerId);
    assertCanManage(user, satker);
    const period = await em.findOne(Period, input.periodId);
    if (!period) throw notFound('Periode', input.periodId);
    if (period.kanwil && period.kanwil.id !== satker.kanwil.id) issues.push('Periode ini bukan milik Kanwil unit tersebut');
    if (issues.length) throw badInput(issues.join('; '), { issues });
    const round = em.create(SurveyRound, {
      satker,
      period,
      questionnaireVersion: version,
      startDate: input.startDate,
      endDate: input.endDate,
      serviceTypesJson: JSON.stringify(serviceTypes),
      respondentGroupsJson: JSON.stringify(groups),
      createdBy: em.getReference(User, user.id),
    });
    for (const st of serviceTypes) em.create(SurveyLink, { round, serviceType: st.code, token: linkToken() });
    await em.flush();
    audit(em, ctx, {
      action: 'survey.round.open',
      objectType: 'SurveyRound',
      objectId: round.id,
      kanwilId: satker.kanwil.id,
      satkerId: satker.id,
      after: { periodId: period.id, questionnaireVersion: version, startDate: round.startDate, endDate: round.endDate, serviceTypes, respondentGroups: groups },
    });
    await em.flush();
    return round;
  });
  return round;
}

async function loadRound(em: EntityManager, id: number): Promise<SurveyRound> {
  const r = await em.findOne(SurveyRound, id, { populate: ['satker', 'satker.kanwil', 'period'] });
  if (!r) throw notFound('Putaran survei', id);
  return r;
}

/** A round the user may read (anyone who may read the unit). */
export async function getSurveyRound(ctx: Ctx, id: number): Promise<SurveyRound> {
  requireUser(ctx);
  const r = await loadRound(ctx.em, id);
  await assertCanReadSatker(ctx, r.satker);
  return r;
}

/** The rounds of the units the user may read, optionally for one unit and/or period, newest first. */
export async function listSurveyRounds(ctx: Ctx, filter: { satkerId?: number | null; periodId?: number | null }): Promise<SurveyRound[]> {
  requireUser(ctx);
  const scope = await readScope(ctx);
  const sf = satkerFilter(scope);
  const where: Record<string, unknown> = {};
  if (filter.periodId != null) where.period = filter.periodId;
  where.satker = { ...(filter.satkerId != null ? { id: filter.satkerId } : {}), ...((sf ?? {}) as object) };
  return ctx.em.find(SurveyRound, where, { populate: ['satker', 'satker.kanwil', 'period'], orderBy: { id: 'desc' } });
}

/** Links of several rounds, one query. */
export async function linksOfRounds(em: EntityManager, roundIds: number[]): Promise<Map<number, SurveyLink[]>> {
  const rows = roundIds.length ? await em.find(SurveyLink, { round: { $in: roundIds } }, { orderBy: { id: 'asc' } }) : [];
  const m = new Map<number, SurveyLink[]>();
  for (const l of rows) {
    if (!m.has(l.round.id)) m.set(l.round.id, []);
    m.get(l.round.id)!.push(l);
  }
  return m;
}

/** Respondent counts of several rounds, one aggregate query. */
export async function respondentCounts(em: EntityManager, roundIds: number[]): Promise<Map<number, number>> {
  if (!roundIds.length) return new Map();
  const rows = await em
    .createQueryBuilder(SurveyResponse, 'r')
    .select(['r.round', raw('count(*) as n')])
    .where({ round: { $in: roundIds } })
    .groupBy('r.round')
    .execute<{ round: number; n: number }[]>();
  return new Map(rows.map((r) => [Number(r.round), Number(r.n)]));
}

async function responsesOf(em: EntityManager, roundId: number): Promise<SurveyResponseData[]> {
  const rows = await em.find(SurveyResponse, { round: roundId }, { fields: ['serviceType', 'respondentGroup', 'scoresJson'], orderBy: { id: 'asc' } });
  return rows.map((r) => ({ serviceType: r.serviceType, respondentGroup: r.respondentGroup, scores: JSON.parse(r.scoresJson) }));
}

export interface RoundResultView {
  round: SurveyRound;
  result: SurveyRoundResult;
  serviceTypes: CodedName[];
  respondentGroups: CodedName[];
}

/** The round's result computed from its responses (shared surveyRoundResult). */
export async function surveyRoundResultOf(ctx: Ctx, roundId: number): Promise<RoundResultView> {
  const round = await getSurveyRound(ctx, roundId);
  return computeRoundResult(ctx.em, round);
}

export async function computeRoundResult(em: EntityManager, round: SurveyRound): Promise<RoundResultView> {
  const serviceTypes = parseNames(round.serviceTypesJson);
  const respondentGroups = parseNames(round.respondentGroupsJson);
  const result = surveyRoundResult(questionnaire(round.questionnaireVersion), await responsesOf(em, round.id), {
    serviceTypes: serviceTypes.map((s) => s.code),
    respondentGroups: respondentGroups.map((s) => s.code),
  });
  return { round, result, serviceTypes, respondentGroups };
}

export interface CloseRoundOutcome {
  round: SurveyRound;
  /** The INTERNAL results recorded on the unit's submission (empty: no responses, or no submission this period). */
  recorded: SurveyResult[];
  warnings: string[];
}

/**
 * Closes a round (no more responses) and records its result as INTERNAL IPAK and IPKP survey results on the unit's
 * submission of the period, with the respondent count. Nothing is recorded without responses (INTERNAL with 0
 * respondents is refused) or without a submission.
 */
/** A closed round's indices as the unit's INTERNAL survey results (one per kind with an index), for the LKE. */
export function recordRoundResults(em: EntityManager, sub: Submission, round: SurveyRound, result: SurveyRoundResult, recordedAt: Date): SurveyResult[] {
  return [SurveyKindEnum.IPAK, SurveyKindEnum.IPKP].flatMap((kind) => {
    const index = result.indices[kind].index;
    if (index === null) return [];
    return [
      em.create(SurveyResult, { submission: sub, kind, index, respondents: result.respondents, source: SurveySource.INTERNAL, roundId: round.id, recordedAt }),
    ];
  });
}

export async function closeSurveyRound(ctx: Ctx, roundId: number): Promise<CloseRoundOutcome> {
  const user = requireUser(ctx);
  const out = await ctx.em.transactional(async (em) => {
    const round = await loadRound(em, roundId);
    assertCanManage(user, round.satker);
    if (round.closedAt) throw invalidState('Putaran survei ini sudah ditutup');
    round.closedAt = new Date();
    const { result } = await computeRoundResult(em, round);
    const warnings: string[] = [];
    const recorded: SurveyResult[] = [];
    const sub = await em.findOne(Submission, { satker: round.satker.id, period: round.period.id });
    if (result.respondents === 0) warnings.push('Belum ada tanggapan: hasil survei tidak dicatat');
    else if (!sub) warnings.push('Unit belum memiliki penilaian pada periode ini: hasil survei tidak dicatat ke LKE');
    else {
      if (result.belowMinimum) warnings.push(`Jumlah responden ${result.respondents} kurang dari 30 (batas minimal survei per unit)`);
      recorded.push(...recordRoundResults(em, sub, round, result, new Date()));
    }
    await em.flush();
    audit(em, ctx, {
      action: 'survey.round.close',
      objectType: 'SurveyRound',
      objectId: round.id,
      kanwilId: round.satker.kanwil.id,
      satkerId: round.satker.id,
      after: {
        respondents: result.respondents,
        ipak: result.indices.IPAK.index,
        ipkp: result.indices.IPKP.index,
        submissionId: sub?.id ?? null,
        surveyResultIds: recorded.map((r) => r.id),
        warnings,
      },
    });
    await em.flush();
    return { round, recorded, warnings };
  });
  clearLoaders(ctx);
  return out;
}

export interface SurveyRoundView {
  round: SurveyRound;
  state: SurveyRoundState;
  serviceTypes: (CodedName & { token: string })[];
  respondentGroups: CodedName[];
  respondents: number;
  canManage: boolean;
}

/** Views of rounds with their links and respondent counts (two queries for any number of rounds). */
export async function roundViews(ctx: Ctx, rounds: SurveyRound[]): Promise<SurveyRoundView[]> {
  const user = requireUser(ctx);
  const ids = rounds.map((r) => r.id);
  const [links, counts] = await Promise.all([linksOfRounds(ctx.em, ids), respondentCounts(ctx.em, ids)]);
  const now = new Date();
  return rounds.map((round) => {
    const ls = links.get(round.id) ?? [];
    return {
      round,
      state: roundState(round, now),
      serviceTypes: parseNames(round.serviceTypesJson).map((s) => ({ ...s, token: ls.find((l) => l.serviceType === s.code)?.token ?? '' })),
      respondentGroups: parseNames(round.respondentGroupsJson),
      respondents: counts.get(round.id) ?? 0,
      canManage: canManageSurveys(user, { id: round.satker.id, kanwilId: round.satker.kanwil.id }),
    };
  });
}

export async function surveyRoundsView(ctx: Ctx, filter: { satkerId?: number | null; periodId?: number | null }): Promise<SurveyRoundView[]> {
  return roundViews(ctx, await listSurveyRounds(ctx, filter));
}

export async function surveyRoundView(ctx: Ctx, id: number): Promise<SurveyRoundView> {
  return (await roundViews(ctx, [await getSurveyRound(ctx, id)]))[0];
}

export async function openSurveyRoundView(ctx: Ctx, input: OpenRoundInput): Promise<SurveyRoundView> {
  const r = await openSurveyRound(ctx, input);
  return (await roundViews(ctx, [await loadRound(ctx.em, r.id)]))[0];
}

export async function closeSurveyRoundView(ctx: Ctx, id: number): Promise<Omit<CloseRoundOutcome, 'round'> & { round: SurveyRoundView }> {
  const out = await closeSurveyRound(ctx, id);
  return { ...out, round: (await roundViews(ctx, [await loadRound(ctx.em, id)]))[0] };
}

export interface SurveyInputData {
  kind: SurveyKindEnum;
  index: number;
  respondents: number;
  source: SurveySource;
}

/**
 * Records an IPAK/IPKP survey result on a submission, at any stage (the Kanwil head of the unit's Kanwil or an
 * admin): units run SPAK/SPKP themselves all year (INTERNAL), BPS/TPN results arrive late (DOMAIN.md §8). An
 * official result (BPS, TPN, a third party) needs at least 30 respondents; an INTERNAL one at least one (fewer than 30 is
 * accepted with a warning). Which recorded result feeds [125]/[127] at each level is the survey precedence rule.
 */
/** Recording a survey result on a submission: the unit's Kanwil head (or admin). */
export function mayRecordSurvey(user: Ctx['user'], sub: Submission): boolean {
  return isKanwilHeadOf(user, sub.satker.kanwil.id);
}

export async function recordSurveyResult(ctx: Ctx, submissionId: number, input: SurveyInputData): Promise<{ result: SurveyResult; warnings: string[] }> {
  requireUser(ctx);
  const issues: string[] = [];
  if (typeof input.index !== 'number' || !Number.isFinite(input.index) || input.index < 0 || input.index > 4)
    issues.push(`Indeks survei harus di antara 0 dan 4, bukan ${input.index}`);
  else if (!hasAtMostTwoDecimals(input.index)) issues.push(`Indeks survei paling banyak dua desimal (${input.index})`);
  if (!Number.isInteger(input.respondents) || input.respondents < 0) issues.push(`Jumlah responden harus bilangan bulat ≥ 0, bukan ${input.respondents}`);
  const official = input.source !== SurveySource.INTERNAL;
  if (Number.isInteger(input.respondents) && official && input.respondents < MIN_RESPONDENTS) {
    issues.push(`Hasil survei resmi (${input.source}) memerlukan paling sedikit ${MIN_RESPONDENTS} responden, bukan ${input.respondents}`);
  }
  if (Number.isInteger(input.respondents) && !official && input.respondents === 0) issues.push('Hasil survei internal tanpa responden tidak dapat dicatat');
  if (issues.length) throw badInput(issues.join('; '), { issues });
  const warnings: string[] = [];
  if (input.respondents < MIN_RESPONDENTS)
    warnings.push(`Jumlah responden ${input.respondents} kurang dari ${MIN_RESPONDENTS} (batas minimal survei per unit)`);
  const result = await ctx.em.transactional(async (em) => {
    const sub = await loadSubmission(em, submissionId);
    if (!mayRecordSurvey(ctx.user, sub)) throw forbidden('Hanya admin atau Kepala Kanwil unit ini yang dapat mencatat hasil survei');
    const r = em.create(SurveyResult, {
      submission: sub,
      kind: input.kind,
      index: Math.round(input.index * 100) / 100,
      respondents: input.respondents,
      source: input.source,
      recordedAt: new Date(),
    });
    em.persist(r);
    await em.flush();
    audit(em, ctx, {
      action: 'survey.record',
      objectType: 'Submission',
      objectId: sub.id,
      kanwilId: sub.satker.kanwil.id,
      satkerId: sub.satker.id,
      after: { surveyResultId: r.id, kind: r.kind, index: r.index, respondents: r.respondents, source: r.source, warnings },
    });
    await em.flush();
    return r;
  });
  clearLoaders(ctx);
  return { result, warnings };
}
