// ESLint: JavaScript's and typescript-eslint's recommended rules everywhere, and Lit's and the web-component
// rules (eslint-plugin-lit, eslint-plugin-wc) on the element's code. Prettier formats (`npm run format`).
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.test-toolchains/',
      '.test-results/',
      'test/frameworks/**/dist/',
      'test/frameworks/next/.next/',
      'test/frameworks/next/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a parameter a signature needs and the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A variable a closure reads before its one assignment cannot be const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Augmenting a library's JSX namespace (React's) takes a namespace declaration.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    // Prettier wraps code at 140 columns but not comments, markup or strings: a sentence stays whole.
    files: ['src/**/*.ts'],
    rules: { 'max-len': ['error', { code: 140, ignoreStrings: true, ignoreUrls: true, ignoreRegExpLiterals: true }] },
  },
);
