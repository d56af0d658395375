import type { EntityManager } from '@mikro-orm/knex';
import { ROLE_SCOPE } from '@pantau/shared';
import type { Ctx } from '../../common/context';
import { Role } from '../../common/enums';
import { requireAdmin } from '../../common/authz';
import { badInput, conflict, notFound } from '../../common/errors';
import { audit } from '../../common/audit';
import { EselonUnit, Instansi, Kanwil, Satker } from '../org/entities';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { RoleAssignment, Session, User, roleGrantsOf } from './entities';
import crypto from 'node:crypto';
import type { CreateUserInput, RoleGrantInput, TemporaryPasswordGql, UpdateUserInput, UserGql } from './types';

const USERNAME = /^[a-zA-Z0-9._@-]{3,100}$/;

export function userView(u: User): UserGql {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    locale: u.locale,
    email: u.email ?? null,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    roles: roleGrantsOf(u),
  };
}

/** Snapshot for audit (never the hash). */
const snapshot = (u: User) => {
  const v = userView(u);
  return { username: v.username, displayName: v.displayName, locale: v.locale, email: v.email, active: v.active, roles: v.roles };
};

const ADMIN_ONLY = 'Hanya admin yang dapat mengelola pengguna';

export function checkPassword(p: string) {
  if (typeof p !== 'string' || p.length < MIN_PASSWORD_LENGTH) throw badInput(`Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
function checkEmail(e: string | null | undefined): string | null {
  const v = (e ?? '').trim();
  if (!v) return null;
  if (!EMAIL.test(v)) throw badInput('Alamat e-mail tidak valid');
  return v;
}

function checkLocale(l: string | null | undefined): string {
  if (l == null) return 'id';
  if (l !== 'id' && l !== 'en') throw badInput('Bahasa harus "id" atau "en"');
  return l;
}

/** Validates role grants (scope present, referenced Kanwil/satker exist) and builds the entities. */
async function buildRoles(em: EntityManager, user: User, grants: RoleGrantInput[]): Promise<RoleAssignment[]> {
  const issues: { index: number; message: string }[] = [];
  const out: RoleAssignment[] = [];
  for (const [index, g] of grants.entries()) {
    // the scope each role takes is one shared rule (the SPA's role form shapes itself by it)
    const scope = ROLE_SCOPE[g.role];
    // Kanwil-level roles act on one Kanwil, or on every Kanwil of an instansi / Eselon I unit (issue 15)
    const scopes = [g.kanwilId, g.instansiId, g.eselonId].filter((x) => x != null).length;
    if (scope === 'kanwil' && scopes !== 1) issues.push({ index, message: 'KANWIL_HEAD memerlukan tepat satu dari kanwilId, instansiId atau eselonId' });
    if (scope === 'satker' && g.satkerId == null) issues.push({ index, message: 'COORDINATOR memerlukan satkerId' });
    if (scope === 'either' && scopes + (g.satkerId != null ? 1 : 0) !== 1)
      issues.push({ index, message: 'VIEWER memerlukan tepat satu dari kanwilId, instansiId, eselonId atau satkerId' });
    if (scope === 'none' && (scopes > 0 || g.satkerId != null)) issues.push({ index, message: `${g.role} tidak dibatasi pada Kanwil atau unit` });
    // the reviewers of a route's later steps: the Eselon I reviewer on one Eselon I unit, the TPM on one instansi
    if (scope === 'eselon' && (g.eselonId == null || scopes !== 1 || g.satkerId != null))
      issues.push({ index, message: `${g.role} memerlukan tepat satu eselonId (unit Eselon I), tanpa Kanwil, instansi atau unit` });
    if (scope === 'instansi' && (g.instansiId == null || scopes !== 1 || g.satkerId != null))
      issues.push({ index, message: `${g.role} memerlukan tepat satu instansiId, tanpa Kanwil, Eselon I atau unit` });
    if (scope === 'satker' && (g.instansiId != null || g.eselonId != null)) issues.push({ index, message: 'COORDINATOR dibatasi pada satu unit' });
    const instansi = g.instansiId != null ? await em.findOne(Instansi, g.instansiId) : null;
    const eselon = g.eselonId != null ? await em.findOne(EselonUnit, g.eselonId) : null;
    if (g.instansiId != null && !instansi) issues.push({ index, message: `Instansi ${g.instansiId} tidak ditemukan` });
    if (g.eselonId != null && !eselon) issues.push({ index, message: `Unit Eselon I ${g.eselonId} tidak ditemukan` });
    const kanwil = g.kanwilId != null ? await em.findOne(Kanwil, g.kanwilId) : null;
    const satker = g.satkerId != null ? await em.findOne(Satker, g.satkerId) : null;
    if (g.kanwilId != null && !kanwil) issues.push({ index, message: `Kanwil ${g.kanwilId} tidak ditemukan` });
    if (g.satkerId != null && !satker) issues.push({ index, message: `Unit ${g.satkerId} tidak ditemukan` });
    if (scope === 'kanwil' && g.satkerId != null) issues.push({ index, message: 'KANWIL_HEAD tidak dibatasi pada satu unit' });
    if (scope === 'satker' && g.kanwilId != null) issues.push({ index, message: 'COORDINATOR dibatasi pada satu unit, bukan Kanwil' });
    out.push(em.create(RoleAssignment, { user, role: g.role, kanwil, satker, instansi, eselon }));
  }
  if (issues.length) throw badInput('Peran tidak valid', { issues });
  return out;
}

/** A user with their role assignments, as the API shows them (null when gone). */
export async function userWithRoles(ctx: Ctx, id: number): Promise<UserGql | null> {
  const u = await ctx.em.findOne(User, id, { populate: ['roles'] });
  return u ? userView(u) : null;
}

export async function listUsers(ctx: Ctx): Promise<UserGql[]> {
  requireAdmin(ctx, ADMIN_ONLY);
  const users = await ctx.em.find(User, {}, { populate: ['roles'], orderBy: { username: 'asc' } });
  return users.map(userView);
}

/** Creates a user (also used by the create-admin command, with ctx = null). */
export async function createUserIn(em: EntityManager, ctx: Ctx | null, input: CreateUserInput): Promise<User> {
  const username = input.username?.trim() ?? '';
  if (!USERNAME.test(username)) throw badInput('Nama pengguna 3–100 karakter: huruf, angka, titik, garis bawah, @ atau tanda hubung');
  if (!input.displayName?.trim()) throw badInput('Nama tampilan wajib diisi');
  checkPassword(input.password);
  const locale = checkLocale(input.locale);
  const passwordHash = await hashPassword(input.password);
  return em.transactional(async (tx) => {
    if (await tx.count(User, { username })) throw conflict(`Nama pengguna "${username}" sudah dipakai`);
    const user = tx.create(User, {
      username,
      displayName: input.displayName.trim(),
      passwordHash,
      locale,
      email: checkEmail(input.email),
      active: true,
      createdAt: new Date(),
    });
    const roles = await buildRoles(tx, user, input.roles ?? []);
    tx.persist(user);
    tx.persist(roles);
    await tx.flush();
    audit(tx, ctx, { action: 'user.create', objectType: 'User', objectId: user.id, before: null, after: snapshot(user) });
    await tx.flush();
    return user;
  });
}

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserGql> {
  requireAdmin(ctx, ADMIN_ONLY);
  const u = await createUserIn(ctx.em, ctx, input);
  return userView(await ctx.em.findOneOrFail(User, u.id, { populate: ['roles'], refresh: true }));
}

export async function updateUser(ctx: Ctx, id: number, input: UpdateUserInput): Promise<UserGql> {
  const me = requireAdmin(ctx, ADMIN_ONLY);
  if (input.password != null) checkPassword(input.password);
  const newHash = input.password != null ? await hashPassword(input.password) : null;
  await ctx.em.transactional(async (em) => {
    const u = await em.findOne(User, id, { populate: ['roles'] });
    if (!u) throw notFound('Pengguna', id);
    const before = snapshot(u);
    if (input.displayName != null) {
      if (!input.displayName.trim()) throw badInput('Nama tampilan wajib diisi');
      u.displayName = input.displayName.trim();
    }
    if (input.locale != null) u.locale = checkLocale(input.locale);
    if (input.email !== undefined) u.email = checkEmail(input.email);
    if (input.active != null) {
      if (!input.active && u.id === me.id) throw badInput('Anda tidak dapat menonaktifkan akun Anda sendiri');
      u.active = input.active;
    }
    if (input.roles != null) {
      if (u.id === me.id && !input.roles.some((r) => r.role === Role.ADMIN)) throw badInput('Anda tidak dapat mencabut peran ADMIN Anda sendiri');
      const roles = await buildRoles(em, u, input.roles);
      u.roles.removeAll();
      u.roles.add(roles);
    }
    if (newHash) {
      u.passwordHash = newHash;
      u.mustChangePassword = true;
    }
    if (!u.active || newHash) await em.nativeDelete(Session, { user: u.id });
    await em.flush();
    const after = snapshot(u);
    audit(em, ctx, {
      action: 'user.update',
      objectType: 'User',
      objectId: u.id,
      before,
      after: newHash ? { ...after, passwordReset: true } : after,
    });
    await em.flush();
  });
  return userView(await ctx.em.findOneOrFail(User, id, { populate: ['roles'], refresh: true }));
}

export async function deactivateUser(ctx: Ctx, id: number): Promise<UserGql> {
  return updateUser(ctx, id, { active: false });
}

/** 14 characters without look-alikes (0/O, 1/l/I), about 80 bits. */
const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function temporaryPassword(length = 14): string {
  const bytes = crypto.randomBytes(length);
  let out = '';
  for (const b of bytes) out += TEMP_ALPHABET[b % TEMP_ALPHABET.length];
  return out;
}

/**
 * ADMIN: replaces the user's password with a generated temporary one (returned once, audited without it), ends
 * their sessions; the user must change it at the next sign-in.
 */
export async function resetUserPassword(ctx: Ctx, id: number): Promise<TemporaryPasswordGql> {
  requireAdmin(ctx, ADMIN_ONLY);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await ctx.em.transactional(async (em) => {
    const u = await em.findOne(User, id);
    if (!u) throw notFound('Pengguna', id);
    u.passwordHash = passwordHash;
    u.mustChangePassword = true;
    await em.nativeDelete(Session, { user: u.id });
    audit(em, ctx, {
      action: 'user.resetPassword',
      objectType: 'User',
      objectId: u.id,
      before: null,
      after: { passwordReset: true, mustChangePassword: true },
    });
    await em.flush();
  });
  const user = await ctx.em.findOneOrFail(User, id, { populate: ['roles'], refresh: true });
  return { user: userView(user), temporaryPassword: password };
}
