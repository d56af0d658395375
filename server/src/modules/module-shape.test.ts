// Every server module has the same shape (issue #8, item 5): entities, service, resolver and types/inputs, or its
// README.md says under "## Shape" why a file is absent ("- no `entities.ts`: …"); resolvers run no queries.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MODULES = join(__dirname);
const modules = readdirSync(MODULES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** The files a module has, the absent ones with the reason its README gives. */
function shapeOf(m: string) {
  const files = new Set(readdirSync(join(MODULES, m)));
  const readme = existsSync(join(MODULES, m, 'README.md')) ? readFileSync(join(MODULES, m, 'README.md'), 'utf8') : '';
  const shape = readme.split(/^## Shape\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  // a list line naming it and the reason: "- no `entities.ts`: …", "- REST only: …, so no `resolver.ts` and no `types.ts` …"
  const explained = (file: string) => shape.split('\n').some((l) => l.startsWith('- ') && l.includes(`no \`${file}\``) && /:\s*\S/.test(l));
  return { files, explained };
}

describe('server module shape', () => {
  it('finds the modules', () => expect(modules.length).toBeGreaterThan(15));

  it.each(modules)('%s: entities, service, resolver and types/inputs, or the reason in README.md', (m) => {
    const { files, explained } = shapeOf(m);
    const missing = ['entities.ts', 'service.ts', 'resolver.ts'].filter((f) => !files.has(f) && !explained(f));
    if (!files.has('types.ts') && !files.has('inputs.ts') && !explained('types.ts')) missing.push('types.ts');
    expect(missing, `server/src/modules/${m}: add the files or explain under "## Shape" in its README.md`).toEqual([]);
  });

  it.each(modules)('%s: GraphQL shapes live in types.ts / inputs.ts, resolvers run no queries', (m) => {
    const resolvers = readdirSync(join(MODULES, m)).filter((f) => /(^|-)resolver\.ts$/.test(f));
    for (const f of resolvers) {
      const src = readFileSync(join(MODULES, m, f), 'utf8');
      expect(src, `${m}/${f} declares a GraphQL type`).not.toMatch(/@(ObjectType|InputType)\(/);
      expect(src, `${m}/${f} queries the database itself`).not.toMatch(
        /\bem\s*\.\s*(find\w*|count|create|persist\w*|flush|remove|native\w+|createQueryBuilder|qb|getConnection|getKnex|execute|upsert\w*|insert\w*|populate|transactional|map|getReference)\s*\(/,
      );
    }
  });
});
