/** TPN/BPS results: survey results (the survey items' fallback at every level) and predicate revocation. */
import { hasAtMostTwoDecimals, revocationBanUntil } from '@pantau/shared';
import { audit } from '../../common/audit';
import { isKanwilHeadOf, requireUser } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { SurveyKindEnum, SurveySource } from '../../common/enums';
import { badInput, forbidden, invalidState, notFound } from '../../common/errors';
import { clearLoaders } from '../../common/loaders';
import { PredicateHistory } from '../org/entities';
import { SurveyResult } from '../submission/entities';
import { loadSubmission } from '../workflow/service';

import { MIN_SURVEY_RESPONDENTS as MIN_RESPONDENTS } from '@pantau/shared';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface SurveyInputData {
  kind: SurveyKindEnum;
  index: number;
  respondents: number;
  source: SurveySource;
}

/**
 * Records an IPAK/IPKP survey result on a submission, at any stage (the Kanwil head of the unit's Kanwil or an
 * admin): units run SPAK/SPKP themselves all year (INTERNAL), BPS/TPN results arrive late (DOMAIN.md §8). An
 * official result (BPS, TPN) needs at least 30 respondents; an INTERNAL one at least one (fewer than 30 is
 * accepted with a warning). Which recorded result feeds [125]/[127] at each level is the survey precedence rule.
 */
export async function recordSurveyResult(ctx: Ctx, submissionId: number, input: SurveyInputData): Promise<{ result: SurveyResult; warnings: string[] }> {
  requireUser(ctx);
  const issues: string[] = [];
  if (typeof input.index !== 'number' || !Number.isFinite(input.index) || input.index < 0 || input.index > 4) issues.push(`Indeks survei harus di antara 0 dan 4, bukan ${input.index}`);
  else if (!hasAtMostTwoDecimals(input.index)) issues.push(`Indeks survei paling banyak dua desimal (${input.index})`);
  if (!Number.isInteger(input.respondents) || input.respondents < 0) issues.push(`Jumlah responden harus bilangan bulat ≥ 0, bukan ${input.respondents}`);
  const official = input.source !== SurveySource.INTERNAL;
  if (Number.isInteger(input.respondents) && official && input.respondents < MIN_RESPONDENTS) {
    issues.push(`Hasil survei resmi (${input.source}) memerlukan paling sedikit ${MIN_RESPONDENTS} responden, bukan ${input.respondents}`);
  }
  if (Number.isInteger(input.respondents) && !official && input.respondents === 0) issues.push('Hasil survei internal tanpa responden tidak dapat dicatat');
  if (issues.length) throw badInput(issues.join('; '), { issues });
  const warnings: string[] = [];
  if (input.respondents < MIN_RESPONDENTS) warnings.push(`Jumlah responden ${input.respondents} kurang dari ${MIN_RESPONDENTS} (batas minimal survei per unit)`);
  const result = await ctx.em.transactional(async (em) => {
    const sub = await loadSubmission(em, submissionId);
    if (!isKanwilHeadOf(ctx.user, sub.satker.kanwil.id)) throw forbidden('Hanya admin atau Kepala Kanwil unit ini yang dapat mencatat hasil survei');
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

/**
 * Revokes a predicate (admin, or the Kanwil head of the unit) with a reason and the revocation decree date:
 * the unit cannot be proposed again for two years from that date (shared revocationBanUntil).
 */
export async function revokePredicate(ctx: Ctx, predicateId: number, reason: string, decreeDate: string): Promise<PredicateHistory> {
  const user = requireUser(ctx);
  const why = (reason ?? '').trim();
  if (!why) throw badInput('Alasan pencabutan harus diisi');
  if (!ISO_DATE.test(decreeDate ?? '') || new Date(`${decreeDate}T00:00:00Z`).toISOString().slice(0, 10) !== decreeDate) {
    throw badInput('Tanggal keputusan pencabutan harus berformat YYYY-MM-DD');
  }
  const p = await ctx.em.transactional(async (em) => {
    const p = await em.findOne(PredicateHistory, predicateId, { populate: ['satker'] });
    if (!p) throw notFound('Predikat', predicateId);
    if (!isKanwilHeadOf(user, p.satker.kanwil.id)) throw forbidden('Hanya admin atau Kepala Kanwil unit ini yang dapat mencabut predikat');
    if (p.revoked) throw invalidState('Predikat ini sudah dicabut');
    const before = { revoked: false, revokedAt: null, reason: p.reason ?? null };
    p.revoked = true;
    p.revokedAt = decreeDate;
    p.reason = why;
    audit(em, ctx, {
      action: 'predicate.revoke',
      objectType: 'PredicateHistory',
      objectId: p.id,
      kanwilId: p.satker.kanwil.id,
      satkerId: p.satker.id,
      before,
      after: { predicate: p.predicate, year: p.year, revoked: true, revokedAt: decreeDate, banUntil: revocationBanUntil(decreeDate) },
      reason: why,
    });
    await em.flush();
    return p;
  });
  clearLoaders(ctx);
  return p;
}
