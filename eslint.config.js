// Lint, with the layer rules of the architecture: each layer imports only what it may.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const officeGlobals = ['Office', 'Excel', 'Word', 'OfficeExtension'].map((name) => ({
  name,
  message: 'Office APIs live in src/office only.',
}));
const noDexie = { group: ['dexie', 'dexie-*'], message: 'Dexie lives in src/store only.' };
const noReact = {
  group: ['react', 'react-dom', '@fluentui/*'],
  message: 'React and Fluent live in src/ui and src/taskpane.',
};
const layer = (name) => ({
  group: [`**/${name}/**`, `../${name}/*`],
  message: `this layer may not import src/${name}.`,
});
/**
 * The store through its door only (src/store/index.ts): the modules behind it are the store's own business.
 * One small side door, liveWait, lets the pane's start path wait for the store without loading it.
 */
const storeDoorOnly = {
  group: [
    '**/store/**',
    '../store/*',
    '!**/store/index',
    '!../store/index',
    '!**/store/liveWait',
    '!../store/liveWait',
  ],
  message: 'import the store through its door, src/store/index.ts.',
};
/** No module reaches its own layer through that layer's index (it would import itself in a circle). */
const ownIndex = {
  group: ['./index', './index.*', '../index', '../index.*'],
  message: 'import the module itself, not this layer through its index.',
};
/** src/sync uses the store's declared sync port (src/store/syncPort.ts), nothing else of the store. */
const syncPortOnly = {
  group: ['**/store/**', '../store/*', '!**/store/syncPort', '!../store/syncPort'],
  message: 'src/sync reaches the store through its sync port, src/store/syncPort.ts, only.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-globals': ['error', ...officeGlobals, { name: 'indexedDB', message: 'the domain is pure.' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDexie,
            noReact,
            layer('store'),
            layer('office'),
            layer('ui'),
            layer('sync'),
            layer('server'),
            layer('taskpane'),
            ownIndex,
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**'],
    rules: {
      'no-restricted-globals': ['error', ...officeGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noReact,
            layer('sync'),
            layer('office'),
            layer('ui'),
            layer('server'),
            layer('taskpane'),
            ownIndex,
          ],
        },
      ],
    },
  },
  {
    files: ['src/office/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDexie,
            noReact,
            layer('store'),
            layer('ui'),
            layer('sync'),
            layer('server'),
            layer('taskpane'),
            ownIndex,
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', ...officeGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDexie,
            storeDoorOnly,
            layer('sync'),
            layer('office'),
            layer('server'),
            layer('taskpane'),
            ownIndex,
          ],
        },
      ],
    },
  },
  {
    files: ['src/sync/**'],
    rules: {
      'no-restricted-globals': ['error', ...officeGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [noReact, syncPortOnly, layer('office'), layer('ui'), layer('server'), layer('taskpane'), ownIndex],
        },
      ],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-globals': ['error', ...officeGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDexie,
            noReact,
            layer('store'),
            layer('office'),
            layer('ui'),
            layer('taskpane'),
            layer('sync'),
            ownIndex,
          ],
        },
      ],
    },
  },
  {
    // The composition root: it wires the store, sync and the Office adapters, but names Office only
    // through src/office (the ribbon's function file, its own boot file, waits for Office itself).
    files: ['src/taskpane/**'],
    ignores: ['src/taskpane/commands.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', ...officeGlobals],
      'no-restricted-imports': ['error', { patterns: [storeDoorOnly, noDexie, layer('server'), ownIndex] }],
    },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Style belongs to Prettier (npm test checks it): the rules it owns are off here.
  prettier,
);
