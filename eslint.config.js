// Lint, with the layer rules of the architecture: each layer imports only what it may.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const officeGlobals = ['Office', 'Excel', 'Word', 'OfficeExtension'].map((name) => ({
  name,
  message: 'Office APIs live in src/office only.',
}));
const noDexie = { group: ['dexie', 'dexie-*'], message: 'Dexie lives in src/store only.' };
const noReact = { group: ['react', 'react-dom', '@fluentui/*'], message: 'React and Fluent live in src/ui and src/taskpane.' };
const layer = (name) => ({ group: [`**/${name}/**`, `../${name}/*`], message: `this layer may not import src/${name}.` });

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
      'no-restricted-imports': ['error', { patterns: [noDexie, noReact, layer('store'), layer('office'), layer('ui'), layer('sync'), layer('server'), layer('taskpane')] }],
    },
  },
  {
    files: ['src/store/**'],
    rules: {
      'no-restricted-globals': ['error', ...officeGlobals],
      'no-restricted-imports': ['error', { patterns: [noReact, layer('office'), layer('ui'), layer('server'), layer('taskpane')] }],
    },
  },
  {
    files: ['src/office/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noDexie, noReact, layer('store'), layer('ui'), layer('sync'), layer('server'), layer('taskpane')] }],
    },
  },
  {
    files: ['src/ui/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', ...officeGlobals],
      'no-restricted-imports': ['error', { patterns: [noDexie, layer('office'), layer('server'), layer('taskpane')] }],
    },
  },
  {
    // The read path (architecture.md): the hooks, and only they, read through dexie-react-hooks.
    files: ['src/ui/common/useLiveQuery.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ ...noDexie, group: [...noDexie.group, '!dexie-react-hooks'] }, layer('office'), layer('server'), layer('taskpane')] },
      ],
    },
  },
  {
    files: ['src/sync/**'],
    rules: {
      'no-restricted-globals': ['error', ...officeGlobals],
      'no-restricted-imports': ['error', { patterns: [noReact, layer('office'), layer('ui'), layer('server'), layer('taskpane')] }],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-globals': ['error', ...officeGlobals],
      'no-restricted-imports': ['error', { patterns: [noDexie, noReact, layer('store'), layer('office'), layer('ui'), layer('taskpane'), layer('sync')] }],
    },
  },
  {
    files: ['src/taskpane/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
