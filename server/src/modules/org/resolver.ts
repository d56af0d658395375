import { Arg, Ctx as GqlCtx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { predicatesLoader } from '../../common/loaders';
import { holdsWbk } from '@pantau/shared';
import { getSatker, kanwilOfSatker, listEselonUnits, listInstansi, listKanwils, listSatkers } from './service';
import { EselonUnitGql, InstansiGql, KanwilGql, PredicateGql, SatkerGql, eselonView, instansiView, kanwilView, predicateView, satkerView } from './types';

@Resolver(() => SatkerGql)
export class OrgResolver {
  @Query(() => [InstansiGql], { description: 'Every instansi (names of the organisation are not restricted)' })
  async instansiList(@GqlCtx() ctx: Ctx): Promise<InstansiGql[]> {
    return (await listInstansi(ctx)).map(instansiView);
  }

  @Query(() => [EselonUnitGql], { description: 'Eselon I units (optionally of one instansi)' })
  async eselonUnits(@GqlCtx() ctx: Ctx, @Arg('instansiId', () => Int, { nullable: true }) instansiId?: number | null): Promise<EselonUnitGql[]> {
    return (await listEselonUnits(ctx, instansiId)).map(eselonView);
  }

  @Query(() => [KanwilGql], { description: 'Kanwil you may see' })
  async kanwils(@GqlCtx() ctx: Ctx): Promise<KanwilGql[]> {
    return (await listKanwils(ctx)).map(kanwilView);
  }

  @Query(() => [SatkerGql], { description: 'Units you may see (optionally of one Kanwil)' })
  async satkers(@GqlCtx() ctx: Ctx, @Arg('kanwilId', () => Int, { nullable: true }) kanwilId?: number | null): Promise<SatkerGql[]> {
    return (await listSatkers(ctx, kanwilId)).map(satkerView);
  }

  @Query(() => SatkerGql)
  async satker(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<SatkerGql> {
    return satkerView(await getSatker(ctx, id));
  }

  @FieldResolver(() => KanwilGql)
  async kanwil(@GqlCtx() ctx: Ctx, @Root() s: SatkerGql): Promise<KanwilGql> {
    return kanwilView(await kanwilOfSatker(ctx, s.kanwilId));
  }

  @FieldResolver(() => [PredicateGql], { description: 'WBK/WBBM predicate history, including the predecessors’ (lineage; see satkerId)' })
  async predicates(@GqlCtx() ctx: Ctx, @Root() s: SatkerGql): Promise<PredicateGql[]> {
    return (await predicatesLoader(ctx).load(s.id)).map(predicateView);
  }

  @FieldResolver(() => Boolean, { description: 'Holds a WBK (or WBBM) predicate that was not revoked, itself or through a predecessor' })
  async holdsWbk(@GqlCtx() ctx: Ctx, @Root() s: SatkerGql): Promise<boolean> {
    return holdsWbk(await predicatesLoader(ctx).load(s.id));
  }
}
