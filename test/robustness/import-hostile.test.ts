/** Hostile handbook pages at import: bounded partial expansion, no forged structure, escaped notes. */
import { describe, expect, test } from '@jest/globals';
import { importPages } from '../../src/import/import-pages.js';
import { MAX_PARTIAL_CHARS } from '../../src/handbook/read-page.js';

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
