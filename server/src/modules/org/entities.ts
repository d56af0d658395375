import { enumOf, PREDICATES, type Predicate as SharedPredicate } from '@pantau/shared';
import { Collection, DateTimeType, Entity, Enum, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export enum SatkerKind {
  KANIM = 'KANIM',
  RUTAN = 'RUTAN',
  LAPAS = 'LAPAS',
  RUDENIM = 'RUDENIM',
  BAPAS = 'BAPAS',
  LPKA = 'LPKA',
  RUPBASAN = 'RUPBASAN',
  OTHER = 'OTHER',
}

/** A predicate held (the shared vocabulary's WBK / WBBM). */
export const Predicate = enumOf(PREDICATES) satisfies { readonly [K in SharedPredicate]: K };
export type Predicate = SharedPredicate;

/** Kantor Wilayah: groups the units (satker) of one province. */
@Entity({ tableName: 'kanwil' })
export class Kanwil {
  /** Properties with defaults: optional in em.create(). */
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 40 })
  @Unique()
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}

/** A unit (satuan kerja) that runs the ZI self-assessment. */
@Entity({ tableName: 'satker' })
export class Satker {
  /** Properties with defaults: optional in em.create(). */
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 40 })
  @Unique()
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => SatkerKind, type: 'string' })
  kind!: SatkerKind;

  /** e.g. Imigrasi, Pemasyarakatan */
  @Property({ type: 'string', length: 100, nullable: true })
  division?: string | null;

  @ManyToOne(() => Kanwil)
  kanwil!: Kanwil;

  @OneToMany(() => PredicateHistory, (p) => p.satker)
  predicates = new Collection<PredicateHistory>(this);

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}

/** A WBK/WBBM predicate the unit received (and whether it was revoked). Dates are ISO `YYYY-MM-DD`. */
@Entity({ tableName: 'predicate_history' })
export class PredicateHistory {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Satker)
  satker!: Satker;

  @Enum({ items: () => Predicate, type: 'string' })
  predicate!: Predicate;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'string', length: 200, nullable: true })
  decreeNumber?: string | null;

  @Property({ type: 'string', length: 10, nullable: true })
  decreeDate?: string | null;

  @Property({ type: 'boolean' })
  revoked: boolean = false;

  @Property({ type: 'string', length: 10, nullable: true })
  revokedAt?: string | null;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
