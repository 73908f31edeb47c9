/** Lint report formats by name (the `--format` choices of `ladder lint`). */
import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';

export const FORMATTERS = { stylish, json, junit, sarif, github, gitlab } as const satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;
