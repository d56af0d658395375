import { Migration } from '@mikro-orm/migrations';

/** Database-backed rate-limit windows: login attempts, password changes, PortalRB requests (issue 9). */
export class Migration20261202011500_rate_limit extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    const q = knex.schema.createTable('rate_limit_counter', (t) => {
      t.string('counter_key', 255).notNullable().primary();
      t.integer('points').notNullable();
      t.bigInteger('expires_at').notNullable().index('rate_limit_counter_expires_at_index');
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }
}
