/**
 * near-duplicate-title has two scans: one for texts whose words are ASCII, which cuts and compares
 * words where they stand in the text, and the exact one (Unicode word classes, lower-casing, folding)
 * for any text. On every text they must find the same findings, at the same places, with the same
 * words: compared here on the bundled data, the rule's fixtures, a generated data set, generated
 * families full of near-misses, and the imported GitLab corpus when it is present.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataSet, loadFile, type LoadedFile } from '../../src/core/load.js';
import { runLint } from '../../src/core/lint/engine.js';
import { RULES_BY_ID } from '../../src/core/lint/registry.js';
import { slotOf, useExactScanOnly } from '../../src/core/lint/rules/near-duplicate-title.js';
import type { SchemaSupport } from '../../src/core/schema-errors.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';
import { importPages } from '../../src/import/import-pages.js';
import { familyYaml } from '../../src/import/family-yaml.js';
import { findPages, pageInputs } from '../../src/io/pages.js';
// @ts-expect-error: a plain script, without types
import { generate, prng } from '../../scripts/generate.js';
import { corpusDir } from '../helpers/corpus.js';

let schemas: SchemaSupport;
let tmp: string;
beforeAll(async () => {
  schemas = await loadSchemaSupport();
  tmp = mkdtempSync(join(tmpdir(), 'ladder-ndt-'));
});
afterAll(() => {
  useExactScanOnly(false);
  rmSync(tmp, { recursive: true, force: true });
});

const rule = () => RULES_BY_ID.get('near-duplicate-title')!;

function findingsOf(files: LoadedFile[], exact: boolean) {
  useExactScanOnly(exact);
  try {
    return runLint(files, buildDataSet(files), { rules: [rule()] }).map((f) => `${f.file}:${f.line}:${f.column} ${f.messageId} ${f.message}`);
  } finally {
    useExactScanOnly(false);
  }
}

const load = (texts: [string, string][]) => texts.map(([file, text]) => loadFile({ file, text }, schemas));
const yamlIn = (dir: string): [string, string][] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => [n, readFileSync(join(dir, n), 'utf8')]);

/** Both scans on the same files: the same findings (and, where given, at least `min` of them). */
function expectSame(files: LoadedFile[], min = 0): void {
  const fast = findingsOf(files, false);
  const exact = findingsOf(files, true);
  expect(fast).toEqual(exact);
  expect(exact.length).toBeGreaterThanOrEqual(min);
}

const WORDS = ['Technical', 'Instructor', 'Engineer', 'Support', 'Manager', 'Program', 'Security', 'Analyst', 'Senior', 'Staff', 'Product', 'Designer'];
const FILLER = ['the', 'leads', 'works with', 'and', 'reports to', 'owns', 'a', 'team of', 'ships'];
/**
 * Separators between words, ASCII and not (the ASCII scan takes texts with the non-ASCII ones too:
 * an emoji and a lone surrogate separate words; a letter beyond the BMP is a word, the exact scan's).
 */
const SEPARATORS = [' ', ' ', ' ', ', ', ' (', ') ', ' - ', ' – ', '’s ', ' “', '” ', '\u00a0', ' / ', ' 🚀 ', '🚀', ' \ud800', ' 𝐀 '];

/** A word misspelt, re-cased or made a look-alike, or kept: what the rule must and must not find. */
function mangle(word: string, r: () => number, asciiOnly = false): string {
  const i = 1 + Math.floor(r() * (word.length - 2));
  switch (Math.floor(r() * (asciiOnly ? 5 : 9))) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1); // a letter left out
    case 1:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // two letters swapped
    case 2:
      return word.slice(0, i) + 'x' + word.slice(i + 1);
    case 3:
      return word.toUpperCase();
    case 4:
      return word + 's';
    case 5:
      return word.replace('e', 'е'); // a Cyrillic е: the exact scan's texts
    case 6:
      return word.slice(0, i) + '\u200b' + word.slice(i); // an invisible character inside
    default:
      return word;
  }
}

function generatedFamily(seed: number): string {
  const r = prng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const titles = new Set<string>();
  while (titles.size < 6) titles.add(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(WORDS)).join(' '));
  const roles = [...titles].map((title, i) => {
    const words = title.split(' ');
    const prose = Array.from({ length: 4 }, () => {
      const mention = words.map((w) => (r() < 0.4 ? mangle(w, r) : w)).join(pick(SEPARATORS));
      return `${pick(FILLER)}${pick(SEPARATORS)}${mention}${pick(SEPARATORS)}${pick(FILLER)}`;
    });
    // Half the families keep their titles ASCII (a look-alike title makes the rule try every word).
    const ownTitle = r() < 0.3 ? words.map((w) => mangle(w, r, seed % 2 === 0)).join(' ') : title;
    return `  f${seed}-r${i}:\n    title: ${JSON.stringify(ownTitle)}\n    grade: ${5 + i}\n    summary: ${JSON.stringify(prose[0])}\n    responsibilities:\n${prose
      .slice(1)
      .map((p) => `      - ${JSON.stringify(p)}\n`)
      .join('')}`;
  });
  return `kind: family\nid: f${seed}\ntitle: Family\nresponsibilities: [${JSON.stringify(`${pick(FILLER)} ${[...titles][0]}`)}]\nroles:\n${roles.join('')}`;
}

describe('near-duplicate-title: the ASCII scan finds what the exact scan finds', () => {
  test('at word and text boundaries, in the prose of a family joined into one text', () => {
    const responsibilities = [
      'Works with the Techincal Instructor daily.', // found
      'Techincal Instructorship is another word.', // a title word inside a longer word: not found
      'A Techincal XInstructor.',
      'Ends with Techincal', // and the next text starts with the title word: a text ends between them
      'Instructor leads.',
      'The Senior Techincal Instructor.', // found, as the longer title
      'Technical Instrcutor, then Technical Instructor.', // found
      'Techincal  --  Instructor / Senior', // separators only between the words: found
      'Techincalinstructor is one word.', // not found
      'Reports to the Senior', // a text ends between a title word and the next text's mention
      'Technical Instrcutor.', // found, as the shorter title
    ];
    const family = `kind: family\nid: demo\ntitle: Demo\nresponsibilities:\n${responsibilities.map((r) => `  - ${JSON.stringify(r)}\n`).join('')}roles:\n  technical-instructor:\n    title: Technical Instructor\n    grade: 6\n  senior-technical-instructor:\n    title: Senior Technical Instructor\n    grade: 7\n`;
    const files = load([['demo.yaml', family]]);
    const misspelt = (line: number, written: string, title: string, role: string) =>
      `demo.yaml:${line}:5 misspelt "${written}" looks like a misspelling of the role title "${title}" (${role})`;
    expect(findingsOf(files, false)).toEqual([
      misspelt(5, 'Techincal Instructor', 'Technical Instructor', 'technical-instructor'),
      misspelt(10, 'Senior Techincal Instructor', 'Senior Technical Instructor', 'senior-technical-instructor'),
      misspelt(11, 'Technical Instrcutor', 'Technical Instructor', 'technical-instructor'),
      misspelt(12, 'Techincal Instructor', 'Technical Instructor', 'technical-instructor'),
      misspelt(15, 'Technical Instrcutor', 'Technical Instructor', 'technical-instructor'),
    ]);
    expectSame(files, 5);
  });

  test('in role titles, which are scanned joined too: each finding at the role whose title it is', () => {
    const titles = [
      'Technical Instructor',
      'Techincal Instructor', // the same length as the first, later: found here
      'Senior Technical Instructor',
      'Senior Tehcnical Instructor', // the longest title it misspells wins
      'Data Analyst',
      'Data Analist Manager', // a longer title holding a misspelt shorter one
      'Lead Technicla Instructor “Labs”', // not ASCII: scanned alone, found as well
      'Instructor Technical', // no window of a title
    ];
    const family = `kind: family\nid: demo\ntitle: Demo\nroles:\n${titles.map((t, i) => `  r${i}:\n    title: ${JSON.stringify(t)}\n    grade: ${5 + i}\n`).join('')}`;
    const files = load([['demo.yaml', family]]);
    const at = (role: number, written: string, title: number) =>
      `demo.yaml:${6 + 3 * role}:12 misspelt "${written}" looks like a misspelling of the role title "${titles[title]}" (r${title})`;
    const expected = [at(1, 'Techincal Instructor', 0), at(3, 'Senior Tehcnical Instructor', 2), at(5, 'Data Analist', 4), at(6, 'Technicla Instructor', 0)];
    expect(findingsOf(files, false)).toEqual(expected);
    expect(findingsOf(files, true)).toEqual(expected);
  });

  test('where title words share a slot of the hash table (they are looked up by hash there)', () => {
    // Words of six letters ("k..or."), two by two in one slot: titles made of them are looked up by hash.
    const bySlot = new Map<number, string>();
    const pairs: [string, string][] = [];
    for (let i = 0; pairs.length < 3 && i < 26 ** 3; i++) {
      const w =
        'k' +
        'abcdefghijklmnopqrstuvwxyz'[i % 26] +
        'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / 26) % 26] +
        'or' +
        'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / 676)];
      const other = bySlot.get(slotOf(w));
      if (other !== undefined) {
        pairs.push([other, w]);
        bySlot.delete(slotOf(w));
      } else bySlot.set(slotOf(w), w);
    }
    expect(pairs.length).toBe(3);
    const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
    const titles = pairs.flat().map((w) => `${cap(w)} Steward`);
    // Each title mentioned with "Steward" misspelt, and each word misspelt before "Steward".
    const prose = pairs.flat().flatMap((w) => [`${cap(w)} Stewart leads.`, `The ${cap(w.slice(0, 2) + w.slice(3))} Steward.`]);
    const family = `kind: family\nid: demo\ntitle: Demo\nresponsibilities:\n${prose.map((r) => `  - ${JSON.stringify(r)}\n`).join('')}roles:\n${titles
      .map((t, i) => `  r${i}:\n    title: ${t}\n    grade: ${5 + i}\n`)
      .join('')}`;
    const files = load([['demo.yaml', family]]);
    expect(pairs.map(([a, b]) => slotOf(a) === slotOf(b))).toEqual([true, true, true]);
    expectSame(files, 2 * titles.length);
  });

  test('on the bundled data and the rule fixtures', () => {
    expectSame(load(yamlIn(join(process.cwd(), 'data'))));
    const fixtures = join(process.cwd(), 'test', 'fixtures', 'lint', 'rules');
    expectSame(load(yamlIn(fixtures).filter(([n]) => n.startsWith('near-duplicate-title'))), 1);
  });

  test('on a generated data set of 100 families', () => {
    const out = join(tmp, 'gen');
    generate({ families: 100, out });
    expectSame(load(yamlIn(out)));
  });

  test('on 300 generated families full of misspelt, re-cased and look-alike mentions', () => {
    const files = load(Array.from({ length: 300 }, (_, i) => [`f${i}.yaml`, generatedFamily(i + 1)]));
    // Every file must load: a family that fails its schema would not be compared at all.
    expect(files.filter((f) => !f.valid).map((f) => f.file)).toEqual([]);
    expectSame(files, 300);
  });

  const corpus = corpusDir();
  if (!corpus) process.stderr.write('near-duplicate-title scans on the corpus skipped: no corpus (set LADDER_CORPUS)\n');
  for (const name of ['gitlab', 'gitlab-hugo']) {
    const dir = corpus ? join(corpus, name, 'pages') : '';
    (corpus && existsSync(dir) ? test : test.skip)(`on the ${name} corpus, imported`, async () => {
      const imported = importPages(await pageInputs(await findPages(['.'], dir), dir));
      const texts: [string, string][] = imported.families.map((f) => [`${f.family.id}.yaml`, familyYaml(f.family, null)]);
      expect(texts.length).toBeGreaterThan(90);
      expectSame(load(texts));
    });
  }
});
