import { PortableMigration } from './portable';

export class Migration20261122112100_score_cache extends PortableMigration {
  override async up(): Promise<void> {
    if (this.dialect === 'postgresql') {
      for (const s of POSTGRESQL) this.addSql(s);
      return;
    }
    this.addSql("create table `submission_score_cache` (`submission_id` integer not null, `fingerprint` text not null, `payload` text not null, `computed_at` datetime not null, constraint `submission_score_cache_submission_id_foreign` foreign key(`submission_id`) references `submission`(`id`) on delete cascade on update cascade, primary key (`submission_id`));");
    this.addSql("create index `submission_score_cache_submission_id_index` on `submission_score_cache` (`submission_id`);");
  }
}

/** The same schema step on PostgreSQL (generated from the entities by the schema generator). */
const POSTGRESQL: readonly string[] = [
  "create table \"submission_score_cache\" (\"submission_id\" int not null, \"fingerprint\" varchar(255) not null, \"payload\" text not null, \"computed_at\" timestamptz not null, constraint \"submission_score_cache_pkey\" primary key (\"submission_id\"));",
  "alter table \"submission_score_cache\" add constraint \"submission_score_cache_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade on delete cascade;",
];
