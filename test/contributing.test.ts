/** The checklists of CONTRIBUTING.md, checked where a test can check them. */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/core/lint/registry.js';
import { buildProgram } from '../src/cli/program.js';
import type { Context } from '../src/cli/io.js';
import { ROOT, runCli } from './helpers/run-cli.js';

const GUIDE = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
const program = buildProgram('0.0.0', () => ({}) as Context, { code: 0 });
const commands = program.commands.map((c) => c.name());

describe('CONTRIBUTING.md', () => {
  test.each(readdirSync(join(ROOT, 'src')).filter((d) => statSync(join(ROOT, 'src', d)).isDirectory()))('the layout picture names src/%s/', (dir) => {
    expect(GUIDE).toMatch(new RegExp(`^  ${dir}/ `, 'm'));
  });

  test('every file in src/core/lint/rules/ is a registered rule, and every rule has its file', () => {
    const files = readdirSync(join(ROOT, 'src', 'core', 'lint', 'rules'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual(RULES.map((r) => r.id).sort());
  });

  test.each(commands)('ladder %s has its module in src/cli/commands/', (command) => {
    // The command's block in program.ts, up to the next command: its action imports the module.
    const blocks = readFileSync(join(ROOT, 'src', 'cli', 'program.ts'), 'utf8').split(/\.command\('/);
    const block = blocks.find((b) => b.startsWith(`${command}'`) || b.startsWith(`${command} `));
    expect(block).toBeDefined();
    const module = /import\('\.\/commands\/([\w-]+)\.js'\)/.exec(block!)?.[1];
    expect(module).toBeDefined();
    expect(existsSync(join(ROOT, 'src', 'cli', 'commands', `${module}.ts`))).toBe(true);
  });

  test.each(commands)('ladder %s --help shows an example', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\nExamples:\\n  \\$ ladder ${command}\\b`));
  });
});
