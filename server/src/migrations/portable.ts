import { Migration } from '@mikro-orm/migrations';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

export type Dialect = 'sqlite' | 'postgresql';

/**
 * A migration that runs on both databases (see README.md here): the SQL for each dialect, as the schema generator
 * wrote it (`npm run migration:create -w server`), or dialect-neutral statements from the knex schema builder.
 */
export abstract class PortableMigration extends Migration {
  /** The database this migration is running on. */
  protected get dialect(): Dialect {
    return this.driver.getPlatform() instanceof PostgreSqlPlatform ? 'postgresql' : 'sqlite';
  }

  /** Adds the statements written for the current dialect. */
  protected addDialectSql(sql: Record<Dialect, readonly string[]>): void {
    for (const s of sql[this.dialect]) this.addSql(s);
  }
}
