/**
 * What `npm pack` ships: the built command, the bundled data, the schemas, the examples the docs and
 * --help use, the manual and the notices; no sources, tests or machine files. The package has a name
 * of its own (the npm name `ladder` belongs to another package) and installs the command `ladder`.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';

let files: string[] = [];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

beforeAll(() => {
  // --ignore-scripts: the jest global setup has built dist/ already; `prepare` would build it again.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
}, 60000);

test('the name is ours, the command is ladder, the repository is named', () => {
  expect(pkg.name).toBe('career-ladder-cli');
  expect(pkg.bin).toEqual({ ladder: 'bin/ladder.js' });
  expect(pkg.repository.url).toMatch(/^git\+https:\/\/gitlab\.com\/[\w.-]+\/[\w.-]+\.git$/);
  expect(pkg.scripts.prepare).toBe('npm run build');
});

test('the tarball holds what the command, the docs and --help use', () => {
  for (const f of [
    'bin/ladder.js',
    'dist/cli/run.js',
    'dist/validators.cjs',
    'dist/data-snapshot.json',
    'dist/cli/main.js',
    'dist/bundle/ladder.cjs',
    'dist/bundle/ladder.cjs.v8-cache',
    'README.md',
    'LICENSE',
    'NOTICE.md',
    'data/NOTICE.md',
    'docs/file-format.md',
    'docs/rules/README.md',
  ])
    expect(files).toContain(f);
  for (const dir of ['data', 'schemas', 'examples/profiles']) {
    for (const name of readdirSync(join(ROOT, dir))) expect(files).toContain(`${dir}/${name}`);
  }
});

test('nothing else: no sources, tests, build info or machine paths', () => {
  const roots = new Set(files.map((f) => f.split('/')[0]));
  expect([...roots].sort()).toEqual(['LICENSE', 'NOTICE.md', 'README.md', 'bin', 'data', 'dist', 'docs', 'examples', 'package.json', 'schemas']);
  expect(files.filter((f) => /\.tsbuildinfo$|\.test\.|^src\//.test(f))).toEqual([]);
});

test('every file an example of --help names is in the tarball', async () => {
  const help = (await Promise.all(['list', 'show', 'diff', 'gap', 'lint', 'import', 'export', 'init', 'skills', 'profile'].map((c) => runCli([c, '--help']))))
    .map((r) => r.stdout)
    .join('\n');
  const named = [...help.matchAll(/\b((?:examples|data|schemas)\/[\w./-]+\.ya?ml)\b/g)].map((m) => m[1]);
  expect(named.length).toBeGreaterThan(0);
  for (const f of named) expect(files).toContain(f);
});
