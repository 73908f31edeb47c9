import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';
import { expectGolden } from '../helpers/golden.js';

// `ladder gap` on the bundled data and the example profiles, colour off. `npm run golden` rewrites these.
const SENIOR = 'senior-lab-curriculum-developer';
const views: [string, string[], number][] = [
  ['gap-sam-rivera.txt', ['gap', SENIOR, '--profile', 'examples/profiles/sam-rivera.yaml'], 1],
  ['gap-sam-rivera-all.txt', ['gap', SENIOR, '--profile', 'examples/profiles/sam-rivera.yaml', '--all'], 1],
  ['gap-sam-rivera.md', ['gap', SENIOR, '--profile', 'examples/profiles/sam-rivera.yaml', '--format', 'markdown'], 1],
  ['gap-sam-rivera.json', ['gap', SENIOR, '--profile', 'examples/profiles/sam-rivera.yaml', '--format', 'json'], 1],
  ['gap-jordan-lee-next.txt', ['gap', '--next', '--profile', 'examples/profiles/jordan-lee.yaml'], 0],
  ['gap-morgan-ortiz-next.md', ['gap', '--next', '--profile', 'examples/profiles/morgan-ortiz.yaml', '--format', 'markdown'], 0],
];

describe('golden output of gap', () => {
  test.each(views)('%s', async (name, argv, code) => {
    const r = await runCli([...argv, '--no-color'], { columns: 100 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(code);
    expectGolden(name, r.stdout);
  });
});
