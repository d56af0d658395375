import { withScopedGrants } from '../org/scope';
import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config';
import type { AuthUser, Ctx } from '../../common/context';
import { badInput, unauthenticated } from '../../common/errors';
import { audit } from '../../common/audit';
import { Session, User, roleGrantsOf } from '../user/entities';
import { dummyHash, verifyPassword } from './passwords';
import { LoginThrottle } from './throttle';
import { RateLimiter } from '../ratelimit/service';
import type { SessionCache } from './session-cache';

export const SESSION_COOKIE = 'pantau_sid';
/** lastSeenAt / expiry are refreshed at most this often (ms). */
const TOUCH_EVERY = 5 * 60 * 1000;

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function toAuthUser(u: User, sessionId: string): AuthUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    locale: u.locale,
    sessionId,
    mustChangePassword: u.mustChangePassword,
    roles: roleGrantsOf(u),
  };
}

/** The user behind the request's session cookie (null when absent, expired or deactivated). */
export async function userFromRequest(em: EntityManager, req: Request, config: AppConfig, cache?: SessionCache): Promise<AuthUser | null> {
  const token = readCookie(req, SESSION_COOKIE);
  if (!token || token.length > 200) return null;
  const id = sha256(token);
  const now = Date.now();
  const hit = cache?.get(id, now);
  // a fresh copy per request: services may add to it (ctx.user is per request)
  if (hit && now - hit.lastSeenAt <= TOUCH_EVERY) return { ...hit.user, roles: hit.user.roles.map((r) => ({ ...r })) };
  const stamp = cache?.stamp ?? 0;
  const s = await em.findOne(Session, id, { populate: ['user', 'user.roles'] });
  if (!s) return null;
  if (s.expiresAt.getTime() <= now || !s.user.active) {
    if (s.expiresAt.getTime() <= now) await em.nativeDelete(Session, { id });
    return null;
  }
  let expiresAt = s.expiresAt.getTime();
  let lastSeenAt = s.lastSeenAt.getTime();
  if (now - lastSeenAt > TOUCH_EVERY) {
    expiresAt = now + config.sessionHours * 3600_000;
    lastSeenAt = now;
    await em.nativeUpdate(Session, { id }, { lastSeenAt: new Date(now), expiresAt: new Date(expiresAt) });
  }
  const user = await withScopedGrants(em, toAuthUser(s.user, id));
  // not after a touch (itself a write that empties the cache): the next request caches
  if (lastSeenAt !== now) cache?.set(stamp, id, user, expiresAt, lastSeenAt, now);
  return { ...user, roles: user.roles.map((r) => ({ ...r })) };
}

/**
 * The session cookie's attributes: Secure with PANTAU_SECURE_COOKIES=1 or when the request came over HTTPS (directly,
 * or per X-Forwarded-Proto from a proxy PANTAU_TRUST_PROXY believes); scoped to PANTAU_BASE_PATH.
 */
function cookieOptions(res: Response, config: AppConfig) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies || res.req.secure, path: config.basePath || '/' };
}

function setSessionCookie(res: Response, token: string, config: AppConfig) {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(res, config), maxAge: config.sessionHours * 3600_000 });
}

export function clearSessionCookie(res: Response, config: AppConfig) {
  res.clearCookie(SESSION_COOKIE, cookieOptions(res, config));
}

const tooManyAttempts = (what: string, seconds: number) =>
  badInput(`${what} Coba lagi dalam ${Math.ceil(seconds / 60)} menit.`, { retryAfterSeconds: seconds });

export class AuthService {
  constructor(readonly throttle = new LoginThrottle()) {}

  async login(ctx: Ctx, username: string, password: string): Promise<AuthUser> {
    const name = (username ?? '').trim();
    // reserved before hashing: parallel guesses are counted one by one, the surplus never reaches the hash
    const wait = await this.throttle.reserveLogin(ctx.em, name, ctx.ip);
    if (wait > 0) throw tooManyAttempts('Terlalu banyak percobaan masuk yang gagal.', wait);
    const user = name ? await ctx.em.findOne(User, { username: name }, { populate: ['roles'] }) : null;
    // unknown users are checked against a dummy hash so they take the same time
    const ok = await verifyPassword(password ?? '', user?.passwordHash ?? (await dummyHash()));
    if (!user || !ok || !user.active) throw badInput('Nama pengguna atau kata sandi salah');
    await this.throttle.loginSucceeded(ctx.em, name, ctx.ip);
    const token = crypto.randomBytes(32).toString('base64url');
    const id = sha256(token);
    const now = new Date();
    // the browser's previous session (another user's, or its own) ends here
    const previous = readCookie(ctx.req, SESSION_COOKIE);
    if (previous && previous.length <= 200) await ctx.em.nativeDelete(Session, { id: sha256(previous) });
    ctx.em.persist(
      ctx.em.create(Session, { id, user, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ctx.config.sessionHours * 3600_000) }),
    );
    await ctx.em.flush();
    // drop expired sessions and rate-limit windows now and then
    if (Math.random() < 0.05) {
      await ctx.em.nativeDelete(Session, { expiresAt: { $lt: now } });
      await RateLimiter.sweep(ctx.em);
    }
    setSessionCookie(ctx.res, token, ctx.config);
    const au = await withScopedGrants(ctx.em, toAuthUser(user, id));
    ctx.user = au;
    return au;
  }

  async logout(ctx: Ctx): Promise<boolean> {
    if (ctx.user) await ctx.em.nativeDelete(Session, { id: ctx.user.sessionId });
    clearSessionCookie(ctx.res, ctx.config);
    ctx.user = null;
    return true;
  }

  /** Changes the signed-in user's own password; other sessions of the user are ended. */
  async changePassword(ctx: Ctx, oldPassword: string, newPassword: string, hash: (p: string) => Promise<string>): Promise<boolean> {
    if (!ctx.user) throw unauthenticated();
    const me = ctx.user;
    const wait = await this.throttle.reservePasswordChange(ctx.em, me.id);
    if (wait > 0) throw tooManyAttempts('Terlalu banyak percobaan mengganti kata sandi.', wait);
    const user = await ctx.em.findOneOrFail(User, me.id);
    if (!(await verifyPassword(oldPassword, user.passwordHash))) throw badInput('Kata sandi lama salah');
    const newHash = await hash(newPassword);
    await ctx.em.transactional(async (em) => {
      const u = await em.findOneOrFail(User, me.id);
      u.passwordHash = newHash;
      u.mustChangePassword = false;
      await em.nativeDelete(Session, { user: me.id, id: { $ne: me.sessionId } });
      audit(em, ctx, { action: 'user.changePassword', objectType: 'User', objectId: me.id, after: { passwordChanged: true } });
      await em.flush();
    });
    await this.throttle.passwordChanged(ctx.em, me.id);
    me.mustChangePassword = false;
    return true;
  }
}
