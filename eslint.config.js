// Lint: typescript-eslint's recommended rules plus the rules that keep the packages and their
// layers apart (docs/CONTRIBUTING.md, "Layers"):
//   model ← neo4j ← seed ← api          web → model only          test → any package
// - no workspace reaches into another by a relative path: it imports the package by name, and
//   only what that package's `exports` map offers (never `@cangshan/x/src/...`);
// - model is pure: no other package, no Node built-ins, no driver (it runs in the browser too);
// - neo4j knows nothing of seed, api or web; seed nothing of api or web; api nothing of web;
// - web imports no server code and no driver;
// - only neo4j/ (and the benchmarks' raw-driver baseline) touches neo4j-driver.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const WORKSPACES = ['model', 'neo4j', 'seed', 'api', 'web', 'test'];

/** Relative paths into another workspace, and package names past its exports map. */
const deepImports = (self) => [
  ...WORKSPACES.filter((w) => w !== self).map((w) => ({
    group: [`**/${w}/src/**`, `**/${w}/src`, ...(w === 'test' ? ['**/test/support/**', '**/test/bench/**', '**/test/reliability/**'] : [])],
    message: `Import @cangshan/${w} by its package name, not by a relative path into ${w}/.`,
  })),
  { group: ['@cangshan/*/src', '@cangshan/*/src/**'], message: 'Import what the package exports (its package.json "exports"), not its files.' },
];

const forbid = (names, why) => ({ group: names, message: why });
const DRIVER = forbid(['neo4j-driver', 'neo4j-driver/**'], 'Only neo4j/ talks to the driver: use Db from @cangshan/neo4j.');

const layer = (ws, extra) => ({
  files: [`${ws}/**/*.{ts,tsx,js}`],
  rules: { 'no-restricted-imports': ['error', { patterns: [...deepImports(ws), ...extra] }] },
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'neo4j/runtime/**', '.data/**', '.bench/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer('model', [
    forbid(['@cangshan/*'], 'The model depends on no other package.'),
    forbid(['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net'], 'The model is pure: no I/O, no Node built-ins (the web bundles it).'),
    DRIVER,
  ]),
  layer('neo4j', [forbid(['@cangshan/seed', '@cangshan/seed/**', '@cangshan/api', '@cangshan/api/**', '@cangshan/web', '@cangshan/web/**'], 'neo4j/ is the bottom layer: it knows only the model.')]),
  layer('seed', [forbid(['@cangshan/api', '@cangshan/api/**', '@cangshan/web', '@cangshan/web/**'], 'seed/ knows the model and the database, not the API or the web.'), DRIVER]),
  layer('api', [forbid(['@cangshan/web', '@cangshan/web/**'], 'The API serves the built web app; it does not import it.'), DRIVER]),
  layer('web', [
    forbid(['@cangshan/neo4j', '@cangshan/neo4j/**', '@cangshan/seed', '@cangshan/seed/**', '@cangshan/api', '@cangshan/api/**'], 'The web talks to the API over GraphQL only; shared facts come from @cangshan/model.'),
    DRIVER,
  ]),
  layer('test', []),
  { files: ['test/**/*.{ts,tsx,js}'], ignores: ['test/bench/**'], rules: { 'no-restricted-imports': ['error', { patterns: [...deepImports('test'), DRIVER] }] } },
  // The API's rooms (api/src): cypher/ (shared Cypher: builders' helpers and fragments) ← context/
  // (the per-request context, loaders, read cache) ← capabilities/<name>/ (SDL, resolvers, builders
  // side by side) ← schema/ (the wiring) ← http/. Each room may not import the rooms that depend on
  // it. These blocks replace the `api` block's options for the files they match, so they repeat
  // its patterns. Tests (`__tests__`) keep the `api` block's rules only.
  ...[
    ['cypher', ['capabilities', 'context', 'schema', 'http'], 'cypher/ is Cypher text shared by the capabilities: it knows no request, resolver or wiring.'],
    ['context', ['capabilities', 'schema', 'http'], 'context/ serves every capability: it may use cypher/, errors/ and config, not a capability, the schema or HTTP.'],
    ['capabilities', ['schema', 'http'], 'A capability holds its SDL, resolvers and builders; the schema/ wiring imports it, not the other way round.'],
  ].map(([room, above, why]) => ({
    files: [`api/src/${room}/**/*.ts`],
    ignores: ['api/src/**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...deepImports('api'),
            forbid(['@cangshan/web', '@cangshan/web/**'], 'The API serves the built web app; it does not import it.'),
            DRIVER,
            forbid(above.map((r) => `**/${r}/**`), why),
          ],
        },
      ],
    },
  })),
);
