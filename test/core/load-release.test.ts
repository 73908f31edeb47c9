/**
 * Commands that only read the data set load it with `keepSources: false` (src/io/data.ts): each
 * file's parsed values and positions are released once the file is in the data set. The data set and
 * the findings must be exactly what a load that keeps them gives.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaths } from '../../src/io/data.js';
import { runLint } from '../../src/core/lint/engine.js';
import type { LoadedDataSet } from '../../src/core/load.js';
import { DATA, ROOT } from '../helpers/run-cli.js';
// @ts-expect-error plain JS script without types
import { generate } from '../../scripts/generate.js';

/** Everything the printing commands read from a data set, items with their lines and paths. */
function model(ds: LoadedDataSet): unknown {
  const items = (s: Record<string, { id: string | null; text: string; identity: string; line: number; path: unknown; from: string }[]>) =>
    Object.entries(s).map(([name, list]) => [name, list.map((i) => [i.id, i.text, i.identity, i.line, i.path, i.from])]);
  return {
    families: ds.families.map((f) => ({ ...f, sections: items(f.sections), external: [...f.external] })),
    roles: [...ds.roles].map(([id, r]) => [id, { ...r, sections: items(r.sections) }]),
    vocabulary: ds.vocabulary,
  };
}

describe('loading without keeping sources', () => {
  const dirs: [string, () => string, () => void][] = [
    ['the bundled data', () => DATA, () => undefined],
    [
      'a generated data set with a broken file',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'ladder-release-'));
        generate({ families: 30, out: dir });
        writeFileSync(join(dir, 'broken.yaml'), 'kind: family\nid: broken\ntitle: Broken\nroles:\n  x-role:\n    titel: X\n');
        return dir;
      },
      () => undefined,
    ],
  ];

  test.each(dirs)('%s: same data set and findings, sources released', async (_name, make) => {
    const dir = make();
    try {
      const kept = await loadPaths([dir], ROOT);
      const released = await loadPaths([dir], ROOT, { keepSources: false });
      expect(kept.ds.roles.size).toBeGreaterThan(5);
      expect(model(released.ds)).toEqual(model(kept.ds));
      expect(released.findings).toEqual(kept.findings);
      expect(kept.files.every((f) => f.value !== null || !f.valid)).toBe(true);
      expect(released.files.map((f) => f.value)).toEqual(released.files.map(() => null));
    } finally {
      if (dir !== DATA) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loading for lint (positions later) lets go of values', () => {
  test('the same findings, subjects included, as a load that keeps them; values gone until a finding needs them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-release-lint-'));
    try {
      generate({ families: 30, out: dir });
      writeFileSync(join(dir, 'broken.yaml'), 'kind: family\nid: broken\ntitle: Broken\nroles:\n  x-role:\n    titel: X\n');
      // A second definition of a family id and of a role id, and a reference to a role of the broken file.
      writeFileSync(
        join(dir, 'again.yaml'),
        'kind: family\nid: broken\ntitle: Again\nexternal:\n  x-role:\n    title: X\nroles:\n  x-role:\n    title: X again\n    grade: 6\n  y-role:\n    title: Y\n    grade: 7\n    extends: x-role\n    responsibilities:\n      - Ship work\n      - Ship work\n',
      );
      const kept = await loadPaths([dir], ROOT, { positions: 'now' });
      const later = await loadPaths([dir], ROOT, { positions: 'later' });
      const pending = later.files.filter((f) => f.locator.pending);
      expect(pending.length).toBeGreaterThan(25);
      expect(pending.map((f) => f.value)).toEqual(pending.map(() => null));
      const findings = runLint(later.files, later.ds);
      expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(['schema', 'duplicate-id', 'duplicate-item', 'empty-role']));
      expect(findings).toEqual(runLint(kept.files, kept.ds));
      expect(findings.every((f) => f.subject !== '')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
