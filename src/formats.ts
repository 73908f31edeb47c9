/**
 * The names of every output format, in one place. Each list feeds both commander's `--format`
 * choices (src/cli/program.ts) and the table that maps a name to its code, which is declared
 * `satisfies Record<Name, …>` so a name without code, or code without a name, does not compile.
 * This module has no imports: the CLI reads it before it loads any command.
 */

/** `list`, `show`, `diff`, `gap`. */
export const VIEW_FORMATS = ['table', 'json', 'markdown'] as const;
export type ViewFormat = (typeof VIEW_FORMATS)[number];

/** `lint --format`; the formatters are in src/lint-formats/registry.ts. */
export const LINT_FORMATS = ['stylish', 'json', 'junit', 'sarif', 'github', 'gitlab'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** `export --format`; the writers are in src/cli/commands/export.ts. */
export const EXPORT_FORMATS = ['markdown', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
