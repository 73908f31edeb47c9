/** `ladder import` through `run`: stdout for one page, --out, --force, atomic all-or-nothing, errors. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli, FIXTURES, ROOT } from '../helpers/run-cli.js';
import { VERSION } from '../../src/cli/version.js';

const MESSY = join(FIXTURES, 'import', 'messy', 'index.html.md');
const SALES = join(FIXTURES, 'import', 'sales');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-import-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

describe('ladder import', () => {
  test('one page: YAML on stdout, notes on stderr as file:line', async () => {
    const r = await runCli(['import', MESSY]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=schemas/family.schema.json');
    expect(r.stdout).toMatch(/^kind: family\nid: widget-operations\n/m);
    expect(r.stderr).toMatch(/^test\/fixtures\/import\/messy\/index\.html\.md:72: "<!-- a comment the importer cannot place -->" \(skipped\)$/m);
    noStack(r.stderr);
  });

  test('a directory: every page into one set, the ERB partial found beside it, one file per family', async () => {
    const out = join(tmp, 'dir');
    const r = await runCli(['import', join(FIXTURES, 'import', 'messy'), SALES, '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['sales-analytics-analyst-family.yaml', 'widget-operations.yaml']);
    const text = readFileSync(join(out, 'sales-analytics-analyst-family.yaml'), 'utf8');
    expect(text).toMatch(/participates in the \[Sales KPIs\]/);
    // Written outside the project ladder is installed in (a temporary directory): the published
    // schema's address, not a path of this machine.
    const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1];
    expect(schema).toBe(`https://unpkg.com/career-ladder-cli@${VERSION}/schemas/family.schema.json`);
    expect(r.stderr).toMatch(/ladder: wrote 2 families \(5 roles\) to /);
    // What was written lints with no errors.
    const lint = await runCli(['lint', out, '--format', 'json']);
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout).filter((f: { severity?: string; level?: string }) => (f.severity ?? f.level) === 'error')).toEqual([]);
  });

  const hugo = join(ROOT, 'test', 'fixtures', 'gitlab', 'hugo-sample');
  test('a folder of the newer format (_index.md and one file per level) is one page', async () => {
    const r = await runCli(['import', hugo]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^id: technology-partner-manager-family$/m);
    // Its place in the current handbook, from the folder's path below the imported directory.
    expect(r.stdout).toMatch(/^source: https:\/\/handbook\.gitlab\.com\/job-families\/alliances\/technology-partner-manager\/$/m);
    expect(r.stdout.match(/^ {4}grade: /gm)).toHaveLength(5);
    expect(r.stderr).toMatch(/technology-partner-manager\/_index\.md:17: hiring-process prose/);
  });

  test('nothing is overwritten without --force; with --force it is, and no temporary file is left', async () => {
    const out = join(tmp, 'force');
    mkdirSync(out);
    writeFileSync(join(out, 'widget-operations.yaml'), 'mine\n');
    const r = await runCli(['import', MESSY, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/widget-operations\.yaml exists; pass --force to overwrite it; nothing was written\n$/);
    expect(readFileSync(join(out, 'widget-operations.yaml'), 'utf8')).toBe('mine\n');
    const f = await runCli(['import', MESSY, '--out', out, '--force']);
    expect(f.code).toBe(0);
    expect(readFileSync(join(out, 'widget-operations.yaml'), 'utf8')).toMatch(/^kind: family$/m);
    expect(readdirSync(out)).toEqual(['widget-operations.yaml']);
  });

  test('a failed write leaves nothing behind', async () => {
    const blocker = join(tmp, 'blocker');
    writeFileSync(blocker, 'a file where the output directory should be\n');
    const r = await runCli(['import', MESSY, '--out', join(blocker, 'sub')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').pop()).toMatch(/^ladder: cannot write to .*nothing was written$/);
    expect(readFileSync(blocker, 'utf8')).toMatch(/^a file/);
    noStack(r.stderr);
  });

  test.each([
    [
      'several pages need --out',
      () => ['import', MESSY, join(SALES, 'sales-analytics-analyst-jf', 'index.html.md.erb')],
      /^ladder: 2 pages to import: pass --out <dir>/,
    ],
    ['a missing page', () => ['import', 'no/such/page.md'], /^ladder: no\/such\/page\.md: no such file or directory\n$/],
    ['a directory without job-family pages', () => ['import', join(ROOT, 'schemas')], /^ladder: no handbook pages/],
    [
      'a page without any graded role',
      () => ['import', writePage('nograde.md', '---\nlayout: job_family_page\ntitle: X\n---\n## Responsibilities\n* Work\n')],
      /ladder: nothing to import: no page has a role with a grade/,
    ],
  ])('%s: exit 2 with a clear message, nothing on stdout', async (_name, argv, message) => {
    const r = await runCli(argv());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    noStack(r.stderr);
  });
});

function writePage(name: string, text: string): string {
  const p = join(tmp, 'pages', name);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}
