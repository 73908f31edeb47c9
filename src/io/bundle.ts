/**
 * Start-up from one script and a V8 code cache. `npm run build` bundles src/cli/main.ts and what it
 * loads into dist/bundle/ladder.cjs (scripts/build-bundle.js), runs a few commands through it and saves
 * the code V8 compiled for them (`createCachedData`) beside it. The binary then starts without
 * resolving some eighty modules one by one and without compiling what the cache holds: about a sixth
 * less time for `ladder lint` of a company's ladder (docs/performance.md, seventh round).
 *
 * Nothing here is needed to run: without the bundle, or when the modules were built after it (`tsc`
 * alone), the binary imports dist/cli/main.js as before; a cache V8 refuses (another Node.js, other
 * V8 flags) or that was made for another bundle is not used. Nothing is written at run time.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import type * as Main from '../cli/main.js';

export type Cli = typeof Main;

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The modules' entry, which the bundle is made from. */
export const MAIN_MODULE = join(DIST, 'cli', 'main.js');
export const BUNDLE_FILE = join(DIST, 'bundle', 'ladder.cjs');
const CACHE_SUFFIX = '.v8-cache';
export const CACHE_FILE = `${BUNDLE_FILE}${CACHE_SUFFIX}`;

/** The bundle's first line names it by the SHA-256 of the rest (`withIdLine`, which the build writes). */
const ID_LINE = /^\/\/ ladder bundle ([0-9a-f]{64})\n/;

/** The text of the bundle file for esbuild's output `text` whose SHA-256 is `id`. */
export const withIdLine = (text: string, id: string) => `// ladder bundle ${id}\n${text}`;
/** The cache file: this line, the bundle's id and a line break, then V8's data. */
const CACHE_MAGIC = 'ladder v8 code cache for ';

/**
 * The script V8 compiles: the bundle wrapped as Node.js wraps a CommonJS module, with the bundle's URL
 * for what the modules read as `import.meta.url` (the cache is for exactly this text). The bundle
 * starts with its id line and then esbuild's "use strict", which stays the function's directive.
 */
const wrap = (text: string) => `(function (exports, require, module, __filename, __dirname, __bundleUrl) {${text}\n})`;

export interface LoadedBundle {
  cli: Cli;
  /** What became of the code cache: used, refused by V8, or none (missing, or made for another bundle). */
  cache: 'accepted' | 'rejected' | 'none';
  script: Script;
  id: string;
}

export interface LoadOptions {
  /** false: compile without the cache (the build's training run). */
  useCache?: boolean;
  /** Tests load copies; by default dist/'s. */
  file?: string;
  cacheFile?: string;
  mainModule?: string;
}

/**
 * The bundle's exports, compiled with its code cache when that fits; undefined when there is no
 * bundle, it has no id line, or the modules were built after it (`tsc` alone leaves it behind).
 */
export function loadBundle(options: LoadOptions = {}): LoadedBundle | undefined {
  const file = options.file ?? BUNDLE_FILE;
  let text: string;
  try {
    if (statSync(options.mainModule ?? MAIN_MODULE).mtimeMs > statSync(file).mtimeMs) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const id = ID_LINE.exec(text)?.[1];
  if (id === undefined) return undefined;
  const cachedData = options.useCache === false ? undefined : readCache(options.cacheFile ?? `${file}${CACHE_SUFFIX}`, id);
  const script = new Script(wrap(text), { filename: file, cachedData });
  const module = { exports: {} as Cli };
  const fn = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string, u: string) => void;
  fn.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), pathToFileURL(file).href);
  return { cli: module.exports, cache: cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted', script, id };
}

/** V8's data from the cache file, if the file was made for the bundle named `id`. */
function readCache(path: string, id: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const head = `${CACHE_MAGIC}${id}\n`;
  return bytes.length > head.length && bytes.toString('latin1', 0, head.length) === head ? bytes.subarray(head.length) : undefined;
}

/** Saves the code V8 compiled so far for a loaded bundle (after the build's training run), whole or not at all. */
export async function writeCodeCache(bundle: LoadedBundle, path: string = CACHE_FILE): Promise<number> {
  const data = bundle.script.createCachedData();
  // Loaded here: the binary imports this module before anything else, and needs only node's own.
  const { writeFileAtomic } = await import('./atomic.js');
  await writeFileAtomic(path, Buffer.concat([Buffer.from(`${CACHE_MAGIC}${bundle.id}\n`, 'latin1'), data]), dirname(path));
  return data.length;
}
