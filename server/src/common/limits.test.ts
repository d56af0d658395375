import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema, NoUnusedFragmentsRule, parse, specifiedRules, validate, type DefinitionNode, type DocumentNode } from 'graphql';
import { GRAPHQL_LIMITS, limitRules, parseOptions } from './limits';
import { REPO_ROOT } from '../config';

/** Every operation the SPA sends, with the SPA's fragments. */
function spaOperations(): { name: string; doc: DocumentNode; source: string }[] {
  const dir = path.join(REPO_ROOT, 'admin', 'src', 'graphql');
  const out: { name: string; doc: DocumentNode; source: string }[] = [];
  const files = fs.readdirSync(dir).filter((x) => x.endsWith('.graphql'));
  const parsed = files.map((f) => ({ f, source: fs.readFileSync(path.join(dir, f), 'utf8') })).map((x) => ({ ...x, all: parse(x.source) }));
  // codegen puts all files into one set of documents: a fragment may live in another file
  const fragments = parsed.flatMap((x) => x.all.definitions.filter((d) => d.kind === 'FragmentDefinition'));
  for (const { f, source, all } of parsed) {
    for (const d of all.definitions) {
      if (d.kind !== 'OperationDefinition') continue;
      const defs: DefinitionNode[] = [d, ...fragments];
      out.push({ name: `${f} ${d.name?.value ?? '(anonymous)'}`, doc: { kind: all.kind, definitions: defs } as DocumentNode, source });
    }
  }
  return out;
}

describe('GraphQL limits fit the real SPA operations', () => {
  const schema = buildSchema(fs.readFileSync(path.join(REPO_ROOT, 'server', 'schema.graphql'), 'utf8'));
  const ops = spaOperations();

  it('finds the SPA operations', () => {
    expect(ops.length).toBeGreaterThan(30);
  });

  it.each(ops.map((o) => [o.name, o] as const))('%s passes the token limit and the armor rules', (_name, op) => {
    expect(() => parse(op.source, parseOptions)).not.toThrow();
    expect(validate(schema, op.doc, [...specifiedRules.filter((r) => r !== NoUnusedFragmentsRule), ...limitRules()]).map((e) => e.message)).toEqual([]);
  });

  it('a refused document gets the BAD_USER_INPUT code from the rule', () => {
    const q = parse(`{ ${Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ')} }`);
    const errors = validate(schema, q, limitRules());
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
