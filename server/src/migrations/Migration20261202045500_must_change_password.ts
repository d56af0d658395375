import { PortableMigration } from './portable';

export class Migration20261202045500_must_change_password extends PortableMigration {
  override async up(): Promise<void> {
    this.addDialectSql({
      sqlite: [
        "alter table `app_user` add column `must_change_password` integer not null default false;",
      ],
      postgresql: [
        "alter table \"app_user\" add column \"must_change_password\" boolean not null default false;",
      ],
    });
  }
}
