import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers/run-cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

// The core, the renderers and the report formats are pure: data in, data out. Only src/io and
// src/cli touch the file system, the process or the terminal.
const PURE = ['src/core', 'src/render', 'src/lint-formats', 'src/import'];
const FORBIDDEN = [
  /from ['"](node:)?(fs|fs\/promises|child_process|process|os)['"]/,
  /from ['"](commander|@commander-js\/extra-typings)['"]/,
  /\bprocess\.(env|argv|exit|stdout|stderr|cwd)\b/,
  /\bconsole\.(log|error|warn)\b/,
  /from ['"]\.\.\/(io|cli)\//,
  /from ['"]\.\.\/\.\.\/(io|cli)\//,
];

describe('architecture', () => {
  const files = PURE.flatMap((d) => {
    try {
      return sources(join(ROOT, d));
    } catch {
      return [];
    }
  });

  test('the pure layers exist', () => expect(files.length).toBeGreaterThan(20));

  test.each(files.map((f) => [relative(ROOT, f), f]))('%s has no I/O, process or CLI imports', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const re of FORBIDDEN) expect(text).not.toMatch(re);
  });

  test('only src/io starts processes (git is read through src/io/git.ts)', () => {
    const spawning = sources(join(ROOT, 'src')).filter((f) => /from ['"](node:)?child_process['"]/.test(readFileSync(f, 'utf8')));
    expect(spawning.length).toBeGreaterThan(0);
    for (const f of spawning) expect(relative(ROOT, f).split('\\').join('/')).toMatch(/^src\/io\//);
  });

  test('src/core/changes exists and is checked as pure', () => {
    expect(files.some((f) => relative(ROOT, f).split('\\').join('/').startsWith('src/core/changes/'))).toBe(true);
  });

  test('chalk is only loaded lazily, never at module top level', () => {
    for (const f of sources(join(ROOT, 'src'))) {
      expect(readFileSync(f, 'utf8')).not.toMatch(/^import .* from ['"]chalk['"]/m);
    }
  });
});
