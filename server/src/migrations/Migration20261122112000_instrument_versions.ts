import { Migration } from '@mikro-orm/migrations';

export class Migration20261122112000_instrument_versions extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `instrument_version` add column `created_by_id` integer null constraint `instrument_version_created_by_id_foreign` references `app_user` (`id`) on update cascade on delete set null;");
    this.addSql("alter table `instrument_version` add column `source_file_name` text null;");
    this.addSql("alter table `instrument_version` add column `formulas_from_id` integer null;");
    this.addSql("create index `instrument_version_created_by_id_index` on `instrument_version` (`created_by_id`);");
  }
}
