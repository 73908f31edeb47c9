/** `ladder packet`: golden documents for the bundled data, and data text that must not break the markdown. */
import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT, runCli } from '../helpers/run-cli.js';
import { expectGolden } from '../helpers/golden.js';
import { markdownText } from '../../src/render/markdown-text.js';

describe('golden packets (bundled data, example profiles)', () => {
  test.each<[string, string[]]>([
    ['packet-sam-rivera-next.md', ['packet', '--next', '--profile', 'examples/profiles/sam-rivera.yaml']],
    ['packet-sam-rivera-next.html', ['packet', '--next', '--profile', 'examples/profiles/sam-rivera.yaml', '--format', 'html']],
    ['packet-jordan-lee-to-senior.md', ['packet', '--to', 'senior-lab-curriculum-developer', '--profile', 'examples/profiles/jordan-lee.yaml']],
  ])('%s', async (name, argv) => {
    const r = await runCli(argv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectGolden(name, r.stdout);
  });

  test('docs/promotion.md shows the real packet of the example (the golden file)', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'promotion.md'), 'utf8');
    const golden = readFileSync(join(ROOT, 'test', 'golden', '__golden__', 'packet-sam-rivera-next.md'), 'utf8');
    expect(doc).toContain('```markdown\n' + golden + '```\n');
  });

  test('the sections a committee reads, word changes visible without colour, only absolute links', async () => {
    const r = await runCli(['packet', '--next', '--profile', 'examples/profiles/sam-rivera.yaml']);
    const headings = r.stdout.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## The step', '## What changes between the levels', '## Where Sam Rivera stands', '## What remains', '## Handbook pages']);
    expect(r.stdout).toContain('~~5+~~ **7+** years of experience in IT');
    expect(r.stdout).toContain('_(level working → advanced)_');
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).not.toMatch(/\]\((?!https:\/\/)/);
    // Missing comes first in the standing.
    expect(r.stdout.indexOf('### Missing (3)')).toBeLessThan(r.stdout.indexOf('### Met (12)'));
  });
});

describe('data text is neutralised', () => {
  test.each<[string, string, string]>([
    ['line breaks', 'one\ntwo\r\nthree', 'one two three'],
    ['a heading at the start', '# title', '\\# title'],
    ['a quote', '> quoted', '\\> quoted'],
    ['a list', '- item', '\\- item'],
    ['an ordered list', '12. item', '12\\. item'],
    ['a fence', '```js', '\\```js'],
    ['a setext underline', '---', '\\---'],
    ['HTML', 'a <script>x</script>', 'a &lt;script>x&lt;/script>'],
    ['control characters', 'red \u001b[31m bell \u0007', 'red \\u001b[31m bell \\u0007'],
    ['a relative link without a base keeps its label', 'see [guide](/handbook/x/)', 'see [guide]'],
    ['an absolute link is kept', 'see [guide](https://example.com/a)', 'see [guide](https://example.com/a)'],
    ['emphasis in the middle is kept', 'very *important*', 'very *important*'],
  ])('%s', (_name, text, expected) => {
    expect(markdownText(text)).toBe(expected);
  });

  test('long runs of spaces, brackets and line breaks are handled in one pass', () => {
    const n = 200_000;
    expect(markdownText(' '.repeat(n) + 'x' + ' \n'.repeat(n) + 'y')).toBe('x y');
    expect(markdownText('](' + 'a'.repeat(n) + '](' + 'b'.repeat(10))).toHaveLength(2 * 2 + n + 10);
    expect(markdownText('='.repeat(n) + 'x')).toBe('='.repeat(n) + 'x');
  });

  test('relative links become absolute against the base; pipes are escaped in cells', () => {
    expect(markdownText('[g](/handbook/x/#y)', { base: 'https://about.gitlab.com/job-families/a/' })).toBe('[g](https://about.gitlab.com/handbook/x/#y)');
    expect(markdownText('| a | b', { cell: true })).toBe('\\| a \\| b');
  });

  test('a packet of hostile data: no block, HTML, control character or relative link gets through', async () => {
    const r = await runCli(['--data', join(FIXTURES, 'packet'), 'packet', '--next', '--profile', join(FIXTURES, 'packet', 'profile.yaml')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    // Every line is one of the packet's own shapes: no line from the data starts a block.
    for (const l of lines)
      expect(l).toMatch(
        /^(|# Promotion case: .*|## .+|### .+|\*\*[A-Z][a-z ]+\*\*|\| .* \||\|---\|---\|---\||- .+|From \*\*.+|.+ meets \d+ of \d+ .+|\d+ items?: .+|Nothing: .+)$/,
      );
    expect(r.stdout).not.toMatch(/<(?!http)[a-z/]/i);
    expect(r.stdout).not.toMatch(/\x1b/);
    expect(r.stdout).not.toContain('](/');
    expect(r.stdout).toContain('[style guide](https://handbook.example.com/handbook/style/#words)');
    expect(r.stdout).toContain('\\> not a quote &lt;script>');
    expect(r.stdout).toContain('\\u001b[31m');
    expect(r.stdout).toContain('evidence: “Wrote the guide # twice”');
    expect(r.stdout).toContain('https://handbook.example.com/job-families/hostile/#senior-bwriterb');
  });
});

test('--format html: the packet as a page; nothing from the data becomes markup', async () => {
  const r = await runCli(['--data', join(FIXTURES, 'packet'), 'packet', '--next', '--profile', join(FIXTURES, 'packet', 'profile.yaml'), '--format', 'html']);
  expect(r.code).toBe(0);
  const tags = new Set([...r.stdout.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
  expect([...tags].sort()).toEqual(
    [
      'a',
      'body',
      'code',
      'h1',
      'h2',
      'h3',
      'head',
      'html',
      'li',
      'meta',
      'p',
      's',
      'strong',
      'style',
      'table',
      'tbody',
      'td',
      'th',
      'thead',
      'title',
      'tr',
      'ul',
    ].sort(),
  );
  expect(r.stdout).toContain('<title>Promotion case: Alex &lt;i&gt;Hostile&lt;/i&gt;</title>');
  expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
});

test('a family without `source`: no link to a page, and no relative link is written', async () => {
  const d = mkdtempSync(join(tmpdir(), 'ladder-packet-'));
  try {
    const profile = join(d, 'p.yaml');
    writeFileSync(profile, 'kind: profile\nrole: engineer\nexperience: {eng: 3}\n');
    const r = await runCli(['--data', join(FIXTURES, 'next'), 'packet', '--next', '--profile', profile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| Title | Engineer | Senior Engineer |');
    expect(r.stdout).toContain('- Senior Engineer: no handbook page (the family `team` has no `source` URL)');
    expect(r.stdout).toContain('- [ ] 5+ years of experience (3 of 5 years in eng)');
    expect(r.stdout).not.toContain('](');
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

describe('ladder packet (CLI)', () => {
  test.each<[string, string[], RegExp]>([
    ['neither --next nor --to', ['packet', '--profile', 'examples/profiles/sam-rivera.yaml'], /give --next .* or --to <role>/],
    [
      'both',
      ['packet', '--next', '--to', 'senior-lab-curriculum-developer', '--profile', 'examples/profiles/sam-rivera.yaml'],
      /either --to <role> or --next, not both/,
    ],
    [
      'a profile without a role',
      ['packet', '--to', 'senior-lab-curriculum-developer', '--profile', 'test/fixtures/diff-gap/profiles/no-role.yaml'],
      /add `role: <current role id>` to the profile/,
    ],
    [
      'an unknown target',
      ['packet', '--to', 'senior-lab-curiculum-developer', '--profile', 'examples/profiles/sam-rivera.yaml'],
      /did you mean `senior-lab-curriculum-developer`/,
    ],
    [
      '--next at the top of a ladder',
      ['packet', '--next', '--profile', 'test/fixtures/diff-gap/profiles/top.yaml'],
      /is the top of the Lab Curriculum Development ladder/,
    ],
  ])('%s: exit 2, one clear message', async (_name, argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('--out writes the same document to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-packet-'));
    try {
      const out = join(dir, 'case.md');
      const r = await runCli(['packet', '--next', '--profile', 'examples/profiles/sam-rivera.yaml', '--out', out]);
      const direct = await runCli(['packet', '--next', '--profile', 'examples/profiles/sam-rivera.yaml']);
      expect([r.code, r.stdout]).toEqual([0, '']);
      expect(existsSync(out)).toBe(true);
      expect(readFileSync(out, 'utf8')).toBe(direct.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
