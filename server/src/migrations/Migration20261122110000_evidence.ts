import { Migration } from '@mikro-orm/migrations';

/**
 * Evidence files (metadata; the bytes live under <dataDir>/evidence). `if not exists` keeps this migration
 * harmless should an earlier migration be regenerated to include these tables.
 */
export class Migration20261122110000_evidence extends Migration {
  override async up(): Promise<void> {
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
    this.addSql(`drop table if exists \`evidence_revision\`;`);
    this.addSql(`drop table if exists \`evidence\`;`);
  }
}
