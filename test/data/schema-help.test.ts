/**
 * Editor help: every key of the family, skills and profile schemas explains itself, so an editor with
 * yaml-language-server shows what a key means on hover and in completion, not only the schema's title.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

type Schema = Record<string, unknown>;

/** Every schema a key of a document can have: each `properties` entry and each map-value schema, with its path. */
function keySchemas(node: unknown, path: string, out: [string, Schema][] = []): [string, Schema][] {
  if (node === null || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    node.forEach((n, i) => keySchemas(n, `${path}/${i}`, out));
    return out;
  }
  const o = node as Schema;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'properties') for (const [name, s] of Object.entries(v as Schema)) out.push([`${path}/properties/${name}`, s as Schema]);
    if (k === 'additionalProperties' && v !== null && typeof v === 'object') out.push([`${path}/additionalProperties`, v as Schema]);
    keySchemas(v, `${path}/${k}`, out);
  }
  return out;
}

describe.each(['family', 'skills', 'profile'])('schemas/%s.schema.json', (kind) => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8')) as Schema;
  const keys = keySchemas(schema, '#');

  test('has keys to describe (the walk finds them)', () => expect(keys.length).toBeGreaterThan(kind === 'family' ? 40 : 4));

  test('every key has a description', () => {
    const missing = keys.filter(([, s]) => typeof s.description !== 'string' || (s.description).trim().length < 10).map(([p]) => p);
    expect(missing).toEqual([]);
  });

  test('a markdownDescription, which editors show instead, says at least what the description says', () => {
    for (const [path, s] of keys) {
      if (s.markdownDescription === undefined) continue;
      expect({ path, md: typeof s.markdownDescription }).toEqual({ path, md: 'string' });
      const plain = (t: string) => t.replace(/[*`]/g, '').split(/\W+/).filter((w) => w.length > 3);
      const words = new Set(plain(s.markdownDescription as string));
      const said = plain(s.description as string).filter((w) => words.has(w)).length / plain(s.description as string).length;
      expect({ path, said: said >= 0.6 }).toEqual({ path, said: true });
    }
  });
});
