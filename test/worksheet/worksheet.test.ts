/**
 * The worksheet round trip: a worksheet written for a role, filled in (by ladder from a profile, or
 * by a script as a person would), read back by `gap --profile sheet.csv`, gives the same answer as
 * the profile; a CSV saved by a spreadsheet (CRLF, BOM, quoted newlines, reordered rows, an extra
 * column) reads the same; unknown item ids are positioned findings.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parse as parseYaml } from 'yaml';
import { FIXTURES, ROOT, runCli } from '../helpers/run-cli.js';
import { prefixFormula, unprefixFormula, WORKSHEET_COLUMNS } from '../../src/core/worksheet.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-worksheet-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES: [string, string][] = [
  ['sam-rivera', 'senior-lab-curriculum-developer'],
  ['jordan-lee', 'senior-lab-curriculum-developer'],
  ['morgan-ortiz', 'senior-technical-instructor'],
  ['sam-rivera', 'lab-curriculum-developer'],
];
const profilePath = (name: string) => `examples/profiles/${name}.yaml`;

/** Status and detail per requirement, in page order: what `gap` answers. */
async function answer(role: string, profile: string): Promise<{ code: number; stderr: string; rows: [string, string, string][] }> {
  const r = await runCli(['gap', role, '--profile', profile, '--format', 'json']);
  const j = JSON.parse(r.stdout) as { requirements: { text: string; status: string; detail: string }[] };
  return { code: r.code, stderr: r.stderr, rows: j.requirements.map((x) => [x.text, x.status, x.detail]) };
}

const readCsv = (text: string): string[][] => parse(text, { bom: true });

describe('round trip', () => {
  test.each(CASES)('%s against %s: prefilled by ladder, read back, same answer', async (name, role) => {
    const sheet = join(dir, `${name}-${role}.csv`);
    const w = await runCli(['worksheet', role, '--profile', profilePath(name), '--out', sheet]);
    expect(w.code).toBe(0);
    const fromYaml = await answer(role, profilePath(name));
    const fromCsv = await answer(role, sheet);
    expect(fromCsv.stderr).toBe('');
    expect(fromCsv.rows).toEqual(fromYaml.rows);
    expect(fromCsv.code).toBe(fromYaml.code);
  });

  test.each(CASES)('%s against %s: an empty worksheet filled in by a script reads back the same', async (name, role) => {
    const empty = await runCli(['worksheet', role]);
    expect(empty.code).toBe(0);
    const p = parseYaml(readFileSync(join(ROOT, profilePath(name)), 'utf8')) as {
      experience?: Record<string, number>;
      skills: string[] | Record<string, string>;
      evidence?: Record<string, string>;
    };
    // The person knows their skills by id; the example profiles use titles and aliases too.
    const vocabulary = parseYaml(readFileSync(join(ROOT, 'data', 'skills.yaml'), 'utf8')) as { skills: Record<string, { title: string; aliases?: string[] }> };
    const idOf = (s: string) =>
      Object.entries(vocabulary.skills).find(([id, e]) => [id, e.title, ...(e.aliases ?? [])].some((x) => x.toLowerCase() === s.toLowerCase()))?.[0] ?? s;
    const skills = new Map<string, string | null>(
      Array.isArray(p.skills) ? p.skills.map((s) => [idOf(s), null]) : Object.entries(p.skills).map(([s, l]) => [idOf(s), l]),
    );
    const evidence = new Map(Object.entries(p.evidence ?? {}).map(([k, v]) => [k.toLowerCase().replace(/\s+/g, ' ').trim(), v]));
    const [head, ...rows] = readCsv(empty.stdout);
    expect(head).toEqual([...WORKSHEET_COLUMNS]);
    const at = (c: string) => head.indexOf(c);
    for (const row of rows) {
      if (row[at('years')] && p.experience?.[row[at('area')]] !== undefined) row[at('your_years')] = String(p.experience[row[at('area')]]);
      const asked = row[at('skills')] ? row[at('skills')].split(', ') : [];
      row[at('your_skills')] = asked
        .filter((s) => skills.has(s))
        .map((s) => (skills.get(s) ? `${s} (${skills.get(s)})` : s))
        .join('; ');
      row[at('evidence')] = evidence.get(row[at('item')]) ?? evidence.get(unprefixFormula(row[at('requirement')]).toLowerCase()) ?? '';
    }
    const sheet = join(dir, `filled-${name}-${role}.csv`);
    writeFileSync(sheet, stringify([head, ...rows]));
    expect((await answer(role, sheet)).rows).toEqual((await answer(role, profilePath(name))).rows);
  });

  test('a CSV saved by a spreadsheet: CRLF, BOM, quoted newlines, rows reordered, a notes column', async () => {
    const role = 'senior-lab-curriculum-developer';
    const written = (await runCli(['worksheet', role, '--profile', profilePath('sam-rivera')])).stdout;
    const [head, ...rows] = readCsv(written);
    const edited = [[...head, 'Notes'], ...rows.reverse().map((r, i) => [...r, i % 2 ? 'talk to\nmanager' : ''])];
    const text = '\ufeff' + stringify(edited, { record_delimiter: '\r\n', quoted: true });
    expect(text).toContain('"talk to\nmanager"');
    const sheet = join(dir, 'spreadsheet.csv');
    writeFileSync(sheet, text);
    const read = await answer(role, sheet);
    expect(read.stderr).toBe('');
    expect(read.rows).toEqual((await answer(role, profilePath('sam-rivera'))).rows);
  });
});

test('a CSV saved with semicolons (spreadsheets in decimal-comma locales) reads the same', async () => {
  const role = 'senior-lab-curriculum-developer';
  const rows = readCsv((await runCli(['worksheet', role, '--profile', profilePath('sam-rivera')])).stdout);
  const sheet = join(dir, 'semicolons.csv');
  writeFileSync(sheet, stringify(rows, { delimiter: ';' }));
  expect(readFileSync(sheet, 'utf8').split('\n')[0]).toContain('item;section;requirement');
  expect((await answer(role, sheet)).rows).toEqual((await answer(role, profilePath('sam-rivera'))).rows);
});

describe('reading a worksheet', () => {
  const role = 'senior-lab-curriculum-developer';
  const sheetWith = async (name: string, edit: (rows: string[][]) => void, options: { crlfNewlines?: boolean } = {}) => {
    const [head, ...rows] = readCsv((await runCli(['worksheet', role, '--profile', profilePath('sam-rivera')])).stdout);
    edit(rows);
    const file = join(dir, name);
    writeFileSync(file, stringify([head, ...rows], { record_delimiter: options.crlfNewlines ? '\r\n' : '\n' }));
    return file;
  };

  test('an unknown item id is a positioned finding (line of the row, column 1), the row ignored', async () => {
    const file = await sheetWith('typo.csv', (rows) => {
      rows[5][0] = 'ci-cd-gti';
    });
    const r = await runCli(['gap', role, '--profile', file]);
    expect(r.stderr).toMatch(
      /^.*typo\.csv:7:1: warning item `ci-cd-gti` \(did you mean `ci-cd-git`\?\) names no requirement of senior-lab-curriculum-developer; the row is ignored \(unknown-evidence\)\n$/,
    );
  });

  test('a row spanning lines is reported at the line it starts on', async () => {
    const file = await sheetWith('multiline.csv', (rows) => {
      rows[0][10] = 'first\nsecond';
      rows[2][0] = 'nothing-like-this';
    });
    const r = await runCli(['gap', role, '--profile', file]);
    expect(r.stderr).toContain('multiline.csv:5:1: warning item `nothing-like-this`');
  });

  test('bad cells: years that are no number, unknown skills and levels, positioned at their column', async () => {
    const file = await sheetWith('cells.csv', (rows) => {
      const years = rows.findIndex((r) => r[0] === 'it-saas-years');
      rows[years][8] = 'six';
      const iam = rows.findIndex((r) => r[0] === 'identity-access-management');
      rows[iam][9] = 'iam: advnced, pyhton';
    });
    const r = await runCli(['gap', role, '--profile', file]);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/cells\.csv:10:9: warning your_years `six` is not a number of years/),
      expect.stringMatching(/cells\.csv:14:10: warning unknown level `advnced` \(did you mean `advanced`\?\)/),
      expect.stringMatching(/cells\.csv:14:10: warning unknown skill `pyhton` \(did you mean `python`\?\)/),
    ]);
  });

  test.each<[string, string, RegExp]>([
    ['empty file', '', /empty worksheet/],
    ['no header', 'a,b\n1,2\n', /the first row must name the columns/],
    ['broken quoting', 'item,evidence\nx,"unclosed\n', /not a readable CSV file/],
  ])('%s: exit 2 with one clear line', async (name, text, message) => {
    const file = join(dir, `${name.replace(/ /g, '-')}.csv`);
    writeFileSync(file, text);
    const r = await runCli(['gap', role, '--profile', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('--next needs a profile with a role: a worksheet has none', async () => {
    const file = await sheetWith('next.csv', () => undefined);
    const r = await runCli(['gap', '--next', '--profile', file]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('a worksheet has no current role')]);
  });
});

describe('writing a worksheet', () => {
  test('formulas are never written to be evaluated: a leading apostrophe, quoted; read back unchanged', async () => {
    for (const t of ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx']) {
      expect(prefixFormula(t)).toBe(`'${t}`);
      expect(unprefixFormula(prefixFormula(t))).toBe(t);
    }
    expect(prefixFormula("'quoted already")).toBe("'quoted already");
    const r = await runCli(['--data', join(FIXTURES, 'worksheet'), 'worksheet', 'analyst']);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://example.com"",""click"")"`);
    expect(r.stdout).toContain(`"'- a list item"`);
    expect(r.stdout).toContain('\\u001b[31m');
    const file = join(dir, 'formula.csv');
    writeFileSync(file, r.stdout);
    const read = await runCli(['--data', join(FIXTURES, 'worksheet'), 'gap', 'analyst', '--profile', file, '--format', 'json']);
    expect(read.stderr).toBe('');
    expect(JSON.parse(read.stdout).requirements.map((x: { status: string }) => x.status)).toEqual(['unverified', 'unverified', 'unverified']);
  });

  test('RFC 4180 with a BOM and CRLF; one row per resolved requirement with what is asked', async () => {
    const r = await runCli(['worksheet', 'senior-lab-curriculum-developer']);
    expect(r.stdout.startsWith('\ufeffitem,section,requirement,years,area,skills,any_or_all,level,your_years,your_skills,evidence\r\n')).toBe(true);
    const rows = readCsv(r.stdout);
    const shown = JSON.parse((await runCli(['show', 'senior-lab-curriculum-developer', '--format', 'json'])).stdout);
    expect(rows.slice(1).map((x) => x[2])).toEqual(shown.requirements.map((x: { text: string }) => x.text));
    expect(rows.find((x) => x[0] === 'identity-access-management')).toEqual([
      'identity-access-management',
      'requirements',
      'Advanced knowledge of identity and access management',
      '',
      '',
      'iam',
      'all',
      'advanced',
      '',
      '',
      '',
    ]);
    expect(rows.find((x) => x[0] === 'it-saas-years')!.slice(3, 5)).toEqual(['7', 'it-saas']);
  });

  test('--out keeps an existing file unless --force', async () => {
    const file = join(dir, 'kept.csv');
    writeFileSync(file, 'my answers');
    const r = await runCli(['worksheet', 'senior-lab-curriculum-developer', '--out', file]);
    expect([r.code, readFileSync(file, 'utf8')]).toEqual([2, 'my answers']);
    expect(r.stderr).toContain('already exists; pass --force');
    const forced = await runCli(['worksheet', 'senior-lab-curriculum-developer', '--out', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^\ufeffitem,/);
  });
});
