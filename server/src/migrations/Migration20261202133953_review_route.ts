import { PortableMigration } from './portable';

/**
 * Issue 15, items 2 and 3: review routes per instansi and period (review_route; no row = the default route
 * SELF → KANWIL → TPI → TPN, which every existing submission follows), the Eselon I step (period deadline
 * eselon_review_deadline, statuses ESELON_I_REVIEW / ESELON_I_REVIEWED, level and returner ESELON_I) and the TPM desk
 * team (level and returner TPM), with their reviewer roles ESELON_REVIEWER and TPM_EVALUATOR. Existing rows keep their
 * values; only enum checks widen: PostgreSQL swaps the check constraints, SQLite rebuilds each table from its live
 * schema with the widened check (sqliteWidenChecks: columns, indexes and triggers of later migrations are kept;
 * sqliteRebuild keeps the rows that point at it, e.g. notification.submission_id and the score cache).
 */
export class Migration20261202133953_review_route extends PortableMigration {
  override async up(): Promise<void> {
    if (this.dialect === 'postgresql') {
      for (const s of [
        'create table "review_route" ("id" serial primary key, "period_id" int not null, "instansi_id" int not null, "eselon_step" boolean not null default false, "desk_team" text check ("desk_team" in (\'TPI\', \'TPM\')) not null default \'TPI\', "updated_by_id" int null, "updated_at" timestamptz not null);',
        'alter table "review_route" add constraint "review_route_period_id_instansi_id_unique" unique ("period_id", "instansi_id");',
        'alter table "review_route" add constraint "review_route_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;',
        'alter table "review_route" add constraint "review_route_instansi_id_foreign" foreign key ("instansi_id") references "instansi" ("id") on update cascade;',
        'alter table "review_route" add constraint "review_route_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;',
        'alter table "role_assignment" drop constraint if exists "role_assignment_role_check";',
        'alter table "submission" drop constraint if exists "submission_status_check";',
        'alter table "submission" drop constraint if exists "submission_returned_by_check";',
        'alter table "review_note" drop constraint if exists "review_note_level_check";',
        'alter table "evidence" drop constraint if exists "evidence_level_check";',
        'alter table "deadline_extension" drop constraint if exists "deadline_extension_stage_check";',
        'alter table "answer" drop constraint if exists "answer_level_check";',
        "alter table \"role_assignment\" add constraint \"role_assignment_role_check\" check(\"role\" in ('ADMIN', 'KANWIL_HEAD', 'COORDINATOR', 'EVALUATOR', 'VIEWER', 'ESELON_REVIEWER', 'TPM_EVALUATOR'));",
        'alter table "period" add column "eselon_review_deadline" timestamptz null;',
        "alter table \"submission\" add constraint \"submission_status_check\" check(\"status\" in ('DRAFT', 'SUBMITTED', 'KANWIL_REVIEWED', 'ESELON_I_REVIEW', 'ESELON_I_REVIEWED', 'IN_DESK_REVIEW', 'REVISION_REQUESTED', 'DESK_EVALUATED', 'NOMINATED', 'AWARDED', 'NOT_AWARDED', 'WITHDRAWN'));",
        "alter table \"submission\" add constraint \"submission_returned_by_check\" check(\"returned_by\" in ('KANWIL', 'ESELON_I', 'TPI', 'TPM'));",
        "alter table \"review_note\" add constraint \"review_note_level_check\" check(\"level\" in ('SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPM', 'TPN'));",
        "alter table \"evidence\" add constraint \"evidence_level_check\" check(\"level\" in ('SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPM', 'TPN'));",
        "alter table \"deadline_extension\" add constraint \"deadline_extension_stage_check\" check(\"stage\" in ('selfAssessment', 'kanwilReview', 'eselonReview', 'deskEvaluation', 'nomination'));",
        "alter table \"answer\" add constraint \"answer_level_check\" check(\"level\" in ('SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPM', 'TPN'));",
      ])
        this.addSql(s);
      return;
    }
    for (const s of [
      "create table `review_route` (`id` integer not null primary key autoincrement, `period_id` integer not null, `instansi_id` integer not null, `eselon_step` integer not null default false, `desk_team` text check (`desk_team` in ('TPI', 'TPM')) not null default 'TPI', `updated_by_id` integer null, `updated_at` datetime not null, constraint `review_route_period_id_foreign` foreign key(`period_id`) references `period`(`id`) on update cascade, constraint `review_route_instansi_id_foreign` foreign key(`instansi_id`) references `instansi`(`id`) on update cascade, constraint `review_route_updated_by_id_foreign` foreign key(`updated_by_id`) references `app_user`(`id`) on delete set null on update cascade);",
      'create index `review_route_period_id_index` on `review_route` (`period_id`);',
      'create index `review_route_instansi_id_index` on `review_route` (`instansi_id`);',
      'create index `review_route_updated_by_id_index` on `review_route` (`updated_by_id`);',
      'create unique index `review_route_period_id_instansi_id_unique` on `review_route` (`period_id`, `instansi_id`);',
      'alter table `period` add column `eselon_review_deadline` datetime null;',
    ])
      this.addSql(s);
    const LEVELS = ['SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPM', 'TPN'];
    await this.sqliteWidenChecks('role_assignment', { role: ['ADMIN', 'KANWIL_HEAD', 'COORDINATOR', 'EVALUATOR', 'VIEWER', 'ESELON_REVIEWER', 'TPM_EVALUATOR'] });
    await this.sqliteWidenChecks('submission', {
      status: [
        'DRAFT',
        'SUBMITTED',
        'KANWIL_REVIEWED',
        'ESELON_I_REVIEW',
        'ESELON_I_REVIEWED',
        'IN_DESK_REVIEW',
        'REVISION_REQUESTED',
        'DESK_EVALUATED',
        'NOMINATED',
        'AWARDED',
        'NOT_AWARDED',
        'WITHDRAWN',
      ],
      returned_by: ['KANWIL', 'ESELON_I', 'TPI', 'TPM'],
    });
    await this.sqliteWidenChecks('review_note', { level: LEVELS });
    await this.sqliteWidenChecks('evidence', { level: LEVELS });
    await this.sqliteWidenChecks('deadline_extension', { stage: ['selfAssessment', 'kanwilReview', 'eselonReview', 'deskEvaluation', 'nomination'] });
    await this.sqliteWidenChecks('answer', { level: LEVELS });
  }
}
