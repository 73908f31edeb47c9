/**
 * The file-system side of `ladder import`: finding handbook pages and the partials they include,
 * reading them, and writing the imported set.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import { MAX_FILE_BYTES, displayPath } from './files.js';

const PAGE = /\.md(?:\.erb)?$/;

export interface PageFile {
  abs: string;
  display: string;
  /** The directory argument it was found under, if any (for its handbook key). */
  root?: string;
  /** For a folder of the newer format (`abs` is its `_index.md`): the level files. */
  levels?: string[];
}

/**
 * A folder of the newer handbook format: `_index.md` (family title, page-level sections) and one
 * `*.md` per level. Null when the folder is not one.
 */
async function hugoFolder(dir: string, entries: { name: string; isFile(): boolean }[]): Promise<{ index: string; levels: string[] } | null> {
  if (!entries.some((e) => e.name === '_index.md' && e.isFile())) return null;
  const index = join(dir, '_index.md');
  const head = await readHead(index);
  if (/^\s*layout:\s*["']?job_family_page/m.test(head) || !/^\s*title:/m.test(head)) return null;
  const levels: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || !/\.md$/.test(e.name) || e.name.startsWith('_')) continue;
    const h = await readHead(join(dir, e.name));
    if (/^\s*title:/m.test(h) && !/^\s*layout:/m.test(h)) levels.push(join(dir, e.name));
  }
  return levels.length ? { index, levels: levels.sort() } : null;
}

/** Reads a page; FIFOs, devices and oversized files are refused before any read (they block or never end). */
export async function readText(abs: string, display: string): Promise<string> {
  let st;
  try {
    st = await fs.stat(abs);
  } catch (e) {
    throw new DataError(`${display}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!st.isFile()) throw new DataError(`${display}: not a regular file (a FIFO, device or socket?); expected a markdown page`);
  if (st.size > MAX_FILE_BYTES) throw new DataError(`${display}: ${(st.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for one page`);
  try {
    return await fs.readFile(abs, 'utf8');
  } catch (e) {
    throw new DataError(`${display}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** The first bytes of a file: enough to see its front matter. */
async function readHead(path: string): Promise<string> {
  const fh = await fs.open(path, 'r').catch(() => null);
  if (!fh) return '';
  try {
    const buf = Buffer.alloc(600);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Pages named or found under directories: `*.md` / `*.md.erb` with `layout: job_family_page`, and
 * folders of the newer format (`_index.md` plus one file per level).
 */
export async function findPages(paths: string[], cwd: string): Promise<PageFile[]> {
  const out = new Map<string, PageFile>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = await fs.stat(abs);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (!st.isDirectory()) {
      out.set(abs, { abs, display: displayPath(abs, cwd) });
      continue;
    }
    const stack = [abs];
    const seen = new Set<string>();
    while (stack.length) {
      const dir = stack.pop()!;
      const real = await fs.realpath(dir).catch(() => dir);
      if (seen.has(real)) continue;
      seen.add(real);
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      const hugo = await hugoFolder(dir, entries);
      if (hugo) out.set(hugo.index, { abs: hugo.index, display: displayPath(hugo.index, cwd), root: abs, levels: hugo.levels });
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const full = join(dir, e.name);
        const st = e.isSymbolicLink() ? await fs.stat(full).catch(() => null) : null;
        if (e.isDirectory() || st?.isDirectory()) stack.push(full);
        else if ((e.isFile() || st?.isFile()) && PAGE.test(e.name) && !e.name.startsWith('_')) {
          const head = await readHead(full);
          if (/^\s*layout:\s*["']?job_family_page/m.test(head)) out.set(full, { abs: full, display: displayPath(full, cwd), root: abs });
        }
      }
    }
  }
  return [...out.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/** ERB partials a page includes, looked up as `_<name>.erb` in its directory and the ones above it. */
export async function partialsFor(text: string, f: PageFile): Promise<(name: string) => string | undefined> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/<%=\s*partial\s*\(?\s*["']([^"']+)["']/g)) {
    const name = m[1];
    const last = name.split('/').pop()!;
    let dir = dirname(f.abs);
    for (let up = 0; up < 4; up++) {
      for (const cand of [`_${last}.erb`, `_${last}.html.md.erb`, `_${last}.md.erb`, `_${last}.md`]) {
        const t = await fs.readFile(join(dir, cand), 'utf8').catch(() => undefined);
        if (t !== undefined && !found.has(name)) found.set(name, t);
      }
      if (found.has(name) || dirname(dir) === dir) break;
      dir = dirname(dir);
    }
  }
  return (name) => found.get(name);
}

/**
 * Writes every file to a temporary name in the output directory first, then renames them all. If
 * anything fails, the temporary files and the files this run created are removed; a file replaced
 * with --force before the failure stays replaced (a rename cannot be undone).
 */
export async function writeAll(outDir: string, targets: { path: string; text: string }[]): Promise<void> {
  const temps: string[] = [];
  const created: string[] = [];
  try {
    await fs.mkdir(outDir, { recursive: true });
    for (const t of targets) {
      const tmp = join(dirname(t.path), `.${basename(t.path)}.${process.pid}.tmp`);
      temps.push(tmp);
      await fs.writeFile(tmp, t.text, { flag: 'wx' });
    }
    for (let i = 0; i < targets.length; i++) {
      const existed = await exists(targets[i].path);
      await fs.rename(temps[i], targets[i].path);
      if (!existed) created.push(targets[i].path);
    }
  } catch (e) {
    await Promise.all([...temps, ...created].map((t) => fs.unlink(t).catch(() => undefined)));
    throw new DataError(`cannot write to ${outDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; nothing was written`);
  }
}
