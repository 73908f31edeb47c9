/**
 * Turns JSON Schema (ajv) errors into findings with friendly words: an unknown key says which known
 * key was probably meant, a wrong type names the expected one, `oneOf` noise is reduced to the branch
 * that matches the value's shape.
 */
import type { RawFinding } from './findings.js';
import type { Path } from './model.js';
import { didYouMean } from './suggest.js';

/** The subset of an ajv `ErrorObject` we rely on. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export type SchemaKind = 'family' | 'skills' | 'profile' | 'config';

/** A compiled validator: returns the errors, or null when the value is valid. */
export type Validate = (value: unknown) => SchemaError[] | null;
export type Validators = Record<SchemaKind, Validate>;

/** Keys allowed for the object at an instance path, for "did you mean" on unknown keys. */
export type KnownKeys = (instancePath: string[]) => string[];

/** What the loader needs from the schemas: a validator per kind, and the keys each object allows. */
export interface SchemaSupport {
  validate: Validators;
  knownKeys: (kind: SchemaKind) => KnownKeys;
}

/**
 * Property names allowed for the object at an instance path, found by walking the schema along the
 * path (ajv's schemaPath is relative to the last `$ref`, so it cannot be used for this).
 */
export function keysAt(schema: unknown, instancePath: string[]): string[] {
  const root = schema as Record<string, unknown>;
  const deref = (node: unknown): Record<string, unknown> | undefined => {
    let cur = node as Record<string, unknown> | undefined;
    for (let guard = 0; cur && typeof cur.$ref === 'string' && guard < 20; guard++) {
      let target: unknown = root;
      for (const seg of pathFromPointer(cur.$ref.replace(/^#/, ''))) target = (target as Record<string, unknown> | undefined)?.[seg];
      cur = target as Record<string, unknown> | undefined;
    }
    // An item is "text or mapping": the mapping branch is the one with keys.
    if (cur && Array.isArray(cur.oneOf)) cur = deref((cur.oneOf as unknown[]).find((b) => deref(b)?.type === 'object')) ?? cur;
    return cur;
  };
  let cur = deref(root);
  for (const seg of instancePath) {
    if (!cur) return [];
    const props = cur.properties as Record<string, unknown> | undefined;
    if (props && seg in props) cur = deref(props[seg]);
    else if (cur.items && /^\d+$/.test(seg)) cur = deref(cur.items);
    else if (cur.additionalProperties && typeof cur.additionalProperties === 'object') cur = deref(cur.additionalProperties);
    else return [];
  }
  const props = cur?.properties as Record<string, unknown> | undefined;
  return props ? Object.keys(props) : [];
}

export function pathFromPointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function typed(path: string[], value: unknown): Path {
  const out: (string | number)[] = [];
  let cur = value;
  for (const seg of path) {
    const key = Array.isArray(cur) && /^\d+$/.test(seg) ? Number(seg) : seg;
    out.push(key);
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  return out;
}

function describeType(v: unknown): string {
  if (v === null) return 'empty value';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'mapping';
  return typeof v;
}

function valueAt(root: unknown, path: string[]): unknown {
  let cur = root;
  for (const seg of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  return cur;
}

/** Friendly, de-duplicated findings for one file's schema errors. */
export function schemaFindings(file: string, value: unknown, errors: SchemaError[], knownKeys: KnownKeys): RawFinding[] {
  // Within a oneOf (item: text | mapping), keep only the errors of the branch that matches the value's
  // shape, and drop the oneOf summary when a branch explains the problem.
  const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath);
  const kept = errors.filter((e) => {
    const m = /\/oneOf\/(\d+)\//.exec(e.schemaPath);
    if (!m) return true;
    const owner = oneOfPaths.filter((p) => e.instancePath === p || e.instancePath.startsWith(p + '/')).sort((a, b) => b.length - a.length)[0];
    if (owner === undefined) return true;
    const v = valueAt(value, pathFromPointer(owner));
    const isObj = v !== null && typeof v === 'object' && !Array.isArray(v);
    return m[1] === (isObj ? '1' : '0');
  });
  const explained = new Set(kept.filter((e) => e.keyword !== 'oneOf' && /\/oneOf\//.test(e.schemaPath)).map((e) => e.instancePath));
  const finalErrors = kept.filter((e) => e.keyword !== 'oneOf' || ![...explained].some((p) => p === e.instancePath || p.startsWith(e.instancePath + '/')));
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const e of finalErrors) {
    const path = pathFromPointer(e.instancePath);
    let messageId: string;
    let data: Record<string, string | number>;
    let at: 'key' | 'value' = 'value';
    let target = path;
    const last = path[path.length - 1];
    const where = !path.length
      ? 'the file'
      : /^\d+$/.test(last) && path.length > 1
        ? `item ${Number(last) + 1} of \`${path[path.length - 2]}\``
        : `\`${last}\``;
    const here = valueAt(value, path);
    const propertyName = (e as { propertyName?: string }).propertyName ?? (e.params as { propertyName?: string }).propertyName;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        target = [...path, key];
        at = 'key';
        const known = knownKeys(path);
        messageId = 'unknownKey';
        data = { key, hint: didYouMean(key, known, 1) || (known.length ? ` (allowed: ${known.join(', ')})` : '') };
        break;
      }
      case 'required':
        messageId = 'missingKey';
        data = { key: String(e.params.missingProperty), where };
        if (path.length) at = 'key';
        break;
      case 'type':
        // ajv counts NaN and the infinities as no number.
        if (typeof here === 'number') {
          messageId = 'notFinite';
          data = { where, value: Number.isNaN(here) ? '.nan' : here > 0 ? '.inf' : '-.inf' };
        } else {
          messageId = 'wrongType';
          data = { where, expected: typeName(String(e.params.type)), found: describeType(here) };
        }
        break;
      case 'const':
        messageId = 'constValue';
        data = { where, value: String(e.params.allowedValue) };
        break;
      case 'enum':
        messageId = 'enumValue';
        data = { where, allowed: (e.params.allowedValues as unknown[]).map((x) => `\`${String(x)}\``).join(', ') };
        break;
      case 'pattern':
        if (propertyName !== undefined || e.schemaPath.includes('propertyNames')) {
          // A key of the mapping at `path` (a role id such as `Bad_Role`): name the key, point at it.
          const key = propertyName ?? String(last);
          messageId = 'keyNotKebab';
          data = { key };
          if (propertyName !== undefined) target = [...path, key];
          at = 'key';
        } else {
          messageId = 'notKebab';
          data = { where, value: JSON.stringify(String(here)) };
        }
        break;
      case 'propertyNames':
        continue; // reported by the nested `pattern` error with the key itself
      case 'oneOf':
        messageId = 'textOrMapping';
        data = { where };
        break;
      case 'maxProperties': {
        const keys = here !== null && typeof here === 'object' ? Object.keys(here) : [];
        messageId = Number(e.params.limit) === 1 ? 'onlyOneKey' : 'tooManyKeys';
        data = { where, limit: Number(e.params.limit), keys: keys.map((k) => `\`${k}\``).join(' and ') };
        break;
      }
      case 'minItems':
      case 'minProperties':
        if (e.keyword === 'minItems' && Number(e.params.limit) > 1) {
          messageId = 'tooFewItems';
          data = { where, limit: Number(e.params.limit) };
          break;
        }
        messageId = 'empty';
        data = { where, what: e.keyword === 'minItems' ? 'list' : 'mapping' };
        break;
      case 'minLength':
        messageId = 'emptyText';
        data = { where };
        break;
      case 'minimum':
        messageId = 'tooSmall';
        data = { where, limit: Number(e.params.limit) };
        break;
      // Only a requirement's `skills` uses these: exactly one of `any` / `all`, beside an optional `level`.
      case 'anyOf':
        messageId = 'skillsMode';
        data = { where };
        break;
      case 'not':
        messageId = 'skillsBoth';
        data = { where };
        break;
      default:
        messageId = 'invalid';
        data = { where, keyword: e.keyword };
    }
    const typedPath = typed(target, value);
    const dedupe = `${typedPath.join('/')}|${messageId}|${JSON.stringify(data)}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    out.push({ ruleId: 'schema', messageId, data, file, path: typedPath, at });
  }
  return out;
}

function typeName(t: string): string {
  return t === 'object' ? 'mapping' : t === 'array' ? 'list' : t;
}
