/**
 * The file-system side of `ladder import`: finding handbook pages (with the one walker) and the
 * partials they include, and reading them (with the one reader). What counts as a page is decided
 * by src/handbook/page-files.ts.
 */
import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import {
  PARTIAL_LEVELS_UP,
  isHugoIndexHead,
  isHugoLevelFileName,
  isHugoLevelHead,
  isCurrentFormatHead,
  isJobFamilyPageHead,
  isPageFileName,
  partialFileNames,
  partialNames,
} from '../handbook/page-files.js';
import { displayPath } from './display.js';
import { errorCode } from './fs-errors.js';
import { MAX_FILE_BYTES, ReadError, readHead, readRegularFile } from './read.js';
import { walkFiles } from './walk.js';
import type { PageInput } from '../handbook/read-page.js';
import { assembleHugoFamily } from '../handbook/hugo-family.js';
import { placeOf, sourceUrl } from '../handbook/place.js';

export interface PageFile {
  abs: string;
  display: string;
  /** The directory argument it was found under, if any (for its handbook key). */
  root?: string;
  /** For a folder of the newer format (`abs` is its `_index.md`): the level files. */
  levels?: string[];
}

/** Reads a page (or a level file); FIFOs, devices and oversized files are refused before any read. */
export async function readText(abs: string, display: string): Promise<string> {
  try {
    return (await readRegularFile(abs, MAX_FILE_BYTES)).toString('utf8');
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    if (e.reason === 'not-regular' || e.reason === 'directory')
      throw new DataError(`${display}: not a regular file (a FIFO, device or socket?); expected a markdown page`);
    if (e.reason === 'too-large') throw new DataError(`${display}: ${e.message} for one page`);
    throw new DataError(`${display}: ${e.message}`);
  }
}

/** Whether anything is at the path (a file, a directory, a link, even a broken one). */
export async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

/**
 * A folder of the newer handbook format: `_index.md` (family title, page-level sections) and one
 * `*.md` per level. Null when the folder is not one.
 */
function hugoFolder(dir: string, files: string[]): { index: string; levels: string[] } | null {
  if (!files.includes('_index.md')) return null;
  const index = join(dir, '_index.md');
  if (!isHugoIndexHead(readHead(index))) return null;
  const levels: string[] = [];
  for (const name of files) {
    if (isHugoLevelFileName(name) && isHugoLevelHead(readHead(join(dir, name)))) levels.push(join(dir, name));
  }
  // `_index.md` alone holds the whole family (its levels as headings).
  return { index, levels: levels.sort() };
}

/**
 * Pages named or found under directories: `*.md` / `*.md.erb` with `layout: job_family_page`,
 * current-format pages (front matter with a title, no layout), and folders of the current format
 * (`_index.md` plus one file per level, or `_index.md` alone). Entries the walk skipped are
 * added to `problems`.
 */
export async function findPages(paths: string[], cwd: string, problems: string[] = []): Promise<PageFile[]> {
  const out = new Map<string, PageFile>();
  const levelFiles = new Set<string>();
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
    const walked = await walkFiles(abs, {
      accept: isPageFileName,
      cwd,
      onDirectory: (dir, files) => {
        const hugo = hugoFolder(dir, files);
        if (hugo) {
          out.set(hugo.index, { abs: hugo.index, display: displayPath(hugo.index, cwd), root: abs, ...(hugo.levels.length ? { levels: hugo.levels } : {}) });
          for (const l of hugo.levels) levelFiles.add(l);
        }
      },
    });
    problems.push(...walked.problems);
    for (const full of walked.files) {
      if (levelFiles.has(full)) continue;
      const head = readHead(full);
      // Template-1 pages, and single-file families of the current handbook (`<department>/<family>.md`).
      if (isJobFamilyPageHead(head) || (/\.md$/.test(full) && isCurrentFormatHead(head)))
        out.set(full, { abs: full, display: displayPath(full, cwd), root: abs });
    }
  }
  return [...out.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/**
 * ERB partials a page includes, looked up as `_<name>.erb` (and the other names of
 * partialFileNames) in its directory and the ones above it. A partial that is not a regular file,
 * or too large, is refused (DataError) rather than read.
 */
export async function partialsFor(text: string, f: PageFile, cwd: string): Promise<(name: string) => string | undefined> {
  const found = new Map<string, string>();
  for (const name of partialNames(text)) {
    if (found.has(name)) continue;
    let dir = dirname(f.abs);
    for (let up = 0; up < PARTIAL_LEVELS_UP && !found.has(name); up++) {
      for (const cand of partialFileNames(name)) {
        const path = join(dir, cand);
        try {
          found.set(name, (await readRegularFile(path, MAX_FILE_BYTES)).toString('utf8'));
          break;
        } catch (e) {
          if (e instanceof ReadError && (e.reason === 'missing' || e.reason === 'directory')) continue;
          if (e instanceof ReadError)
            throw new DataError(`${displayPath(path, cwd)}: ${e.message}; expected the ERB partial \`${name}\` included by ${f.display}`);
          if (errorCode(e) === 'ENOTDIR') continue;
          throw e;
        }
      }
      if (dirname(dir) === dir) break;
      dir = dirname(dir);
    }
  }
  return (name) => found.get(name);
}

/**
 * The importer's inputs for found pages: each page's text with its place in the handbook and its
 * partials, a current-format folder assembled into one page. Used by `ladder import` and by the
 * corpus measurement, so both read the same pages the same way.
 */
export async function pageInputs(files: readonly PageFile[], cwd: string): Promise<PageInput[]> {
  // One page at a time: the reader opens one file at a time anyway (src/io/read.ts).
  const out: PageInput[] = [];
  for (const f of files) out.push(await pageInput(f, cwd));
  return out;
}

/** One page found: its text, place and partials (a folder family assembled into one page). */
async function pageInput(f: PageFile, cwd: string): Promise<PageInput> {
  const text = await readText(f.abs, f.display);
  const place = placeOf(f.abs, f.root);
  const where = { key: place?.key, source: place?.exact ? sourceUrl(place.key, place.current) : undefined };
  if (f.levels) {
    const levels: { file: string; text: string }[] = [];
    for (const l of f.levels) levels.push({ file: displayPath(l, cwd), text: await readText(l, displayPath(l, cwd)) });
    const page = assembleHugoFamily({ file: f.display, text }, levels, where);
    if (page) return page;
  }
  return { file: f.display, text, ...where, partial: await partialsFor(text, f, cwd) };
}

/** Removes files (those an earlier import wrote that a re-import with --force no longer produces). */
export async function removeFiles(paths: readonly string[]): Promise<void> {
  for (const p of paths) {
    await fs.unlink(p).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw new DataError(`cannot remove ${p}: ${e.code ?? e.message}`);
    });
  }
}
