/**
 * Provides the schema validators: the standalone module generated at build time (fast start-up),
 * or, when running from sources, the schemas compiled with ajv at run time.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { keysAt, type SchemaError, type SchemaKind, type SchemaSupport, type Validate } from '../core/schema-errors.js';

const KINDS: SchemaKind[] = ['family', 'skills', 'profile', 'config'];
const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_DIR = join(here, '..', '..', 'schemas');

type Compiled = ((v: unknown) => boolean) & { errors?: SchemaError[] | null };
let cached: SchemaSupport | undefined;

export async function loadSchemaSupport(): Promise<SchemaSupport> {
  if (cached) return cached;
  let compiled: Record<SchemaKind, Compiled>;
  let schemas: Record<SchemaKind, unknown>;
  try {
    const mod = createRequire(import.meta.url)(join(here, '..', 'validators.cjs')) as Record<SchemaKind, Compiled> & { schemas: Record<SchemaKind, unknown> };
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
