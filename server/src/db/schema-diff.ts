/**
 * What the schema generator would still change to make the database match the entities: the migration drift
 * check (db/schema-diff.test.ts) expects nothing, and `npm run migration:create` writes it into a migration.
 *
 * MikroORM 6 on SQLite reports spurious differences (enum check constraints and foreign keys it cannot read
 * back), which it turns into "rebuild table" blocks. Blocks that rebuild a table into exactly the definition it
 * already has (same columns in any order, foreign keys, checks and indexes) are dropped here, so only real
 * changes remain (a column added with ALTER TABLE sits at the end of its table: not a change).
 */
import { isPostgres, type Orm } from './orm';

/** `check (…)` clauses of a CREATE TABLE statement (balanced parentheses), normalised and sorted. */
function checkClauses(sql: string): string[] {
  const out: string[] = [];
  const re = /check\s*\(/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sql))) {
    let depth = 1;
    let k = m.index + m[0].length;
    for (; k < sql.length && depth > 0; k++) depth += sql[k] === '(' ? 1 : sql[k] === ')' ? -1 : 0;
    out.push(norm(sql.slice(m.index, k)));
  }
  return out.sort();
}

/**
 * A SQLite table's definition independent of column order and formatting: columns (type, null, default, key),
 * foreign keys and check constraints. With `create`, the table is first built from that statement inside a
 * savepoint that is rolled back (to read the definition the generator proposes).
 */
async function sqliteTableShape(orm: Orm, table: string, create?: string): Promise<string> {
  const conn = orm.em.getConnection();
  if (create) {
    await conn.execute('savepoint pantau_shape');
    await conn.execute(create);
  }
  try {
    const q = (s: string) => s.replace(/`/g, '');
    const cols = await conn.execute<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[]>(
      `pragma table_xinfo(\`${q(table)}\`)`,
    );
    const fks = await conn.execute<{ table: string; from: string; to: string; on_update: string; on_delete: string }[]>(
      `pragma foreign_key_list(\`${q(table)}\`)`,
    );
    const [row] = await conn.execute<{ sql: string }[]>('select sql from sqlite_master where type = ? and name = ?', ['table', table]);
    return JSON.stringify({
      cols: cols.map((c) => [c.name, c.type.toLowerCase(), c.notnull, c.dflt_value, c.pk]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      fks: fks.map((f) => [f.from, f.table, f.to, f.on_update, f.on_delete].join(' ')).sort(),
      checks: row ? checkClauses(row.sql) : [],
    });
  } finally {
    if (create) {
      await conn.execute('rollback to pantau_shape');
      await conn.execute('release pantau_shape');
    }
  }
}

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
  const indexSql = new Map<string, string>();
  for (const r of await conn.execute<{ name: string; sql: string }[]>("select name, sql from sqlite_master where type = 'index' and sql is not null")) {
    indexSql.set(r.name, norm(r.sql));
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
    const same =
      (await sqliteTableShape(orm, table)) === (await sqliteTableShape(orm, `${table}__temp_alter`, statements[i])) &&
      block
        .filter((s) => /^create (unique )?index/i.test(s))
        .every((s) => {
          const name = /index [`"]?(\w+)[`"]?/i.exec(s)?.[1];
          return name !== undefined && indexSql.get(name) === norm(s);
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
