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

  test('chalk is only loaded lazily, never at module top level', () => {
    for (const f of sources(join(ROOT, 'src'))) {
      expect(readFileSync(f, 'utf8')).not.toMatch(/^import .* from ['"]chalk['"]/m);
    }
  });

  test('YAML is parsed in one place: only src/core/yaml/ imports js-yaml or parses with yaml', () => {
    for (const f of sources(join(ROOT, 'src'))) {
      if (relative(ROOT, f).startsWith(join('src', 'core', 'yaml'))) continue;
      const text = readFileSync(f, 'utf8');
      expect([relative(ROOT, f), /['"]js-yaml['"]|\b(parseDocument|parseAllDocuments|Parser|Lexer|Composer)\b/.test(text)]).toEqual([relative(ROOT, f), false]);
    }
  });

  test('rules report message ids; their words are made in core/messages.ts', () => {
    const rules = sources(join(ROOT, 'src', 'core', 'lint', 'rules'));
    expect(rules.length).toBeGreaterThan(10);
    for (const f of rules) {
      const text = readFileSync(f, 'utf8');
      expect([relative(ROOT, f), /\bmessage:/.test(text), /\bmessages:/.test(text)]).toEqual([relative(ROOT, f), false, true]);
    }
  });

  test('no array is spread into a call that takes its items as arguments (a long list overflows the stack)', () => {
    for (const f of ['core', 'render', 'lint-formats'].flatMap((d) => sources(join(ROOT, 'src', d)))) {
      const text = readFileSync(f, 'utf8');
      expect([relative(ROOT, f), /(\.push|\.unshift|\.splice|Math\.max|Math\.min|String\.fromCharCode|String\.fromCodePoint)\(\s*(?:[^(){},]+,\s*)*\.\.\./.test(text)]).toEqual([relative(ROOT, f), false]);
    }
  });
});
