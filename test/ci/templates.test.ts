/**
 * The GitLab CI template and the pre-commit hook say what docs/ci.md promises. scripts/ci-check.js
 * runs them for real (test/ci/integrations.test.ts).
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { ROOT } from '../helpers/run-cli.js';

describe('ci/gitlab/ladder-lint.gitlab-ci.yml', () => {
  const template = YAML.parse(readFileSync(join(ROOT, 'ci', 'gitlab', 'ladder-lint.gitlab-ci.yml'), 'utf8'));
  const job = template['ladder-lint'];

  test('keeps the reports when the job fails, as Code Quality and JUnit reports', () => {
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json', junit: 'ladder-junit.xml' });
  });

  test('writes both reports in one lint run, to the files the reports name', () => {
    const lint = (job.script as string[]).filter((l) => l.includes('ladder lint'));
    expect(lint).toHaveLength(1);
    expect(lint[0]).toContain(`--format gitlab=${job.artifacts.reports.codequality}`);
    expect(lint[0]).toContain(`--format junit=${job.artifacts.reports.junit}`);
    expect(Object.keys(template.variables).sort()).toEqual(['LADDER_ARGS', 'LADDER_NODE_IMAGE', 'LADDER_PACKAGE', 'LADDER_PATHS']);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = YAML.parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; exclude: string }[];
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  test('one node hook that runs the package’s own command', () => {
    expect(hooks.map((h) => h.id)).toEqual(['ladder-lint']);
    expect(hooks[0].language).toBe('node');
    expect(hooks[0].entry).toBe('ladder lint');
    expect(Object.keys(pkg.bin)).toContain('ladder');
  });

  test('takes changed YAML files, not the dotfiles of CI and tool configuration', () => {
    // pre-commit matches with Python's re.search; these patterns mean the same in JavaScript.
    const taken = (path: string) => new RegExp(hooks[0].files).test(path) && !new RegExp(hooks[0].exclude).test(path);
    expect(['data/platform.yaml', 'ladder/skills.yml', 'platform.yaml'].filter(taken)).toHaveLength(3);
    expect(['.gitlab-ci.yml', '.pre-commit-config.yaml', '.ladderrc.yaml', '.github/workflows/ci.yml', 'README.md'].filter(taken)).toEqual([]);
  });
});
