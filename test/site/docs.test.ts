import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DATA, ROOT, runCli } from '../helpers/run-cli.js';

const doc = readFileSync(join(ROOT, 'docs', 'site.md'), 'utf8');

/** The first ```yaml block after a heading of docs/site.md. */
function yamlAfter(heading: string): Record<string, unknown> {
  const at = doc.indexOf(`\n${heading}\n`);
  expect(at).toBeGreaterThan(-1);
  const m = /```yaml\n([\s\S]*?)```/.exec(doc.slice(at));
  return parse(m![1]) as Record<string, unknown>;
}

/** Words of a shell command line (double quotes only, as the jobs use). */
const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-site-docs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a job's `npx ladder …` line with the bundled data in place of the repository's data/. */
async function runJobLine(line: string, vars: Record<string, string>, out: string) {
  let expanded = line;
  for (const [k, v] of Object.entries(vars)) expanded = expanded.split(k).join(v);
  const argv = words(expanded);
  expect(argv.slice(0, 2)).toEqual(['npx', 'ladder']);
  const args = argv.slice(2).map((a, i, all) => (all[i - 1] === '--data' ? DATA : a));
  const r = await runCli(args, { cwd: dir });
  expect(r.code).toBe(0);
  expect(existsSync(join(dir, out, 'index.html'))).toBe(true);
  return readFileSync(join(dir, out, '404.html'), 'utf8');
}

describe('docs/site.md publishing jobs', () => {
  test('GitLab Pages: a `pages` job publishing public/, whose ladder command builds the site', async () => {
    const ci = yamlAfter('### GitLab Pages') as { pages: { script: string[]; artifacts: { paths: string[] } } };
    expect(ci.pages.artifacts.paths).toEqual(['public']);
    const line = ci.pages.script.find((s) => s.includes('ladder'))!;
    expect(line).toContain('--out public');
    const notFound = await runJobLine(line, { '${CI_PAGES_URL}': 'https://team.gitlab.io/ladders' }, 'public');
    expect(notFound).toContain('href="https://team.gitlab.io/ladders/assets/site.css"');
  });

  test('GitHub Pages: build uploads the folder the ladder command writes, deploy publishes it', async () => {
    const wf = yamlAfter('### GitHub Pages') as {
      permissions: Record<string, string>;
      jobs: { build: { steps: { run?: string; uses?: string; with?: { path?: string } }[] }; deploy: { needs: string; steps: { uses?: string }[] } };
    };
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const steps = wf.jobs.build.steps;
    const line = steps.find((s) => s.run?.includes('ladder'))!.run!;
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!;
    expect(line).toContain(`--out ${upload.with!.path}`);
    expect(wf.jobs.deploy.needs).toBe('build');
    expect(wf.jobs.deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages'))).toBe(true);
    const notFound = await runJobLine(line, { '${{ github.event.repository.name }}': 'ladders' }, upload.with!.path!);
    expect(notFound).toContain('href="/ladders/assets/site.css"');
  });

  test('the screenshots the page shows exist and are small', () => {
    const images = [...doc.matchAll(/!\[[^\]]*\]\((img\/[^)]+)\)|<img src="(img\/[^"]+)"/g)].map((m) => m[1] ?? m[2]);
    expect(images.length).toBeGreaterThanOrEqual(5);
    for (const img of images) expect([img, readFileSync(join(ROOT, 'docs', img)).length < 200 * 1024]).toEqual([img, true]);
  });
});
