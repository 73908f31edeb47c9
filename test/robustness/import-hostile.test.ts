/** Hostile handbook pages at import: bounded partial expansion, no forged structure, escaped notes. */
import { describe, expect, test } from '@jest/globals';
import { importPages } from '../../src/import/import-pages.js';
import { MAX_PARTIAL_CHARS } from '../../src/handbook/read-page.js';
import { mkdtempSync, writeFileSync, rmSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

const page = (body: string) => `---\nlayout: job_family_page\ntitle: "Hostile"\n---\n\n${body}\n`;

describe('ERB partials', () => {
  test('a 7 KB page including a 1.4 MB partial 100 times is capped, not expanded to 140 MB', () => {
    const big = `* ${'word '.repeat(280_000)}\n`;
    const calls = Array.from({ length: 100 }, () => '<%= partial("job-families/big") %>').join('\n\n');
    const text = page(`## Levels\n\n### Analyst\n\nThe Analyst is a grade 6.\n\n#### Responsibilities\n\n${calls}`);
    expect(text.length).toBeLessThan(7 * 1024);
    const result = importPages([{ file: 'p.md', text, partial: () => big }]);
    const items = (result.families[0].family.roles.analyst as Record<string, unknown>).responsibilities as string[];
    const total = items.reduce((n, i) => n + i.length, 0);
    expect(total).toBeLessThanOrEqual(MAX_PARTIAL_CHARS);
    expect(items).toHaveLength(1);
    expect(result.reports.some((r) => /partial "job-families\/big" not expanded/.test(r.message))).toBe(true);
  });
});

describe('import through the CLI', () => {
  test('notes on stderr quote page text escaped: no raw ESC, BEL or OSC sequence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-notes-'));
    try {
      const file = join(dir, 'p.md');
      writeFileSync(
        file,
        page(
          '## Levels\n\n### Analyst\n\nThe Analyst is a grade 6.\n\n#### Responsibilities\n\n- Work\n\n### \u001b]8;;http://evil\u0007Click\u001b]8;;\u0007 \u001b[2J\u001b]0;pwned\u0007\n\nText under it.\n',
        ),
      );
      const r = await runCli(['import', file]);
      expect(r.code).toBe(0);

      expect(r.stderr).not.toMatch(/[\u0007\u001b]/);
      expect(r.stderr).toContain('\\u001b]8;;http://evil\\u0007Click');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a newline in a page's file name does not inject YAML through the header comment", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-name-'));
    try {
      const name = 'x\nrequirements: [Injected]\n#.md';
      writeFileSync(join(dir, name), page('## Levels\n\n### Analyst\n\nThe Analyst is a grade 6.\n\n#### Responsibilities\n\n- Work\n'));
      const out = join(dir, 'out');
      const r = await runCli(['import', dir, '--out', out]);
      expect(r.code).toBe(0);
      const [yamlFile] = readdirSync(out);
      const text = readFileSync(join(out, yamlFile), 'utf8');
      expect(text).not.toMatch(/^requirements:/m);
      expect(text).toMatch(/^# Imported by `ladder import` from .*x\\nrequirements: \[Injected\]\\n#\.md$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
