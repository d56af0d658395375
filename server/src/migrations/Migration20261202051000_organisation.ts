import { PortableMigration } from './portable';

/**
 * Issue 15, step 1: the organisation after the 2024 reorganisation (DOMAIN §10).
 *  - instansi (ministry) → eselon_unit (Ditjen, Itjen, …) → kanwil (instansi, optional Eselon I unit, kind) → satker;
 *  - satker lineage (predecessor, valid from/until) and the kind KANWIL (the Kanwil office as a ZI unit);
 *  - predicate_history.awarded_by (TPN or the instansi's own team, TPM);
 *  - role_assignment scoped to an instansi or an Eselon I unit.
 * Existing data is kept: one default instansi (code INSTANSI, id 1) is created and every existing Kanwil becomes
 * its Kanwil (kind OTHER). On SQLite the kanwil and satker tables are rebuilt (a NOT NULL foreign key and a changed
 * enum check cannot be added with ALTER TABLE); see sqliteRebuild for how the rows that point at them are kept.
 */
export class Migration20261202051000_organisation extends PortableMigration {
  override async up(): Promise<void> {
    if (this.dialect === 'postgresql') return this.upPostgres();
    return this.upSqlite();
  }

  private upPostgres(): void {
    for (const s of [
      'create table "instansi" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(200) not null, "created_at" timestamptz not null);',
      'alter table "instansi" add constraint "instansi_code_unique" unique ("code");',
      `insert into "instansi" ("code", "name", "created_at") values ('INSTANSI', 'Instansi bawaan', now());`,
      'create table "eselon_unit" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(200) not null, "instansi_id" int not null, "created_at" timestamptz not null);',
      'alter table "eselon_unit" add constraint "eselon_unit_code_unique" unique ("code");',
      'alter table "eselon_unit" add constraint "eselon_unit_instansi_id_foreign" foreign key ("instansi_id") references "instansi" ("id") on update cascade;',
      'alter table "kanwil" add column "instansi_id" int null, add column "eselon_id" int null, add column "kind" text check ("kind" in (\'KEMENTERIAN\', \'DITJEN\', \'OTHER\')) not null default \'OTHER\';',
      `update "kanwil" set "instansi_id" = (select min("id") from "instansi");`,
      'alter table "kanwil" alter column "instansi_id" set not null;',
      'alter table "kanwil" add constraint "kanwil_instansi_id_foreign" foreign key ("instansi_id") references "instansi" ("id") on update cascade;',
      'alter table "kanwil" add constraint "kanwil_eselon_id_foreign" foreign key ("eselon_id") references "eselon_unit" ("id") on update cascade on delete set null;',
      'alter table "satker" drop constraint if exists "satker_kind_check";',
      'alter table "satker" add column "predecessor_id" int null, add column "valid_from" varchar(10) null, add column "valid_until" varchar(10) null;',
      'alter table "satker" add constraint "satker_predecessor_id_foreign" foreign key ("predecessor_id") references "satker" ("id") on update cascade on delete set null;',
      'alter table "satker" add constraint "satker_kind_check" check("kind" in (\'KANIM\', \'RUTAN\', \'LAPAS\', \'RUDENIM\', \'BAPAS\', \'LPKA\', \'RUPBASAN\', \'KANWIL\', \'OTHER\'));',
      'alter table "predicate_history" add column "awarded_by" text check ("awarded_by" in (\'TPN\', \'TPM\')) not null default \'TPN\';',
      'alter table "role_assignment" add column "instansi_id" int null, add column "eselon_id" int null;',
      'alter table "role_assignment" add constraint "role_assignment_instansi_id_foreign" foreign key ("instansi_id") references "instansi" ("id") on update cascade on delete set null;',
      'alter table "role_assignment" add constraint "role_assignment_eselon_id_foreign" foreign key ("eselon_id") references "eselon_unit" ("id") on update cascade on delete set null;',
    ])
      this.addSql(s);
  }

  private async upSqlite(): Promise<void> {
    const now = Date.now();
    for (const s of [
      'create table `instansi` (`id` integer not null primary key autoincrement, `code` text not null, `name` text not null, `created_at` datetime not null);',
      'create unique index `instansi_code_unique` on `instansi` (`code`);',
      `insert into \`instansi\` (\`code\`, \`name\`, \`created_at\`) values ('INSTANSI', 'Instansi bawaan', ${now});`,
      'create table `eselon_unit` (`id` integer not null primary key autoincrement, `code` text not null, `name` text not null, `instansi_id` integer not null, `created_at` datetime not null, constraint `eselon_unit_instansi_id_foreign` foreign key(`instansi_id`) references `instansi`(`id`) on update cascade);',
      'create unique index `eselon_unit_code_unique` on `eselon_unit` (`code`);',
      'create index `eselon_unit_instansi_id_index` on `eselon_unit` (`instansi_id`);',
    ])
      this.addSql(s);
    await this.sqliteRebuild(
      'kanwil',
      [
        "create table `kanwil` (`id` integer not null primary key autoincrement, `code` text not null, `name` text not null, `created_at` datetime not null, `instansi_id` integer not null, `eselon_id` integer null, `kind` text check (`kind` in ('KEMENTERIAN', 'DITJEN', 'OTHER')) not null default 'OTHER', constraint `kanwil_instansi_id_foreign` foreign key(`instansi_id`) references `instansi`(`id`) on update cascade, constraint `kanwil_eselon_id_foreign` foreign key(`eselon_id`) references `eselon_unit`(`id`) on delete set null on update cascade);",
        'create unique index `kanwil_code_unique` on `kanwil` (`code`);',
        'create index `kanwil_instansi_id_index` on `kanwil` (`instansi_id`);',
        'create index `kanwil_eselon_id_index` on `kanwil` (`eselon_id`);',
      ],
      ['id', 'code', 'name', 'created_at'],
      { instansi_id: '(select min(`id`) from `instansi`)' },
    );
    await this.sqliteRebuild(
      'satker',
      [
        "create table `satker` (`id` integer not null primary key autoincrement, `code` text not null, `name` text not null, `kind` text check (`kind` in ('KANIM', 'RUTAN', 'LAPAS', 'RUDENIM', 'BAPAS', 'LPKA', 'RUPBASAN', 'KANWIL', 'OTHER')) not null, `division` text null, `kanwil_id` integer not null, `created_at` datetime not null, `predecessor_id` integer null, `valid_from` text null, `valid_until` text null, constraint `satker_kanwil_id_foreign` foreign key(`kanwil_id`) references `kanwil`(`id`) on update cascade, constraint `satker_predecessor_id_foreign` foreign key(`predecessor_id`) references `satker`(`id`) on delete set null on update cascade);",
        'create unique index `satker_code_unique` on `satker` (`code`);',
        'create index `satker_kanwil_id_index` on `satker` (`kanwil_id`);',
        'create index `satker_predecessor_id_index` on `satker` (`predecessor_id`);',
      ],
      ['id', 'code', 'name', 'kind', 'division', 'kanwil_id', 'created_at'],
    );
    for (const s of [
      "alter table `predicate_history` add column `awarded_by` text check (`awarded_by` in ('TPN', 'TPM')) not null default 'TPN';",
      'alter table `role_assignment` add column `instansi_id` integer null constraint `role_assignment_instansi_id_foreign` references `instansi` (`id`) on update cascade on delete set null;',
      'alter table `role_assignment` add column `eselon_id` integer null constraint `role_assignment_eselon_id_foreign` references `eselon_unit` (`id`) on update cascade on delete set null;',
      'create index `role_assignment_instansi_id_index` on `role_assignment` (`instansi_id`);',
      'create index `role_assignment_eselon_id_index` on `role_assignment` (`eselon_id`);',
    ])
      this.addSql(s);
  }
}
