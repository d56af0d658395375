/**
 * REST endpoints of the survey module (the public page has no GraphQL session; files are not GraphQL):
 *   GET  /api/survey/public/:token              the form of one link + a one-time ticket (no login)
 *   POST /api/survey/public/:token/responses    one response { ticket, respondentGroup, scores, website }
 *   GET  /api/survey/public/:token/qr.svg|png   printable QR code of the link's page (no login: the link is public)
 *   GET  /api/survey/rounds/:id/results.csv     the round's results (signed in, the unit's readers)
 * Errors are JSON `{ error, code, message }`; 429 with Retry-After above the per-link rate limit.
 */
import { Router, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { publicBaseUrl } from '../../common/public-url';
import { sendError, sendRestError } from '../../common/rest-errors';
import type { AppConfig } from '../../config';
import type { RestDeps } from '../../rest';
import { SurveyLink } from './entities';
import { resultsCsv } from './export';
import { publicForm, submitPublicResponse } from './public';
import { surveyRoundResultOf } from './service';

/** The public page's address for a link token (the SPA route /survei/:token under the configured public URL). */
export function publicSurveyUrl(config: AppConfig, req: Request, token: string): string {
  return `${publicBaseUrl(config, req)}/survei/${encodeURIComponent(token)}`;
}

export function surveyRouter(deps: RestDeps): Router {
  const r = Router();
  const fail = (res: Response, e: unknown) => sendRestError(res, e, deps.log);
  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

  r.get('/public/:token', async (req, res) => {
    noStore(res);
    try {
      res.json(await publicForm(deps.orm.em.fork(), req.params.token));
    } catch (e) {
      fail(res, e);
    }
  });

  r.post('/public/:token/responses', async (req, res) => {
    noStore(res);
    try {
      await submitPublicResponse(deps.orm.em.fork(), req.params.token, req.body ?? {});
      res.status(201).json({ ok: true });
    } catch (e) {
      fail(res, e);
    }
  });

  r.get('/public/:token/qr.:format', async (req, res) => {
    try {
      const format = req.params.format;
      if (format !== 'svg' && format !== 'png') return sendError(res, 'NOT_FOUND', 'Alamat tidak ditemukan');
      const em = deps.orm.em.fork();
      const link = await em.findOne(SurveyLink, { token: req.params.token });
      if (!link) return sendError(res, 'NOT_FOUND', 'Tautan survei tidak ditemukan');
      const url = publicSurveyUrl(deps.config, req, link.token);
      const opts = { errorCorrectionLevel: 'M' as const, margin: 2 };
      if (format === 'svg') res.type('image/svg+xml').send(await QRCode.toString(url, { ...opts, type: 'svg' }));
      else res.type('image/png').send(await QRCode.toBuffer(url, { ...opts, type: 'png', width: 600 }));
    } catch (e) {
      fail(res, e);
    }
  });

  r.get('/rounds/:id/results.csv', async (req, res) => {
    try {
      const id = Number(req.params.id);
      if (!Number.isInteger(id) || id <= 0) return sendError(res, 'NOT_FOUND', 'Putaran survei tidak ditemukan');
      const ctx = await deps.context(req, res);
      const view = await surveyRoundResultOf(ctx, id);
      const locale = ctx.user?.locale === 'en' ? 'en' : 'id';
      res.type('text/csv; charset=utf-8');
      res.set('Content-Disposition', `attachment; filename="hasil-survei-${id}.csv"`);
      res.send(resultsCsv(view, locale));
    } catch (e) {
      fail(res, e);
    }
  });
  return r;
}
