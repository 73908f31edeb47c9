/**
 * Every table fits the width (the terminal's, else COLUMNS, else 100) and breaks ids only at hyphens.
 */
import { describe, expect, test } from '@jest/globals';
import { fitWidths, renderTable, wrapText } from '../../src/render/table.js';
import { runCli } from '../helpers/run-cli.js';

const longest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));

describe('wrapText', () => {
  test('breaks ids after hyphens, words at spaces, and cuts only what is longer than the width', () => {
    expect(wrapText('senior-manager-of-education-curriculum-development', 20)).toEqual(['senior-manager-of-', 'education-', 'curriculum-', 'development']);
    expect(wrapText('Lab Curriculum Developer (Intermediate)', 15)).toEqual(['Lab Curriculum', 'Developer', '(Intermediate)']);
    expect(wrapText('grade', 5)).toEqual(['grade']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('a - b', 10)).toEqual(['a - b']);
  });
  test('is linear: a 200,000-character id wraps at once', () => {
    const id = Array.from({ length: 20000 }, (_, i) => `part${i % 10}`).join('-');
    expect(wrapText(id, 30).join('')).toBe(id);
  });
});

describe('fitWidths', () => {
  test('natural widths when they fit; else no column below its longest piece while that fits', () => {
    expect(fitWidths([10, 20, 5], [4, 6, 5], 100)).toEqual([10, 20, 5]);
    const w = fitWidths([50, 38, 5, 52], [14, 14, 5, 14], 76);
    expect(w.reduce((a, b) => a + b, 0) + 6).toBeLessThanOrEqual(76);
    expect(w[2]).toBe(5);
    expect(Math.min(w[0], w[1], w[3])).toBeGreaterThanOrEqual(14);
  });
  test('the flexible column gives up width first', () => {
    expect(fitWidths([3, 200, 33], [1, 15, 15], 100, 1)).toEqual([3, 60, 33]);
  });
  test('a header word is not cut while the table can fit', () => {
    const t = renderTable({ head: ['id', 'grade'], rows: [['a-very-long-identifier-of-a-role', '6']], width: 20 });
    expect(t.split('\n')[0]).toMatch(/grade$/);
    expect(longest(t)).toBeLessThanOrEqual(20);
  });
});

describe('commands fit the width', () => {
  const commands = [
    ['list'],
    ['show', 'senior-manager-of-education-curriculum-development'],
    ['show', 'senior-lab-curriculum-developer', '--ids'],
    ['diff', 'technical-instructor', 'senior-manager-of-education-curriculum-development', '--all'],
    ['gap', 'senior-lab-curriculum-developer', '--profile', 'examples/profiles/sam-rivera.yaml'],
    ['skills'],
  ];
  test.each([40, 60, 80, 100, 120])('%i columns', async (width) => {
    for (const argv of commands) {
      const r = await runCli([...argv, '--no-color'], { columns: width });
      expect({ argv, code: r.code === 2 ? r.stderr : 'ok' }).toEqual({ argv, code: 'ok' });
      expect({ argv, width: longest(r.stdout) <= width }).toEqual({ argv, width: true });
    }
  });
  test('piped output follows COLUMNS, else 100 columns', async () => {
    const at80 = await runCli(['list', '--no-color'], { columns: null, env: { COLUMNS: '80' } });
    expect(longest(at80.stdout)).toBeLessThanOrEqual(80);
    expect(longest(at80.stdout)).toBeGreaterThan(70);
    const plain = await runCli(['list', '--no-color'], { columns: null });
    expect(longest(plain.stdout)).toBeLessThanOrEqual(100);
    expect(longest(plain.stdout)).toBeGreaterThan(80);
  });
  test('ids in list break only after a hyphen', async () => {
    const r = await runCli(['list', '--no-color'], { columns: 60 });
    // Every id column line (the first column of a level row) is a whole id or ends at a hyphen.
    const ids = ['lab-curriculum-developer', 'senior-lab-curriculum-developer', 'senior-manager-of-education-curriculum-development'];
    for (const id of ids) {
      const pieces = r.stdout.split('\n').map((l) => l.slice(4).split(/\s{2,}/)[0]);
      const start = pieces.findIndex((p) => id.startsWith(p) && p.length > 3 && (p === id || p.endsWith('-')));
      expect(start).toBeGreaterThanOrEqual(0);
    }
  });
});
