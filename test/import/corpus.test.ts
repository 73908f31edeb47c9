/**
 * The importer on all 165 real GitLab job-family pages (read-only, beside the repository in CI):
 * no crash, every page with a graded role gives YAML that loads and lints with no errors, every grade
 * sentence's number on the right role, and "Extends …" lines under roles resolved to a role.
 * The same numbers are printed by `npm run corpus -- <dir>`.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importPages, placeOf, sourceUrl, type PageInput } from '../../src/import/import-pages.js';
import { familyYaml } from '../../src/import/family-yaml.js';
import { measureCorpus } from '../../src/import/measure.js';
import { buildDataSet, loadFile } from '../../src/core/load.js';
import { runLint } from '../../src/core/lint/engine.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';
import { corpusPages } from '../helpers/corpus.js';
import { expectOutlineAsFast, expectSameAsFullPipeline } from '../helpers/lean.js';

const PAGES = corpusPages('corpus test');
const maybe = PAGES ? describe : describe.skip;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.md(\.erb)?$/.test(e.name) && !e.name.startsWith('_') ? [join(dir, e.name)] : [],
  );
}

function readCorpus(PAGES: string): PageInput[] {
  return walk(PAGES)
    .sort()
    .map((abs) => {
      const text = readFileSync(abs, 'utf8');
      const place = placeOf(abs, PAGES);
      const partial = (name: string) => {
        const file = join(
          PAGES,
          name.replace(/^job-families\//, '').replace(/[^/]+$/, (n) => `_${n}.erb`),
        );
        return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      };
      return { file: relative(PAGES, abs), text, key: place?.key, source: place?.exact ? sourceUrl(place.key) : undefined, partial };
    })
    .filter((p) => /^\s*layout:\s*["']?job_family_page/m.test(p.text.slice(0, 600)));
}

maybe('the GitLab corpus', () => {
  let inputs: PageInput[];
  let result: ReturnType<typeof importPages>;
  // Read only when the suite runs: a skipped suite's body still runs, its beforeAll does not.
  beforeAll(() => {
    inputs = readCorpus(PAGES!);
    result = importPages(inputs);
  });

  test('all pages are read', () => expect(inputs.length).toBe(165));

  test('targets: clean YAML for ≥ 97 % of graded pages, every grade on its role, ≥ 90 % of "Extends" lines resolved', async () => {
    const schemas = await loadSchemaSupport();
    const loaded = result.families.map((f) => loadFile({ file: `${f.family.id}.yaml`, text: familyYaml(f.family, null) }, schemas));
    const lintErrors = new Map<string, string[]>();
    for (const f of runLint(loaded, buildDataSet(loaded))) {
      if (f.level !== 'error') continue;
      const id = f.file.replace(/\.yaml$/, '');
      lintErrors.set(id, [...(lintErrors.get(id) ?? []), `${f.ruleId}: ${f.message}`]);
    }
    const { totals, misses } = measureCorpus(inputs, result, lintErrors);
    expect(totals.graded).toBeGreaterThanOrEqual(145);
    expect(totals.clean / totals.graded).toBeGreaterThanOrEqual(0.97);
    expect(misses.grades).toEqual([]);
    expect(totals.gradeRight).toBe(totals.gradeLines);
    expect(totals.gradeLines).toBeGreaterThan(500);
    expect(totals.extendsResolved / totals.extendsLines).toBeGreaterThanOrEqual(0.9);
    // The rest is reported on stderr, never silently dropped.
    for (const m of [...misses.extends, ...misses.outside]) {
      const [file, line] = m.split(':');
      const reported = result.reports.some((r) => r.file === file && r.line === Number(line));
      const underUnplacedHeading = result.reports.some((r) => r.file === file && /has no grade, so it is not a role/.test(r.message));
      const outcome = result.stats.find((s) => s.file === file)?.inherits.find((i) => i.line === Number(line))?.outcome;
      expect({ m, accounted: reported || underUnplacedHeading || outcome === 'external' }).toEqual({ m, accounted: true });
    }
  });

  test('every imported family takes the fast YAML path and loads as the full pipeline loads it', () => {
    for (const f of result.families) {
      const text = familyYaml(f.family, null);
      expect([f.family.id, expectSameAsFullPipeline(text, f.family.id)]).toEqual([f.family.id, true]);
    }
  });

  test("every imported family is outlined for lint, every path located and every subject worded as the fast path's", () => {
    let paths = 0;
    for (const f of result.families) {
      const r = expectOutlineAsFast(familyYaml(f.family, null), f.family.id);
      expect([f.family.id, r.outlined, r.unsure]).toEqual([f.family.id, true, 0]);
      paths += r.paths;
    }
    expect(paths).toBeGreaterThan(20000);
  });

  test('deterministic: the same pages give the same bytes', () => {
    const again = importPages(inputs);
    expect(again.families.map((f) => familyYaml(f.family, null))).toEqual(result.families.map((f) => familyYaml(f.family, null)));
    expect(again.reports).toEqual(result.reports);
  });
});
