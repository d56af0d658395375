/**
 * PDF reports (session auth, the scope of the screen they come from):
 *   GET /api/submissions/:id/lke-summary.pdf   a unit's LKE summary (who may read the submission)
 *   GET /api/submissions/:id/lhe.pdf           the desk-evaluation report from the TPI level (same)
 *   GET /api/periods/:periodId/nominations.pdf?kanwilId=   the Kanwil's recap of nominated units (Kanwil view)
 * Errors: `{ error, code, message }`.
 */
import { Router, type Request, type Response } from 'express';
import type { RestDeps } from '../../rest';
import { contentDisposition } from '../evidence/filename';
import { sendError, sendRestError } from '../../common/rest-errors';
import { lhePdf, lkeSummaryPdf, nominationRecapPdf, type PdfFile } from './service';

const idParam = (v: unknown): number | null => (typeof v === 'string' && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : null);

export function reportsRouter(deps: RestDeps): Router {
  const router = Router();
  const send = (make: (req: Request, res: Response) => Promise<PdfFile | null>) => async (req: Request, res: Response) => {
    try {
      const f = await make(req, res);
      if (!f) return sendError(res, 'NOT_FOUND', 'Alamat tidak ditemukan');
      res.set('Content-Type', 'application/pdf');
      res.set('Content-Disposition', contentDisposition(f.fileName, req.query.inline === '1'));
      res.set('Cache-Control', 'private, no-store');
      res.set('Content-Length', String(f.data.length));
      res.end(f.data);
    } catch (e) {
      sendRestError(res, e, deps.log);
    }
  };
  router.get(
    '/submissions/:id/lke-summary.pdf',
    send(async (req, res) => {
      const id = idParam(req.params.id);
      return id === null ? null : lkeSummaryPdf(await deps.context(req, res), id);
    }),
  );
  router.get(
    '/submissions/:id/lhe.pdf',
    send(async (req, res) => {
      const id = idParam(req.params.id);
      return id === null ? null : lhePdf(await deps.context(req, res), id);
    }),
  );
  router.get(
    '/periods/:periodId/nominations.pdf',
    send(async (req, res) => {
      const id = idParam(req.params.periodId);
      const k = req.query.kanwilId;
      const kanwilId = k === undefined ? null : idParam(k);
      if (id === null || (k !== undefined && kanwilId === null)) return null;
      return nominationRecapPdf(await deps.context(req, res), id, kanwilId);
    }),
  );
  return router;
}
