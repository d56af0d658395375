// The npm registry reachable here serves only linux-x64 builds of platform-specific optional packages
// (@swc/core-darwin-arm64 etc. answer 404), so `npm install` leaves them out of package-lock.json and
// `npm ci` then refuses the lock as "out of sync". This adds a bare optional entry for each missing one;
// `npm ci` accepts the lock and installs only the packages for this platform. Run after changing dependencies:
//   node scripts/lock-platform-optionals.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pk = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(pk)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (pk[nested] || pk[hoisted]) continue;
    pk[hoisted] = { version, ...(meta.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform-specific optional entries added`);
