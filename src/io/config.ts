/**
 * `.ladderrc.yaml`: found from the working directory upwards (or given with `--config`), validated
 * with schemas/config.schema.json. Every problem is a DataError naming file:line:column (exit 2).
 */
import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataError } from '../core/errors.js';
import { decodeText, parse } from '../core/yaml/index.js';
import { loaderMessages } from '../core/load.js';
import { messageText } from '../core/messages.js';
import { schemaFindings } from '../core/schema-errors.js';
import { didYouMean } from '../core/suggest.js';
import type { Severity } from '../core/lint/types.js';
import { displayPath } from './display.js';
import { ReadError, readRegularFile } from './read.js';
import { loadSchemaSupport } from './schemas.js';

export const CONFIG_NAMES = ['.ladderrc.yaml', '.ladderrc.yml'] as const;

/** A config file is a few lines; anything bigger is a mistake (and is not parsed). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LintConfig {
  /** As shown to users. */
  file: string;
  /** Rule id -> severity, in file order. */
  rules: Map<string, Severity>;
  /** `data:` resolved against the config file's directory. */
  data?: string;
}

/** The nearest config file in `cwd` or a parent directory, or null. */
export async function findConfig(cwd: string): Promise<string | null> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      // Whatever is there is the config: a FIFO or a directory under that name is refused by the reader.
      if (
        await fs.lstat(candidate).then(
          () => true,
          () => false,
        )
      )
        return candidate;
    }
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Reads the config (`explicit` path, else the nearest one). `knownRules` are the valid rule ids: an
 * unknown one is an error with the closest id suggested (null: not checked, for commands other than lint).
 */
export async function loadConfig(explicit: string | undefined, cwd: string, knownRules: readonly string[] | null): Promise<LintConfig | null> {
  const abs = explicit !== undefined ? resolve(cwd, explicit) : await findConfig(cwd);
  if (abs === null) return null;
  const file = displayPath(abs, cwd);
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(abs, MAX_CONFIG_BYTES);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    throw new DataError(e.reason === 'missing' ? `${file}: no such config file` : `${file}: ${e.message}; expected a YAML config file`);
  }
  const decoded = decodeText(bytes);
  if (!('text' in decoded)) throw new DataError(`${file}: ${messageText(loaderMessages, 'yaml-syntax', decoded.messageId, undefined)}`);
  const parsed = parse(decoded.text, file);
  const at = (line: number, column: number) => `${file}:${line}:${column}`;
  if (parsed.syntax.length) {
    const s = parsed.syntax[0];
    const p = parsed.locator.lines.position(s.start);
    throw new DataError(`${at(p.line, p.column)}: ${messageText(loaderMessages, 'yaml-syntax', s.messageId, s.data)}`);
  }
  const value = parsed.value ?? {};
  const schemas = await loadSchemaSupport();
  const errors = schemas.validate.config(value);
  if (errors) {
    const [first] = schemaFindings(file, value, errors, schemas.knownKeys('config'));
    if (first) {
      const p = parsed.locator.locate(first.path, first.at);
      throw new DataError(`${at(p.line, p.column)}: ${messageText(loaderMessages, 'schema', first.messageId, first.data)} (config file)`);
    }
    throw new DataError(`${file}: invalid config file`);
  }
  const v = value as { rules?: Record<string, Severity>; data?: string };
  const rules = new Map<string, Severity>();
  for (const id of Object.keys(v.rules ?? {})) {
    if (knownRules && !knownRules.includes(id)) {
      const p = parsed.locator.locate(['rules', id], 'key');
      throw new DataError(`${at(p.line, p.column)}: unknown rule \`${id}\`${didYouMean(id, knownRules)}`);
    }
    // `warning` (the word reports use) and `warn` (eslint's) are the same severity.
    const severity = v.rules![id] as string;
    rules.set(id, (severity === 'warning' ? 'warn' : severity) as Severity);
  }
  return { file, rules, data: v.data !== undefined ? resolve(dirname(abs), v.data) : undefined };
}
