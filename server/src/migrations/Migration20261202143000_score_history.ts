import { PortableMigration } from './portable';

/**
 * Progress snapshots (score_snapshot), the flag of a submission whose history was replayed from the audit trail,
 * and the answers' change counter `submission.answers_rev`, bumped by triggers
 * on every insert, update and delete of `answer` rows in the writing statement's own transaction, whoever writes.
 * The score cache and the progress history compare the counter instead of scanning the answers.
 * SQLite: row triggers (one indexed update of the submission row per answer row, inside the engine).
 * PostgreSQL: statement triggers with transition tables (one update per submission per statement, however many rows).
 * A table rebuild of `answer` in a later SQLite migration would drop these triggers: score-history.test.ts checks that
 * every write kind still bumps the counter after all migrations.
 */
const SQLITE_TRIGGERS: readonly string[] = [
  'create trigger `answer_rev_insert` after insert on `answer` begin update `submission` set `answers_rev` = `answers_rev` + 1 where `id` = new.`submission_id`; end;',
  'create trigger `answer_rev_update` after update on `answer` begin update `submission` set `answers_rev` = `answers_rev` + 1 where `id` in (new.`submission_id`, old.`submission_id`); end;',
  'create trigger `answer_rev_delete` after delete on `answer` begin update `submission` set `answers_rev` = `answers_rev` + 1 where `id` = old.`submission_id`; end;',
];
const POSTGRESQL_TRIGGERS: readonly string[] = [
  'create function "answer_rev_new"() returns trigger language plpgsql as $$ begin update "submission" set "answers_rev" = "answers_rev" + 1 where "id" in (select distinct "submission_id" from "new_rows"); return null; end $$;',
  'create function "answer_rev_old"() returns trigger language plpgsql as $$ begin update "submission" set "answers_rev" = "answers_rev" + 1 where "id" in (select distinct "submission_id" from "old_rows"); return null; end $$;',
  'create trigger "answer_rev_insert" after insert on "answer" referencing new table as "new_rows" for each statement execute function "answer_rev_new"();',
  'create trigger "answer_rev_update" after update on "answer" referencing new table as "new_rows" for each statement execute function "answer_rev_new"();',
  'create trigger "answer_rev_delete" after delete on "answer" referencing old table as "old_rows" for each statement execute function "answer_rev_old"();',
];

export class Migration20261202143000_score_history extends PortableMigration {
  override async up(): Promise<void> {
    this.addDialectSql({
      sqlite: [
        "create table `score_snapshot` (`submission_id` integer not null, `level` text not null, `day` text not null, `completeness` double not null, `total` double not null, constraint `score_snapshot_submission_id_foreign` foreign key(`submission_id`) references `submission`(`id`) on delete cascade on update cascade, primary key (`submission_id`, `level`, `day`));",
        "create index `score_snapshot_submission_id_index` on `score_snapshot` (`submission_id`);",
        "alter table `submission` add column `answers_rev` integer not null default 0;",
        "alter table `submission` add column `history_replayed` integer not null default false;",
        ...SQLITE_TRIGGERS,
      ],
      postgresql: [
        "create table \"score_snapshot\" (\"submission_id\" int not null, \"level\" varchar(8) not null, \"day\" varchar(10) not null, \"completeness\" double precision not null, \"total\" double precision not null, constraint \"score_snapshot_pkey\" primary key (\"submission_id\", \"level\", \"day\"));",
        "alter table \"score_snapshot\" add constraint \"score_snapshot_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade on delete cascade;",
        "alter table \"submission\" add column \"answers_rev\" int not null default 0;",
        "alter table \"submission\" add column \"history_replayed\" boolean not null default false;",
        ...POSTGRESQL_TRIGGERS,
      ],
    });
  }
}
