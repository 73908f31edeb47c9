/**
 * Growth of the diff pairing and of the word diff (`diff`, `changes`): doubling the input must about
 * double the time, not quadruple it. Before they were bounded, 5,000 similar items per side took
 * 24.6 s and 2.9 GB, and one pair of 20,000-word items 64 s. Only ratios are asserted (a loaded
 * machine slows every size alike); absolute times belong to bench/.
 */
import { describe, expect, test } from '@jest/globals';
import { diffRoles, EXHAUSTIVE_PAIRS } from '../../src/core/diff/index.js';
import { diffText, MAX_WORD_EDITS } from '../../src/core/diff/words.js';
import type { ResolvedItem, ResolvedRole } from '../../src/core/resolve.js';
import { emptySections, normaliseText, type RoleDef } from '../../src/core/model.js';

function role(id: string, texts: string[]): ResolvedRole {
  const sections = emptySections<ResolvedItem>();
  sections.requirements = texts.map((text, i) => ({
    id: null,
    text,
    from: id,
    overrides: null,
    source: { file: 'f.yaml', line: i + 1 },
    identity: 'text:' + normaliseText(text),
  }));
  const def: RoleDef = { id, title: id, remove: [], sections: emptySections(), family: 'f', file: 'f.yaml', line: 1, path: [] };
  return {
    role: def,
    family: { id: 'f' } as ResolvedRole['family'],
    ladder: null,
    reportsTo: null,
    extends: [],
    externalParent: null,
    specialty: null,
    sections,
  };
}

/** Best of `runs` timings of fn, in ms. */
function best(fn: () => void, runs = 3): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** Times at n, 2n, 4n and the ratios between neighbours. */
function growth(sizes: number[], make: (n: number) => () => void): { times: number[]; ratios: number[] } {
  make(sizes[0])(); // warm up the JIT so the first size is not penalised
  const times = sizes.map((n) => best(make(n)));
  return { times, ratios: times.slice(1).map((t, i) => t / times[i]) };
}

// Over two doublings (n → 4n) linear growth gives 4, n log n a little more, quadratic 16. Under 8
// (2.83 per doubling on average) leaves room for a noisy machine and still fails any quadratic step.
const NEAR_LINEAR_4X = 8;
const nearLinear = (times: number[]) => times[times.length - 1] / times[0] < NEAR_LINEAR_4X;

describe('diff pairing grows near-linearly', () => {
  // Items that share most of their words and differ in one (no ids): every one must be paired.
  const texts = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `Experience with the shared platform tooling and process number ${i} ${tag}`);

  test('similar items per side, doubled twice, from past the exhaustive limit', () => {
    const sizes = [2_000, 4_000, 8_000];
    expect(sizes[0] * sizes[0]).toBeGreaterThan(EXHAUSTIVE_PAIRS);
    const { times, ratios } = growth(sizes, (n) => {
      const a = role('a', texts(n, 'alpha'));
      const b = role('b', texts(n, 'beta'));
      return () => {
        const d = diffRoles(a, b);
        // The bounded search still finds the right pair for each item.
        if (d.sections.requirements.changed.length !== n) throw new Error(`only ${d.sections.requirements.changed.length} of ${n} paired`);
      };
    });
    expect({ times: times.map(Math.round), ratios: ratios.map((r) => r.toFixed(2)), nearLinear: nearLinear(times) }).toEqual({
      times: times.map(Math.round),
      ratios: ratios.map((r) => r.toFixed(2)),
      nearLinear: true,
    });
  });

  test('the bounded search pairs each item with its own counterpart', () => {
    const n = 1_000;
    const d = diffRoles(role('a', texts(n, 'alpha')), role('b', texts(n, 'beta')));
    const wrong = d.sections.requirements.changed.filter((c) => c.from.text.replace(/ alpha$/, '') !== c.to.text.replace(/ beta$/, ''));
    expect(wrong).toEqual([]);
  });
});

describe('word diff grows near-linearly', () => {
  // A long text and a copy with one word in ten replaced: far more edits than the search looks for.
  function pair(n: number): [string, string] {
    let x = 7;
    const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const a: string[] = [];
    const b: string[] = [];
    for (let i = 0; i < n; i++) {
      const w = `w${Math.floor(rnd() * 1000)}`;
      a.push(w);
      b.push(rnd() < 0.1 ? `z${i}` : w);
    }
    return [a.join(' '), b.join(' ')];
  }

  test('20,000 to 80,000 words', () => {
    const { times, ratios } = growth([20_000, 40_000, 80_000], (n) => {
      const [a, b] = pair(n);
      return () => {
        for (let k = 0; k < 3; k++) diffText(a, b);
      };
    });
    expect({ times: times.map(Math.round), ratios: ratios.map((r) => r.toFixed(2)), nearLinear: nearLinear(times) }).toEqual({
      times: times.map(Math.round),
      ratios: ratios.map((r) => r.toFixed(2)),
      nearLinear: true,
    });
  });

  test('past the limit: a whole change between the shared first and last words, nothing lost', () => {
    const [a, b] = pair(5_000);
    const words = diffText(`Start here ${a} end here`, `Start here ${b} end here`);
    expect(words.map((w) => w.op)).toEqual(['same', 'removed', 'added', 'same']);
    expect(words[0].text.startsWith('Start here')).toBe(true);
    expect(words[3].text.endsWith('end here')).toBe(true);
    const side = (op: string) =>
      words
        .filter((w) => w.op === 'same' || w.op === op)
        .map((w) => w.text)
        .join(' ');
    expect(side('removed')).toBe(`Start here ${a} end here`);
    expect(side('added')).toBe(`Start here ${b} end here`);
  });

  test('under the limit: the word-level change as before', () => {
    expect(MAX_WORD_EDITS).toBeGreaterThan(10);
    expect(diffText('5+ years in IT', '7+ years in IT')).toEqual([
      { op: 'removed', text: '5+' },
      { op: 'added', text: '7+' },
      { op: 'same', text: 'years in IT' },
    ]);
  });
});
