import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One instrument version: the PortalRB master list + our formula table (DOMAIN §1, §3). */
@Entity({ tableName: 'instrument_version' })
export class InstrumentVersion {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'json' })
  master!: unknown;

  @Property({ type: 'json' })
  formulas!: unknown;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
