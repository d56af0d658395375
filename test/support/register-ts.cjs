// Runs the server's TypeScript sources in a plain `node` child process (tests that need several real server
// processes): `node -r ./test/support/register-ts.cjs server/src/main.ts`. Compiles with swc like vitest does
// (decorator metadata for type-graphql and MikroORM) and resolves @pantau/shared to its sources.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..');
const sharedSrc = path.join(root, 'shared', 'src', 'index.ts');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === '@pantau/shared') return sharedSrc;
  try {
    return resolve.call(this, request, parent, ...rest);
  } catch (e) {
    if ((request.startsWith('.') || path.isAbsolute(request)) && parent?.filename) {
      const base = path.resolve(path.dirname(parent.filename), request);
      for (const f of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(f)) return f;
    }
    throw e;
  }
};
require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      target: 'es2022',
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs', ignoreDynamic: true },
  });
  module._compile(code, filename);
};
