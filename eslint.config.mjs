// ESLint for the whole repo (npm run lint). Rules that find bugs, not style: Prettier owns the layout
// (.prettierrc.json). import-x/no-cycle forbids runtime import cycles (type-only imports do not count). Two type-aware
// rules (promises not awaited or passed where a callback's result is ignored) run on the Node code: shared/, server/
// and test/ share one program (tsconfig.tests.json), so the types are built once; the SPA is left to vue-tsc.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', 'admin/src/graphql/generated.ts', 'server/src/migrations/**', 'test/e2e/.cache/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    files: ['**/*.{ts,mts,cts,vue,js,mjs,cjs}'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc's noUnusedLocals covers locals; this adds unused parameters/catch bindings only where a leading _ is missing.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // `any` is reviewed, not linted: the ORM and GraphQL edges need it in a few places.
      '@typescript-eslint/no-explicit-any': 'off',
      // Declaration merging (type-graphql enums, module augmentation) uses namespaces and empty interfaces.
      '@typescript-eslint/no-namespace': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      // Bugs, kept as errors.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unreachable-loop': 'error',
      'no-constant-binary-expression': 'error',
      'no-return-assign': 'error',
    },
  },
  {
    // Type-aware, on the Node code only: one TypeScript program for shared/, server/ and test/ (tsconfig.tests.json
    // includes all three), so the types are built once (about 25 s more CPU for a full lint). --cache re-lints only
    // changed files, so a local run can miss a caller whose callee became async; CI lints from scratch.
    files: ['shared/src/**/*.ts', 'server/src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.tests.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its rejection (an unhandled rejection ends the server) and its ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a void callback is expected (event handlers, forEach, Express middleware): its
      // rejection goes nowhere. Promises in conditions (always truthy) are bugs too.
      '@typescript-eslint/no-misused-promises': 'error',
      // `await` on a value that is no promise (a missed call, a sync function thought async).
      '@typescript-eslint/await-thenable': 'error',
      // A switch over a union (statuses, levels, roles) that forgets a member and has no default.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // MikroORM's double-underscore fields (__helper, __meta, __em, …) are private and change between versions: the
    // public API (wrap(), em.getMetadata(), …) says the same (issue #8, item 3).
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'MemberExpression[property.name=/^__/]', message: 'No private (__) fields: use the public MikroORM API (wrap(), em.getMetadata()).' },
      ],
    },
  },
  {
    // CommonJS entry points (shared/xlsx.js, the test TS register hook).
    files: ['**/*.cjs', 'shared/xlsx.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The SPA runs in the browser.
    files: ['admin/src/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Names of route views are single words (LoginView is 'login'); Vue's multi-word rule is about custom elements.
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    // No runtime import cycle anywhere (issue #8, item 3).
    files: ['**/*.{ts,vue,mjs}'],
    plugins: { 'import-x': importX },
    // import-x parses the imported files with these options too: the script of a .vue file is TypeScript.
    languageOptions: { parserOptions: { parser: '@typescript-eslint/parser', extraFileExtensions: ['.vue'] } },
    settings: {
      'import-x/extensions': ['.ts', '.vue', '.js', '.mjs'],
      // Each imported file is parsed by its own parser (a .ts importing a .vue component).
      'import-x/parsers': { 'vue-eslint-parser': ['.vue'], '@typescript-eslint/parser': ['.ts', '.mts', '.cts'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.tests.json', 'admin/tsconfig.json', 'server/tsconfig.json', 'shared/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      // Lazy route components (`() => import('@/views/X.vue')`) load after the router module has run: not a cycle at
      // module evaluation, so dynamic imports are left out.
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: true }],
    },
  },
);
