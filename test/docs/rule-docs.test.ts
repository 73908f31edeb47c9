/**
 * docs/rules/ is generated from the rule registry (`npm run docs:rules`): the committed files must equal
 * the generator's output, so a rule's page cannot drift from the rule.
 */
import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/core/lint/registry.js';
import { ruleDocFiles } from '../../src/render/rule-docs.js';
import { ROOT } from '../helpers/run-cli.js';

const DIR = join(ROOT, 'docs', 'rules');

test('docs/rules/ holds exactly the generated files', () => {
  const expected = ruleDocFiles(RULES);
  const present = readdirSync(DIR)
    .filter((n) => n.endsWith('.md'))
    .sort();
  expect(present).toEqual([...expected.keys()].sort());
  for (const [name, text] of expected) {
    // One file at a time, so a failure names the file; regenerate with `npm run docs:rules`.
    expect({ name, text: readFileSync(join(DIR, name), 'utf8') }).toEqual({ name, text });
  }
});

test('every rule has a page with its description and examples, and the index links it', () => {
  const index = readFileSync(join(DIR, 'README.md'), 'utf8');
  for (const rule of RULES) {
    const page = readFileSync(join(DIR, `${rule.id}.md`), 'utf8');
    expect(page).toContain(rule.description);
    expect(page).toContain(rule.examples.invalid[0].yaml.split(/^---\n/m)[0].trimEnd());
    expect(index).toContain(`| [\`${rule.id}\`](${rule.id}.md) | ${rule.defaultSeverity} |`);
  }
});
