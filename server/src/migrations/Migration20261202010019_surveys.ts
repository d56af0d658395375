import { PortableMigration } from './portable';

export class Migration20261202010019_surveys extends PortableMigration {
  override async up(): Promise<void> {
    this.addDialectSql({
      sqlite: [
        "create table `survey_rate_window` (`link_id` integer not null, `action` text not null, `window_start` integer not null, `hits` integer not null, primary key (`link_id`, `action`, `window_start`));",
        "create table `survey_round` (`id` integer not null primary key autoincrement, `satker_id` integer not null, `period_id` integer not null, `questionnaire_version` text not null, `start_date` text not null, `end_date` text not null, `service_types_json` text not null, `respondent_groups_json` text not null, `created_by_id` integer not null, `created_at` datetime not null, `closed_at` datetime null, constraint `survey_round_satker_id_foreign` foreign key(`satker_id`) references `satker`(`id`) on update cascade, constraint `survey_round_period_id_foreign` foreign key(`period_id`) references `period`(`id`) on update cascade, constraint `survey_round_created_by_id_foreign` foreign key(`created_by_id`) references `app_user`(`id`) on update cascade);",
        "create index `survey_round_satker_id_index` on `survey_round` (`satker_id`);",
        "create index `survey_round_period_id_index` on `survey_round` (`period_id`);",
        "create index `survey_round_created_by_id_index` on `survey_round` (`created_by_id`);",
        "create table `survey_link` (`id` integer not null primary key autoincrement, `round_id` integer not null, `service_type` text not null, `token` text not null, constraint `survey_link_round_id_foreign` foreign key(`round_id`) references `survey_round`(`id`) on delete cascade on update cascade);",
        "create index `survey_link_round_id_index` on `survey_link` (`round_id`);",
        "create unique index `survey_link_token_unique` on `survey_link` (`token`);",
        "create table `survey_ticket` (`id` integer not null primary key autoincrement, `link_id` integer not null, `token_hash` text not null, `issued_at` datetime not null, constraint `survey_ticket_link_id_foreign` foreign key(`link_id`) references `survey_link`(`id`) on delete cascade on update cascade);",
        "create index `survey_ticket_link_id_index` on `survey_ticket` (`link_id`);",
        "create unique index `survey_ticket_token_hash_unique` on `survey_ticket` (`token_hash`);",
        "create table `survey_response` (`id` integer not null primary key autoincrement, `round_id` integer not null, `link_id` integer not null, `ticket_id` integer not null, `service_type` text not null, `respondent_group` text not null, `scores_json` text not null, `submitted_at` datetime not null, constraint `survey_response_round_id_foreign` foreign key(`round_id`) references `survey_round`(`id`) on delete cascade on update cascade, constraint `survey_response_link_id_foreign` foreign key(`link_id`) references `survey_link`(`id`) on update cascade, constraint `survey_response_ticket_id_foreign` foreign key(`ticket_id`) references `survey_ticket`(`id`) on update cascade);",
        "create index `survey_response_round_id_index` on `survey_response` (`round_id`);",
        "create index `survey_response_link_id_index` on `survey_response` (`link_id`);",
        "create index `survey_response_ticket_id_index` on `survey_response` (`ticket_id`);",
        "create unique index `survey_response_ticket_id_unique` on `survey_response` (`ticket_id`);",
        "alter table `survey_result` add column `round_id` integer null;",
        "create index `survey_result_round_id_index` on `survey_result` (`round_id`);",
      ],
      postgresql: [
        "create table \"survey_rate_window\" (\"link_id\" int not null, \"action\" varchar(10) not null, \"window_start\" int not null, \"hits\" int not null, constraint \"survey_rate_window_pkey\" primary key (\"link_id\", \"action\", \"window_start\"));",
        "create table \"survey_round\" (\"id\" serial primary key, \"satker_id\" int not null, \"period_id\" int not null, \"questionnaire_version\" varchar(40) not null, \"start_date\" varchar(10) not null, \"end_date\" varchar(10) not null, \"service_types_json\" text not null, \"respondent_groups_json\" text not null, \"created_by_id\" int not null, \"created_at\" timestamptz not null, \"closed_at\" timestamptz null);",
        "create table \"survey_link\" (\"id\" serial primary key, \"round_id\" int not null, \"service_type\" varchar(40) not null, \"token\" varchar(64) not null);",
        "alter table \"survey_link\" add constraint \"survey_link_token_unique\" unique (\"token\");",
        "create table \"survey_ticket\" (\"id\" serial primary key, \"link_id\" int not null, \"token_hash\" varchar(64) not null, \"issued_at\" timestamptz not null);",
        "alter table \"survey_ticket\" add constraint \"survey_ticket_token_hash_unique\" unique (\"token_hash\");",
        "create table \"survey_response\" (\"id\" serial primary key, \"round_id\" int not null, \"link_id\" int not null, \"ticket_id\" int not null, \"service_type\" varchar(40) not null, \"respondent_group\" varchar(40) not null, \"scores_json\" text not null, \"submitted_at\" timestamptz not null);",
        "alter table \"survey_response\" add constraint \"survey_response_ticket_id_unique\" unique (\"ticket_id\");",
        "alter table \"survey_round\" add constraint \"survey_round_satker_id_foreign\" foreign key (\"satker_id\") references \"satker\" (\"id\") on update cascade;",
        "alter table \"survey_round\" add constraint \"survey_round_period_id_foreign\" foreign key (\"period_id\") references \"period\" (\"id\") on update cascade;",
        "alter table \"survey_round\" add constraint \"survey_round_created_by_id_foreign\" foreign key (\"created_by_id\") references \"app_user\" (\"id\") on update cascade;",
        "alter table \"survey_link\" add constraint \"survey_link_round_id_foreign\" foreign key (\"round_id\") references \"survey_round\" (\"id\") on update cascade on delete cascade;",
        "alter table \"survey_ticket\" add constraint \"survey_ticket_link_id_foreign\" foreign key (\"link_id\") references \"survey_link\" (\"id\") on update cascade on delete cascade;",
        "alter table \"survey_response\" add constraint \"survey_response_round_id_foreign\" foreign key (\"round_id\") references \"survey_round\" (\"id\") on update cascade on delete cascade;",
        "alter table \"survey_response\" add constraint \"survey_response_link_id_foreign\" foreign key (\"link_id\") references \"survey_link\" (\"id\") on update cascade;",
        "alter table \"survey_response\" add constraint \"survey_response_ticket_id_foreign\" foreign key (\"ticket_id\") references \"survey_ticket\" (\"id\") on update cascade;",
        "alter table \"survey_result\" add column \"round_id\" int null;",
        "create index \"survey_result_round_id_index\" on \"survey_result\" (\"round_id\");",
      ],
    });
  }
}
