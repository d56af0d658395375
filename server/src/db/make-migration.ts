/**
 * Writes a new migration into server/src/migrations: the difference between the entities and the schema the
 * existing migrations build (applied to a scratch SQLite file).
 *   npm run migration:create -w server -- --name short-name
 * Then add the new class to server/src/migrations/index.ts.
 *
 * MikroORM 6 on SQLite reports spurious differences (enum check constraints and foreign keys it cannot read
 * back), which it turns into "rebuild table" blocks. Blocks that rebuild a table into exactly the definition it
 * already has are dropped here, so the file only holds real changes. Only `up` is written: migrations run
 * forward on user data, never back.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/sqlite';
import { ormConfig } from './orm';

const norm = (sql: string) => sql.toLowerCase().replace(/["`]/g, '').replace(/\s+/g, ' ').replace(/;\s*$/, '').trim();

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-mig-'));
  const orm = await MikroORM.init(ormConfig(path.join(dir, 'scratch.sqlite')));
  try {
    const migrator = orm.getMigrator();
    await migrator.up();
    const conn = orm.em.getConnection();
    const existing = new Map<string, string>();
    for (const r of await conn.execute<{ type: string; name: string; sql: string | null }[]>("select type, name, sql from sqlite_master where sql is not null")) {
      existing.set(`${r.type}:${r.name}`, norm(r.sql!));
    }
    const diff = await orm.getSchemaGenerator().getUpdateSchemaMigrationSQL({ wrap: false, safe: false, dropTables: false });
    const statements = diff.up
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);

    // Drop rebuild blocks that recreate a table exactly as it is (and its indexes exactly as they are).
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
    const real = out.filter((s) => !/^pragma foreign_keys = (on|off);?$/i.test(s));
    if (!real.length) {
      console.log('Tidak ada perubahan skema.');
      return;
    }
    const nameIdx = process.argv.indexOf('--name');
    const suffix = nameIdx > 0 ? `_${process.argv[nameIdx + 1].replace(/\W+/g, '_')}` : '';
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const className = `Migration${stamp}${suffix}`;
    const target = path.resolve(__dirname, '..', '..', 'src', 'migrations', `${className}.ts`);
    const body = out.map((s) => `    this.addSql(${JSON.stringify(s)});`).join('\n');
    fs.writeFileSync(
      target,
      `import { Migration } from '@mikro-orm/migrations';\n\nexport class ${className} extends Migration {\n  override async up(): Promise<void> {\n${body}\n  }\n}\n`,
    );
    console.log(`Migrasi dibuat: ${path.relative(process.cwd(), target)} — tambahkan ke server/src/migrations/index.ts`);
  } finally {
    await orm.close(true);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
