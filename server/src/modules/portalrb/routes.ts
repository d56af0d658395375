/**
 * PortalRB pull endpoints (DOMAIN §6) under /api/portalrb, behind a bearer token of a Kanwil or of an instansi (all its Kanwil).
 * Errors: `{ error, code, message }` (common/rest-errors.ts) with 401 (no/wrong/revoked token), 403, 404, 422, 429 (per-token rate limit), 500.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { TargetPredicate } from '../../common/enums';
import { publicBaseUrl } from '../../common/public-url';
import type { RestDeps } from '../../rest';
import type { PortalRbToken } from './entities';
import { sendError, sendRestError } from '../../common/rest-errors';
import { findUnit, jawabanUnit, nominatedUnits, resolveYear } from './service';
import { findActiveToken, tokenKanwilIds } from './tokens';
import { RateLimiter } from '../ratelimit/service';

export function portalRbRouter(deps: RestDeps): Router {
  const limit = Number(process.env.PANTAU_PORTALRB_RATE_LIMIT) > 0 ? Number(process.env.PANTAU_PORTALRB_RATE_LIMIT) : 120;
  // per token per minute, in the database: shared by every server process
  const limiter = new RateLimiter('portalrb-token', limit, 60_000);
  const router = Router();

  type Handler = (req: Request, res: Response, token: PortalRbToken, em: ReturnType<RestDeps['orm']['em']['fork']>) => Promise<void>;
  const handle = (h: Handler) => async (req: Request, res: Response, _next: NextFunction) => {
    try {
      res.set('Cache-Control', 'no-store');
      const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
      if (!m) return sendError(res, 'UNAUTHENTICATED', 'Token PortalRB wajib disertakan (Authorization: Bearer <token>)');
      const em = deps.orm.em.fork();
      const token = await findActiveToken(em, m[1]);
      if (!token) return sendError(res, 'UNAUTHENTICATED', 'Token PortalRB tidak valid atau sudah dicabut');
      const taken = await limiter.consume(em, String(token.id));
      if (!taken.allowed) {
        return sendError(res, 'RATE_LIMITED', 'Terlalu banyak permintaan; coba lagi nanti', { retryAfter: taken.msBeforeReset / 1000 });
      }
      await h(req, res, token, em);
    } catch (e) {
      sendRestError(res, e, deps.log);
    }
  };

  const tahunParam = (req: Request) => (Array.isArray(req.query.tahun) ? '__many__' : (req.query.tahun as string | undefined));

  for (const [path, target] of [
    ['/pengusulan/unit-wbk', TargetPredicate.WBK],
    ['/pengusulan/unit-wbbm', TargetPredicate.WBBM],
  ] as const) {
    router.get(
      path,
      handle(async (req, res, token, em) => {
        const kanwilIds = await tokenKanwilIds(em, token);
        const { tahun, periodIds } = await resolveYear(em, kanwilIds, tahunParam(req));
        res.json({ tahun, units: await nominatedUnits(em, kanwilIds, periodIds, target) });
      }),
    );
  }

  router.get(
    '/lke/jawaban-unit/:unitId',
    handle(async (req, res, token, em) => {
      const kanwilIds = await tokenKanwilIds(em, token);
      const satker = await findUnit(em, kanwilIds, String(req.params.unitId));
      const { tahun, periodIds } = await resolveYear(em, kanwilIds, tahunParam(req));
      const base = publicBaseUrl(deps.config, req);
      const { status: _s, ...body } = await jawabanUnit(em, satker, periodIds, tahun, base);
      res.json(body);
    }),
  );

  router.use((_req, res) => sendError(res, 'NOT_FOUND', 'Alamat tidak ditemukan'));
  return router;
}
