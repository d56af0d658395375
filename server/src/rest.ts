/**
 * REST modules mounted by createApp (GraphQL is wrong for streamed files, PortalRB, …). Append one entry per
 * module; each gets the shared dependencies. Mutating /api requests must carry `x-pantau-csrf: 1` (checked
 * globally in app.ts before any module runs).
 */
import express from 'express';
import type { Orm as MikroORM } from './db/orm';
import type { Request, Response } from 'express';
import type { AppConfig } from './config';
import type { Ctx } from './common/context';
import { mountEvidence } from './modules/evidence/mount';

import { exportsRouter } from './modules/exports/routes';
import { lkeWorkbookRouter } from './modules/lke-workbook/routes';
import { portalRbRouter } from './modules/portalrb/routes';
import { reportsRouter } from './modules/reports/routes';
import { surveyRouter } from './modules/survey/routes';
export interface RestDeps {
  orm: MikroORM;
  config: AppConfig;
  /** Per-request context: forked EntityManager + signed-in user (or null). */
  context: (req: Request, res: Response) => Promise<Ctx>;
  log: (err: unknown) => void;
}

export type RestModule = (app: express.Express, deps: RestDeps) => void | Promise<void>;

export const REST_MODULES: RestModule[] = [
  mountEvidence,
  (app, d) => {
    app.use('/api/portalrb', portalRbRouter(d));
  },
  (app, d) => {
    app.use('/api/submissions', lkeWorkbookRouter(d));
  },
  (app, d) => {
    app.use('/api/survey', express.json({ limit: '16kb' }), surveyRouter(d));
  },
  (app, d) => {
    app.use('/api', reportsRouter(d));
  },
  (app, d) => {
    app.use('/api/exports', exportsRouter(d));
  },
];
