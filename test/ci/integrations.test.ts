/**
 * The three CI integrations, run for real by scripts/ci-check.js on sample repositories (a passing
 * and a failing run each): the GitLab CI template with gitlab-ci-local, the pre-commit hook with
 * `pre-commit try-repo`, the GitHub Action's steps as the runner runs them. A test whose tool is not
 * installed is skipped and says so in its name. These install ladder into the samples (and pre-commit
 * builds its own copy), so they take minutes.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

const has = (tool: string) => spawnSync('bash', ['-c', `command -v ${tool}`]).status === 0;
const gitlabCiLocalWorks = () => has('gitlab-ci-local') && spawnSync('gitlab-ci-local', ['--version'], { encoding: 'utf8' }).status === 0;

beforeAll(() => {
  // The samples run the built command.
  if (!existsSync(join(ROOT, 'dist', 'cli', 'run.js'))) expect(spawnSync('npm', ['run', 'build'], { cwd: ROOT }).status).toBe(0);
});

const cases: [string, string, boolean][] = [
  ['gitlab', 'gitlab-ci-local (npm install -g gitlab-ci-local@4.70.0)', gitlabCiLocalWorks()],
  ['pre-commit', 'pre-commit (Debian package pre-commit)', has('pre-commit') && has('git')],
  ['github', 'npm', has('npm')],
];

describe('CI integrations run for real (scripts/ci-check.js)', () => {
  for (const [name, tool, present] of cases) {
    (present ? test : test.skip)(`${name}${present ? '' : ` — skipped: ${tool} is not installed`}`, () => {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ci-check.js'), name, '--require'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const notOk = r.stdout.split('\n').filter((l) => l.startsWith('NOT OK'));
      expect(notOk).toEqual([]);
      expect(r.stdout).toContain(`ci-check: ${name} ok`);
      expect(r.stdout.match(/^ok: /gm)?.length ?? 0).toBeGreaterThanOrEqual(3);
      expect(r.status).toBe(0);
    }, 15 * 60 * 1000);
  }
});
