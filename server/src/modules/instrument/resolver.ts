import { Arg, Ctx as GqlCtx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Ctx } from '../../common/context';
import { requireAdmin } from '../../common/authz';
import { notFound } from '../../common/errors';
import { requestedInstrument } from './service';
import { InstrumentGql, instrumentView } from './types';
import { InstrumentValidationGql, InstrumentVersionGql, validationView, versionView } from './version-types';
import { INSTRUMENT_ADMIN_ONLY, activateVersion, createVersion, listVersions, validateVersion } from './versions';

@Resolver()
export class InstrumentResolver {
  @Query(() => InstrumentGql, { description: 'The LKE instrument: the active version of a year (default 2026), or a given version' })
  async instrument(
    @GqlCtx() ctx: Ctx,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
    @Arg('versionId', () => Int, { nullable: true }) versionId?: number | null,
  ): Promise<InstrumentGql> {
    const { id, instrument } = await requestedInstrument(ctx, year, versionId);
    return instrumentView(instrument, id);
  }

  @Query(() => [InstrumentVersionGql], { description: 'ADMIN: every stored instrument version, newest year first' })
  async instrumentVersions(@GqlCtx() ctx: Ctx): Promise<InstrumentVersionGql[]> {
    return (await listVersions(ctx)).map(versionView);
  }

  @Mutation(() => InstrumentValidationGql, {
    description: 'ADMIN: validate a PortalRB master list (and optionally our formula table) without saving it',
  })
  async validateInstrument(
    @GqlCtx() ctx: Ctx,
    @Arg('master', () => GraphQLJSONObject) master: Record<string, unknown>,
    @Arg('formulas', () => GraphQLJSONObject, { nullable: true, description: 'Omit to reuse the previous version’s table' })
    formulas?: Record<string, unknown> | null,
  ): Promise<InstrumentValidationGql> {
    requireAdmin(ctx, INSTRUMENT_ADMIN_ONLY);
    return validationView((await validateVersion(ctx.em, master, formulas ?? null)).report);
  }

  @Mutation(() => InstrumentVersionGql, {
    description: 'ADMIN: store a new, inactive instrument version (only when valid; without formulas the previous table is reused when it fits)',
  })
  async createInstrumentVersion(
    @GqlCtx() ctx: Ctx,
    @Arg('master', () => GraphQLJSONObject) master: Record<string, unknown>,
    @Arg('formulas', () => GraphQLJSONObject, { nullable: true }) formulas?: Record<string, unknown> | null,
    @Arg('sourceFileName', () => String, { nullable: true }) sourceFileName?: string | null,
  ): Promise<InstrumentVersionGql> {
    const v = await createVersion(ctx, master, formulas ?? null, sourceFileName);
    return this.one(ctx, v.id);
  }

  @Mutation(() => InstrumentVersionGql, { description: 'ADMIN: re-validate a version and make it the active one of its year' })
  async activateInstrumentVersion(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<InstrumentVersionGql> {
    await activateVersion(ctx, id);
    return this.one(ctx, id);
  }

  private async one(ctx: Ctx, id: number): Promise<InstrumentVersionGql> {
    const s = (await listVersions(ctx)).find((x) => x.version.id === id);
    if (!s) throw notFound('Versi instrumen', id);
    return versionView(s);
  }
}
