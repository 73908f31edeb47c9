// Lint for ladder's own code: `npm run lint:code` (ESLint, then `prettier --check`).
// TypeScript is checked with typescript-eslint's type-aware recommended rules; the JavaScript
// entry points and scripts with ESLint's recommended rules.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'bench/.out/', 'test/fixtures/', 'test/golden/__golden__/'] },
  js.configs.recommended,
  {
    rules: {
      // ladder escapes control characters in data before they reach a terminal or a report: the
      // patterns that find them name those characters on purpose.
      'no-control-regex': 'off',
      // Invisible characters (zero-width joiner among them) are listed in classes as \u escapes, on purpose.
      'no-misleading-character-class': ['error', { allowEscape: true }],
    },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Unused names are errors, except the `_name` convention for a parameter a signature requires.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Template literals interpolate numbers (line, column, counts) everywhere in messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Values read from YAML are `unknown` by type; String() is how renderers show a scalar, and the
      // schema has rejected mappings and lists in those places before they are rendered.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests parse JSON output and index into it: `any` there is the point of the check.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // ...and casts a module or a parsed value to `any` to reach a field the type does not name.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
);
