import { DateTimeType, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DESK_TEAMS, enumOf, type DeskTeam as SharedDeskTeam } from '@pantau/shared';
import { Instansi } from '../org/entities';
import { Period } from '../period/entities';
import { User } from '../user/entities';

/** Who does the desk evaluation on a route (the shared DESK_TEAMS). */
export const DeskTeam = enumOf(DESK_TEAMS) satisfies { readonly [K in SharedDeskTeam]: K };
export type DeskTeam = SharedDeskTeam;

/**
 * The review route an instansi's units follow in a period (shared/src/route.ts). No row: the default route
 * (SELF → KANWIL → TPI → TPN), which is what every submission made before routes existed follows.
 */
@Entity({ tableName: 'review_route' })
@Unique({ properties: ['period', 'instansi'] })
export class ReviewRouteConfig {
  [OptionalProps]?: 'eselonStep' | 'deskTeam' | 'updatedAt' | 'updatedBy';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Period)
  period!: Period;

  @ManyToOne(() => Instansi)
  instansi!: Instansi;

  @Property({ type: 'boolean', default: false })
  eselonStep: boolean = false;

  @Enum({ items: () => DeskTeam, type: 'string', default: DeskTeam.TPI })
  deskTeam: DeskTeam = DeskTeam.TPI;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  updatedBy?: User | null;

  @Property({ type: DateTimeType })
  updatedAt: Date = new Date();
}
