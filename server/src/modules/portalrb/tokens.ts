/** Per-Kanwil bearer tokens for PortalRB: the plaintext is shown once, only its SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { audit } from '../../common/audit';
import { isKanwilHeadOf, requireUser } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { forbidden, notFound } from '../../common/errors';
import { Kanwil } from '../org/entities';
import { User } from '../user/entities';
import { PortalRbToken } from './entities';

export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export function newTokenText(): string {
  return `pzi_${randomBytes(32).toString('base64url')}`;
}

async function assertKanwilAdmin(ctx: Ctx, em: EntityManager, kanwilId: number): Promise<Kanwil> {
  const user = requireUser(ctx);
  if (!isKanwilHeadOf(user, kanwilId)) throw forbidden('Hanya admin atau Kepala Kanwil tersebut yang dapat mengelola token PortalRB');
  const k = await em.findOne(Kanwil, kanwilId);
  if (!k) throw notFound('Kanwil', kanwilId);
  return k;
}

export interface IssuedToken {
  token: PortalRbToken;
  plaintext: string;
  revoked: number[];
}

/** Creates a token for a Kanwil; with `rotate`, every active token of the Kanwil is revoked in the same transaction. */
export async function issueToken(ctx: Ctx, kanwilId: number, rotate: boolean): Promise<IssuedToken> {
  const user = requireUser(ctx);
  return ctx.em.transactional(async (em) => {
    const kanwil = await assertKanwilAdmin(ctx, em, kanwilId);
    const now = new Date();
    const revoked: number[] = [];
    if (rotate) {
      for (const t of await em.find(PortalRbToken, { kanwil: kanwilId, revokedAt: null })) {
        t.revokedAt = now;
        revoked.push(t.id);
      }
    }
    const plaintext = newTokenText();
    const token = em.create(PortalRbToken, {
      kanwil,
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
      kanwilId,
      after: { tokenId: token.id, prefix: token.prefix, revokedTokenIds: revoked },
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
    await assertKanwilAdmin(ctx, em, t.kanwil.id);
    if (!t.revokedAt) {
      t.revokedAt = new Date();
      audit(em, ctx, { action: 'portalrb.token.revoke', objectType: 'PortalRbToken', objectId: t.id, kanwilId: t.kanwil.id, after: { prefix: t.prefix } });
      await em.flush();
    }
    return t;
  });
}

export async function listTokens(ctx: Ctx, kanwilId: number): Promise<PortalRbToken[]> {
  await assertKanwilAdmin(ctx, ctx.em, kanwilId);
  return ctx.em.find(PortalRbToken, { kanwil: kanwilId }, { populate: ['createdBy'], orderBy: { id: 'desc' } });
}

/** The active token with this plaintext, or null. */
export async function findActiveToken(em: EntityManager, plaintext: string): Promise<PortalRbToken | null> {
  const t = await em.findOne(PortalRbToken, { tokenHash: sha256Hex(plaintext) }, { populate: ['kanwil'] });
  return t && !t.revokedAt ? t : null;
}
