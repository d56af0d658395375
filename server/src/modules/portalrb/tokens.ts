/**
 * Bearer tokens for PortalRB, per Kanwil (managed by the admin or that Kanwil's head) or per instansi (every Kanwil
 * of a ministry; managed by the admin): the plaintext is shown once, only its SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { audit } from '../../common/audit';
import { isKanwilHeadOf, requireAdmin, requireUser } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { badInput, forbidden, notFound } from '../../common/errors';
import { Instansi, Kanwil } from '../org/entities';
import { User } from '../user/entities';
import { PortalRbToken } from './entities';

export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export function newTokenText(): string {
  return `pzi_${randomBytes(32).toString('base64url')}`;
}

/** What a token covers: one Kanwil, or every Kanwil of one instansi. */
export type TokenScope = { kanwilId: number; instansiId?: null } | { instansiId: number; kanwilId?: null };

/** The scope from the API's two optional arguments: exactly one must be given. */
export function tokenScope(ctx: Ctx, kanwilId: number | null | undefined, instansiId: number | null | undefined): TokenScope {
  requireUser(ctx); // signed out: UNAUTHENTICATED before any argument is discussed
  if ((kanwilId == null) === (instansiId == null)) throw badInput('Sebutkan tepat satu: kanwilId atau instansiId');
  return kanwilId != null ? { kanwilId } : { instansiId: instansiId! };
}

/** The owner of a scope, after checking the caller may manage its tokens (instansi: admin; Kanwil: admin or its head). */
async function assertScopeAdmin(ctx: Ctx, em: EntityManager, scope: TokenScope): Promise<{ kanwil: Kanwil | null; instansi: Instansi | null }> {
  const user = requireUser(ctx);
  if (scope.instansiId != null) {
    requireAdmin(ctx, 'Hanya admin yang dapat mengelola token PortalRB instansi');
    const i = await em.findOne(Instansi, scope.instansiId);
    if (!i) throw notFound('Instansi', scope.instansiId);
    return { kanwil: null, instansi: i };
  }
  if (!isKanwilHeadOf(user, scope.kanwilId)) throw forbidden('Hanya admin atau Kepala Kanwil tersebut yang dapat mengelola token PortalRB');
  const k = await em.findOne(Kanwil, scope.kanwilId);
  if (!k) throw notFound('Kanwil', scope.kanwilId);
  return { kanwil: k, instansi: null };
}

const scopeOf = (t: PortalRbToken): TokenScope => (t.instansi ? { instansiId: t.instansi.id } : { kanwilId: t.kanwil!.id });
const scopeWhere = (scope: TokenScope) => (scope.instansiId != null ? { instansi: scope.instansiId } : { kanwil: scope.kanwilId });

export interface IssuedToken {
  token: PortalRbToken;
  plaintext: string;
  revoked: number[];
}

/** Creates a token for a Kanwil or an instansi; with `rotate`, every active token of that scope is revoked in the same transaction. */
export async function issueToken(ctx: Ctx, scope: TokenScope, rotate: boolean): Promise<IssuedToken> {
  const user = requireUser(ctx);
  return ctx.em.transactional(async (em) => {
    const owner = await assertScopeAdmin(ctx, em, scope);
    const now = new Date();
    const revoked: number[] = [];
    if (rotate) {
      for (const t of await em.find(PortalRbToken, { ...scopeWhere(scope), revokedAt: null })) {
        t.revokedAt = now;
        revoked.push(t.id);
      }
    }
    const plaintext = newTokenText();
    const token = em.create(PortalRbToken, {
      kanwil: owner.kanwil,
      instansi: owner.instansi,
      tokenHash: sha256Hex(plaintext),
      prefix: plaintext.slice(0, 12),
      createdBy: em.getReference(User, user.id),
      createdAt: now,
      revokedAt: null,
    });
    em.persist(token);
    await em.flush();
    audit(em, ctx, {
      action: rotate ? 'portalrb.token.rotate' : 'portalrb.token.create',
      objectType: 'PortalRbToken',
      objectId: token.id,
      kanwilId: owner.kanwil?.id ?? null,
      after: { tokenId: token.id, prefix: token.prefix, instansiId: owner.instansi?.id ?? null, revokedTokenIds: revoked },
    });
    await em.flush();
    return { token, plaintext, revoked };
  });
}

export async function revokeToken(ctx: Ctx, tokenId: number): Promise<PortalRbToken> {
  requireUser(ctx); // signed out: UNAUTHENTICATED, not whether the token exists
  return ctx.em.transactional(async (em) => {
    const t = await em.findOne(PortalRbToken, tokenId);
    if (!t) throw notFound('Token PortalRB', tokenId);
    await assertScopeAdmin(ctx, em, scopeOf(t));
    if (!t.revokedAt) {
      t.revokedAt = new Date();
      audit(em, ctx, {
        action: 'portalrb.token.revoke',
        objectType: 'PortalRbToken',
        objectId: t.id,
        kanwilId: t.kanwil?.id ?? null,
        after: { prefix: t.prefix, instansiId: t.instansi?.id ?? null },
      });
      await em.flush();
    }
    return t;
  });
}

export async function listTokens(ctx: Ctx, scope: TokenScope): Promise<PortalRbToken[]> {
  await assertScopeAdmin(ctx, ctx.em, scope);
  return ctx.em.find(PortalRbToken, scopeWhere(scope), { populate: ['createdBy'], orderBy: { id: 'desc' } });
}

/** The Kanwil whose proposals a token may read: its own, or every Kanwil of its instansi (one query). */
export async function tokenKanwilIds(em: EntityManager, t: PortalRbToken): Promise<number[]> {
  if (!t.instansi) return [t.kanwil!.id];
  return (await em.find(Kanwil, { instansi: t.instansi.id }, { fields: ['id'], orderBy: { id: 'asc' } })).map((k) => k.id);
}

/** The active token with this plaintext, or null. */
export async function findActiveToken(em: EntityManager, plaintext: string): Promise<PortalRbToken | null> {
  const t = await em.findOne(PortalRbToken, { tokenHash: sha256Hex(plaintext) });
  return t && !t.revokedAt ? t : null;
}
