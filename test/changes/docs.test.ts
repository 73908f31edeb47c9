/**
 * docs/changes.md shows real output and CI jobs that parse: the markdown and terminal samples are the
 * golden outputs of the bundled-data test, and every `ladder changes` line of the CI jobs uses options
 * the command has.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/run-cli.js';
import { GOLDEN_DIR } from '../helpers/golden.js';

const doc = readFileSync(join(ROOT, 'docs', 'changes.md'), 'utf8');
const blocks = (lang: string) => [...doc.matchAll(new RegExp('^(`{3,4})' + lang + '\\n([\\s\\S]*?)^\\1$', 'gm'))].map((m) => m[2]);

describe('docs/changes.md', () => {
  test('the markdown sample is the real output (the golden of the bundled-data test)', () => {
    expect(blocks('markdown')).toContain(readFileSync(join(GOLDEN_DIR, 'changes', 'bundled-intermediate-edited.md'), 'utf8'));
  });

  test('the terminal sample is the real output', () => {
    expect(blocks('text')).toContain(readFileSync(join(GOLDEN_DIR, 'changes', 'bundled-intermediate-edited.txt'), 'utf8'));
  });

  test('the CI jobs are YAML, and their ladder commands use existing options', async () => {
    const jobs = blocks('yaml');
    expect(jobs.length).toBe(2);
    const commands: string[] = [];
    for (const text of jobs) {
      const found = JSON.stringify(parse(text)).match(/npx ladder changes [^"\\]*(?:\\"[^"\\]*\\"[^"\\]*)*/g) ?? [];
      commands.push(...found.map((c) => c.replace(/\\"/g, '"')));
    }
    expect(commands.length).toBeGreaterThanOrEqual(3);
    const { buildProgram } = await import('../../src/cli/program.js');
    const program = buildProgram('0', () => ({}) as never, { code: 0 });
    const changes = program.commands.find((c) => c.name() === 'changes')!;
    const known = new Set([...changes.options, ...program.options].flatMap((o) => [o.long, o.short]).filter(Boolean));
    for (const c of commands) {
      const flags = c
        .split(/\s+/)
        .filter((w) => w.startsWith('-'))
        .map((w) => w.replace(/=.*/, ''));
      for (const f of flags) expect([c, f, known.has(f)]).toEqual([c, f, true]);
      expect(c).toMatch(/changes "\$(CI_MERGE_REQUEST_DIFF_BASE_SHA|\{\{ github\.event\.pull_request\.base\.sha \}\})\.\.HEAD"/);
    }
  });
});
