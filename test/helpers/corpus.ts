/**
 * Where the whole GitLab corpus is, for the suites that measure the importer on all of it. It is not
 * part of the repository: `LADDER_CORPUS=<dir>` names it (and then it must exist), else a `corpus/`
 * folder in `../shared` beside the clone is used when present; otherwise those suites are skipped,
 * and they read nothing (their files are read in `beforeAll`, which jest does not run for a skipped
 * suite). The few pages other tests need are fixtures (test/fixtures/gitlab/).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './run-cli.js';

export const GITLAB_FIXTURES = join(ROOT, 'test', 'fixtures', 'gitlab');

export function corpusDir(): string | null {
  const named = process.env.LADDER_CORPUS;
  if (named) {
    const dir = resolve(named);
    if (!existsSync(join(dir, 'gitlab', 'pages'))) throw new Error(`LADDER_CORPUS=${named}: no gitlab/pages in it`);
    return dir;
  }
  const beside = join(ROOT, '..', 'shared', 'corpus');
  return existsSync(join(beside, 'gitlab', 'pages')) ? beside : null;
}

/** The GitLab pages directory of the corpus, or null; says once on stderr why a suite is skipped. */
export function corpusPages(suite: string): string | null {
  const dir = corpusDir();
  if (!dir) process.stderr.write(`${suite} skipped: no corpus (set LADDER_CORPUS=<dir with gitlab/pages>)\n`);
  return dir ? join(dir, 'gitlab', 'pages') : null;
}
