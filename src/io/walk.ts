/**
 * The one directory walker: every command that looks for files under a directory (YAML data files,
 * handbook pages) walks with it, so they all skip the same entries and treat links the same way.
 */
import { promises as fs } from 'node:fs';
import { join, sep } from 'node:path';
import { displayPath } from './display.js';
import { fsReason } from './fs-errors.js';

export interface WalkOptions {
  /** Which files to return, by name (regular files, or links to them). */
  accept: (name: string) => boolean;
  /** Called once per directory visited, with the names of the regular files in it. */
  onDirectory?: (dir: string, files: string[]) => Promise<void> | void;
  /** For the display paths in problems. */
  cwd: string;
}

export interface WalkResult {
  /** Absolute paths of the accepted files, in walk order. */
  files: string[];
  /** Entries skipped, as `path: why` lines (broken links, unreadable directories). */
  problems: string[];
}

/** Skipped entries named one by one per walk; the rest are counted. */
export const MAX_PROBLEMS = 20;

const inside = (path: string, root: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Walks `root` (a directory) iteratively. Hidden entries and node_modules are skipped; a symbolic
 * link to a directory is followed only when it stays inside `root` (so `/proc/self/root` or a link
 * to `/` does not take the walk out of the data set), and each real directory is visited once
 * (symlink loops end).
 */
export async function walkFiles(root: string, opts: WalkOptions): Promise<WalkResult> {
  const files: string[] = [];
  const problems: string[] = [];
  const shown = (p: string) => displayPath(p, opts.cwd);
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch (e) {
    problems.push(`${shown(root)}: cannot read directory (${fsReason(e)}), skipped`);
    return { files, problems };
  }
  const visited = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch {
      problems.push(`${shown(dir)}: cannot resolve (broken link?), skipped`);
      continue;
    }
    if (visited.has(real)) continue;
    visited.add(real);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push(`${shown(dir)}: cannot read directory (${fsReason(e)}), skipped`);
      continue;
    }
    const regular: string[] = [];
    for (const ent of entries) {
      if (ent.name === 'node_modules' || ent.name.startsWith('.')) continue;
      const full = join(dir, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const t = await fs.stat(full);
          isDir = t.isDirectory();
          isFile = t.isFile();
        } catch {
          problems.push(`${shown(full)}: broken symbolic link, skipped`);
          continue;
        }
        if (isDir) {
          const target = await fs.realpath(full).catch(() => null);
          if (target === null || !inside(target, realRoot)) {
            problems.push(`${shown(full)}: a link to a directory outside ${shown(root)}, skipped`);
            continue;
          }
        }
      }
      if (isDir) stack.push(full);
      else if (isFile) {
        regular.push(ent.name);
        if (opts.accept(ent.name)) files.push(full);
      }
    }
    await opts.onDirectory?.(dir, regular);
  }
  // A tree like /proc has thousands of links out of it: name the first few, count the rest.
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.length = MAX_PROBLEMS;
    problems.push(`${shown(root)}: ${more} more entr${more === 1 ? 'y' : 'ies'} skipped`);
  }
  return { files, problems };
}
