import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { routeLevels, type ReviewRoute } from '@pantau/shared';
import { AnswerLevel } from '../../common/enums';
import { InstansiGql } from '../org/types';
import { DeskTeam } from './entities';
import type { RouteRow } from './service';

registerEnumType(DeskTeam, { name: 'DeskTeam', description: 'TPI: the Itjen’s desk evaluation; TPM: the instansi’s own team (may award WBK itself)' });

@ObjectType('ReviewRoute', { description: 'The steps a submission goes through: SELF → KANWIL → (ESELON_I) → TPI or TPM → TPN' })
export class ReviewRouteGql {
  @Field({ description: 'The Eselon I pembina reviews between the Kanwil and the desk team' })
  eselonStep!: boolean;
  @Field(() => DeskTeam)
  deskTeam!: DeskTeam;
  @Field(() => [AnswerLevel], { description: 'The route’s levels in order, each a step with its own answers and notes' })
  levels!: AnswerLevel[];
}

export const routeView = (r: ReviewRoute): ReviewRouteGql => ({ eselonStep: r.eselonStep, deskTeam: r.deskTeam, levels: routeLevels(r) });

@ObjectType('InstansiReviewRoute', { description: 'An instansi’s route in a period' })
export class InstansiReviewRouteGql {
  @Field(() => Int)
  periodId!: number;
  @Field(() => InstansiGql)
  instansi!: InstansiGql;
  @Field(() => ReviewRouteGql)
  route!: ReviewRouteGql;
  @Field({ description: 'False: no route set, the default route applies' })
  configured!: boolean;
}

export const routeRowView = (r: RouteRow): InstansiReviewRouteGql => ({
  periodId: r.periodId,
  instansi: { id: r.instansi.id, code: r.instansi.code, name: r.instansi.name },
  route: routeView(r.route),
  configured: r.configured,
});

@InputType()
export class SetReviewRouteInput {
  @Field(() => Int)
  periodId!: number;
  @Field(() => Int)
  instansiId!: number;
  @Field()
  eselonStep!: boolean;
  @Field(() => DeskTeam)
  deskTeam!: DeskTeam;
}
