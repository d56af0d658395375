import { DateTimeType, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../user/entities';

/** One recorded change: who did what to which object, with before/after snapshots. */
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['objectType', 'objectId'] })
export class AuditEvent {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => User, { nullable: true })
  actor?: User | null;

  @Property({ type: 'string', length: 100 })
  @Index()
  action!: string;

  @Property({ type: 'string', length: 60 })
  objectType!: string;

  @Property({ type: 'string', length: 100 })
  objectId!: string;

  @Property({ type: 'integer', nullable: true })
  @Index()
  kanwilId?: number | null;

  @Property({ type: 'integer', nullable: true })
  @Index()
  satkerId?: number | null;

  @Property({ type: 'json', nullable: true })
  before?: unknown;

  @Property({ type: 'json', nullable: true })
  after?: unknown;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: DateTimeType })
  @Index()
  at: Date = new Date();
}
