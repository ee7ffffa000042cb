// One lint run for the whole tree: typescript-eslint's strict type-checked rules, the React hooks
// rules (with the React Compiler checks) for the dashboard, and the import boundaries of the layers
// described in README.md ("Architektur"). Formatting is Prettier's alone (npm run format:check).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';

/** Layers and who may import whom; a layer may always import itself. */
const layers = {
  shared: [],
  'server-lib': ['shared'],
  'server-db': ['shared', 'server-lib'],
  'server-repositories': ['shared', 'server-lib', 'server-db'],
  // Outgoing mail: rendering, the outbox (a table) and the SMTP sender.
  'server-mail': ['shared', 'server-lib', 'server-db', 'server-repositories'],
  'server-seed': ['shared', 'server-lib', 'server-db', 'server-repositories'],
  'server-services': ['shared', 'server-lib', 'server-db', 'server-repositories', 'server-mail'],
  'server-plugins': [
    'shared',
    'server-lib',
    'server-db',
    'server-repositories',
    'server-mail',
    'server-seed',
    'server-services',
  ],
  'server-routes': ['shared', 'server-lib', 'server-repositories', 'server-services', 'server-plugins'],
  'server-app': [
    'shared',
    'server-lib',
    'server-db',
    'server-mail',
    'server-plugins',
    'server-routes',
    'server-services',
    'server-seed',
  ],
  'server-test': ['shared', 'server-*', 'scripts'],
  scripts: ['shared', 'server-*'],
  'client-lib': ['shared'],
  'client-api': ['shared', 'client-lib'],
  'client-charts': ['shared', 'client-lib'],
  'client-components': ['shared', 'client-lib', 'client-api', 'client-charts'],
  'client-main': ['shared', 'client-*'],
  // The journeys check the dashboard's own figure shaping against the API (figures-agree.test.ts).
  'client-e2e': ['shared', 'scripts', 'client-lib'],
};

export default defineConfig(
  {
    ignores: ['**/node_modules/', '**/dist/', 'coverage/', 'client/public/sw.js', 'client/build/sw-template.js'],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Template literals with numbers are how German text with figures is built ("3 Ziele"); booleans and
      // nullables are still refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Fastify route handlers are async by contract even when they answer synchronously.
      '@typescript-eslint/require-await': 'off',
      // `void promise` marks a deliberately unawaited promise (React Query prefetch, event handlers).
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `const { secret, ...rest } = row` is how a field is left out of an answer.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    // The contract runs in Node and in the browser alike: no Node, DOM or framework APIs in it.
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod(/|$)|\\.{1,2}/|@zielmonitor/shared/)',
              message: 'shared/ imports only zod and itself',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['shared/**', 'server/**', 'client/**', 'scripts/**'],
      // First match wins: the specific folders before the package roots they sit in.
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared' },
        { type: 'server-lib', pattern: 'server/src/lib' },
        { type: 'server-db', pattern: 'server/src/db' },
        { type: 'server-repositories', pattern: 'server/src/repositories' },
        { type: 'server-mail', pattern: 'server/src/mail' },
        { type: 'server-seed', pattern: 'server/src/seed' },
        { type: 'server-services', pattern: 'server/src/services' },
        { type: 'server-plugins', pattern: 'server/src/plugins' },
        { type: 'server-routes', pattern: 'server/src/routes' },
        { type: 'server-app', pattern: 'server/src' },
        { type: 'server-test', pattern: 'server/test' },
        { type: 'scripts', pattern: 'scripts' },
        { type: 'client-lib', pattern: 'client/src/lib' },
        { type: 'client-api', pattern: 'client/src/api' },
        { type: 'client-charts', pattern: 'client/src/components/charts' },
        { type: 'client-components', pattern: 'client/src/components' },
        { type: 'client-feature', pattern: 'client/src/features/*', capture: ['feature'] },
        { type: 'client-main', pattern: 'client/src' },
        { type: 'client-e2e', pattern: 'client/e2e' },
        { type: 'client-config', pattern: 'client' },
      ],
      'boundaries/files': [{ category: 'server-config', pattern: 'server/src/config.ts' }],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...Object.entries(layers).map(([from, to]) => ({
              from: { element: { type: from } },
              allow: { to: { element: { types: { anyOf: [from, ...to] } } } },
            })),
            // The configuration (the one reader of process.env, and the repository root) is a leaf every server layer may read.
            {
              from: { element: { type: 'server-*' } },
              allow: { to: { file: { categories: 'server-config' } } },
            },
            // A feature uses the shared layers and its own files, never another feature's internals.
            {
              from: { element: { type: 'client-feature' } },
              allow: {
                to: {
                  element: {
                    types: { anyOf: ['shared', 'client-lib', 'client-api', 'client-charts', 'client-components'] },
                  },
                },
              },
            },
            {
              from: { element: { type: 'client-feature' } },
              allow: {
                to: {
                  element: { type: 'client-feature', captured: { feature: '{{ from.element.captured.feature }}' } },
                },
              },
            },
          ],
        },
      ],
      // Every linted file belongs to a layer.
      'boundaries/no-unknown-files': 'error',
    },
  },
);
