import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT } from './helpers/run-cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(full) ? [full] : [];
  });
}

const filesIn = (dir: string) => {
  try {
    return sources(join(ROOT, dir));
  } catch {
    return [];
  }
};

/** Every module a file imports (static, dynamic and re-exports), as written. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

// The core, the renderers, the report formats, the handbook page format, import and export are pure:
// data in, data out. Only src/io touches the file system; src/cli wires commands to the process.
const PURE = ['src/core', 'src/render', 'src/lint-formats', 'src/handbook', 'src/import', 'src/export', 'src/init', 'src/site'];
const FORBIDDEN = [
  /from ['"](node:)?(fs|fs\/promises|child_process|process|os)['"]/,
  /import\(['"](node:)?(fs|fs\/promises|child_process|process|os)['"]\)/,
  /from ['"](commander|@commander-js\/extra-typings)['"]/,
  /\bprocess\.(env|argv|exit|stdout|stderr|cwd)\b/,
  /\bconsole\.(log|error|warn)\b/,
  /from ['"]\.\.\/(io|cli)\//,
  /from ['"]\.\.\/\.\.\/(io|cli)\//,
];

describe('architecture', () => {
  const files = [...PURE.flatMap(filesIn), join(ROOT, 'src/formats.ts')];

  test('the pure layers exist', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const d of PURE) expect(filesIn(d).length).toBeGreaterThan(0);
  });

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

  test('only src/io starts processes (git is read through src/io/git.ts)', () => {
    const spawning = sources(join(ROOT, 'src')).filter((f) => /from ['"](node:)?child_process['"]/.test(readFileSync(f, 'utf8')));
    expect(spawning.length).toBeGreaterThan(0);
    for (const f of spawning) expect(relative(ROOT, f).split('\\').join('/')).toMatch(/^src\/io\//);
  });

  test('src/core/changes exists and is checked as pure', () => {
    expect(files.some((f) => relative(ROOT, f).split('\\').join('/').startsWith('src/core/changes/'))).toBe(true);
  });

  // src/cli included: commands call src/io for every file they read or write.
  const outsideIo = filesIn('src').filter((f) => !relative(ROOT, f).startsWith(`src${sep}io${sep}`));
  test('src/cli is among the checked folders', () => expect(outsideIo.some((f) => relative(ROOT, f).startsWith(`src${sep}cli${sep}`))).toBe(true));
  test.each(outsideIo.map((f) => [relative(ROOT, f), f]))('%s does not touch the file system (only src/io does)', (_name, file) => {
    const mods = importsOf(readFileSync(file, 'utf8'));
    expect(mods.filter((m) => /^(node:)?fs(\/promises)?$/.test(m))).toEqual([]);
  });

  // The handbook page format is read by import and written by export; neither reaches into the other.
  const rooms: [string, RegExp][] = [
    ['src/export', /(^|\/)import\//],
    ['src/import', /(^|\/)export\//],
    ['src/handbook', /(^|\/)(import|export)\//],
  ];
  test.each(rooms)('%s does not import from the other rooms', (dir, forbidden) => {
    const offenders = filesIn(dir).flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .filter((m) => m.startsWith('.') && forbidden.test(m))
        .map((m) => `${relative(ROOT, f)} → ${m}`),
    );
    expect(offenders).toEqual([]);
  });

  test('the import finder sees the forms used in this code base', () => {
    expect(importsOf(`import { a } from '../import/x.js';\nconst m = await import('../../export/y.js');\nexport { b } from './z.js';\nimport 'side';`)).toEqual(
      ['../import/x.js', '../../export/y.js', './z.js', 'side'],
    );
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
      expect([
        relative(ROOT, f),
        /(\.push|\.unshift|\.splice|Math\.max|Math\.min|String\.fromCharCode|String\.fromCodePoint)\(\s*(?:[^(){},]+,\s*)*\.\.\./.test(text),
      ]).toEqual([relative(ROOT, f), false]);
    }
  });
});
