import { DateTimeType, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../user/entities';

/**
 * One instrument version: the PortalRB master list + our formula table (DOMAIN §1, §3). Immutable once stored
 * (the parsed instrument is cached per version id); only `active` changes, and one version per year is active.
 */
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

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  /** Who uploaded it (null for the bundled versions). */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  /** File name of the uploaded master list, as the admin's browser reported it. */
  @Property({ type: 'string', length: 255, nullable: true })
  sourceFileName?: string | null;

  /** The version whose formula table was reused (copied into `formulas`); null = a table of its own. */
  @Property({ type: 'integer', nullable: true })
  formulasFromId?: number | null;
}
