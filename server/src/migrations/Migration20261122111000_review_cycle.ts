import { PortableMigration } from './portable';

/** Review cycle: deadline extensions, review notes, desk evaluations, nominations, PortalRB tokens. */

export class Migration20261122111000_review_cycle extends PortableMigration {

  override async up(): Promise<void> {
    if (this.dialect === 'postgresql') {
      for (const s of POSTGRESQL) this.addSql(s);
      return;
    }
    this.addSql(`create table \`review_note\` (\`id\` integer not null primary key autoincrement, \`submission_id\` integer not null, \`soal_id\` integer not null, \`level\` text check (\`level\` in ('SELF', 'KANWIL', 'TPI', 'TPN')) not null, \`round\` integer not null, \`author_id\` integer not null, \`body\` text not null, \`created_at\` datetime not null, \`resolved\` integer not null default false, \`resolved_by_id\` integer null, \`resolved_at\` datetime null, \`parent_id\` integer null, constraint \`review_note_submission_id_foreign\` foreign key(\`submission_id\`) references \`submission\`(\`id\`) on update cascade, constraint \`review_note_author_id_foreign\` foreign key(\`author_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`review_note_resolved_by_id_foreign\` foreign key(\`resolved_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, constraint \`review_note_parent_id_foreign\` foreign key(\`parent_id\`) references \`review_note\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`review_note_submission_id_index\` on \`review_note\` (\`submission_id\`);`);
    this.addSql(`create index \`review_note_author_id_index\` on \`review_note\` (\`author_id\`);`);
    this.addSql(`create index \`review_note_resolved_by_id_index\` on \`review_note\` (\`resolved_by_id\`);`);
    this.addSql(`create index \`review_note_parent_id_index\` on \`review_note\` (\`parent_id\`);`);
    this.addSql(`create index \`review_note_submission_id_soal_id_index\` on \`review_note\` (\`submission_id\`, \`soal_id\`);`);

    this.addSql(`create table \`portal_rb_token\` (\`id\` integer not null primary key autoincrement, \`kanwil_id\` integer not null, \`token_hash\` text not null, \`prefix\` text not null, \`created_by_id\` integer not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, constraint \`portal_rb_token_kanwil_id_foreign\` foreign key(\`kanwil_id\`) references \`kanwil\`(\`id\`) on update cascade, constraint \`portal_rb_token_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`app_user\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`portal_rb_token_kanwil_id_index\` on \`portal_rb_token\` (\`kanwil_id\`);`);
    this.addSql(`create unique index \`portal_rb_token_token_hash_unique\` on \`portal_rb_token\` (\`token_hash\`);`);
    this.addSql(`create index \`portal_rb_token_created_by_id_index\` on \`portal_rb_token\` (\`created_by_id\`);`);

    this.addSql(`create table \`nomination\` (\`id\` integer not null primary key autoincrement, \`submission_id\` integer not null, \`target\` text check (\`target\` in ('WBK', 'WBBM')) not null, \`afirmasi\` integer not null default false, \`status\` text check (\`status\` in ('ACTIVE', 'WITHDRAWN', 'AWARDED', 'NOT_AWARDED')) not null default 'ACTIVE', \`eligibility\` json not null, \`checklist\` json not null, \`override_reason\` text null, \`nominated_by_id\` integer not null, \`nominated_at\` datetime not null, \`withdrawn_by_id\` integer null, \`withdrawn_at\` datetime null, \`withdrawn_reason\` text null, \`predicate\` text check (\`predicate\` in ('WBK', 'WBBM')) null, \`decree_number\` text null, \`decree_date\` text null, \`outcome_reason\` text null, \`tpn_eligibility\` json null, \`decided_by_id\` integer null, \`decided_at\` datetime null, constraint \`nomination_submission_id_foreign\` foreign key(\`submission_id\`) references \`submission\`(\`id\`) on update cascade, constraint \`nomination_nominated_by_id_foreign\` foreign key(\`nominated_by_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`nomination_withdrawn_by_id_foreign\` foreign key(\`withdrawn_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, constraint \`nomination_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`nomination_submission_id_index\` on \`nomination\` (\`submission_id\`);`);
    this.addSql(`create index \`nomination_nominated_by_id_index\` on \`nomination\` (\`nominated_by_id\`);`);
    this.addSql(`create index \`nomination_withdrawn_by_id_index\` on \`nomination\` (\`withdrawn_by_id\`);`);
    this.addSql(`create index \`nomination_decided_by_id_index\` on \`nomination\` (\`decided_by_id\`);`);

    this.addSql(`create table \`desk_evaluation\` (\`id\` integer not null primary key autoincrement, \`submission_id\` integer not null, \`round\` integer not null, \`recommendation\` text not null, \`recommended_predicate\` text check (\`recommended_predicate\` in ('WBK', 'WBBM', 'NOT_RECOMMENDED')) not null, \`lhe_evidence_id\` integer null, \`finalised_by_id\` integer not null, \`finalised_at\` datetime not null, constraint \`desk_evaluation_submission_id_foreign\` foreign key(\`submission_id\`) references \`submission\`(\`id\`) on update cascade, constraint \`desk_evaluation_finalised_by_id_foreign\` foreign key(\`finalised_by_id\`) references \`app_user\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`desk_evaluation_submission_id_index\` on \`desk_evaluation\` (\`submission_id\`);`);
    this.addSql(`create index \`desk_evaluation_finalised_by_id_index\` on \`desk_evaluation\` (\`finalised_by_id\`);`);

    this.addSql(`create table \`deadline_extension\` (\`id\` integer not null primary key autoincrement, \`period_id\` integer not null, \`stage\` text check (\`stage\` in ('selfAssessment', 'kanwilReview', 'deskEvaluation', 'nomination')) not null, \`satker_id\` integer null, \`deadline\` datetime not null, \`reason\` text not null, \`created_by_id\` integer not null, \`created_at\` datetime not null, constraint \`deadline_extension_period_id_foreign\` foreign key(\`period_id\`) references \`period\`(\`id\`) on update cascade, constraint \`deadline_extension_satker_id_foreign\` foreign key(\`satker_id\`) references \`satker\`(\`id\`) on delete set null on update cascade, constraint \`deadline_extension_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`app_user\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`deadline_extension_period_id_index\` on \`deadline_extension\` (\`period_id\`);`);
    this.addSql(`create index \`deadline_extension_satker_id_index\` on \`deadline_extension\` (\`satker_id\`);`);
    this.addSql(`create index \`deadline_extension_created_by_id_index\` on \`deadline_extension\` (\`created_by_id\`);`);
    this.addSql(`create index \`deadline_extension_period_id_stage_index\` on \`deadline_extension\` (\`period_id\`, \`stage\`);`);
  }

}

/** The same schema step on PostgreSQL (generated from the entities by the schema generator). */
const POSTGRESQL: readonly string[] = [
  "create table \"portal_rb_token\" (\"id\" serial primary key, \"kanwil_id\" int not null, \"token_hash\" varchar(64) not null, \"prefix\" varchar(12) not null, \"created_by_id\" int not null, \"created_at\" timestamptz not null, \"revoked_at\" timestamptz null);",
  "alter table \"portal_rb_token\" add constraint \"portal_rb_token_token_hash_unique\" unique (\"token_hash\");",
  "create table \"review_note\" (\"id\" serial primary key, \"submission_id\" int not null, \"soal_id\" int not null, \"level\" text check (\"level\" in ('SELF', 'KANWIL', 'TPI', 'TPN')) not null, \"round\" int not null, \"author_id\" int not null, \"body\" text not null, \"created_at\" timestamptz not null, \"resolved\" boolean not null default false, \"resolved_by_id\" int null, \"resolved_at\" timestamptz null, \"parent_id\" int null);",
  "create index \"review_note_submission_id_soal_id_index\" on \"review_note\" (\"submission_id\", \"soal_id\");",
  "create table \"nomination\" (\"id\" serial primary key, \"submission_id\" int not null, \"target\" text check (\"target\" in ('WBK', 'WBBM')) not null, \"afirmasi\" boolean not null default false, \"status\" text check (\"status\" in ('ACTIVE', 'WITHDRAWN', 'AWARDED', 'NOT_AWARDED')) not null default 'ACTIVE', \"eligibility\" jsonb not null, \"checklist\" jsonb not null, \"override_reason\" text null, \"nominated_by_id\" int not null, \"nominated_at\" timestamptz not null, \"withdrawn_by_id\" int null, \"withdrawn_at\" timestamptz null, \"withdrawn_reason\" text null, \"predicate\" text check (\"predicate\" in ('WBK', 'WBBM')) null, \"decree_number\" varchar(200) null, \"decree_date\" varchar(10) null, \"outcome_reason\" text null, \"tpn_eligibility\" jsonb null, \"decided_by_id\" int null, \"decided_at\" timestamptz null);",
  "create table \"desk_evaluation\" (\"id\" serial primary key, \"submission_id\" int not null, \"round\" int not null, \"recommendation\" text not null, \"recommended_predicate\" text check (\"recommended_predicate\" in ('WBK', 'WBBM', 'NOT_RECOMMENDED')) not null, \"lhe_evidence_id\" int null, \"finalised_by_id\" int not null, \"finalised_at\" timestamptz not null);",
  "create table \"deadline_extension\" (\"id\" serial primary key, \"period_id\" int not null, \"stage\" text check (\"stage\" in ('selfAssessment', 'kanwilReview', 'deskEvaluation', 'nomination')) not null, \"satker_id\" int null, \"deadline\" timestamptz not null, \"reason\" text not null, \"created_by_id\" int not null, \"created_at\" timestamptz not null);",
  "create index \"deadline_extension_period_id_stage_index\" on \"deadline_extension\" (\"period_id\", \"stage\");",
  "alter table \"portal_rb_token\" add constraint \"portal_rb_token_kanwil_id_foreign\" foreign key (\"kanwil_id\") references \"kanwil\" (\"id\") on update cascade;",
  "alter table \"portal_rb_token\" add constraint \"portal_rb_token_created_by_id_foreign\" foreign key (\"created_by_id\") references \"app_user\" (\"id\") on update cascade;",
  "alter table \"review_note\" add constraint \"review_note_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade;",
  "alter table \"review_note\" add constraint \"review_note_author_id_foreign\" foreign key (\"author_id\") references \"app_user\" (\"id\") on update cascade;",
  "alter table \"review_note\" add constraint \"review_note_resolved_by_id_foreign\" foreign key (\"resolved_by_id\") references \"app_user\" (\"id\") on update cascade on delete set null;",
  "alter table \"review_note\" add constraint \"review_note_parent_id_foreign\" foreign key (\"parent_id\") references \"review_note\" (\"id\") on update cascade on delete set null;",
  "alter table \"nomination\" add constraint \"nomination_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade;",
  "alter table \"nomination\" add constraint \"nomination_nominated_by_id_foreign\" foreign key (\"nominated_by_id\") references \"app_user\" (\"id\") on update cascade;",
  "alter table \"nomination\" add constraint \"nomination_withdrawn_by_id_foreign\" foreign key (\"withdrawn_by_id\") references \"app_user\" (\"id\") on update cascade on delete set null;",
  "alter table \"nomination\" add constraint \"nomination_decided_by_id_foreign\" foreign key (\"decided_by_id\") references \"app_user\" (\"id\") on update cascade on delete set null;",
  "alter table \"desk_evaluation\" add constraint \"desk_evaluation_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade;",
  "alter table \"desk_evaluation\" add constraint \"desk_evaluation_finalised_by_id_foreign\" foreign key (\"finalised_by_id\") references \"app_user\" (\"id\") on update cascade;",
  "alter table \"deadline_extension\" add constraint \"deadline_extension_period_id_foreign\" foreign key (\"period_id\") references \"period\" (\"id\") on update cascade;",
  "alter table \"deadline_extension\" add constraint \"deadline_extension_satker_id_foreign\" foreign key (\"satker_id\") references \"satker\" (\"id\") on update cascade on delete set null;",
  "alter table \"deadline_extension\" add constraint \"deadline_extension_created_by_id_foreign\" foreign key (\"created_by_id\") references \"app_user\" (\"id\") on update cascade;",
];
