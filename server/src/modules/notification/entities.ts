import { DateTimeType, Entity, Index, ManyToOne, OneToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Submission } from '../submission/entities';
import { User } from '../user/entities';

/** State of a notification's e-mail (an outbox: the scheduler claims PENDING rows with a conditional update). */
export enum EmailState {
  /** No e-mail: SMTP off, the user opted out or has no address. */
  NONE = 'NONE',
  PENDING = 'PENDING',
  /** Claimed by one process; reclaimed by another only after EMAIL_CLAIM_STALE_MS. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

/**
 * One in-app notification of one user (and its e-mail). `dedupKey` makes an event once-only per user: reminders and
 * warnings are inserted with it and a second insert of the same key (another process, a restart) is ignored.
 */
@Entity({ tableName: 'notification' })
@Unique({ properties: ['user', 'dedupKey'] })
@Index({ properties: ['user', 'readAt'] })
@Index({ properties: ['emailState'] })
export class Notification {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => User)
  user!: User;

  /** NotificationKind */
  @Property({ type: 'string', length: 40 })
  kind!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  /** SPA path where the user acts. */
  @Property({ type: 'string', length: 300 })
  path!: string;

  @ManyToOne(() => Submission, { nullable: true })
  submission?: Submission | null;

  @Property({ type: 'string', length: 200, nullable: true })
  dedupKey?: string | null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, nullable: true })
  readAt?: Date | null;

  @Property({ type: 'string', length: 10 })
  emailState: EmailState = EmailState.NONE;

  @Property({ type: 'integer' })
  emailAttempts: number = 0;

  @Property({ type: DateTimeType, nullable: true })
  emailClaimedAt?: Date | null;

  @Property({ type: DateTimeType, nullable: true })
  emailSentAt?: Date | null;
}

/** A user's notification choices (no row = defaults: e-mail on, reminders on). */
@Entity({ tableName: 'notification_preference' })
export class NotificationPreference {
  @OneToOne(() => User, { primary: true, owner: true })
  user!: User;

  @Property({ type: 'boolean' })
  email: boolean = true;

  @Property({ type: 'boolean' })
  reminders: boolean = true;

  @Property({ type: DateTimeType })
  updatedAt: Date = new Date();
}
