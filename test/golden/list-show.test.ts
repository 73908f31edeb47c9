import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';
import { expectGolden } from '../helpers/golden.js';

// Output people and scripts read, on the bundled data, colour off. `npm run golden` rewrites these;
// the diff is reviewed like code.
const views: [string, string[]][] = [
  ['list.txt', ['list']],
  ['list.md', ['list', '--format', 'markdown']],
  ['list.json', ['list', '--format', 'json']],
  ['show-senior-lab-curriculum-developer.txt', ['show', 'senior-lab-curriculum-developer']],
  ['show-senior-lab-curriculum-developer.md', ['show', 'senior-lab-curriculum-developer', '--format', 'markdown']],
  ['show-senior-lab-curriculum-developer.json', ['show', 'senior-lab-curriculum-developer', '--format', 'json']],
  ['show-senior-lab-curriculum-developer-own.txt', ['show', 'senior-lab-curriculum-developer', '--own']],
  ['show-senior-manager-of-education-curriculum-development.txt', ['show', 'senior-manager-of-education-curriculum-development']],
  ['show-senior-technical-instructor.json', ['show', 'senior-technical-instructor', '--format', 'json']],
  ['show-senior-lab-curriculum-developer-ids.txt', ['show', 'senior-lab-curriculum-developer', '--ids']],
  ['skills.txt', ['skills']],
  ['skills.json', ['skills', '--format', 'json']],
  ['profile-senior-lab-curriculum-developer.yaml', ['profile', 'senior-lab-curriculum-developer']],
];

describe('golden output of list, show, skills and profile', () => {
  test.each(views)('%s', async (name, argv) => {
    const r = await runCli([...argv, '--no-color'], { columns: 100 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectGolden(name, r.stdout);
  });
});
