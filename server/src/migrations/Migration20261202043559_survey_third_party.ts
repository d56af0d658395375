import { PortableMigration } from './portable';

/** THIRD_PARTY joins the official survey sources: the source column's check widened (SQLite rebuilds the table; nothing references it). */
export class Migration20261202043559_survey_third_party extends PortableMigration {
  override async up(): Promise<void> {
    this.addDialectSql({
      sqlite: [
        "create table `survey_result__temp_alter` (`id` integer not null primary key autoincrement, `submission_id` integer not null, `kind` text check (`kind` in ('IPAK', 'IPKP')) not null, `index` double not null, `respondents` integer null, `source` text check (`source` in ('BPS', 'TPN', 'THIRD_PARTY', 'INTERNAL')) not null, `recorded_at` datetime not null, `round_id` integer null, constraint `survey_result_submission_id_foreign` foreign key(`submission_id`) references `submission`(`id`) on update cascade);",
        "insert into `survey_result__temp_alter` select `id`, `submission_id`, `kind`, `index`, `respondents`, `source`, `recorded_at`, `round_id` from `survey_result`;",
        "drop table `survey_result`;",
        "alter table `survey_result__temp_alter` rename to `survey_result`;",
        "create index `survey_result_submission_id_index` on `survey_result` (`submission_id`);",
        "create index `survey_result_round_id_index` on `survey_result` (`round_id`);",
      ],
      postgresql: [
        "alter table \"survey_result\" drop constraint if exists \"survey_result_source_check\";",
        "alter table \"survey_result\" add constraint \"survey_result_source_check\" check(\"source\" in ('BPS', 'TPN', 'THIRD_PARTY', 'INTERNAL'));",
      ],
    });
  }
}
