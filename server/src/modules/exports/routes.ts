/**
 * POST /api/exports/table.xlsx | /api/exports/table.csv — body `{ title, fileName, columns, rows }` (JSON, what the
 * user sees in an SPA table) → the file. Session required. Errors: `{ error, code, message }`.
 */
import express, { Router } from 'express';
import { sendError, sendRestError } from '../../common/rest-errors';
import type { RestDeps } from '../../rest';
import { contentDisposition } from '../evidence/filename';
import { renderTable } from './service';

export function exportsRouter(deps: RestDeps): Router {
  const router = Router();
  const json = express.json({ limit: '20mb' });
  router.post(
    '/table.:format',
    (req, res, next) => json(req, res, (err?: unknown) => (err ? sendRestError(res, err, deps.log) : next())),
    async (req, res) => {
      try {
        const format = req.params.format;
        if (format !== 'xlsx' && format !== 'csv') return sendError(res, 'NOT_FOUND', 'Alamat tidak ditemukan');
        const ctx = await deps.context(req, res);
        const f = await renderTable(ctx, req.body, format);
        res.set('Content-Type', f.contentType);
        res.set('Content-Disposition', contentDisposition(f.fileName, false));
        res.set('Cache-Control', 'private, no-store');
        res.set('Content-Length', String(f.data.length));
        res.end(f.data);
      } catch (e) {
        sendRestError(res, e, deps.log);
      }
    },
  );
  return router;
}
