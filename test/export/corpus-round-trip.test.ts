/**
 * Import → export → import on the 151 families of the GitLab corpus: the second import gives the same
 * roles (ids, titles, grades, reports_to, extends), the same items in every section, the same family
 * items, `next` and hiring steps. (Summaries may lose a sentence that reads as structure, such as a
 * grade sentence kept inside a longer paragraph; they are not compared here.)
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importPages, placeOf, sourceUrl, type PageInput } from '../../src/import/import-pages.js';
import { familyYaml } from '../../src/import/family-yaml.js';
import { familyMarkdown } from '../../src/handbook/write-page.js';
import { buildDataSet, loadFile } from '../../src/core/load.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';
import { corpusPages } from '../helpers/corpus.js';

const PAGES = corpusPages('corpus round-trip test');
const maybe = PAGES ? describe : describe.skip;

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.md(\.erb)?$/.test(e.name) && !e.name.startsWith('_') ? [join(dir, e.name)] : [],
  );
const ROLE_KEYS = [
  'title',
  'level',
  'grade',
  'reports_to',
  'extends',
  'responsibilities',
  'requirements',
  'nice_to_haves',
  'performance_indicators',
  'hiring_process',
];
const FAMILY_KEYS = ['id', 'title', 'source', 'responsibilities', 'requirements', 'nice_to_haves', 'performance_indicators', 'next', 'hiring_process'];
const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

maybe('the GitLab corpus through export and back', () => {
  test('every family comes back with the same roles, references and items', async () => {
    const inputs: PageInput[] = walk(PAGES!)
      .sort()
      .map((abs) => {
        const place = placeOf(abs, PAGES!);
        return { file: relative(PAGES!, abs), text: readFileSync(abs, 'utf8'), key: place?.key, source: place?.exact ? sourceUrl(place.key) : undefined };
      })
      .filter((p) => /^\s*layout:\s*["']?job_family_page/m.test(p.text.slice(0, 600)));
    const first = importPages(inputs);
    const schemas = await loadSchemaSupport();
    const ds = buildDataSet(first.families.map((f) => loadFile({ file: `${f.family.id}.yaml`, text: familyYaml(f.family, null) }, schemas)));
    expect(ds.families).toHaveLength(first.families.length);
    const second = importPages(ds.families.map((f) => ({ file: `${f.id}.md`, text: familyMarkdown(ds, f) })));
    const view = (fams: typeof first.families) =>
      fams.map(({ family }) => ({
        ...pick(family, FAMILY_KEYS),
        roles: Object.entries(family.roles).map(([id, r]) => ({ id, ...pick(r, ROLE_KEYS) })),
        specialties: Object.keys(family.specialties ?? {}),
      }));
    expect(view(second.families)).toEqual(view(first.families));
  });
});
