/**
 * Writes a built site to disk: every file into a fresh temporary folder beside `--out`, then the
 * folder is moved into place with renames (the old site, if any, is moved aside first and deleted
 * last, and put back if the move fails), so a web server never serves half a site.
 *
 * A folder is only replaced when it is missing, empty, or holds exactly a site that `ladder site`
 * built (its manifest lists every file in it); anything else needs `force`. Whatever `force` says,
 * the working directory, its parents and the data set's folder (or a folder holding it) are never
 * replaced.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import { displayPath } from './files.js';

export interface WriteSiteOptions {
  cwd: string;
  force: boolean;
  /** Folders that must survive: the site may not replace them or a folder that holds them. */
  protect: string[];
  /** Name of the manifest file the builder put in `files`. */
  manifest: string;
}

const contains = (outer: string, inner: string) => {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

/** Every file under a folder, as `/`-separated paths relative to it (dot-files included). */
async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    for (const e of await fs.readdir(join(root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) stack.push(p);
      else out.push(p);
    }
  }
  return out.sort();
}

/** Why the existing folder may not be replaced without --force, or null when it may. */
async function refusal(abs: string, shown: string, manifest: string): Promise<string | null> {
  const present = await listFiles(abs);
  if (present.length === 0) return null;
  let listed: string[] | null = null;
  try {
    const m = JSON.parse(await fs.readFile(join(abs, manifest), 'utf8')) as { generator?: unknown; files?: unknown };
    if (m.generator === 'ladder site' && Array.isArray(m.files)) listed = m.files.filter((f): f is string => typeof f === 'string');
  } catch {
    listed = null;
  }
  if (!listed)
    return `${shown} is not empty and was not built by \`ladder site\` (no ${manifest}); choose another --out, or pass --force to replace everything in it`;
  const known = new Set([...listed, manifest]);
  const extra = present.filter((f) => !known.has(f));
  if (extra.length)
    return `${shown} holds ${extra.length} file${extra.length === 1 ? '' : 's'} that \`ladder site\` did not build (${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ', …' : ''}); move ${extra.length === 1 ? 'it' : 'them'} away, or pass --force to delete ${extra.length === 1 ? 'it' : 'them'}`;
  return null;
}

function ioError(e: unknown, what: string): DataError {
  const code = (e as NodeJS.ErrnoException).code;
  return new DataError(
    `${what} (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'disk full' : (code ?? (e as Error).message)})`,
  );
}

/** Writes `files` (site-relative path → text) as the folder `out`. Returns the folder as shown to users. */
export async function writeSite(out: string, files: Map<string, string>, opts: WriteSiteOptions): Promise<string> {
  const abs = resolve(opts.cwd, out);
  const shown = displayPath(abs, opts.cwd) + '/';
  if (contains(abs, opts.cwd))
    throw new UsageError(`--out ${out} is the working directory or one of its parents; the site needs a folder of its own, e.g. --out public`);
  for (const p of opts.protect) {
    if (contains(abs, resolve(opts.cwd, p)))
      throw new UsageError(`--out ${out} holds the data set (${displayPath(resolve(opts.cwd, p), opts.cwd)}); choose a folder of its own, e.g. --out public`);
  }
  for (const path of files.keys()) {
    // The builder makes these paths; a path leaving the folder would be a bug, never written.
    if (path.startsWith('/') || path.split('/').some((s) => s === '..' || s === '')) throw new Error(`unsafe site path ${path}`);
  }
  let existing = false;
  try {
    const st = await fs.lstat(abs);
    if (st.isSymbolicLink()) throw new UsageError(`--out ${out} is a symbolic link; pass the folder it points to`);
    if (!st.isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder`);
    existing = true;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(e, `${shown}: cannot read the folder`);
  }
  if (existing && !opts.force) {
    const why = await refusal(abs, shown, opts.manifest);
    if (why) throw new UsageError(why);
  }
  const parent = dirname(abs);
  try {
    await fs.mkdir(parent, { recursive: true });
  } catch (e) {
    throw ioError(e, `${displayPath(parent, opts.cwd)}: cannot create the folder`);
  }
  let tmp: string;
  try {
    tmp = await fs.mkdtemp(join(parent, `.${basename(abs)}.tmp-`));
  } catch (e) {
    throw ioError(e, `${displayPath(parent, opts.cwd)}: cannot create a temporary folder`);
  }
  try {
    const dirs = new Set<string>();
    for (const path of files.keys()) {
      const d = dirname(path);
      if (d !== '.') dirs.add(d);
    }
    for (const d of [...dirs].sort()) await fs.mkdir(join(tmp, d), { recursive: true });
    // The temporary folder is new and ours: 'wx' makes sure no file in it is written twice. A few
    // writes at a time: thousands of small files, one by one, wait on the disk for each.
    const queue = [...files];
    const worker = async () => {
      for (let next = queue.pop(); next; next = queue.pop()) await fs.writeFile(join(tmp, next[0]), next[1], { flag: 'wx' });
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    if (existing) {
      const old = `${tmp}.old`;
      await fs.rename(abs, old);
      try {
        await fs.rename(tmp, abs);
      } catch (e) {
        await fs.rename(old, abs);
        throw e;
      }
      await fs.rm(old, { recursive: true, force: true });
    } else {
      await fs.rename(tmp, abs);
    }
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw ioError(e, `${shown}: cannot write the site`);
  }
  return shown;
}
