/** The newer handbook format: a folder with `_index.md` and one file per level (the corpus sample). */
import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assembleHugoFamily, importPages } from '../../src/import/import-pages.js';
import { GITLAB_FIXTURES } from '../helpers/corpus.js';

const DIR = join(GITLAB_FIXTURES, 'hugo-sample', 'alliances', 'technology-partner-manager');

describe('a Hugo job-family folder', () => {
  const read = (name: string) => ({ file: `tpm/${name}`, text: readFileSync(join(DIR, name), 'utf8') });
  const levels = readdirSync(DIR)
    .filter((n) => n !== '_index.md')
    .map(read);
  const page = assembleHugoFamily(read('_index.md'), levels)!;
  const result = importPages([page]);
  const fam = result.families[0].family as Record<string, any>;

  test('levels in weight order, each with its grade; page-level sections from _index.md', () => {
    expect(Object.entries(fam.roles).map(([id, r]: [string, any]) => [id, r.grade])).toEqual([
      ['associate-technology-partner-manager', 5],
      ['technology-partner-manager', 6],
      ['senior-technology-partner-manager', 7],
      ['manager-technology-partner-managers', 8],
      ['senior-manager-technology-partner-managers', 9],
    ]);
    expect(fam.title).toBe('Technology Partner Manager');
    expect(fam.roles['senior-technology-partner-manager'].extends).toBe('technology-partner-manager');
    expect(fam.hiring_process).toHaveLength(4);
    expect(fam.performance_indicators).toHaveLength(3);
  });

  test('reports point at the file and line where the text was written', () => {
    const files = new Set(result.reports.map((r) => r.file));
    expect([...files].every((f) => f.startsWith('tpm/'))).toBe(true);
    const prose = result.reports.find((r) => r.message.startsWith('hiring-process prose'))!;
    expect(prose.file).toBe('tpm/_index.md');
    expect(readFileSync(join(DIR, '_index.md'), 'utf8').split('\n')[prose.line - 1]).toMatch(/^Applicants for this position/);
  });
});
