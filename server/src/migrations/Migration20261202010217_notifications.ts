import { PortableMigration } from './portable';

/** In-app notifications with their e-mail outbox state, per-user preferences, and the users' e-mail address (issue 14). */
export class Migration20261202010217_notifications extends PortableMigration {
  override async up(): Promise<void> {
    this.addDialectSql({
      sqlite: [
        "create table `notification_preference` (`user_id` integer not null, `email` integer not null default true, `reminders` integer not null default true, `updated_at` datetime not null, constraint `notification_preference_user_id_foreign` foreign key(`user_id`) references `app_user`(`id`) on delete cascade on update cascade, primary key (`user_id`));",
        "create table `notification` (`id` integer not null primary key autoincrement, `user_id` integer not null, `kind` text not null, `title` text not null, `body` text not null, `path` text not null, `submission_id` integer null, `dedup_key` text null, `created_at` datetime not null, `read_at` datetime null, `email_state` text not null default 'NONE', `email_attempts` integer not null default 0, `email_claimed_at` datetime null, `email_sent_at` datetime null, constraint `notification_user_id_foreign` foreign key(`user_id`) references `app_user`(`id`) on update cascade, constraint `notification_submission_id_foreign` foreign key(`submission_id`) references `submission`(`id`) on delete set null on update cascade);",
        "create index `notification_user_id_index` on `notification` (`user_id`);",
        "create index `notification_submission_id_index` on `notification` (`submission_id`);",
        "create index `notification_email_state_index` on `notification` (`email_state`);",
        "create index `notification_user_id_read_at_index` on `notification` (`user_id`, `read_at`);",
        "create unique index `notification_user_id_dedup_key_unique` on `notification` (`user_id`, `dedup_key`);",
        "alter table `app_user` add column `email` text null;",
      ],
      postgresql: [
        "create table \"notification_preference\" (\"user_id\" int not null, \"email\" boolean not null default true, \"reminders\" boolean not null default true, \"updated_at\" timestamptz not null, constraint \"notification_preference_pkey\" primary key (\"user_id\"));",
        "create table \"notification\" (\"id\" serial primary key, \"user_id\" int not null, \"kind\" varchar(40) not null, \"title\" text not null, \"body\" text not null, \"path\" varchar(300) not null, \"submission_id\" int null, \"dedup_key\" varchar(200) null, \"created_at\" timestamptz not null, \"read_at\" timestamptz null, \"email_state\" varchar(10) not null default 'NONE', \"email_attempts\" int not null default 0, \"email_claimed_at\" timestamptz null, \"email_sent_at\" timestamptz null);",
        "create index \"notification_email_state_index\" on \"notification\" (\"email_state\");",
        "create index \"notification_user_id_read_at_index\" on \"notification\" (\"user_id\", \"read_at\");",
        "alter table \"notification\" add constraint \"notification_user_id_dedup_key_unique\" unique (\"user_id\", \"dedup_key\");",
        "alter table \"notification_preference\" add constraint \"notification_preference_user_id_foreign\" foreign key (\"user_id\") references \"app_user\" (\"id\") on update cascade on delete cascade;",
        "alter table \"notification\" add constraint \"notification_user_id_foreign\" foreign key (\"user_id\") references \"app_user\" (\"id\") on update cascade;",
        "alter table \"notification\" add constraint \"notification_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade on delete set null;",
        "alter table \"app_user\" add column \"email\" varchar(254) null;",
      ],
    });
  }
}
