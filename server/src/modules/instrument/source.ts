/**
 * The raw source of an instrument version (PortalRB master list + our formula table), so that the SPA scores with
 * the period's own version through the same shared `loadInstrument` as the server ("one source of truth").
 * Readable by an admin, or by anyone who can read a submission of a period using the version.
 */
import { Arg, Ctx as GqlCtx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { FilterQuery } from '@mikro-orm/core';
import type { Ctx } from '../../common/context';
import { readScope, requireUser, submissionFilter } from '../../common/authz';
import { forbidden, notFound } from '../../common/errors';
import { Submission } from '../submission/entities';
import { InstrumentVersion } from './entities';

@ObjectType('InstrumentSource', { description: 'The stored files of an instrument version, as uploaded (load them with the shared loadInstrument)' })
export class InstrumentSourceGql {
  @Field(() => Int)
  versionId!: number;
  @Field(() => Int)
  year!: number;
  @Field(() => GraphQLJSON, { description: 'The PortalRB master question list (JSON)' })
  master!: unknown;
  @Field(() => GraphQLJSON, { description: 'Our formula table (JSON keyed by soal_id)' })
  formulas!: unknown;
}

export async function instrumentSource(ctx: Ctx, versionId: number): Promise<InstrumentSourceGql> {
  requireUser(ctx);
  const scope = await readScope(ctx);
  if (!scope.all) {
    const filter = submissionFilter(scope);
    const where = { period: { instrumentVersion: versionId } } as FilterQuery<Submission>;
    const readable = await ctx.em.count(Submission, filter ? ({ $and: [where, filter] } as FilterQuery<Submission>) : where);
    if (!readable) throw forbidden('Anda tidak berwenang membaca versi instrumen ini');
  }
  const v = await ctx.em.findOne(InstrumentVersion, versionId);
  if (!v) throw notFound('Versi instrumen', versionId);
  return { versionId: v.id, year: v.year, master: v.master, formulas: v.formulas };
}

@Resolver()
export class InstrumentSourceResolver {
  @Query(() => InstrumentSourceGql, {
    description: 'Master list + formula table of an instrument version: admin, or anyone who can read a submission of a period using it',
  })
  instrumentSource(@GqlCtx() ctx: Ctx, @Arg('versionId', () => Int) versionId: number): Promise<InstrumentSourceGql> {
    return instrumentSource(ctx, versionId);
  }
}
