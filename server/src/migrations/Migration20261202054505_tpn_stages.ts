import { PortableMigration } from './portable';

export class Migration20261202054505_tpn_stages extends PortableMigration {
  override async up(): Promise<void> {
    this.addDialectSql({
      sqlite: [
        "create table `tpn_cycle` (`id` integer not null primary key autoincrement, `instansi_id` integer not null, `year` integer not null, `quota` integer null, `sanggah_deadline` text null, `updated_at` datetime not null, constraint `tpn_cycle_instansi_id_foreign` foreign key(`instansi_id`) references `instansi`(`id`) on update cascade);",
        "create index `tpn_cycle_instansi_id_index` on `tpn_cycle` (`instansi_id`);",
        "create unique index `tpn_cycle_instansi_id_year_unique` on `tpn_cycle` (`instansi_id`, `year`);",
        "create table `tpn_stage` (`id` integer not null primary key autoincrement, `submission_id` integer not null, `admin_outcome` text check (`admin_outcome` in ('LULUS', 'LULUS_DENGAN_CATATAN', 'TIDAK_LULUS')) null, `admin_notes` text null, `admin_recorded_at` datetime null, `admin_recorded_by_id` integer null, `sanggah_reason` text null, `sanggah_evidence_ids` json null, `sanggah_filed_at` datetime null, `sanggah_filed_by_id` integer null, constraint `tpn_stage_submission_id_foreign` foreign key(`submission_id`) references `submission`(`id`) on update cascade, constraint `tpn_stage_admin_recorded_by_id_foreign` foreign key(`admin_recorded_by_id`) references `app_user`(`id`) on delete set null on update cascade, constraint `tpn_stage_sanggah_filed_by_id_foreign` foreign key(`sanggah_filed_by_id`) references `app_user`(`id`) on delete set null on update cascade);",
        "create index `tpn_stage_submission_id_index` on `tpn_stage` (`submission_id`);",
        "create unique index `tpn_stage_submission_id_unique` on `tpn_stage` (`submission_id`);",
        "create index `tpn_stage_admin_recorded_by_id_index` on `tpn_stage` (`admin_recorded_by_id`);",
        "create index `tpn_stage_sanggah_filed_by_id_index` on `tpn_stage` (`sanggah_filed_by_id`);",
      ],
      postgresql: [
        "create table \"tpn_cycle\" (\"id\" serial primary key, \"instansi_id\" int not null, \"year\" int not null, \"quota\" int null, \"sanggah_deadline\" varchar(10) null, \"updated_at\" timestamptz not null);",
        "alter table \"tpn_cycle\" add constraint \"tpn_cycle_instansi_id_year_unique\" unique (\"instansi_id\", \"year\");",
        "create table \"tpn_stage\" (\"id\" serial primary key, \"submission_id\" int not null, \"admin_outcome\" text check (\"admin_outcome\" in ('LULUS', 'LULUS_DENGAN_CATATAN', 'TIDAK_LULUS')) null, \"admin_notes\" text null, \"admin_recorded_at\" timestamptz null, \"admin_recorded_by_id\" int null, \"sanggah_reason\" text null, \"sanggah_evidence_ids\" jsonb null, \"sanggah_filed_at\" timestamptz null, \"sanggah_filed_by_id\" int null);",
        "alter table \"tpn_stage\" add constraint \"tpn_stage_submission_id_unique\" unique (\"submission_id\");",
        "alter table \"tpn_cycle\" add constraint \"tpn_cycle_instansi_id_foreign\" foreign key (\"instansi_id\") references \"instansi\" (\"id\") on update cascade;",
        "alter table \"tpn_stage\" add constraint \"tpn_stage_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade;",
        "alter table \"tpn_stage\" add constraint \"tpn_stage_admin_recorded_by_id_foreign\" foreign key (\"admin_recorded_by_id\") references \"app_user\" (\"id\") on update cascade on delete set null;",
        "alter table \"tpn_stage\" add constraint \"tpn_stage_sanggah_filed_by_id_foreign\" foreign key (\"sanggah_filed_by_id\") references \"app_user\" (\"id\") on update cascade on delete set null;",
      ],
    });
  }
}
