import type { EntityManager } from '@mikro-orm/knex';
import type { Request, Response } from 'express';
import type { Role } from './enums';
import type { AppConfig } from '../config';

export interface RoleGrant {
  role: Role;
  kanwilId: number | null;
  satkerId: number | null;
  /** Scope of a whole instansi / Eselon I unit (expanded into per-Kanwil grants by modules/org/scope.ts). */
  instansiId?: number | null;
  eselonId?: number | null;
  /** True for a per-Kanwil grant derived from an instansi / Eselon I scope. */
  viaScope?: boolean;
}

/** The signed-in user as the services see it. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  locale: string;
  roles: RoleGrant[];
  sessionId: string;
  /** Holds a temporary password set by an admin: must change it before anything else. */
  mustChangePassword?: boolean;
}

/** Per-request context: a forked EntityManager, the user (or null), and per-request caches. */
export interface Ctx {
  em: EntityManager;
  user: AuthUser | null;
  req: Request;
  res: Response;
  config: AppConfig;
  ip: string;
  /** Per-request memo (authorisation scope, loaders). */
  cache: Map<string, unknown>;
}

export function memo<T>(ctx: Pick<Ctx, 'cache'>, key: string, make: () => T): T {
  if (!ctx.cache.has(key)) ctx.cache.set(key, make());
  return ctx.cache.get(key) as T;
}
