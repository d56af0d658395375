/**
 * Response headers and compression for every route (SPA, GraphQL, REST, /health), and who may introspect.
 */
import compression from 'compression';
import helmet from 'helmet';
import type { RequestHandler } from 'express';
import { GraphQLError, Kind, type DocumentNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { isAdmin } from './authz';
import type { Ctx } from './context';

/**
 * helmet: CSP with scripts only from our origin (no inline or eval'd script); styles may be inline because
 * Naive UI writes its CSS-in-JS into <style> elements; the SPA may not be framed (frame-ancestors 'none' and
 * X-Frame-Options DENY); nosniff; no Referer to other sites.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // evidence previews and downloads are same-origin; the stricter cross-origin isolation headers add nothing here
    crossOriginEmbedderPolicy: false,
  });
}

/** br or gzip for compressible responses (SPA assets, GraphQL/REST JSON) above 1 kB. */
export function httpCompression(): RequestHandler {
  return compression({ threshold: 1024 });
}

function asksIntrospection(doc: DocumentNode): boolean {
  let found = false;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    const n = node as { kind?: string; name?: { value: string } };
    if (n.kind === Kind.FIELD && (n.name?.value === '__schema' || n.name?.value === '__type')) {
      found = true;
      return;
    }
    for (const v of Object.values(node)) {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object' && 'kind' in v) visit(v);
    }
  };
  doc.definitions.forEach(visit);
  return found;
}

/** In production mode only signed-in administrators may introspect the schema (FORBIDDEN otherwise). */
export function introspectionGate(production: boolean): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!production || !asksIntrospection(document)) return;
          if (isAdmin(contextValue.user)) return;
          throw new GraphQLError('Introspeksi skema hanya untuk administrator yang sudah masuk', {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        },
      };
    },
  };
}
