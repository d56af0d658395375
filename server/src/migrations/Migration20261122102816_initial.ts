import { PortableMigration } from './portable';

export class Migration20261122102816_initial extends PortableMigration {

  override async up(): Promise<void> {
    if (this.dialect === 'postgresql') {
      for (const s of POSTGRESQL) this.addSql(s);
      return;
    }
    this.addSql(`create table \`instrument_version\` (\`id\` integer not null primary key autoincrement, \`year\` integer not null, \`master\` json not null, \`formulas\` json not null, \`active\` integer not null default true, \`created_at\` datetime not null);`);

    this.addSql(`create table \`kanwil\` (\`id\` integer not null primary key autoincrement, \`code\` text not null, \`name\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`kanwil_code_unique\` on \`kanwil\` (\`code\`);`);

    this.addSql(`create table \`period\` (\`id\` integer not null primary key autoincrement, \`year\` integer not null, \`name\` text not null, \`kanwil_id\` integer null, \`instrument_version_id\` integer not null, \`self_assessment_deadline\` datetime null, \`kanwil_review_deadline\` datetime null, \`desk_evaluation_deadline\` datetime null, \`nomination_deadline\` datetime null, \`created_at\` datetime not null, constraint \`period_kanwil_id_foreign\` foreign key(\`kanwil_id\`) references \`kanwil\`(\`id\`) on delete set null on update cascade, constraint \`period_instrument_version_id_foreign\` foreign key(\`instrument_version_id\`) references \`instrument_version\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`period_kanwil_id_index\` on \`period\` (\`kanwil_id\`);`);
    this.addSql(`create index \`period_instrument_version_id_index\` on \`period\` (\`instrument_version_id\`);`);

    this.addSql(`create table \`satker\` (\`id\` integer not null primary key autoincrement, \`code\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('KANIM', 'RUTAN', 'LAPAS', 'RUDENIM', 'BAPAS', 'LPKA', 'RUPBASAN', 'OTHER')) not null, \`division\` text null, \`kanwil_id\` integer not null, \`created_at\` datetime not null, constraint \`satker_kanwil_id_foreign\` foreign key(\`kanwil_id\`) references \`kanwil\`(\`id\`) on update cascade);`);
    this.addSql(`create unique index \`satker_code_unique\` on \`satker\` (\`code\`);`);
    this.addSql(`create index \`satker_kanwil_id_index\` on \`satker\` (\`kanwil_id\`);`);

    this.addSql(`create table \`predicate_history\` (\`id\` integer not null primary key autoincrement, \`satker_id\` integer not null, \`predicate\` text check (\`predicate\` in ('WBK', 'WBBM')) not null, \`year\` integer not null, \`decree_number\` text null, \`decree_date\` text null, \`revoked\` integer not null default false, \`revoked_at\` text null, \`reason\` text null, constraint \`predicate_history_satker_id_foreign\` foreign key(\`satker_id\`) references \`satker\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`predicate_history_satker_id_index\` on \`predicate_history\` (\`satker_id\`);`);

    this.addSql(`create table \`submission\` (\`id\` integer not null primary key autoincrement, \`satker_id\` integer not null, \`period_id\` integer not null, \`target\` text check (\`target\` in ('WBK', 'WBBM')) not null, \`pencanangan_date\` text null, \`status\` text check (\`status\` in ('DRAFT', 'SUBMITTED', 'KANWIL_REVIEWED', 'IN_DESK_REVIEW', 'REVISION_REQUESTED', 'DESK_EVALUATED', 'NOMINATED', 'AWARDED', 'NOT_AWARDED', 'WITHDRAWN')) not null default 'DRAFT', \`round\` integer not null default 1, \`returned_by\` text check (\`returned_by\` in ('KANWIL', 'TPI')) null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`submission_satker_id_foreign\` foreign key(\`satker_id\`) references \`satker\`(\`id\`) on update cascade, constraint \`submission_period_id_foreign\` foreign key(\`period_id\`) references \`period\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`submission_satker_id_index\` on \`submission\` (\`satker_id\`);`);
    this.addSql(`create index \`submission_period_id_index\` on \`submission\` (\`period_id\`);`);
    this.addSql(`create unique index \`submission_satker_id_period_id_unique\` on \`submission\` (\`satker_id\`, \`period_id\`);`);

    this.addSql(`create table \`survey_result\` (\`id\` integer not null primary key autoincrement, \`submission_id\` integer not null, \`kind\` text check (\`kind\` in ('IPAK', 'IPKP')) not null, \`index\` double not null, \`respondents\` integer null, \`source\` text check (\`source\` in ('BPS', 'TPN', 'INTERNAL')) not null, \`recorded_at\` datetime not null, constraint \`survey_result_submission_id_foreign\` foreign key(\`submission_id\`) references \`submission\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`survey_result_submission_id_index\` on \`survey_result\` (\`submission_id\`);`);

    this.addSql(`create table \`app_user\` (\`id\` integer not null primary key autoincrement, \`username\` text not null, \`display_name\` text not null, \`password_hash\` text not null, \`active\` integer not null default true, \`locale\` text not null default 'id', \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`app_user_username_unique\` on \`app_user\` (\`username\`);`);

    this.addSql(`create table \`session\` (\`id\` text not null, \`user_id\` integer not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`last_seen_at\` datetime not null, constraint \`session_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`session_user_id_index\` on \`session\` (\`user_id\`);`);

    this.addSql(`create table \`role_assignment\` (\`id\` integer not null primary key autoincrement, \`user_id\` integer not null, \`role\` text check (\`role\` in ('ADMIN', 'KANWIL_HEAD', 'COORDINATOR', 'EVALUATOR', 'VIEWER')) not null, \`kanwil_id\` integer null, \`satker_id\` integer null, constraint \`role_assignment_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`role_assignment_kanwil_id_foreign\` foreign key(\`kanwil_id\`) references \`kanwil\`(\`id\`) on delete set null on update cascade, constraint \`role_assignment_satker_id_foreign\` foreign key(\`satker_id\`) references \`satker\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`role_assignment_user_id_index\` on \`role_assignment\` (\`user_id\`);`);
    this.addSql(`create index \`role_assignment_kanwil_id_index\` on \`role_assignment\` (\`kanwil_id\`);`);
    this.addSql(`create index \`role_assignment_satker_id_index\` on \`role_assignment\` (\`satker_id\`);`);

    this.addSql(`create table \`evaluator_assignment\` (\`id\` integer not null primary key autoincrement, \`submission_id\` integer not null, \`user_id\` integer not null, \`created_at\` datetime not null, constraint \`evaluator_assignment_submission_id_foreign\` foreign key(\`submission_id\`) references \`submission\`(\`id\`) on update cascade, constraint \`evaluator_assignment_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`evaluator_assignment_submission_id_index\` on \`evaluator_assignment\` (\`submission_id\`);`);
    this.addSql(`create index \`evaluator_assignment_user_id_index\` on \`evaluator_assignment\` (\`user_id\`);`);
    this.addSql(`create unique index \`evaluator_assignment_submission_id_user_id_unique\` on \`evaluator_assignment\` (\`submission_id\`, \`user_id\`);`);

    this.addSql(`create table \`audit_event\` (\`id\` integer not null primary key autoincrement, \`actor_id\` integer null, \`action\` text not null, \`object_type\` text not null, \`object_id\` text not null, \`kanwil_id\` integer null, \`satker_id\` integer null, \`before\` json null, \`after\` json null, \`reason\` text null, \`at\` datetime not null, constraint \`audit_event_actor_id_foreign\` foreign key(\`actor_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`audit_event_actor_id_index\` on \`audit_event\` (\`actor_id\`);`);
    this.addSql(`create index \`audit_event_action_index\` on \`audit_event\` (\`action\`);`);
    this.addSql(`create index \`audit_event_kanwil_id_index\` on \`audit_event\` (\`kanwil_id\`);`);
    this.addSql(`create index \`audit_event_satker_id_index\` on \`audit_event\` (\`satker_id\`);`);
    this.addSql(`create index \`audit_event_at_index\` on \`audit_event\` (\`at\`);`);
    this.addSql(`create index \`audit_event_object_type_object_id_index\` on \`audit_event\` (\`object_type\`, \`object_id\`);`);

    this.addSql(`create table \`answer\` (\`id\` integer not null primary key autoincrement, \`submission_id\` integer not null, \`soal_id\` integer not null, \`level\` text check (\`level\` in ('SELF', 'KANWIL', 'TPI', 'TPN')) not null, \`value_json\` text null, \`note\` text null, \`updated_by_id\` integer null, \`updated_at\` datetime not null, \`version\` integer not null default 1, constraint \`answer_submission_id_foreign\` foreign key(\`submission_id\`) references \`submission\`(\`id\`) on update cascade, constraint \`answer_updated_by_id_foreign\` foreign key(\`updated_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`answer_submission_id_index\` on \`answer\` (\`submission_id\`);`);
    this.addSql(`create index \`answer_updated_by_id_index\` on \`answer\` (\`updated_by_id\`);`);
    this.addSql(`create unique index \`answer_submission_id_soal_id_level_unique\` on \`answer\` (\`submission_id\`, \`soal_id\`, \`level\`);`);
  }

}

/** The same schema step on PostgreSQL (generated from the entities by the schema generator). */
const POSTGRESQL: readonly string[] = [
  "create table \"kanwil\" (\"id\" serial primary key, \"code\" varchar(40) not null, \"name\" varchar(200) not null, \"created_at\" timestamptz not null);",
  "alter table \"kanwil\" add constraint \"kanwil_code_unique\" unique (\"code\");",
  "create table \"satker\" (\"id\" serial primary key, \"code\" varchar(40) not null, \"name\" varchar(200) not null, \"kind\" text check (\"kind\" in ('KANIM', 'RUTAN', 'LAPAS', 'RUDENIM', 'BAPAS', 'LPKA', 'RUPBASAN', 'OTHER')) not null, \"division\" varchar(100) null, \"kanwil_id\" int not null, \"created_at\" timestamptz not null);",
  "alter table \"satker\" add constraint \"satker_code_unique\" unique (\"code\");",
  "create table \"predicate_history\" (\"id\" serial primary key, \"satker_id\" int not null, \"predicate\" text check (\"predicate\" in ('WBK', 'WBBM')) not null, \"year\" int not null, \"decree_number\" varchar(200) null, \"decree_date\" varchar(10) null, \"revoked\" boolean not null default false, \"revoked_at\" varchar(10) null, \"reason\" text null);",
  "create table \"app_user\" (\"id\" serial primary key, \"username\" varchar(100) not null, \"display_name\" varchar(200) not null, \"password_hash\" varchar(300) not null, \"active\" boolean not null default true, \"locale\" varchar(5) not null default 'id', \"created_at\" timestamptz not null);",
  "alter table \"app_user\" add constraint \"app_user_username_unique\" unique (\"username\");",
  "create table \"session\" (\"id\" varchar(64) not null, \"user_id\" int not null, \"created_at\" timestamptz not null, \"expires_at\" timestamptz not null, \"last_seen_at\" timestamptz not null, constraint \"session_pkey\" primary key (\"id\"));",
  "create table \"role_assignment\" (\"id\" serial primary key, \"user_id\" int not null, \"role\" text check (\"role\" in ('ADMIN', 'KANWIL_HEAD', 'COORDINATOR', 'EVALUATOR', 'VIEWER')) not null, \"kanwil_id\" int null, \"satker_id\" int null);",
  "create table \"instrument_version\" (\"id\" serial primary key, \"year\" int not null, \"master\" jsonb not null, \"formulas\" jsonb not null, \"active\" boolean not null default true, \"created_at\" timestamptz not null);",
  "create table \"period\" (\"id\" serial primary key, \"year\" int not null, \"name\" varchar(200) not null, \"kanwil_id\" int null, \"instrument_version_id\" int not null, \"self_assessment_deadline\" timestamptz null, \"kanwil_review_deadline\" timestamptz null, \"desk_evaluation_deadline\" timestamptz null, \"nomination_deadline\" timestamptz null, \"created_at\" timestamptz not null);",
  "create table \"submission\" (\"id\" serial primary key, \"satker_id\" int not null, \"period_id\" int not null, \"target\" text check (\"target\" in ('WBK', 'WBBM')) not null, \"pencanangan_date\" varchar(10) null, \"status\" text check (\"status\" in ('DRAFT', 'SUBMITTED', 'KANWIL_REVIEWED', 'IN_DESK_REVIEW', 'REVISION_REQUESTED', 'DESK_EVALUATED', 'NOMINATED', 'AWARDED', 'NOT_AWARDED', 'WITHDRAWN')) not null default 'DRAFT', \"round\" int not null default 1, \"returned_by\" text check (\"returned_by\" in ('KANWIL', 'TPI')) null, \"version\" int not null default 1, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null);",
  "alter table \"submission\" add constraint \"submission_satker_id_period_id_unique\" unique (\"satker_id\", \"period_id\");",
  "create table \"survey_result\" (\"id\" serial primary key, \"submission_id\" int not null, \"kind\" text check (\"kind\" in ('IPAK', 'IPKP')) not null, \"index\" double precision not null, \"respondents\" int null, \"source\" text check (\"source\" in ('BPS', 'TPN', 'INTERNAL')) not null, \"recorded_at\" timestamptz not null);",
  "create table \"evaluator_assignment\" (\"id\" serial primary key, \"submission_id\" int not null, \"user_id\" int not null, \"created_at\" timestamptz not null);",
  "alter table \"evaluator_assignment\" add constraint \"evaluator_assignment_submission_id_user_id_unique\" unique (\"submission_id\", \"user_id\");",
  "create table \"audit_event\" (\"id\" serial primary key, \"actor_id\" int null, \"action\" varchar(100) not null, \"object_type\" varchar(60) not null, \"object_id\" varchar(100) not null, \"kanwil_id\" int null, \"satker_id\" int null, \"before\" jsonb null, \"after\" jsonb null, \"reason\" text null, \"at\" timestamptz not null);",
  "create index \"audit_event_action_index\" on \"audit_event\" (\"action\");",
  "create index \"audit_event_kanwil_id_index\" on \"audit_event\" (\"kanwil_id\");",
  "create index \"audit_event_satker_id_index\" on \"audit_event\" (\"satker_id\");",
  "create index \"audit_event_at_index\" on \"audit_event\" (\"at\");",
  "create index \"audit_event_object_type_object_id_index\" on \"audit_event\" (\"object_type\", \"object_id\");",
  "create table \"answer\" (\"id\" serial primary key, \"submission_id\" int not null, \"soal_id\" int not null, \"level\" text check (\"level\" in ('SELF', 'KANWIL', 'TPI', 'TPN')) not null, \"value_json\" text null, \"note\" text null, \"updated_by_id\" int null, \"updated_at\" timestamptz not null, \"version\" int not null default 1);",
  "alter table \"answer\" add constraint \"answer_submission_id_soal_id_level_unique\" unique (\"submission_id\", \"soal_id\", \"level\");",
  "alter table \"satker\" add constraint \"satker_kanwil_id_foreign\" foreign key (\"kanwil_id\") references \"kanwil\" (\"id\") on update cascade;",
  "alter table \"predicate_history\" add constraint \"predicate_history_satker_id_foreign\" foreign key (\"satker_id\") references \"satker\" (\"id\") on update cascade;",
  "alter table \"session\" add constraint \"session_user_id_foreign\" foreign key (\"user_id\") references \"app_user\" (\"id\") on update cascade;",
  "alter table \"role_assignment\" add constraint \"role_assignment_user_id_foreign\" foreign key (\"user_id\") references \"app_user\" (\"id\") on update cascade;",
  "alter table \"role_assignment\" add constraint \"role_assignment_kanwil_id_foreign\" foreign key (\"kanwil_id\") references \"kanwil\" (\"id\") on update cascade on delete set null;",
  "alter table \"role_assignment\" add constraint \"role_assignment_satker_id_foreign\" foreign key (\"satker_id\") references \"satker\" (\"id\") on update cascade on delete set null;",
  "alter table \"period\" add constraint \"period_kanwil_id_foreign\" foreign key (\"kanwil_id\") references \"kanwil\" (\"id\") on update cascade on delete set null;",
  "alter table \"period\" add constraint \"period_instrument_version_id_foreign\" foreign key (\"instrument_version_id\") references \"instrument_version\" (\"id\") on update cascade;",
  "alter table \"submission\" add constraint \"submission_satker_id_foreign\" foreign key (\"satker_id\") references \"satker\" (\"id\") on update cascade;",
  "alter table \"submission\" add constraint \"submission_period_id_foreign\" foreign key (\"period_id\") references \"period\" (\"id\") on update cascade;",
  "alter table \"survey_result\" add constraint \"survey_result_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade;",
  "alter table \"evaluator_assignment\" add constraint \"evaluator_assignment_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade;",
  "alter table \"evaluator_assignment\" add constraint \"evaluator_assignment_user_id_foreign\" foreign key (\"user_id\") references \"app_user\" (\"id\") on update cascade;",
  "alter table \"audit_event\" add constraint \"audit_event_actor_id_foreign\" foreign key (\"actor_id\") references \"app_user\" (\"id\") on update cascade on delete set null;",
  "alter table \"answer\" add constraint \"answer_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade;",
  "alter table \"answer\" add constraint \"answer_updated_by_id_foreign\" foreign key (\"updated_by_id\") references \"app_user\" (\"id\") on update cascade on delete set null;",
];
