import { Arg, Ctx as GqlCtx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { requireUser } from '../../common/authz';
import { AuthService } from '../auth/service';
import { hashPassword } from '../auth/passwords';
import { checkPassword, createUser, deactivateUser, listUsers, resetUserPassword, updateUser, userWithRoles } from './service';
import { CreateUserInput, TemporaryPasswordGql, UpdateUserInput, UserGql } from './types';

/** One AuthService per app (holds the login throttle); set by createApp. */
export const authServices = new WeakMap<object, AuthService>();

function auth(ctx: Ctx): AuthService {
  const s = authServices.get(ctx.config);
  if (!s) throw new Error('AuthService not registered');
  return s;
}

@Resolver()
export class UserResolver {
  @Query(() => UserGql, { nullable: true, description: 'The signed-in user, or null' })
  async me(@GqlCtx() ctx: Ctx): Promise<UserGql | null> {
    return ctx.user ? userWithRoles(ctx, ctx.user.id) : null;
  }

  @Mutation(() => UserGql, { description: 'Sign in: sets the httpOnly session cookie pantau_sid' })
  async login(@GqlCtx() ctx: Ctx, @Arg('username') username: string, @Arg('password') password: string): Promise<UserGql> {
    const au = await auth(ctx).login(ctx, username, password);
    const u = await userWithRoles(ctx, au.id);
    if (!u) throw new Error(`user ${au.id} vanished after sign-in`);
    return u;
  }

  @Mutation(() => Boolean)
  async logout(@GqlCtx() ctx: Ctx): Promise<boolean> {
    return auth(ctx).logout(ctx);
  }

  @Mutation(() => Boolean, { description: 'Change your own password (ends your other sessions)' })
  async changePassword(@GqlCtx() ctx: Ctx, @Arg('oldPassword') oldPassword: string, @Arg('newPassword') newPassword: string): Promise<boolean> {
    requireUser(ctx);
    checkPassword(newPassword);
    return auth(ctx).changePassword(ctx, oldPassword, newPassword, hashPassword);
  }

  @Query(() => [UserGql], { description: 'ADMIN: every user' })
  users(@GqlCtx() ctx: Ctx): Promise<UserGql[]> {
    return listUsers(ctx);
  }

  @Mutation(() => UserGql, { description: 'ADMIN: create a user with role assignments' })
  createUser(@GqlCtx() ctx: Ctx, @Arg('input', () => CreateUserInput) input: CreateUserInput): Promise<UserGql> {
    return createUser(ctx, input);
  }

  @Mutation(() => UserGql, { description: 'ADMIN: update name, locale, active flag, roles (replaced), or reset the password' })
  updateUser(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number, @Arg('input', () => UpdateUserInput) input: UpdateUserInput): Promise<UserGql> {
    return updateUser(ctx, id, input);
  }

  @Mutation(() => UserGql, { description: 'ADMIN: deactivate a user (ends their sessions)' })
  deactivateUser(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<UserGql> {
    return deactivateUser(ctx, id);
  }

  @Mutation(() => TemporaryPasswordGql, {
    description: 'ADMIN: reset a password to a generated temporary one (shown once; must be changed at the next sign-in)',
  })
  resetUserPassword(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<TemporaryPasswordGql> {
    return resetUserPassword(ctx, id);
  }
}
