import { PortableMigration } from './portable';

export class Migration20261202145000_tpn_steps extends PortableMigration {
  override async up(): Promise<void> {
    this.addDialectSql({
      sqlite: [
        "create table `tpn_step` (`id` integer not null primary key autoincrement, `submission_id` integer not null, `step` text check (`step` in ('DESK', 'FIELD', 'PANEL')) not null, `held_on` text not null, `notes` text null, `field_answers` json null, `recorded_by_id` integer not null, `recorded_at` datetime not null, constraint `tpn_step_submission_id_foreign` foreign key(`submission_id`) references `submission`(`id`) on update cascade, constraint `tpn_step_recorded_by_id_foreign` foreign key(`recorded_by_id`) references `app_user`(`id`) on update cascade);",
        "create index `tpn_step_submission_id_index` on `tpn_step` (`submission_id`);",
        "create index `tpn_step_recorded_by_id_index` on `tpn_step` (`recorded_by_id`);",
        "create unique index `tpn_step_submission_id_step_unique` on `tpn_step` (`submission_id`, `step`);",
      ],
      postgresql: [
        "create table \"tpn_step\" (\"id\" serial primary key, \"submission_id\" int not null, \"step\" text check (\"step\" in ('DESK', 'FIELD', 'PANEL')) not null, \"held_on\" varchar(10) not null, \"notes\" text null, \"field_answers\" jsonb null, \"recorded_by_id\" int not null, \"recorded_at\" timestamptz not null);",
        "alter table \"tpn_step\" add constraint \"tpn_step_submission_id_step_unique\" unique (\"submission_id\", \"step\");",
        "alter table \"tpn_step\" add constraint \"tpn_step_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade;",
        "alter table \"tpn_step\" add constraint \"tpn_step_recorded_by_id_foreign\" foreign key (\"recorded_by_id\") references \"app_user\" (\"id\") on update cascade;",
      ],
    });
  }
}
