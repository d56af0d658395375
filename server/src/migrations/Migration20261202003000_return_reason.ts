import { Migration } from '@mikro-orm/migrations';

/** The reason and time of a submission's latest return, readable by the unit (issue 14). */
export class Migration20261202003000_return_reason extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    const q = knex.schema.alterTable('submission', (t) => {
      t.text('return_reason').nullable();
      t.datetime('returned_at').nullable();
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }
}
