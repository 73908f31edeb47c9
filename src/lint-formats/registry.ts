/** Lint report formats by name (the `--format` choices of `ladder lint`). */
import type { Formatter } from './types.js';
import type { LintFormat } from '../formats.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';

/** Keyed by the names in src/formats.ts: a formatter the CLI does not offer, or a name without one, fails to compile. */
export const FORMATTERS = { stylish, json, junit, sarif, github, gitlab } as const satisfies Record<LintFormat, Formatter>;
export type FormatName = LintFormat;
