/**
 * The binary starts from dist/bundle/ladder.cjs and its V8 code cache when the build made them
 * (src/io/bundle.ts, scripts/build-bundle.js), else from the modules. Both must answer alike, a cache
 * must never be used for a bundle it was not made for, and a bundle older than the modules is not used.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

const BIN = join(ROOT, 'bin', 'ladder.js');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'ladder.cjs');
const CACHE = `${BUNDLE}.v8-cache`;
const BUNDLE_MODULE = join(ROOT, 'dist', 'io', 'bundle.js');
// The modules' way in, as bin/ladder.js takes it without a bundle.
const FROM_MODULES = `process.env = { ...process.env }; const cli = await import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'main.js'))}); process.exitCode = await cli.run(process.argv.slice(1), cli.processIo(process.env));`;

const env = { ...process.env, NO_COLOR: '1', COLUMNS: '100' };
const runBin = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', input });
const runModules = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--input-type=module', '-e', FROM_MODULES, '--', ...args], { cwd: ROOT, env, encoding: 'utf8', input });
/** What loadBundle says in a fresh process (jest's own flags would make V8 refuse the cache). */
const probe = (options: object) => {
  const code = `const { loadBundle } = await import(${JSON.stringify(BUNDLE_MODULE)}); const b = loadBundle(${JSON.stringify(options)}); let out = ''; const io = { stdout: { write: (s) => (out += s), isTTY: false }, stderr: { write: () => {}, isTTY: false }, env: {}, cwd: ${JSON.stringify(ROOT)} }; const code = b ? await b.cli.run(['--version'], io) : null; console.log(JSON.stringify({ cache: b ? b.cache : null, code, out }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { cache: string | null; code: number | null; out: string };
};

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('the bundle the build makes', () => {
  test('exists with its code cache, starts with its id line and strict mode, and V8 takes the cache', () => {
    expect(statSync(BUNDLE).size).toBeGreaterThan(100_000);
    expect(statSync(CACHE).size).toBeGreaterThan(10_000);
    const head = readFileSync(BUNDLE, 'utf8').slice(0, 200);
    // The id line is a comment: esbuild's "use strict" stays the first statement, so the modules run strict.
    expect(head).toMatch(/^\/\/ ladder bundle [0-9a-f]{64}\n"use strict";\n/);
    expect(probe({})).toEqual({ cache: 'accepted', code: 0, out: `${version}\n` });
  });

  test('carries the parsers and the generated validators (no module loaded from node_modules or dist/ at run time)', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    for (const m of ['node_modules/js-yaml/lib/loader.js', 'node_modules/yaml/dist/index.js', 'dist/validators.cjs']) expect(text).toContain(`// ${m}\n`);
    const code = `process.env = { ...process.env }; const { loadBundle } = await import(${JSON.stringify(BUNDLE_MODULE)}); const b = loadBundle(); const { createRequire } = await import('node:module'); const req = createRequire(${JSON.stringify(BUNDLE)}); const before = Object.keys(req.cache); await b.cli.run(['lint', ${JSON.stringify(join(ROOT, 'test', 'fixtures', 'lint', 'multi'))}, '--format', 'json'], { stdout: { write() {}, isTTY: false }, stderr: { write() {}, isTTY: false }, env: {}, cwd: ${JSON.stringify(ROOT)} }); console.log(JSON.stringify(Object.keys(req.cache).filter((k) => !before.includes(k))));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    // Nothing comes through Node's own loader while lint parses and validates (package.json, read for
    // the version, was loaded with the bundle).
    expect((JSON.parse(r.stdout) as string[]).map((f) => relative(ROOT, f).split(sep).join('/'))).toEqual([]);
  });

  // The bundle runs as a script, which has no loader for an import() esbuild leaves (a built-in module's):
  // it would fail at run time. Built-in modules are imported statically or with require.
  test("leaves no import() to Node's loader: esbuild's own stand in for them", () => {
    const text = readFileSync(BUNDLE, 'utf8');
    const left = text.split('\n').filter((l) => /(^|[^\w$.])import\(/.test(l) && !/^\s*(\/\/|\*)/.test(l));
    expect(left).toEqual([]);
  });

  test('export --all --out writes the same files both ways (it loads modules on the way)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-bundle-export-'));
    try {
      const a = runBin(['export', '--all', '--out', join(dir, 'a')]);
      const b = runModules(['export', '--all', '--out', join(dir, 'b')]);
      expect([a.status, a.stderr.replace('/a', '/x')]).toEqual([b.status, b.stderr.replace('/b', '/x')]);
      expect(a.status).toBe(0);
      const names = readdirSync(join(dir, 'a')).sort();
      expect(names.length).toBeGreaterThan(1);
      expect(readdirSync(join(dir, 'b')).sort()).toEqual(names);
      for (const n of names) expect(readFileSync(join(dir, 'a', n), 'utf8')).toBe(readFileSync(join(dir, 'b', n), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // [name, arguments, standard input or null] (always three: jest passes a callback in place of a missing one)
  const cases: [string, string[], string | null][] = [
    ['--version', ['--version'], null],
    ['--help', ['--help'], null],
    ['show', ['show', 'senior-lab-curriculum-developer'], null],
    ['show json', ['show', 'technical-instructor', '--format', 'json'], null],
    ['list', ['list'], null],
    ['diff', ['diff', 'lab-curriculum-developer', 'senior-lab-curriculum-developer'], null],
    ['gap', ['gap', '--profile', 'examples/profiles/sam-rivera.yaml', '--next'], null],
    ['lint, findings as SARIF', ['lint', 'test/fixtures/lint/multi', '--format', 'sarif'], null],
    ['lint, stylish', ['lint', 'test/fixtures/lint/multi'], null],
    ['lint of standard input', ['lint', '-'], 'kind: family\nid: Bad Id\ntitle: T\nroles: {}\n'],
    ['export', ['export', 'education-services'], null],
    ['a usage error', ['show', 'no-such-role'], null],
  ];
  test.each(cases)('%s: the same output and exit code from the bundle as from the modules', (_name, args, input) => {
    const a = runBin(args, input ?? undefined);
    const b = runModules(args, input ?? undefined);
    expect({ code: a.status, stdout: a.stdout, stderr: a.stderr }).toEqual({ code: b.status, stdout: b.stdout, stderr: b.stderr });
    expect(a.stdout.length + a.stderr.length).toBeGreaterThan(0);
  });
});

describe('loading a bundle', () => {
  let dir = '';
  let copy = '';
  let main = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ladder-bundle-'));
    // A copy one folder below a folder, as in dist/: its paths (../../package.json) are made from where it is.
    copy = join(dir, 'pkg', 'dist', 'bundle', 'ladder.cjs');
    main = join(dir, 'main.js');
    for (const [from, to] of [
      [BUNDLE, copy],
      [join(ROOT, 'package.json'), join(dir, 'pkg', 'package.json')],
    ]) {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
    writeFileSync(main, '');
    const past = Date.now() / 1000 - 60;
    utimesSync(main, past, past);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('without a cache file: no cache, and it runs', () => {
    expect(probe({ file: copy, mainModule: main })).toEqual({ cache: 'none', code: 0, out: `${version}\n` });
  });

  test('a cache made for another bundle is not given to V8', () => {
    const bytes = readFileSync(CACHE);
    const other = Buffer.from(bytes);
    // The header names the bundle by its id: change one digit of it.
    const at = other.indexOf(' for ') + 5;
    other[at] = other[at] === 0x30 ? 0x31 : 0x30;
    writeFileSync(`${copy}.v8-cache`, other);
    expect(probe({ file: copy, mainModule: main }).cache).toBe('none');
    writeFileSync(`${copy}.v8-cache`, bytes);
    expect(probe({ file: copy, mainModule: main }).cache).toBe('accepted');
  });

  test('a damaged cache is refused by V8, and the bundle still runs', () => {
    const bytes = Buffer.from(readFileSync(CACHE));
    const head = bytes.indexOf(0x0a) + 1;
    for (let i = head; i < bytes.length; i += 97) bytes[i] ^= 0xff;
    writeFileSync(`${copy}.v8-cache`, bytes);
    expect(probe({ file: copy, mainModule: main })).toEqual({ cache: 'rejected', code: 0, out: `${version}\n` });
  });

  test('a bundle older than the modules, or without its id line, is not used', () => {
    const now = Date.now() / 1000 + 60;
    utimesSync(main, now, now);
    expect(probe({ file: copy, mainModule: main }).cache).toBeNull();
    const past = Date.now() / 1000 - 60;
    utimesSync(main, past, past);
    const text = readFileSync(copy, 'utf8');
    writeFileSync(copy, text.slice(text.indexOf('\n') + 1));
    expect(probe({ file: copy, mainModule: main }).cache).toBeNull();
    writeFileSync(copy, text);
    expect(probe({ file: copy, mainModule: main }).code).toBe(0);
  });
});

test('every module that makes a path from import.meta.url sits one folder below src/, as the bundle does below dist/', () => {
  const sources = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(d, e.name)) : /\.tsx?$/.test(e.name) ? [join(d, e.name)] : []));
  const users = sources(join(ROOT, 'src')).filter((f) =>
    readFileSync(f, 'utf8').replace('const require = createRequire(import.meta.url);', '').includes('import.meta.url'),
  );
  expect(users.length).toBeGreaterThan(2);
  for (const f of users) expect([relative(ROOT, f), relative(join(ROOT, 'src'), f).split(sep).length]).toEqual([relative(ROOT, f), 2]);
});
