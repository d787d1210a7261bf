// Lint: typescript-eslint's recommended rules plus the house rules that keep the layers apart
// (ARCHITECTURE.md: neo4j/ imports neither api nor seed; web/ imports no server code).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
  {
    files: ['neo4j/src/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@cangshan/api*', '@cangshan/seed*', '**/api/src/**', '**/seed/src/**'] }] },
  },
  {
    files: ['web/src/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@cangshan/api*', '@cangshan/seed*', '@cangshan/neo4j*', 'neo4j-driver', '**/api/src/**', '**/seed/src/**', '**/neo4j/src/**'] }] },
  },
);
