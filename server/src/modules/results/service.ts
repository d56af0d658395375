/** TPN results: predicate revocation (survey results live in the survey module). */
import { isIsoDate, revocationBanUntil } from '@pantau/shared';
import { audit } from '../../common/audit';
import { isKanwilHeadOf, requireUser } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { badInput, forbidden, invalidState, notFound } from '../../common/errors';
import { clearLoaders } from '../../common/loaders';
import { PredicateHistory } from '../org/entities';

/**
 * Revokes a predicate (admin, or the Kanwil head of the unit) with a reason and the revocation decree date:
 * the unit cannot be proposed again for two years from that date (shared revocationBanUntil).
 */
export async function revokePredicate(ctx: Ctx, predicateId: number, reason: string, decreeDate: string): Promise<PredicateHistory> {
  const user = requireUser(ctx);
  const why = (reason ?? '').trim();
  if (!why) throw badInput('Alasan pencabutan harus diisi');
  if (!isIsoDate(decreeDate)) {
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
