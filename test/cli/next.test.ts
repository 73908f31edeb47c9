/** `--next` on show, diff and gap: one rule (src/core/next.ts), the same messages everywhere. */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, runCli } from '../helpers/run-cli.js';

const DATA = ['--data', join(FIXTURES, 'next'), '--no-color'];

describe('--next', () => {
  test('show --next <role> shows the level after it', async () => {
    const next = await runCli(['show', '--next', 'engineer', ...DATA, '--format', 'json']);
    const direct = await runCli(['show', 'senior-engineer', ...DATA, '--format', 'json']);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout).id).toBe('senior-engineer');
    expect(next.stdout).toBe(direct.stdout);
  });

  test('diff --next <from> compares with the level after it', async () => {
    const next = await runCli(['diff', '--next', 'engineer', ...DATA, '--format', 'json']);
    const direct = await runCli(['diff', 'engineer', 'senior-engineer', ...DATA, '--format', 'json']);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ from: 'engineer', to: 'senior-engineer' });
    expect(next.stdout).toBe(direct.stdout);
  });

  test('gap --next targets the level after the profile role', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-next-'));
    try {
      const file = join(dir, 'p.yaml');
      writeFileSync(file, 'kind: profile\nrole: engineer\nexperience: {eng: 6}\n');
      const r = await runCli(['gap', '--next', '--profile', file, ...DATA, '--format', 'json']);
      expect(JSON.parse(r.stdout).role).toBe('senior-engineer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const top = 'senior-engineer is the top of the Engineering ladder (engineer → senior-engineer); there is no next level';
  const none = 'advisor is on no ladder of team, so it has no next level';
  test.each<[string, string[], string]>([
    ['show at the top', ['show', '--next', 'senior-engineer'], top],
    ['diff at the top', ['diff', '--next', 'senior-engineer'], top],
    ['show on no ladder', ['show', '--next', 'advisor'], none],
    ['diff on no ladder', ['diff', '--next', 'advisor'], none],
  ])('%s: one clear line, exit 2', async (_name, argv, message) => {
    const r = await runCli([...argv, ...DATA]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });

  test('gap --next at the top says the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-next-'));
    try {
      const file = join(dir, 'p.yaml');
      writeFileSync(file, 'kind: profile\nrole: senior-engineer\n');
      const r = await runCli(['gap', '--next', '--profile', file, ...DATA]);
      expect([r.code, r.stderr]).toEqual([2, expect.stringContaining(top)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each<[string, string[], string]>([
    ['diff with a target and --next', ['diff', 'engineer', 'senior-engineer', '--next'], 'give either a target role or --next, not both'],
    ['diff with neither', ['diff', 'engineer'], 'or --next to compare with the level after <from>'],
  ])('usage: %s', async (_name, argv, message) => {
    const r = await runCli([...argv, ...DATA]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining(message)]);
  });
});
