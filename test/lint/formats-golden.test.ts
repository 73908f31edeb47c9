/**
 * The multi-finding fixture (test/fixtures/lint/multi) in all six formats, colour off, paths relative.
 * Regenerate with `UPDATE_GOLDEN=1 npm test -- test/lint` and review the diff.
 */
import { describe, expect, test } from '@jest/globals';
import { pathToFileURL } from 'node:url';
import { LINT_FORMATS } from '../../src/cli/program.js';
import { expectGolden } from '../helpers/golden.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

// SARIF names the working directory as the base of its relative URIs: shown as file:///project/.
const machineFree = (text: string) => text.split(JSON.stringify(pathToFileURL(ROOT).href + '/')).join('"file:///project/"');

const EXT: Record<(typeof LINT_FORMATS)[number], string> = { stylish: 'txt', json: 'json', junit: 'xml', sarif: 'json', github: 'txt', gitlab: 'json' };

describe('lint report formats (golden)', () => {
  test.each([...LINT_FORMATS])('%s', async (format) => {
    const r = await runCli(['lint', 'test/fixtures/lint/multi', '--format', format, '--rule', 'handbook-style=warn', '--no-color']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expectGolden(`lint/multi-${format}.${EXT[format]}`, machineFree(r.stdout));
  });
});
