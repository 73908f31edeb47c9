/**
 * Every pattern the importer and the exporter run on page text is linear: each hostile input is
 * doubled three times (n, 2n, 4n, 8n) and the time must grow about linearly (a quadratic pattern
 * grows 64 times over three doublings, a linear one 8 times). A run that takes more than a few
 * seconds fails at once, so a regression cannot hang the suite.
 */
import { describe, expect, test } from '@jest/globals';
import { importPages } from '../../src/import/import-pages.js';
import { familyMarkdown } from '../../src/handbook/write-page.js';
import { buildDataSet, loadFile } from '../../src/core/load.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';

const BASE = 4000;
const BUDGET_MS = 3000;
/** Linear growth is 8× over three doublings; allow for a busy machine, far below quadratic (64×). */
const MAX_RATIO = 20;

function timeOnce(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

/** Best of a few runs at sizes BASE·1, 2, 4, 8; the ratio of the last to the first. */
function growth(make: (n: number) => () => void): { ratio: number; times: number[] } {
  const times: number[] = [];
  for (const k of [1, 2, 4, 8]) {
    const run = make(BASE * k);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = timeOnce(run);
      if (t > BUDGET_MS) throw new Error(`size ${BASE * k}: ${Math.round(t)} ms, over the ${BUDGET_MS} ms budget (super-linear)`);
      best = Math.min(best, t);
    }
    times.push(best);
  }
  // A floor of 1 ms keeps timer noise on tiny inputs from looking like growth.
  return { ratio: Math.max(times[3], 1) / Math.max(times[0], 1), times };
}

const page = (body: string) => `---\nlayout: job_family_page\ntitle: "Hostile"\n---\n\n${body}\n`;
const role = (extra: string) => page(`## Levels\n\n### Analyst\n\nThe Analyst is a grade 6.\n\n#### Responsibilities\n\n* Do things\n\n${extra}`);
const imp = (text: (n: number) => string) => (n: number) => {
  const t = text(n);
  return () => {
    importPages([{ file: 'p.md', text: t, partial: () => 'x' }]);
  };
};
const sp = (n: number) => ' '.repeat(n);

const IMPORT_CASES: [string, (n: number) => () => void][] = [
  ['heading line padded with spaces', imp((n) => page(`## a${sp(n)}b`))],
  ['heading of emphasis markers', imp((n) => page(`## ${'*'.repeat(n)}`))],
  [
    'heading with a run of commas before a section word',
    imp((n) => page(`### Analyst\n\nThe Analyst is a grade 6.\n\n#### a ${','.repeat(n)}b Requirements\n\n* x`)),
  ],
  ['heading with braces', imp((n) => role(`### ${'{'.repeat(n)} Analyst\n`))],
  ['grade sentence padded with spaces', imp((n) => page(`### Analyst\n\nThe Analyst is a grade${sp(n)}[${sp(n)}level${sp(n)}#${sp(n)}x`))],
  ['grade sentence ending in spaces', imp((n) => page(`### Analyst\n\nThe Analyst${sp(n)}is a grade 6${sp(n)}x`))],
  ['ERB partial call padded with spaces', imp((n) => page(`<%=${sp(n)}partial${sp(n)}(${sp(n)}"a"${sp(n)},${sp(n)}:locals${sp(n)}=>${sp(n)}{${sp(n)}x`))],
  ['ERB partial call closing padded', imp((n) => page(`<%= partial("a")${sp(n)})${sp(n)}x`))],
  ['trailing-space trim', imp((n) => role(`* a${sp(n)}b`))],
  ['line of spaces and a tab', imp((n) => role(`${sp(n)}\t${sp(n)}x`))],
  ['annotation with an unclosed object', imp((n) => role(`* item${sp(n)}<!-- ladder: {${sp(n)}x`))],
  ['repeated annotation openings', imp((n) => role(`* item ${'<!-- ladder: {'.repeat(n / 16)}x`))],
  ['unclosed link texts', imp((n) => role(`* ${'['.repeat(n)}`))],
  ['unclosed link targets', imp((n) => role(`* ${'[a]('.repeat(n / 4)}`))],
  ['link target padded with spaces', imp((n) => role(`* [a](b${sp(n)}x`))],
  ['open parentheses', imp((n) => role(`* The Analyst extends the ${'('.repeat(n)}`))],
  ['bold line padded with spaces', imp((n) => page(`**a${sp(n)}**${sp(n)}:${sp(n)}x`))],
  ['bold line of repeated markers', imp((n) => page(`**${'** '.repeat(n / 3)}x`))],
  ['reports-to sentence padded with spaces', imp((n) => role(`The Analyst reports${sp(n)}to${sp(n)}the${sp(n)}Manager${sp(n)}and${sp(n)}x`))],
  ['reports-to with a long name', imp((n) => role(`The Analyst reports to the ${'Manager '.repeat(n / 8)}`))],
  ['extends sentence padded with spaces', imp((n) => role(`* Extends${sp(n)}the${sp(n)}Analyst${sp(n)}responsibilities${sp(n)}x`))],
  ['table cell padded with spaces', imp((n) => page(`| Title | Grade |\n|---|---|\n| [${sp(n)}a${sp(n)}|${sp(n)}Grade${sp(n)}x`))],
  ['table cell of brackets', imp((n) => page(`| Title | Grade |\n|---|---|\n| ${'['.repeat(n)} | [Grade 7](${'('.repeat(n)} |`))],
  ['front matter value padded', imp((n) => `---\nlayout: job_family_page\ntitle:${sp(n)}\u2028${sp(n)}x\n---\n`)],
  ['list marker then spaces and a line separator', imp((n) => role(`*${sp(n)}\u2028${sp(n)}x`))],
  ['colon run at the end of a paragraph', imp((n) => role(`Intro${sp(n)}:${sp(n)}x`))],
];

describe('importer patterns grow linearly', () => {
  for (const [name, make] of IMPORT_CASES) {
    test(name, () => {
      const { ratio, times } = growth(make);
      expect({ name, ratio: ratio < MAX_RATIO ? 'linear' : `×${ratio.toFixed(1)} (${times.map((t) => t.toFixed(1)).join(', ')} ms)` }).toEqual({
        name,
        ratio: 'linear',
      });
    });
  }
});

describe('exporter patterns grow linearly', () => {
  test('items, titles and summaries padded with spaces', async () => {
    const schemas = await loadSchemaSupport();
    const make = (n: number) => {
      const pad = sp(n);
      const yaml = [
        'kind: family',
        'id: hostile',
        'title: Hostile',
        `summary: ${JSON.stringify(`a${pad}b${pad}\n${pad}reports to the${pad}X`)}`,
        'roles:',
        '  analyst:',
        '    title: Analyst',
        '    grade: 6',
        `    responsibilities: [${JSON.stringify(`a${pad}b${pad}<!--${pad}x`)}, ${JSON.stringify(`${'['.repeat(n)}`)}]`,
        '',
      ].join('\n');
      const ds = buildDataSet([loadFile({ file: 'h.yaml', text: yaml }, schemas)]);
      const fam = ds.families[0];
      return () => {
        familyMarkdown(ds, fam);
      };
    };
    const { ratio, times } = growth(make);
    expect(ratio < MAX_RATIO ? 'linear' : `×${ratio.toFixed(1)} (${times.map((t) => t.toFixed(1)).join(', ')} ms)`).toBe('linear');
  });
});

describe('reference search grows linearly', () => {
  test('roles whose "reports to" and "Extends" name no role of the set', () => {
    const words = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet', 'Kilo', 'Lima'];
    const name = (i: number) => `${words[i % 12]} ${words[Math.floor(i / 12) % 12]} ${words[Math.floor(i / 144) % 12]} Specialist ${i}`;
    const make = (n: number) => {
      const roles = Array.from(
        { length: n / 8 },
        (_, i) =>
          `### ${name(i)}\n\nThe ${name(i)} reports to the Nobody Known ${i}.\n\nThe ${name(i)} is a grade 6.\n\n#### Responsibilities\n\n- Extends the Unknown Role Number ${i} responsibilities\n- Work ${i}\n`,
      );
      const text = `---\nlayout: job_family_page\ntitle: "Many"\n---\n\n## Levels\n\n${roles.join('\n')}`;
      return () => {
        importPages([{ file: 'many.md', text }]);
      };
    };
    const { ratio, times } = growth(make);
    expect(ratio < MAX_RATIO ? 'linear' : `×${ratio.toFixed(1)} (${times.map((t) => t.toFixed(1)).join(', ')} ms)`).toBe('linear');
  });
});
