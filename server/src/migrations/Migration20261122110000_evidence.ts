import { PortableMigration } from './portable';

/**
 * Evidence files (metadata; the bytes live under <dataDir>/evidence). `if not exists` keeps this migration
 * harmless should an earlier migration be regenerated to include these tables.
 */
export class Migration20261122110000_evidence extends PortableMigration {
  override async up(): Promise<void> {
    if (this.dialect === 'postgresql') {
      for (const s of POSTGRESQL) this.addSql(s);
      return;
    }
    this.addSql(`create table if not exists \`evidence\` (\`id\` integer not null primary key autoincrement, \`submission_id\` integer not null, \`purpose\` text check (\`purpose\` in ('ANSWER', 'LHE', 'SPTJM', 'PREREQUISITE')) not null default 'ANSWER', \`soal_id\` integer null, \`level\` text check (\`level\` in ('SELF', 'KANWIL', 'TPI', 'TPN')) not null default 'SELF', \`title\` text null, \`description\` text null, \`current_revision\` integer not null default 1, \`created_by_id\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted\` integer not null default false, \`deleted_at\` datetime null, \`deleted_by_id\` integer null, constraint \`evidence_submission_id_foreign\` foreign key(\`submission_id\`) references \`submission\`(\`id\`) on update cascade, constraint \`evidence_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`evidence_deleted_by_id_foreign\` foreign key(\`deleted_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index if not exists \`evidence_submission_id_index\` on \`evidence\` (\`submission_id\`);`);
    this.addSql(`create index if not exists \`evidence_created_by_id_index\` on \`evidence\` (\`created_by_id\`);`);
    this.addSql(`create index if not exists \`evidence_deleted_by_id_index\` on \`evidence\` (\`deleted_by_id\`);`);
    this.addSql(`create index if not exists \`evidence_submission_id_soal_id_index\` on \`evidence\` (\`submission_id\`, \`soal_id\`);`);
    this.addSql(`create table if not exists \`evidence_revision\` (\`id\` integer not null primary key autoincrement, \`evidence_id\` integer not null, \`no\` integer not null, \`sha256\` text not null, \`size\` integer not null, \`mime_type\` text not null, \`file_name\` text not null, \`uploaded_by_id\` integer not null, \`uploaded_at\` datetime not null, constraint \`evidence_revision_evidence_id_foreign\` foreign key(\`evidence_id\`) references \`evidence\`(\`id\`) on update cascade, constraint \`evidence_revision_uploaded_by_id_foreign\` foreign key(\`uploaded_by_id\`) references \`app_user\`(\`id\`) on update cascade);`);
    this.addSql(`create index if not exists \`evidence_revision_evidence_id_index\` on \`evidence_revision\` (\`evidence_id\`);`);
    this.addSql(`create index if not exists \`evidence_revision_sha256_index\` on \`evidence_revision\` (\`sha256\`);`);
    this.addSql(`create index if not exists \`evidence_revision_uploaded_by_id_index\` on \`evidence_revision\` (\`uploaded_by_id\`);`);
    this.addSql(`create unique index if not exists \`evidence_revision_evidence_id_no_unique\` on \`evidence_revision\` (\`evidence_id\`, \`no\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists evidence_revision;`);
    this.addSql(`drop table if exists evidence;`);
  }
}

/** The same schema step on PostgreSQL (generated from the entities by the schema generator). */
const POSTGRESQL: readonly string[] = [
  "create table \"evidence\" (\"id\" serial primary key, \"submission_id\" int not null, \"purpose\" text check (\"purpose\" in ('ANSWER', 'LHE', 'SPTJM', 'PREREQUISITE')) not null default 'ANSWER', \"soal_id\" int null, \"level\" text check (\"level\" in ('SELF', 'KANWIL', 'TPI', 'TPN')) not null default 'SELF', \"title\" varchar(200) null, \"description\" text null, \"current_revision\" int not null default 1, \"created_by_id\" int not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"deleted\" boolean not null default false, \"deleted_at\" timestamptz null, \"deleted_by_id\" int null);",
  "create index \"evidence_submission_id_soal_id_index\" on \"evidence\" (\"submission_id\", \"soal_id\");",
  "create table \"evidence_revision\" (\"id\" serial primary key, \"evidence_id\" int not null, \"no\" int not null, \"sha256\" varchar(64) not null, \"size\" int not null, \"mime_type\" varchar(120) not null, \"file_name\" varchar(200) not null, \"uploaded_by_id\" int not null, \"uploaded_at\" timestamptz not null);",
  "create index \"evidence_revision_sha256_index\" on \"evidence_revision\" (\"sha256\");",
  "alter table \"evidence_revision\" add constraint \"evidence_revision_evidence_id_no_unique\" unique (\"evidence_id\", \"no\");",
  "alter table \"evidence\" add constraint \"evidence_submission_id_foreign\" foreign key (\"submission_id\") references \"submission\" (\"id\") on update cascade;",
  "alter table \"evidence\" add constraint \"evidence_created_by_id_foreign\" foreign key (\"created_by_id\") references \"app_user\" (\"id\") on update cascade;",
  "alter table \"evidence\" add constraint \"evidence_deleted_by_id_foreign\" foreign key (\"deleted_by_id\") references \"app_user\" (\"id\") on update cascade on delete set null;",
  "alter table \"evidence_revision\" add constraint \"evidence_revision_evidence_id_foreign\" foreign key (\"evidence_id\") references \"evidence\" (\"id\") on update cascade;",
  "alter table \"evidence_revision\" add constraint \"evidence_revision_uploaded_by_id_foreign\" foreign key (\"uploaded_by_id\") references \"app_user\" (\"id\") on update cascade;",
];
