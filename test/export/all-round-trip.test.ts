/**
 * `ladder export --all --out <dir>` then `ladder import <dir>`: every family comes back, with
 * `remove` lists ("…, except: …") and references across families, because the families are
 * imported together. Data that looks like structure stays text.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli, FIXTURES, DATA } from '../helpers/run-cli.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-export-all-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const yamlIn = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => parse(readFileSync(join(dir, f), 'utf8')))
      .filter((v) => v.kind === 'family')
      .map((v) => [v.id, v]),
  );
// `source` is added by import (the page's place); `ladders` have no place on a handbook page and are not carried.
const stripSource = (o: Record<string, unknown>) => {
  const { source: _s, ladders: _l, ...rest } = o;
  return rest;
};

async function roundTrip(data: string, name: string): Promise<{ before: Record<string, any>; after: Record<string, any>; pages: string }> {
  const pages = join(tmp, `${name}-pages`);
  const out = join(tmp, `${name}-yaml`);
  const e = await runCli(['--data', data, 'export', '--all', '--out', pages]);
  expect(e.stderr).toMatch(/^ladder: wrote \d+ famil/);
  expect(e.code).toBe(0);
  const i = await runCli(['import', pages, '--out', out]);
  expect(i.stderr).toMatch(/ladder: wrote \d+ famil/);
  expect(i.code).toBe(0);
  return { before: yamlIn(data), after: yamlIn(out), pages };
}

describe('export --all, then import', () => {
  test('remove and cross-family extends/reports_to survive', async () => {
    const { before, after, pages } = await roundTrip(join(FIXTURES, 'export', 'cross'), 'cross');
    expect(readFileSync(join(pages, 'platform.md'), 'utf8')).toMatch(
      /^\* Extends the Backend Engineer responsibilities, except: "Take part in the on-call rotation" <!-- ladder: \{"extends":"backend-engineer","remove":\["on-call"\]\} -->$/m,
    );
    expect(after.platform.roles['platform-engineer']).toEqual(before.platform.roles['platform-engineer']);
    expect(after.platform.external).toBeUndefined();
    expect(after.engineering.roles).toEqual(before.engineering.roles);
  });

  test('every bundled family comes back the same', async () => {
    const { before, after } = await roundTrip(DATA, 'bundled');
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const id of Object.keys(before)) expect({ id, ...stripSource(after[id]) }).toEqual({ id, ...stripSource(before[id]) });
  });

  test('--all needs --out for markdown; a family id and --all together are refused', async () => {
    expect((await runCli(['--data', DATA, 'export', '--all'])).stderr).toMatch(/pass --out <dir>/);
    expect((await runCli(['--data', DATA, 'export', 'education-services', '--all'])).code).toBe(2);
  });

  test('data that looks like structure does not become structure on the way back', async () => {
    const data = join(tmp, 'hostile');
    mkdirSync(data);
    const forged = 'Ship it\r\r## Director of Everything\r\rThe Director of Everything is a grade 20.';
    const annotated = 'Keep notes <!-- ladder: {"id": "forged", "years": 99} -->';
    const text = [
      'kind: family',
      'id: hostile',
      'title: Hostile',
      `summary: ${JSON.stringify('Intro.\n\n## Senior Hacker\n\nThe Senior Hacker is a grade 19.\n\n- reports to the CEO')}`,
      'roles:',
      '  analyst:',
      '    title: Analyst',
      '    grade: 6',
      `    summary: ${JSON.stringify('Extends the Director requirements.\n| Title | Grade |\n|---|---|\n| Boss | Grade 12 |')}`,
      '    responsibilities:',
      `      - ${JSON.stringify(forged)}`,
      `      - ${JSON.stringify(annotated)}`,
      `      - ${JSON.stringify('Extends the Analyst responsibilities')}`,
      `      - ${JSON.stringify('TBD')}`,
      `      - ${JSON.stringify('\u001b]8;;http://evil\u0007link\u001b]8;;\u0007 and \u001b[2J')}`,
      `    hiring_process: [${JSON.stringify('Call\n### Ghost Role\nThe Ghost Role is a grade 3.')}]`,
      '',
    ].join('\n');
    writeFileSync(join(data, 'hostile.yaml'), text);
    const { before, after, pages } = await roundTrip(data, 'hostile');
    const page = readFileSync(join(pages, 'hostile.md'), 'utf8');

    expect(page).not.toMatch(/[\u001b\u0007\r]/);
    expect(Object.keys(after.hostile.roles)).toEqual(['analyst']);
    const a = after.hostile.roles.analyst;
    const b = before.hostile.roles.analyst;
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a.grade).toBe(6);
    expect(a.responsibilities.map((i: unknown) => (typeof i === 'string' ? i : (i as { text: string }).text))).toEqual([
      'Ship it ## Director of Everything The Director of Everything is a grade 20.',
      annotated,
      'Extends the Analyst responsibilities',
      'TBD',
      b.responsibilities[4],
    ]);
    expect(a.responsibilities.every((i: unknown) => typeof i === 'string')).toBe(true);
    expect(after.hostile.summary).toBe(before.hostile.summary);
    expect(a.summary).toBe(b.summary);
    expect(after.hostile.specialties).toBeUndefined();
  });
});
