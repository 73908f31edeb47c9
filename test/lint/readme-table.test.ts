/**
 * The rules table and the rule reference in the README equal the registry (README.md's "## Lint rules"
 * section), so the documentation cannot drift from the rules.
 */
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/core/lint/registry.js';
import { ROOT } from '../helpers/run-cli.js';

const HEADING = '## Lint rules';

function source(): { file: string; text: string } {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  if (!text.split('\n').includes(HEADING)) throw new Error(`README.md has no "${HEADING}" section`);
  return { file: 'README.md', text };
}

/** Rows of the first table after the heading: [id, default, what it catches]. */
function rulesTable(text: string): string[][] {
  const lines = text.split('\n');
  let i = lines.indexOf(HEADING);
  if (i === -1) throw new Error(`no "${HEADING}" section`);
  while (i < lines.length && !lines[i].startsWith('|')) i++;
  const rows: string[][] = [];
  for (; i < lines.length && lines[i].startsWith('|'); i++) {
    rows.push(
      lines[i]
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, '|')),
    );
  }
  return rows;
}

test('the README rules table equals the rule registry', () => {
  const { file, text } = source();
  const [head, separator, ...rows] = rulesTable(text);
  expect({ file, head }).toEqual({ file, head: ['id', 'default', 'what it catches'] });
  expect(separator.every((c) => /^:?-+:?$/.test(c))).toBe(true);
  expect(rows).toEqual(RULES.map((r) => [`\`${r.id}\``, r.defaultSeverity, r.summary]));
});

test('the rule reference quotes every rule\'s description and first invalid example', () => {
  const { text } = source();
  for (const rule of RULES) {
    expect(text).toContain(`<details><summary><code>${rule.id}</code> (${rule.defaultSeverity})</summary>\n\n${rule.description}\n`);
    expect(text).toContain('```yaml\n' + rule.examples.invalid[0].yaml.trimEnd() + '\n```');
  }
});
