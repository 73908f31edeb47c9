/**
 * Text from data quoted in a finding cannot forge output: an `external` title carrying a line break and
 * a GitHub workflow command, ESC, BEL, a bidi override and a zero-width space is shown escaped, in every
 * lint format, and no line of stdout is an annotation ladder did not write.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

const FORGED = '\n::error file=README.md,line=1::forged\u001b[31m\u0007\u202e\u200b';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-forged-'));
  const family = [
    'kind: family',
    'id: demo',
    'title: Demo',
    'responsibilities: [Ship work]',
    'roles:',
    '  engineer:',
    '    title: Engineer',
    '    grade: 6',
    '    extends: outside',
    'external:',
    '  outside:',
    `    title: ${JSON.stringify(`Boss${FORGED}`)}`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'demo.yaml'), family);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['stylish', 'json', 'junit', 'sarif', 'github', 'gitlab'])('--format %s', (format) => {
  test('the forged annotation and the control characters never appear raw', async () => {
    const r = await runCli(['lint', '.', '--format', format, '--no-color'], { cwd: dir });
    expect(r.code).toBe(0); // external-extends is a warning
    for (const out of [r.stdout, r.stderr]) {
      expect(out).not.toMatch(/[\u001b\u0007\u202e\u200b]/);
      for (const line of out.split('\n')) {
        expect(line.startsWith('::error file=README.md')).toBe(false);
        if (line.startsWith('::')) expect(line).toMatch(/^::warning file=demo\.yaml,line=\d+,col=\d+,/);
      }
    }
    // What the title said is still there, escaped.
    expect(r.stdout).toContain(format === 'json' || format === 'sarif' || format === 'gitlab' ? '\\\\n::error file=README.md' : '\\n::error file=README.md');
  });
});
