/**
 * What the schema generator would still change to make the database match the entities: the migration drift
 * check (db/schema-diff.test.ts) expects nothing, and `npm run migration:create` writes it into a migration.
 *
 * MikroORM 6 on SQLite reports spurious differences (enum check constraints and foreign keys it cannot read
 * back), which it turns into "rebuild table" blocks. Blocks that rebuild a table into exactly the definition it
 * already has (same CREATE TABLE, same indexes) are dropped here, so only real changes remain.
 */
import { isPostgres, type Orm } from './orm';

const norm = (sql: string) => sql.toLowerCase().replace(/["`]/g, '').replace(/\s+/g, ' ').replace(/;\s*$/, '').trim();

/** Statements the generator would run (SQLite no-op rebuilds removed). Empty = migrations match the entities. */
export async function pendingSchemaChanges(orm: Orm): Promise<string[]> {
  const diff = await orm.getSchemaGenerator().getUpdateSchemaMigrationSQL({ wrap: false, safe: false, dropTables: false });
  const statements = diff.up
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  if (isPostgres(orm)) return statements;

  const conn = orm.em.getConnection();
  const existing = new Map<string, string>();
  for (const r of await conn.execute<{ type: string; name: string; sql: string | null }[]>('select type, name, sql from sqlite_master where sql is not null')) {
    existing.set(`${r.type}:${r.name}`, norm(r.sql!));
  }
  const out: string[] = [];
  for (let i = 0; i < statements.length; i++) {
    const m = /^create table [`"]?(\w+)__temp_alter[`"]? /i.exec(statements[i]);
    if (!m) {
      out.push(statements[i]);
      continue;
    }
    const table = m[1];
    const block: string[] = [statements[i]];
    let j = i + 1;
    while (j < statements.length && !/^pragma foreign_keys = on/i.test(statements[j])) block.push(statements[j++]);
    const create = norm(statements[i].replace(`${table}__temp_alter`, table));
    const same =
      existing.get(`table:${table}`) === create &&
      block
        .filter((s) => /^create (unique )?index/i.test(s))
        .every((s) => {
          const name = /index [`"]?(\w+)[`"]?/i.exec(s)?.[1];
          return name !== undefined && existing.get(`index:${name}`) === norm(s);
        });
    if (same) {
      // also drop the "pragma foreign_keys = off" that opened the block
      if (out.length && /^pragma foreign_keys = off/i.test(out[out.length - 1])) out.pop();
      i = j; // skip up to and including the closing pragma
      const closing = statements[j] ?? '';
      const rest = closing.replace(/^pragma foreign_keys = on;\s*/i, '').trim();
      if (rest) out.push(rest);
    } else {
      out.push(...block);
      i = j - 1;
    }
  }
  return out.filter((s) => !/^pragma foreign_keys = (on|off);?$/i.test(s));
}
