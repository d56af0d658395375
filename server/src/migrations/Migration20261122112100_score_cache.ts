import { Migration } from '@mikro-orm/migrations';

export class Migration20261122112100_score_cache extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `submission_score_cache` (`submission_id` integer not null, `fingerprint` text not null, `payload` text not null, `computed_at` datetime not null, constraint `submission_score_cache_submission_id_foreign` foreign key(`submission_id`) references `submission`(`id`) on delete cascade on update cascade, primary key (`submission_id`));");
    this.addSql("create index `submission_score_cache_submission_id_index` on `submission_score_cache` (`submission_id`);");
  }
}
