/** `ladder changes` reads the data set every command reads: `data:` of .ladderrc.yaml when nothing else names one. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA, runCli } from '../helpers/run-cli.js';

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'ladder-changes-config-'));
  mkdirSync(join(repo, 'ladder'));
  for (const f of readdirSync(DATA)) if (f.endsWith('.yaml')) writeFileSync(join(repo, 'ladder', f), readFileSync(join(DATA, f)));
  writeFileSync(join(repo, '.ladderrc.yaml'), 'data: ladder\n');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'ladder');
  const file = join(repo, 'ladder', 'education-services.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('5+ years of experience in IT', '6+ years of experience in IT'));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

test('changes without --data compares the configured data set, not the bundled sample', async () => {
  const r = await runCli(['changes', '--format', 'json'], { cwd: join(repo, 'ladder') });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as { roles: { id: string }[] };
  expect(report.roles.map((x) => x.id)).toEqual(['lab-curriculum-developer']);
});
