import { DateTimeType, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Instansi, Kanwil } from '../org/entities';
import { User } from '../user/entities';

/**
 * A bearer token PortalRB uses to pull proposals: of one Kanwil, or of every Kanwil of one instansi (exactly one of
 * the two is set). Only the SHA-256 of the token is stored.
 */
@Entity({ tableName: 'portal_rb_token' })
export class PortalRbToken {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Kanwil, { nullable: true })
  kanwil?: Kanwil | null;

  @ManyToOne(() => Instansi, { nullable: true })
  instansi?: Instansi | null;

  /** Lower-case hex SHA-256 of the plaintext token. */
  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  /** First characters of the token, to tell tokens apart in lists. */
  @Property({ type: 'string', length: 12 })
  prefix!: string;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, nullable: true })
  revokedAt?: Date | null;
}
