/**
 * Every output format has one name, in src/formats.ts. These tests catch the two ways a format can be
 * half-added: code registered under a name the CLI refuses, or a CLI choice with no code behind it.
 */
import { describe, expect, test } from '@jest/globals';
import { buildProgram } from '../src/cli/program.js';
import type { Context } from '../src/cli/io.js';
import { EXPORT_FORMATS, LINT_FORMATS, VIEW_FORMATS } from '../src/formats.js';
import { FORMATTERS } from '../src/lint-formats/registry.js';
import { EXPORTERS } from '../src/cli/commands/export.js';
import { runCli } from './helpers/run-cli.js';

function choicesOf(command: string): string[] {
  const program = buildProgram('0.0.0', () => ({}) as Context, { code: 0 });
  const cmd = program.commands.find((c) => c.name() === command);
  if (!cmd) throw new Error(`no command ${command}`);
  const option = cmd.options.find((o) => o.long === '--format');
  if (!option?.argChoices) throw new Error(`${command} has no --format choices`);
  return [...option.argChoices].sort();
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('format names', () => {
  // lint's --format takes `<name>[=<file>]` (repeatable), so the names are checked by the command, not
  // by commander's choices: an unknown one is refused with the list of the names it accepts.
  test('lint: the CLI offers exactly the registered formatters', async () => {
    const r = await runCli(['lint', 'test/fixtures/lint/multi', '--format', 'no-such-format']);
    expect(r.code).toBe(2);
    const offered = /\(formats: ([^)]*)\)/.exec(r.stderr)?.[1].split(', ') ?? [];
    expect(sorted(offered)).toEqual(sorted(Object.keys(FORMATTERS)));
    expect(sorted(Object.keys(FORMATTERS))).toEqual(sorted(LINT_FORMATS));
  });

  test('export: the CLI offers exactly the registered writers', () => {
    expect(choicesOf('export')).toEqual(sorted(Object.keys(EXPORTERS)));
    expect(sorted(Object.keys(EXPORTERS))).toEqual(sorted(EXPORT_FORMATS));
  });

  test.each(['list', 'show', 'diff', 'gap'])('%s: the CLI offers the view formats', (command) => {
    expect(choicesOf(command)).toEqual(sorted(VIEW_FORMATS));
  });

  test.each(Object.keys(FORMATTERS))('lint --format %s is accepted and runs', async (format) => {
    const r = await runCli(['lint', 'test/fixtures/lint/multi', '--format', format, '--no-color']);
    expect(r.stderr).not.toMatch(/invalid|unknown format/i);
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(0);
  });

  test.each(Object.keys(EXPORTERS))('export --format %s is accepted and runs', async (format) => {
    const r = await runCli(['export', 'education-services', '--format', format]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(100);
  });

  test.each([...VIEW_FORMATS])('list --format %s is accepted and runs', async (format) => {
    const r = await runCli(['list', '--format', format, '--no-color']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});
