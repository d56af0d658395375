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

  /**
   * Rebuilds a SQLite table inside the migration transaction (where `pragma foreign_keys = off` has no effect).
   * Dropping a parent table runs an implicit DELETE: with deferred foreign keys the rows that point at it stay
   * valid once the rows are inserted again, but ON DELETE SET NULL / CASCADE actions would fire on them. So the
   * references of every such child column (found from the schema, whichever migration added it) are saved first
   * and written back after; a CASCADE child would lose rows, so its rows are saved whole and inserted again.
   * `create` holds the table's CREATE TABLE (under its own name) and its indexes; `keep` the columns copied over;
   * `after` runs once the rows are back (triggers).
   */
  protected async sqliteRebuild(table: string, create: string[], keep: string[], fill: Record<string, string> = {}, after: string[] = []): Promise<void> {
    const children: { table: string; column: string; action: string }[] = [];
    const tables = await this.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'");
    for (const t of tables as { name: string }[]) {
      if (t.name === table) continue;
      const fks = (await this.execute(`pragma foreign_key_list(\`${t.name}\`)`)) as { table: string; from: string; on_delete: string }[];
      for (const fk of fks)
        if (fk.table === table && fk.on_delete !== 'NO ACTION' && fk.on_delete !== 'RESTRICT')
          children.push({ table: t.name, column: fk.from, action: fk.on_delete });
    }
    const cascades = [...new Set(children.filter((c) => c.action === 'CASCADE').map((c) => c.table))];
    const seq = (await this.execute('select seq from sqlite_sequence where name = ?', [table])) as { seq: number }[];
    const q = (s: string) => `\`${s}\``;
    this.addSql('pragma defer_foreign_keys = on;');
    children.forEach((c, i) => {
      if (c.action !== 'CASCADE')
        this.addSql(
          `create table ${q(`pantau_keep_${i}`)} as select \`id\` as kid, ${q(c.column)} as kval from ${q(c.table)} where ${q(c.column)} is not null;`,
        );
    });
    cascades.forEach((t, i) => this.addSql(`create table ${q(`pantau_rows_${i}`)} as select * from ${q(t)};`));
    this.addSql(`create table ${q(`${table}__old`)} as select * from ${q(table)};`);
    this.addSql(`drop table ${q(table)};`);
    for (const s of create) this.addSql(s);
    const cols = [...keep, ...Object.keys(fill)];
    this.addSql(
      `insert into ${q(table)} (${cols.map(q).join(', ')}) select ${[...keep.map(q), ...Object.values(fill)].join(', ')} from ${q(`${table}__old`)};`,
    );
    this.addSql(`drop table ${q(`${table}__old`)};`);
    for (const s of after) this.addSql(s); // e.g. triggers: not fired by the copied rows
    if (seq.length) this.addSql(`update sqlite_sequence set seq = max(seq, ${Number(seq[0].seq)}) where name = '${table}';`);
    cascades.forEach((t, i) => {
      this.addSql(`insert or ignore into ${q(t)} select * from ${q(`pantau_rows_${i}`)};`);
      this.addSql(`drop table ${q(`pantau_rows_${i}`)};`);
    });
    children.forEach((c, i) => {
      if (c.action === 'CASCADE') return;
      const k = q(`pantau_keep_${i}`);
      this.addSql(`update ${q(c.table)} set ${q(c.column)} = (select kval from ${k} where kid = ${q(c.table)}.\`id\`) where \`id\` in (select kid from ${k});`);
      this.addSql(`drop table ${k};`);
    });
  }

  /**
   * Widens enum checks of a SQLite table by rebuilding it from the schema it has NOW (sqlite_master): its CREATE
   * TABLE with each named column's `check (col in (…))` replaced, then its indexes and triggers as they were. Reading
   * the live schema keeps columns, indexes and triggers that later migrations added, whichever order a database
   * applied them in. Rows and the rows pointing at them are kept by sqliteRebuild.
   */
  protected async sqliteWidenChecks(table: string, checks: Record<string, readonly string[]>): Promise<void> {
    const q = (s: string) => `\`${s}\``;
    const rows = (await this.execute('select type, sql from sqlite_master where tbl_name = ? and sql is not null', [table])) as { type: string; sql: string }[];
    let create = rows.find((r) => r.type === 'table')?.sql;
    if (!create) throw new Error(`migration: table ${table} not found`);
    for (const [column, values] of Object.entries(checks)) {
      const re = new RegExp(`check \\(\`${column}\` in \\([^)]*\\)\\)`);
      if (!re.test(create)) throw new Error(`migration: no enum check on ${table}.${column}`);
      create = create.replace(re, `check (${q(column)} in (${values.map((v) => `'${v}'`).join(', ')}))`);
    }
    const columns = ((await this.execute(`pragma table_info(${q(table)})`)) as { name: string }[]).map((c) => c.name);
    const of = (type: string) => rows.filter((r) => r.type === type).map((r) => `${r.sql};`);
    await this.sqliteRebuild(table, [`${create};`, ...of('index')], columns, {}, of('trigger'));
  }
}
