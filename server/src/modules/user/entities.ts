import { Collection, DateTimeType, Entity, Enum, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Role } from '../../common/enums';
import { EselonUnit, Instansi, Kanwil, Satker } from '../org/entities';

@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'mustChangePassword';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 100 })
  @Unique()
  username!: string;

  @Property({ type: 'string', length: 200 })
  displayName!: string;

  /** scrypt$N$r$p$salt$hash (base64) */
  @Property({ type: 'string', length: 300, hidden: true })
  passwordHash!: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Set when an admin gave a temporary password: the user must choose their own before doing anything else. */
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean = false;

  @Property({ type: 'string', length: 5 })
  locale: string = 'id';

  /** Where e-mail notifications go (none without it). */
  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  @OneToMany(() => RoleAssignment, (r) => r.user, { orphanRemoval: true })
  roles = new Collection<RoleAssignment>(this);

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}

/** A role the user holds, optionally scoped to an instansi, an Eselon I unit, a Kanwil or a satker. */
@Entity({ tableName: 'role_assignment' })
export class RoleAssignment {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => User)
  user!: User;

  @Enum({ items: () => Role, type: 'string' })
  role!: Role;

  @ManyToOne(() => Kanwil, { nullable: true })
  kanwil?: Kanwil | null;

  @ManyToOne(() => Satker, { nullable: true })
  satker?: Satker | null;

  /** Scope: every Kanwil of the instansi (KANWIL_HEAD / VIEWER acting at ministry level). */
  @ManyToOne(() => Instansi, { nullable: true, deleteRule: 'set null' })
  instansi?: Instansi | null;

  /** Scope: every Kanwil of the Eselon I unit (the Ditjen as pembina). */
  @ManyToOne(() => EselonUnit, { nullable: true, deleteRule: 'set null' })
  eselon?: EselonUnit | null;
}

/** A login session; `id` is the SHA-256 of the cookie token, so a leaked table cannot be replayed. */
@Entity({ tableName: 'session' })
export class Session {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @ManyToOne(() => User)
  user!: User;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType })
  expiresAt!: Date;

  @Property({ type: DateTimeType })
  lastSeenAt: Date = new Date();
}

/** A user's role assignments as plain grants (the session's AuthUser and the API's user both carry them). */
export function roleGrantsOf(u: User): { role: Role; kanwilId: number | null; satkerId: number | null; instansiId: number | null; eselonId: number | null }[] {
  return u.roles.getItems().map((r) => ({
    role: r.role,
    kanwilId: r.kanwil?.id ?? null,
    satkerId: r.satker?.id ?? null,
    instansiId: r.instansi?.id ?? null,
    eselonId: r.eselon?.id ?? null,
  }));
}
