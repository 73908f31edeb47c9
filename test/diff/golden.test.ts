import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';
import { expectGolden } from '../helpers/golden.js';

// `ladder diff` on the bundled data, colour off. `npm run golden` rewrites these; review the diff.
const LAB = ['lab-curriculum-developer', 'senior-lab-curriculum-developer'];
const CROSS = ['senior-technical-instructional-designer', 'senior-manager-of-education-curriculum-development'];
const views: [string, string[]][] = [
  ['diff-lab-curriculum-developer.txt', ['diff', ...LAB]],
  ['diff-lab-curriculum-developer-all.txt', ['diff', ...LAB, '--all']],
  ['diff-lab-curriculum-developer.md', ['diff', ...LAB, '--format', 'markdown']],
  ['diff-lab-curriculum-developer.json', ['diff', ...LAB, '--format', 'json']],
  // Backwards: what a step down removes.
  ['diff-senior-to-intermediate.txt', ['diff', LAB[1], LAB[0]]],
  ['diff-instructional-designer-to-manager.txt', ['diff', ...CROSS]],
  ['diff-instructional-designer-to-manager.md', ['diff', ...CROSS, '--format', 'markdown']],
];

describe('golden output of diff', () => {
  test.each(views)('%s', async (name, argv) => {
    const r = await runCli([...argv, '--no-color'], { columns: 100 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectGolden(name, r.stdout);
  });
});
