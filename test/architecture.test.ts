import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers/run-cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(full) ? [full] : [];
  });
}

// The core, the renderers and the report formats are pure: data in, data out. Only src/io and
// src/cli touch the file system, the process or the terminal.
const PURE = ['src/core', 'src/render', 'src/lint-formats', 'src/import', 'src/site'];
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

  test('the site builder renders through the template layer: raw HTML only from markdown-it', () => {
    const site = sources(join(ROOT, 'src', 'site'));
    expect(site.length).toBeGreaterThan(5);
    const raw = site.filter((f) => readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'));
    expect(raw.map((f) => relative(ROOT, f))).toEqual([join('src', 'site', 'pages', 'layout.tsx')]);
  });

  test('chalk is only loaded lazily, never at module top level', () => {
    for (const f of sources(join(ROOT, 'src'))) {
      expect(readFileSync(f, 'utf8')).not.toMatch(/^import .* from ['"]chalk['"]/m);
    }
  });
});
