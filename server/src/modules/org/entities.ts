import { enumOf, PREDICATES, type Predicate as SharedPredicate } from '@pantau/shared';
import { Collection, DateTimeType, type EntityManager, Entity, Enum, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export enum SatkerKind {
  KANIM = 'KANIM',
  RUTAN = 'RUTAN',
  LAPAS = 'LAPAS',
  RUDENIM = 'RUDENIM',
  BAPAS = 'BAPAS',
  LPKA = 'LPKA',
  RUPBASAN = 'RUPBASAN',
  /** The Kanwil office itself as a ZI unit (e.g. Kanwil Kementerian Hukum, DOMAIN §10). */
  KANWIL = 'KANWIL',
  OTHER = 'OTHER',
}

/** Which ministry line a Kanwil belongs to (DOMAIN §10). */
export enum KanwilKind {
  /** Kantor Wilayah Kementerian Hukum (and HAM, before the 2024 split). */
  KEMENTERIAN = 'KEMENTERIAN',
  /** Kantor Wilayah of a Direktorat Jenderal (Ditjen Imigrasi, Ditjen Pemasyarakatan). */
  DITJEN = 'DITJEN',
  OTHER = 'OTHER',
}

/** Who awarded a predicate: the national team (TPN, KemenPANRB) or the instansi's own team (TPM, P5/2024). */
export enum AwardTrack {
  TPN = 'TPN',
  TPM = 'TPM',
}

/**
 * The instansi every Kanwil belongs to unless told otherwise: the migration that introduced instansi created it
 * (first row, code DEFAULT_INSTANSI_CODE) and moved the existing Kanwil under it. An admin may rename it.
 */
export const DEFAULT_INSTANSI_ID = 1;
export const DEFAULT_INSTANSI_CODE = 'INSTANSI';

/** A ministry or agency (instansi), e.g. Kementerian Imigrasi dan Pemasyarakatan. */
@Entity({ tableName: 'instansi' })
export class Instansi {
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

/** An Eselon I unit of an instansi (a Ditjen, the Itjen, …): the pembina of its Kanwil on the tiered route. */
@Entity({ tableName: 'eselon_unit' })
export class EselonUnit {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 40 })
  @Unique()
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @ManyToOne(() => Instansi)
  instansi!: Instansi;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}

/** A predicate held (the shared vocabulary's WBK / WBBM). */
export const Predicate = enumOf(PREDICATES) satisfies { readonly [K in SharedPredicate]: K };
export type Predicate = SharedPredicate;

/** Kantor Wilayah: groups the units (satker) of one province, under an instansi and (for a Ditjen Kanwil) its Eselon I unit. */
@Entity({ tableName: 'kanwil' })
export class Kanwil {
  /** Properties with defaults: optional in em.create(). */
  [OptionalProps]?: 'createdAt' | 'kind' | 'instansi';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 40 })
  @Unique()
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Defaults to the instansi the 2026-12 migration created for the Kanwil that existed before (DEFAULT_INSTANSI_ID). */
  @ManyToOne(() => Instansi, { onCreate: (_k: Kanwil, em: EntityManager) => em.getReference(Instansi, DEFAULT_INSTANSI_ID) })
  instansi!: Instansi;

  /** The Eselon I unit the Kanwil belongs to (Kanwil of a Ditjen), null for a ministry's own Kanwil. */
  @ManyToOne(() => EselonUnit, { nullable: true })
  eselon?: EselonUnit | null;

  @Enum({ items: () => KanwilKind, type: 'string', default: KanwilKind.OTHER })
  kind: KanwilKind = KanwilKind.OTHER;

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

  /** The unit this one continues after a reorganisation (lineage): its predicates, pencanangan and bans carry over. */
  @ManyToOne(() => Satker, { nullable: true, deleteRule: 'set null' })
  predecessor?: Satker | null;

  /** YYYY-MM-DD: since when the unit exists in this form (null = always). */
  @Property({ type: 'string', length: 10, nullable: true })
  validFrom?: string | null;

  /** YYYY-MM-DD: the last day of this form (null = still current). */
  @Property({ type: 'string', length: 10, nullable: true })
  validUntil?: string | null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}

/** A WBK/WBBM predicate the unit received (and whether it was revoked). Dates are ISO `YYYY-MM-DD`. */
@Entity({ tableName: 'predicate_history' })
export class PredicateHistory {
  [OptionalProps]?: 'awardedBy' | 'revoked';

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

  /** TPN (KemenPANRB) or TPM (the instansi's own team, WBK only). */
  @Enum({ items: () => AwardTrack, type: 'string', default: AwardTrack.TPN })
  awardedBy: AwardTrack = AwardTrack.TPN;

  @Property({ type: 'boolean' })
  revoked: boolean = false;

  @Property({ type: 'string', length: 10, nullable: true })
  revokedAt?: string | null;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
