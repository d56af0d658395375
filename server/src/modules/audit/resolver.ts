import { Arg, Ctx as GqlCtx, Int, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { AuditFilter } from './inputs';
import { listAuditEvents } from './service';
import { AuditPageGql, auditEventView } from './types';

@Resolver()
export class AuditResolver {
  @Query(() => AuditPageGql, { description: 'Audit trail, newest first. ADMIN: everything; KANWIL_HEAD: events of their Kanwil' })
  async auditEvents(
    @GqlCtx() ctx: Ctx,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter | null,
    @Arg('page', () => Int, { nullable: true }) page?: number | null,
    @Arg('pageSize', () => Int, { nullable: true }) pageSize?: number | null,
  ): Promise<AuditPageGql> {
    const { rows, total, page: p, pageSize: size } = await listAuditEvents(ctx, filter, page, pageSize);
    return { total, page: p, pageSize: size, items: rows.map(auditEventView) };
  }
}
