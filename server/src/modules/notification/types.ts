import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { Notification } from './entities';

@ObjectType('Notification', { description: 'An in-app notification of the signed-in user' })
export class NotificationGql {
  @Field(() => Int)
  id!: number;
  @Field({ description: 'HANDOFF | RETURNED | NOTE | REPLY | ASSIGNED | DEADLINE_REMINDER | BELOW_MINIMUM' })
  kind!: string;
  @Field()
  title!: string;
  @Field()
  body!: string;
  @Field({ description: 'SPA path where to act' })
  path!: string;
  @Field(() => Int, { nullable: true })
  submissionId!: number | null;
  @Field(() => Date)
  createdAt!: Date;
  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

export const notificationView = (n: Notification): NotificationGql => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  path: n.path,
  submissionId: n.submission?.id ?? null,
  createdAt: n.createdAt,
  readAt: n.readAt ?? null,
});

@ObjectType('NotificationPreference')
export class NotificationPreferenceGql {
  @Field({ description: 'Also by e-mail (when the server has SMTP and the user an address)' })
  email!: boolean;
  @Field({ description: 'Deadline reminders and below-minimum warnings' })
  reminders!: boolean;
  @Field()
  hasEmailAddress!: boolean;
  @Field({ description: 'The server sends e-mail at all (PANTAU_SMTP_URL set)' })
  emailEnabled!: boolean;
}

@InputType('NotificationPreferenceInput')
export class NotificationPreferenceInput {
  @Field(() => Boolean, { nullable: true })
  email?: boolean | null;
  @Field(() => Boolean, { nullable: true })
  reminders?: boolean | null;
}
