/**
 * REST for LKE workbooks (files are the wrong shape for GraphQL):
 *   GET  /api/submissions/:id/lke.xlsx       the classic LKE workbook (session; same scope as reading the submission)
 *   POST /api/submissions/:id/lke-workbook   body = the .xlsx file → { layout, rows, document } for `importAnswers`
 * Errors: `{ error, code, message }` (+ `issues: [{ sheet, cell, message }]` for an unreadable workbook).
 */
import express, { Router, type Request, type Response } from 'express';
import { sendError, sendRestError } from '../../common/rest-errors';
import { publicBaseUrl } from '../../common/public-url';
import type { RestDeps } from '../../rest';
import { contentDisposition } from '../evidence/filename';
import { exportWorkbook, parseWorkbook } from './service';

/** Largest workbook accepted for import (the LKE is ~200 rows; 10 MB leaves room for embedded pictures). */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

function submissionId(req: Request): number | null {
  const raw = String(req.params.id ?? '');
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function lkeWorkbookRouter(deps: RestDeps): Router {
  const router = Router();
  const badId = (res: Response) => sendError(res, 'NOT_FOUND', 'Penilaian tidak ditemukan');

  router.get('/:id/lke.xlsx', async (req, res) => {
    try {
      const id = submissionId(req);
      if (id === null) return void badId(res);
      const ctx = await deps.context(req, res);
      const { data, fileName } = await exportWorkbook(ctx, id, publicBaseUrl(deps.config, req));
      res.set('Content-Type', XLSX);
      res.set('Content-Disposition', contentDisposition(fileName, false));
      res.set('Cache-Control', 'private, no-store');
      res.set('Content-Length', String(data.length));
      res.end(data);
    } catch (e) {
      sendRestError(res, e, deps.log);
    }
  });

  router.post(
    '/:id/lke-workbook',
    (req, res, next) =>
      express.raw({ type: () => true, limit: MAX_WORKBOOK_BYTES })(req, res, (err?: unknown) => (err ? sendRestError(res, err, deps.log) : next())),
    async (req, res) => {
      try {
        const id = submissionId(req);
        if (id === null) return void badId(res);
        const ctx = await deps.context(req, res);
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        res.set('Cache-Control', 'no-store');
        res.json(await parseWorkbook(ctx, id, body));
      } catch (e) {
        sendRestError(res, e, deps.log);
      }
    },
  );
  return router;
}
