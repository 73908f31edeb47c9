/** A throw-away git repository holding a data set under `ladder/`, for the `changes` tests. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli, type CliResult } from '../helpers/run-cli.js';

export const HAVE_GIT = spawnSync('git', ['--version']).status === 0;

export class Repo {
  readonly dir: string;
  constructor(prefix = 'ladder-changes-') {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    const r = spawnSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  }

  /** Writes files (path relative to the repository → text; null deletes). */
  write(files: Record<string, string | null>): this {
    for (const [path, text] of Object.entries(files)) {
      const abs = join(this.dir, path);
      if (text === null) rmSync(abs, { force: true });
      else {
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, text);
      }
    }
    return this;
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  /** Writes, stages everything and commits. */
  commit(files: Record<string, string | null>, message = 'edit'): this {
    this.write(files);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this;
  }

  /** `ladder --data ladder changes …` run in-process from the repository's top. */
  changes(...args: string[]): Promise<CliResult> {
    return runCli(['--data', 'ladder', 'changes', ...args], { cwd: this.dir });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
