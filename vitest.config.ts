import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const sharedSrc = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));

// esbuild emits no decorator metadata (type-graphql and MikroORM need it): compile TS with swc instead.
export default defineConfig({
  plugins: [swc.vite({ jsc: { target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true } } })],
  // vitest 4 runs on vite 8, whose default TS transform (oxc) would run first and drop decorator metadata
  oxc: false,
  resolve: { alias: [{ find: /^@pantau\/shared$/, replacement: sharedSrc }] },
  test: {
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
