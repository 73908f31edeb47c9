/**
 * Growth test: "did you mean" for unknown evidence keys must not be quadratic. Thousands of
 * unknown keys against a data set with thousands of item ids, then both doubled: the time may grow
 * about twice, not four times. Timings are the best of a few runs, in-process, on the pure core.
 */
import { expect, test } from '@jest/globals';
import { profileFromValue, profileWarnings } from '../../src/core/gap/index.js';
import { dataSetFrom, family } from '../helpers/data.js';

async function input(n: number) {
  const items = Array.from({ length: n }, (_, i) => `  - {id: item-number-${i}-of-the-role, text: Requirement ${i}}`).join('\n');
  const { ds } = await dataSetFrom({ 'f.yaml': family('f', { a: `title: A\ngrade: 6\nrequirements:\n${items}\n` }) });
  const evidence: Record<string, string> = {};
  // Near misses of real ids, so every key is a candidate for a suggestion.
  for (let i = 0; i < n; i++) evidence[`item-nunber-${i}-of-the-role`] = 'x';
  return { ds, profile: profileFromValue('p.yaml', { evidence }) };
}

function best(run: () => void, times = 3): number {
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

test('unknown evidence keys: every one reported, early ones with a suggestion, time near-linear when doubled', async () => {
  const small = await input(4000);
  const large = await input(8000);
  const found = profileWarnings(large.profile, large.ds);
  expect(found).toHaveLength(8000);
  expect(found.every((f) => f.ruleId === 'unknown-evidence')).toBe(true);
  expect(String(found[0].data?.hint)).toContain('(did you mean `item-number-0-of-the-role`');
  const a = best(() => profileWarnings(small.profile, small.ds));
  const b = best(() => profileWarnings(large.profile, large.ds));
  // Quadratic work would give about 4; linear about 2; allow noise on a busy machine.
  expect({ ratio: b / a, ok: b / a < 2.6 }).toMatchObject({ ok: true });
}, 60_000);

test('worksheet rows with unknown item ids: every one reported, time near-linear when doubled', async () => {
  const { resolveRole } = await import('../../src/core/resolve.js');
  const { profileFromWorksheet } = await import('../../src/core/worksheet.js');
  const sheet = async (n: number) => {
    const { ds } = await input(n);
    const role = resolveRole(ds, ds.roles.get('a')!);
    const records = [
      { cells: ['item', 'evidence'], line: 1 },
      ...Array.from({ length: n }, (_, i) => ({ cells: [`item-nunber-${i}-of-the-role`, 'x'], line: i + 2 })),
    ];
    return () => profileFromWorksheet('sheet.csv', records, role, ds.vocabulary);
  };
  const small = await sheet(4000);
  const large = await sheet(8000);
  expect(large().findings).toHaveLength(8000);
  const a = best(small);
  const b = best(large);
  expect({ ratio: b / a, ok: b / a < 2.6 }).toMatchObject({ ok: true });
}, 60_000);
