import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printAppSchema, SCHEMA_FILE } from './schema';

describe('server/schema.graphql', () => {
  it('matches the schema of the code', async () => {
    const code = await printAppSchema();
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (committed !== code) {
      const a = committed.split('\n');
      const b = code.split('\n');
      const i = b.findIndex((line, n) => line !== a[n]);
      throw new Error(
        'server/schema.graphql is out of date with the code: run `npm run schema -w server` and commit the file.\n' +
          `First difference at line ${i + 1}:\n  committed: ${a[i] ?? '(end of file)'}\n  code:      ${b[i] ?? '(end of file)'}`,
      );
    }
    expect(committed).toBe(code);
  });
});
