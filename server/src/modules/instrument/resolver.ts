import { Arg, Ctx as GqlCtx, Int, Query, Resolver } from 'type-graphql';
import { DEFAULT_INSTRUMENT_YEAR } from '@pantau/shared';
import type { Ctx } from '../../common/context';
import { requireUser } from '../../common/authz';
import { notFound } from '../../common/errors';
import { activeVersionOfYear, instrumentOf } from './service';
import { InstrumentGql, instrumentView } from './types';

@Resolver()
export class InstrumentResolver {
  @Query(() => InstrumentGql, { description: 'The LKE instrument: the active version of a year (default 2026), or a given version' })
  async instrument(
    @GqlCtx() ctx: Ctx,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
    @Arg('versionId', () => Int, { nullable: true }) versionId?: number | null,
  ): Promise<InstrumentGql> {
    requireUser(ctx);
    let id = versionId ?? null;
    if (id == null) {
      const v = await activeVersionOfYear(ctx.em, year ?? DEFAULT_INSTRUMENT_YEAR);
      if (!v) throw notFound(`Instrumen tahun ${year ?? DEFAULT_INSTRUMENT_YEAR}`);
      id = v.id;
    }
    return instrumentView(await instrumentOf(ctx.em, id), id);
  }
}
