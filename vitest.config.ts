import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const sharedSrc = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));
const adminSrc = fileURLToPath(new URL('./admin/src/', import.meta.url));
const adminAlias = { find: /^@\//, replacement: adminSrc };
const sharedAlias = { find: /^@pantau\/shared$/, replacement: sharedSrc };
// The Node-only .xlsx edge of shared (exceljs), a separate entry so the SPA never bundles it.
const sharedXlsxAlias = { find: /^@pantau\/shared\/xlsx$/, replacement: fileURLToPath(new URL('./shared/src/workbook/xlsx.ts', import.meta.url)) };
// graphql-armor's ESM builds import graphql's .mjs files, while type-graphql (CJS) requires graphql's .js ones: two
// graphql "realms" in one process ("Cannot use GraphQLObjectType from another module or realm", GraphQLErrors that
// are not instanceof GraphQLError). Node (server/dist, CJS) loads the CJS builds; make vitest do the same.
const requireFromServer = createRequire(fileURLToPath(new URL('./server/package.json', import.meta.url)));
const armorCjs = ['cost-limit', 'max-aliases', 'max-depth', 'max-directives'].map((rule) => ({
  find: new RegExp(`^@escape\\.tech/graphql-armor-${rule}$`),
  replacement: requireFromServer.resolve(`@escape.tech/graphql-armor-${rule}`),
}));

export default defineConfig({
  test: {
    projects: [
      {
        // esbuild emits no decorator metadata (type-graphql and MikroORM need it): compile TS with swc instead.
        plugins: [swc.vite({ jsc: { target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true } } })],
        // '@/' for the SPA modules that the parity test runs in Node (test/api/lke-parity.api.test.ts).
        resolve: { alias: [sharedAlias, sharedXlsxAlias, ...armorCjs, adminAlias] },
        test: {
          name: 'node',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/e2e/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        // The admin SPA: Vue single-file components in a simulated DOM.
        plugins: [vue()],
        resolve: { alias: [sharedAlias, adminAlias] },
        test: {
          name: 'admin',
          include: ['admin/src/**/*.test.ts'],
          environment: 'happy-dom',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Browser tests: headless Chromium against the built SPA served by a real server on a temp database.
        plugins: [swc.vite({ jsc: { target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true } } })],
        resolve: { alias: [sharedAlias, sharedXlsxAlias, ...armorCjs] },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
