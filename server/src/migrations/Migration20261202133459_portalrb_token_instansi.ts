import { PortableMigration } from './portable';

/**
 * PortalRB tokens per instansi (issue 15 item 4): a token belongs to a Kanwil or to an instansi, so `kanwil_id`
 * becomes nullable and `instansi_id` is added. SQLite cannot drop a NOT NULL: the table is rebuilt (no table
 * references it) keeping every token, its id and the id sequence.
 */
export class Migration20261202133459_portalrb_token_instansi extends PortableMigration {
  override async up(): Promise<void> {
    this.addDialectSql({
      sqlite: [
        'pragma defer_foreign_keys = on;',
        'create table `portal_rb_token__new` (`id` integer not null primary key autoincrement, `kanwil_id` integer null, `token_hash` text not null, `prefix` text not null, `created_by_id` integer not null, `created_at` datetime not null, `revoked_at` datetime null, `instansi_id` integer null, constraint `portal_rb_token_kanwil_id_foreign` foreign key(`kanwil_id`) references `kanwil`(`id`) on delete set null on update cascade, constraint `portal_rb_token_created_by_id_foreign` foreign key(`created_by_id`) references `app_user`(`id`) on update cascade, constraint `portal_rb_token_instansi_id_foreign` foreign key(`instansi_id`) references `instansi`(`id`) on delete set null on update cascade);',
        'insert into `portal_rb_token__new` (`id`, `kanwil_id`, `token_hash`, `prefix`, `created_by_id`, `created_at`, `revoked_at`) select `id`, `kanwil_id`, `token_hash`, `prefix`, `created_by_id`, `created_at`, `revoked_at` from `portal_rb_token`;',
        'drop table `portal_rb_token`;',
        'alter table `portal_rb_token__new` rename to `portal_rb_token`;',
        'create index `portal_rb_token_kanwil_id_index` on `portal_rb_token` (`kanwil_id`);',
        'create unique index `portal_rb_token_token_hash_unique` on `portal_rb_token` (`token_hash`);',
        'create index `portal_rb_token_created_by_id_index` on `portal_rb_token` (`created_by_id`);',
        'create index `portal_rb_token_instansi_id_index` on `portal_rb_token` (`instansi_id`);',
      ],
      postgresql: [
        'alter table "portal_rb_token" drop constraint "portal_rb_token_kanwil_id_foreign";',
        'alter table "portal_rb_token" add column "instansi_id" int null;',
        'alter table "portal_rb_token" alter column "kanwil_id" drop not null;',
        'alter table "portal_rb_token" add constraint "portal_rb_token_instansi_id_foreign" foreign key ("instansi_id") references "instansi" ("id") on update cascade on delete set null;',
        'alter table "portal_rb_token" add constraint "portal_rb_token_kanwil_id_foreign" foreign key ("kanwil_id") references "kanwil" ("id") on update cascade on delete set null;',
      ],
    });
  }
}
