/**
 * Positions of paths in a loaded file, through both YAML paths: keys are found by their source order,
 * including maps whose keys JavaScript reorders (array-index-like keys come first in Object.keys) and
 * large maps (looked up through an index).
 */
import { describe, expect, test } from '@jest/globals';
import { parse } from '../../src/core/yaml/index.js';

const where = (text: string, path: (string | number)[], lean: boolean, at: 'key' | 'value' = 'value') => {
  const { line, column } = parse(text, 'f.yaml', { fast: lean }).locator.locate(path, at);
  return `${line}:${column}`;
};

describe.each([true, false])('fast path %s', (lean) => {
  test('keys in source order, values and sequence entries', () => {
    const text = 'kind: family\nroles:\n  a-role:\n    title: A\n    items:\n      - one\n      - id: two\n        text: Two\n';
    expect(where(text, ['roles', 'a-role', 'title'], lean)).toBe('4:12');
    expect(where(text, ['roles', 'a-role', 'title'], lean, 'key')).toBe('4:5');
    expect(where(text, ['roles', 'a-role', 'items', 1, 'text'], lean)).toBe('8:15');
    expect(where(text, ['roles', 'missing', 'title'], lean)).toBe('3:3'); // nearest ancestor that exists
  });

  test('keys that JavaScript lists first (array-index-like) keep their source positions', () => {
    const text = 'b: x\n"10": y\na: z\n2: w\n';
    expect(where(text, ['a'], lean)).toBe('3:4');
    expect(where(text, ['10'], lean)).toBe('2:7');
    expect(where(text, ['2'], lean)).toBe('4:4');
    expect(where(text, ['b'], lean)).toBe('1:4');
  });

  test('a map of more than 16 keys (indexed lookup)', () => {
    const keys = Array.from({ length: 40 }, (_, i) => (i === 30 ? '7' : `k${i}`));
    const text = keys.map((k) => `${k}: v${k}`).join('\n') + '\n';
    expect(where(text, ['k39'], lean)).toBe('40:6');
    expect(where(text, ['7'], lean)).toBe('31:4');
    expect(where(text, ['k0'], lean)).toBe('1:5');
  });
});
