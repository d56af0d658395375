import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import id from '../../admin/src/i18n/locales/id';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const root = path.resolve(__dirname, '../../admin/src');
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p.includes(`${path.sep}locales`) ? [] : sources(p);
    return /\.(ts|vue)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !p.endsWith('generated.ts') ? [fs.readFileSync(p, 'utf8')] : [];
  });
}
/**
 * Every message key is used by the SPA: written out ('lke.save') or under a prefix the code completes at run time
 * (t('status.' + s), t(`levels.${l}`)); a key left behind by a removed screen fails here. (Node project: it reads admin/src.)
 */
it('every message key is used somewhere in the SPA', () => {
  const src = sources(root).join('\n');
  const prefixes = new Set<string>();
  for (const m of src.matchAll(/['"`]([a-zA-Z]\w*(?:\.\w+)*\.)['"`]\s*\+|`([a-zA-Z]\w*(?:\.\w+)*\.?\w*)\$\{/g)) prefixes.add(m[1] ?? m[2]);
  const unused = keys(id).filter((k) => ![`'${k}'`, `"${k}"`, `\`${k}\``].some((q) => src.includes(q)) && ![...prefixes].some((p) => k.startsWith(p)));
  expect(unused).toEqual([]);
});
