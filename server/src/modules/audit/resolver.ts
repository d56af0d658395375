import { Arg, Ctx as GqlCtx, Field, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { FilterQuery } from '@mikro-orm/core';
import type { Ctx } from '../../common/context';
import { Role } from '../../common/enums';
import { isAdmin, kanwilIdsWithRole, requireUser } from '../../common/authz';
import { badInput, forbidden } from '../../common/errors';
import { UserRefGql } from '../user/types';
import { AuditEvent } from './entities';

@InputType('AuditFilter')
export class AuditFilter {
  @Field(() => String, { nullable: true })
  objectType?: string | null;
  @Field(() => String, { nullable: true })
  objectId?: string | null;
  @Field(() => Int, { nullable: true })
  satkerId?: number | null;
  @Field(() => Int, { nullable: true })
  kanwilId?: number | null;
  @Field(() => Int, { nullable: true })
  actorId?: number | null;
  @Field(() => String, { nullable: true })
  action?: string | null;
  @Field(() => Date, { nullable: true })
  from?: Date | null;
  @Field(() => Date, { nullable: true })
  to?: Date | null;
}

@ObjectType('AuditEvent')
export class AuditEventGql {
  @Field(() => Int)
  id!: number;
  @Field(() => UserRefGql, { nullable: true })
  actor!: UserRefGql | null;
  @Field()
  action!: string;
  @Field()
  objectType!: string;
  @Field()
  objectId!: string;
  @Field(() => Int, { nullable: true })
  kanwilId!: number | null;
  @Field(() => Int, { nullable: true })
  satkerId!: number | null;
  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;
  @Field(() => String, { nullable: true })
  reason!: string | null;
  @Field(() => Date)
  at!: Date;
}

@ObjectType('AuditPage')
export class AuditPageGql {
  @Field(() => [AuditEventGql])
  items!: AuditEventGql[];
  @Field(() => Int)
  total!: number;
  @Field(() => Int)
  page!: number;
  @Field(() => Int)
  pageSize!: number;
}

@Resolver()
export class AuditResolver {
  @Query(() => AuditPageGql, { description: 'Audit trail, newest first. ADMIN: everything; KANWIL_HEAD: events of their Kanwil' })
  async auditEvents(
    @GqlCtx() ctx: Ctx,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter | null,
    @Arg('page', () => Int, { nullable: true }) page?: number | null,
    @Arg('pageSize', () => Int, { nullable: true }) pageSize?: number | null,
  ): Promise<AuditPageGql> {
    const user = requireUser(ctx);
    const p = page ?? 1;
    const size = pageSize ?? 50;
    if (p < 1 || size < 1 || size > 500) throw badInput('page ≥ 1 dan pageSize 1–500');
    const conds: FilterQuery<AuditEvent>[] = [];
    if (!isAdmin(user)) {
      const kanwils = kanwilIdsWithRole(user, [Role.KANWIL_HEAD]);
      if (!kanwils.length) throw forbidden('Hanya admin dan Kepala Kanwil yang dapat melihat jejak audit');
      conds.push({ kanwilId: { $in: kanwils } });
    }
    const f = filter ?? {};
    if (f.objectType) conds.push({ objectType: f.objectType });
    if (f.objectId) conds.push({ objectId: f.objectId });
    if (f.satkerId != null) conds.push({ satkerId: f.satkerId });
    if (f.kanwilId != null) conds.push({ kanwilId: f.kanwilId });
    if (f.actorId != null) conds.push({ actor: f.actorId });
    if (f.action) conds.push({ action: f.action });
    if (f.from) conds.push({ at: { $gte: f.from } });
    if (f.to) conds.push({ at: { $lte: f.to } });
    const where: FilterQuery<AuditEvent> = conds.length ? { $and: conds } : {};
    const [rows, total] = await ctx.em.findAndCount(AuditEvent, where, {
      populate: ['actor'],
      orderBy: { at: 'desc', id: 'desc' },
      limit: size,
      offset: (p - 1) * size,
    });
    return {
      total,
      page: p,
      pageSize: size,
      items: rows.map((e) => ({
        id: e.id,
        actor: e.actor ? { id: e.actor.id, username: e.actor.username, displayName: e.actor.displayName } : null,
        action: e.action,
        objectType: e.objectType,
        objectId: e.objectId,
        kanwilId: e.kanwilId ?? null,
        satkerId: e.satkerId ?? null,
        before: e.before ?? null,
        after: e.after ?? null,
        reason: e.reason ?? null,
        at: e.at,
      })),
    };
  }
}
