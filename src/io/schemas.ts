/**
 * Provides the schema validators: the standalone module generated at build time (fast start-up),
 * or, when running from sources, the schemas compiled with ajv at run time.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { keysAt, type SchemaError, type SchemaKind, type SchemaSupport, type Validate } from '../core/schema-errors.js';

const KINDS: SchemaKind[] = ['family', 'skills', 'profile', 'config'];
// Written this way, the bundle carries the generated validators (scripts/build-bundle.js).
const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_DIR = join(here, '..', '..', 'schemas');

/** The schemas of ladder `version` as published with the package on npm, served by unpkg. */
export function publishedSchemaDir(version: string): string {
  return `https://unpkg.com/career-ladder-cli@${version}/schemas`;
}

/**
 * The project a directory belongs to: the nearest directory upwards (itself included) with a `.git`,
 * else the nearest with a `package.json`, else the directory itself. `dir` need not exist yet.
 */
export function projectRoot(dir: string, exists: (path: string) => boolean = existsSync): string {
  for (const marker of ['.git', 'package.json']) {
    for (let d = dir; ; d = dirname(d)) {
      if (exists(join(d, marker))) return d;
      if (dirname(d) === d) break;
    }
  }
  return dir;
}

/**
 * What a `# yaml-language-server: $schema=` line of a file written in `dir` names as the schema
 * directory: the relative path to the installed schemas when ladder is installed inside the project
 * of `dir` (a dev dependency, or ladder's own clone), which works in every clone of that project;
 * otherwise (ladder run by npx from its cache, or installed globally) the published schemas' address,
 * never a path of this machine. With `/` on every system. `version` is ladder's (src/cli/version.ts).
 */
export function schemaDirReference(dir: string, version: string, schemaDir: string = SCHEMA_DIR, exists: (path: string) => boolean = existsSync): string {
  const inRoot = relative(projectRoot(dir, exists), schemaDir);
  if (inRoot === '..' || inRoot.startsWith(`..${sep}`) || isAbsolute(inRoot)) return publishedSchemaDir(version);
  return relative(dir, schemaDir).split(sep).join('/') || '.';
}

type Compiled = ((v: unknown) => boolean) & { errors?: SchemaError[] | null };
let cached: SchemaSupport | undefined;

export async function loadSchemaSupport(): Promise<SchemaSupport> {
  if (cached) return cached;
  let compiled: Record<SchemaKind, Compiled>;
  let schemas: Record<SchemaKind, unknown>;
  try {
    const mod = require('../validators.cjs') as Record<SchemaKind, Compiled> & { schemas: Record<SchemaKind, unknown> };
    compiled = mod;
    schemas = mod.schemas;
  } catch {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    // Editor help (yaml-language-server) in the schemas: not a validation keyword.
    ajv.addKeyword('markdownDescription');
    schemas = Object.fromEntries(KINDS.map((k) => [k, JSON.parse(readFileSync(join(SCHEMA_DIR, `${k}.schema.json`), 'utf8'))])) as Record<SchemaKind, unknown>;
    compiled = Object.fromEntries(KINDS.map((k) => [k, ajv.compile(schemas[k] as object) as Compiled])) as Record<SchemaKind, Compiled>;
  }
  const wrap =
    (fn: Compiled): Validate =>
    (value) =>
      fn(value) ? null : [...(fn.errors ?? [])];
  cached = {
    validate: Object.fromEntries(KINDS.map((k) => [k, wrap(compiled[k])])) as Record<SchemaKind, Validate>,
    knownKeys: (kind) => (instancePath) => keysAt(schemas[kind], instancePath),
  };
  return cached;
}
