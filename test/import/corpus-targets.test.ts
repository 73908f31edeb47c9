/**
 * The targets on both GitLab corpora (the 2022 handbook and the current, Hugo-based one),
 * read exactly as `ladder import <dir>` reads them: no crash; at least 99 % of the families with a
 * graded role lint with zero errors and carry every stated grade on the right role; no placeholder
 * imported as an item; the bullets under every Responsibilities/Requirements heading land in that
 * section on every page. The same numbers are printed by `npm run corpus -- <dir>`. The corpora sit
 * beside the repository (or LADDER_CORPUS names their folder); without them the suite is skipped and
 * reads nothing.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importPages, type ImportResult, type PageInput } from '../../src/import/import-pages.js';
import { familyYaml } from '../../src/import/family-yaml.js';
import { measureCorpus, type CorpusMeasure } from '../../src/import/measure.js';
import { buildDataSet, loadFile } from '../../src/core/load.js';
import { runLint } from '../../src/core/lint/engine.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';
import { findPages, pageInputs } from '../../src/io/pages.js';
import { familyMarkdown } from '../../src/handbook/write-page.js';
import { ROOT } from '../helpers/run-cli.js';

const BASE = process.env.LADDER_CORPUS ? resolve(process.env.LADDER_CORPUS) : join(ROOT, '..', 'shared', 'corpus');
const CORPORA = [
  ['the 2022 handbook', join(BASE, 'gitlab', 'pages')],
  ['the current handbook', join(BASE, 'gitlab-hugo', 'pages')],
] as const;

for (const [name, dir] of CORPORA) {
  const present = existsSync(dir);
  if (!present) process.stderr.write(`corpus targets for ${name} skipped: no corpus at ${dir} (set LADDER_CORPUS=<dir with gitlab/ and gitlab-hugo/>)\n`);
  (present ? describe : describe.skip)(`corpus targets: ${name}`, () => {
    let inputs: PageInput[];
    let result: ImportResult;
    let m: CorpusMeasure;
    let loadedYaml: { id: string; text: string }[];
    beforeAll(async () => {
      inputs = await pageInputs(await findPages(['.'], dir), dir);
      result = importPages(inputs);
      const schemas = await loadSchemaSupport();
      loadedYaml = result.families.map((f) => ({ id: f.family.id, text: familyYaml(f.family, null) }));
      const loaded = loadedYaml.map((f) => loadFile({ file: `${f.id}.yaml`, text: f.text }, schemas));
      const lintErrors = new Map<string, string[]>();
      for (const f of runLint(loaded, buildDataSet(loaded))) {
        if (f.level !== 'error') continue;
        const id = f.file.replace(/\.yaml$/, '');
        lintErrors.set(id, [...(lintErrors.get(id) ?? []), `${f.ruleId}: ${f.message}`]);
      }
      m = measureCorpus(inputs, result, lintErrors);
    });

    test('at least 99 % of the families with a graded role lint clean and carry every stated grade on the right role', () => {
      expect(m.totals.graded).toBeGreaterThan(90);
      expect(m.totals.cleanAndGraded / m.totals.graded).toBeGreaterThanOrEqual(0.99);
      expect(m.misses.errors).toEqual([]);
    });

    test('no placeholder is imported as an item', () => {
      expect(m.misses.placeholders).toEqual([]);
      expect(m.totals.placeholdersSkipped).toBeGreaterThan(0);
    });

    test('the bullets of every Responsibilities/Requirements section land in it, on every page', () => {
      expect(m.totals.bullets.requirements.found).toBeGreaterThan(3000);
      // Bullets under headings without any grade are reported with the heading and counted apart.
      expect(m.misses.bullets).toEqual([]);
      expect(m.totals.bulletPagesOff).toBe(0);
    });

    test('export, then import of all families together, gives back the same roles, references, items and specialties', async () => {
      const schemas = await loadSchemaSupport();
      const ds = buildDataSet(loadedYaml.map((f) => loadFile({ file: `${f.id}.yaml`, text: f.text }, schemas)));
      const again = importPages(ds.families.map((fam) => ({ file: `${fam.id}.md`, text: familyMarkdown(ds, fam) })));
      // Roles with every field, family items, `next`, hiring steps and specialties. Page prose
      // (summaries, the career ladder) and `external` entries nothing refers to are page text, not data.
      const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
      const ROLE = [
        'title',
        'level',
        'grade',
        'reports_to',
        'extends',
        'remove',
        'responsibilities',
        'requirements',
        'nice_to_haves',
        'performance_indicators',
        'hiring_process',
      ];
      const FAMILY = ['id', 'title', 'source', 'responsibilities', 'requirements', 'nice_to_haves', 'performance_indicators', 'next', 'hiring_process'];
      const view = (r: ImportResult) =>
        Object.fromEntries(
          r.families.map((f) => [
            f.family.id,
            {
              ...pick(f.family, FAMILY),
              roles: Object.entries(f.family.roles).map(([id, role]) => ({ id, ...pick(role, ROLE) })),
              specialties: f.family.specialties ?? {},
            },
          ]),
        );
      const before = view(result);
      const after = view(again);
      // References across families are part of it: they only resolve because all families come back together.
      const familyOfRole = new Map(result.families.flatMap((f) => Object.keys(f.family.roles).map((id) => [id, f.family.id] as const)));
      const across = result.families.flatMap((f) =>
        Object.values(f.family.roles).flatMap((r) =>
          [r.extends, r.reports_to].filter((id) => typeof id === 'string' && familyOfRole.has(id) && familyOfRole.get(id) !== f.family.id),
        ),
      );
      expect(across.length).toBeGreaterThan(20);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const id of Object.keys(before)) expect({ id, family: after[id] }).toEqual({ id, family: before[id] });
    });
  });
}
