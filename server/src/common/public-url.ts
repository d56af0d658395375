import type { Request } from 'express';
import type { AppConfig } from '../config';

/**
 * The absolute address of the app for links (workbook evidence links, PortalRB answers, survey pages, e-mails):
 * PANTAU_PUBLIC_URL when set (it includes PANTAU_BASE_PATH), else the address this server itself answered on
 * (its own socket + the base path). Never the request's Host or X-Forwarded-Host header: a client chooses those.
 */
export function publicBaseUrl(config: Pick<AppConfig, 'publicUrl' | 'basePath'>, req: Request): string {
  if (config.publicUrl) return config.publicUrl;
  const raw = req.socket.localAddress ?? '127.0.0.1';
  const addr = raw.startsWith('::ffff:') ? raw.slice(7) : raw;
  return `http://${addr.includes(':') ? `[${addr}]` : addr}:${req.socket.localPort}${config.basePath}`;
}
