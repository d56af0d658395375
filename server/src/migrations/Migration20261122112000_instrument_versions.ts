import { PortableMigration } from './portable';

export class Migration20261122112000_instrument_versions extends PortableMigration {
  override async up(): Promise<void> {
    if (this.dialect === 'postgresql') {
      for (const s of POSTGRESQL) this.addSql(s);
      return;
    }
    this.addSql("alter table `instrument_version` add column `created_by_id` integer null constraint `instrument_version_created_by_id_foreign` references `app_user` (`id`) on update cascade on delete set null;");
    this.addSql("alter table `instrument_version` add column `source_file_name` text null;");
    this.addSql("alter table `instrument_version` add column `formulas_from_id` integer null;");
    this.addSql("create index `instrument_version_created_by_id_index` on `instrument_version` (`created_by_id`);");
  }
}

/** The same schema step on PostgreSQL (generated from the entities by the schema generator). */
const POSTGRESQL: readonly string[] = [
  "alter table \"instrument_version\" add column \"created_by_id\" int null, add column \"source_file_name\" varchar(255) null, add column \"formulas_from_id\" int null;",
  "alter table \"instrument_version\" add constraint \"instrument_version_created_by_id_foreign\" foreign key (\"created_by_id\") references \"app_user\" (\"id\") on update cascade on delete set null;",
];
