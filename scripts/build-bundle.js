// The last build step (after tsc): bundles dist/cli/main.js and what it loads into one script,
// dist/bundle/ladder.cjs, then runs a few everyday commands through it in a child process and saves
// the code V8 compiled for them beside it (dist/bundle/ladder.cjs.v8-cache). bin/ladder.js starts from
// these when they are there (src/io/bundle.ts); without them it imports the modules. So a failure here
// (no esbuild binary for this platform, a training run that fails) removes both and says so, and the
// build goes on: the binary is only slower. test/cli/bundle.test.ts fails when there is no bundle.
//   node scripts/build-bundle.js           bundle, then train
//   node scripts/build-bundle.js --train   (the child) run the commands, write the cache
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { BUNDLE_FILE, CACHE_FILE, MAIN_MODULE, loadBundle, withIdLine, writeCodeCache } = await import(join(root, 'dist', 'io', 'bundle.js'));
const { writeFileAtomic } = await import(join(root, 'dist', 'io', 'atomic.js'));

/**
 * A module that loads a package or a generated file on first use writes
 * `const require = createRequire(import.meta.url);` and then `require('<literal>')`. In the bundle that
 * line is dropped, so those calls are esbuild's own: what they load is bundled (and in the code
 * cache), and still run only when first called.
 */
const REQUIRE_LINE = 'const require = createRequire(import.meta.url);';
const bundledRequires = {
  name: 'bundled-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async ({ path }) => {
      const text = readFileSync(path, 'utf8');
      return text.includes(REQUIRE_LINE) ? { contents: text.replace(REQUIRE_LINE, ''), loader: 'js', resolveDir: dirname(path) } : undefined;
    });
  },
};

async function build() {
  rmSync(CACHE_FILE, { force: true });
  rmSync(BUNDLE_FILE, { force: true });
  try {
    await bundle();
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--train'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (child.status !== 0) throw new Error(`its training run exited ${child.status ?? child.signal}`);
  } catch (e) {
    rmSync(CACHE_FILE, { force: true });
    rmSync(BUNDLE_FILE, { force: true });
    console.warn(`build: no bundle (${e instanceof Error ? e.message : e}); ladder runs from the modules, only slower to start`);
  }
}

async function bundle() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [MAIN_MODULE],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    // Every module that reads import.meta.url sits one folder below dist/ (test/cli/bundle.test.ts checks),
    // as the bundle does: paths made from it (../../package.json, ../../data) stay right.
    // (src/io/bundle.ts passes __bundleUrl to the script, beside require and __filename.)
    define: { 'import.meta.url': '__bundleUrl' },
    plugins: [bundledRequires],
  });
  const text = result.outputFiles[0].text;
  mkdirSync(dirname(BUNDLE_FILE), { recursive: true });
  await writeFileAtomic(BUNDLE_FILE, withIdLine(text, createHash('sha256').update(text).digest('hex')), root);
}

/** Runs what most runs do (lint, with its YAML parser; show; list; diff; help) and saves V8's code for it. */
async function train() {
  const bundle = loadBundle({ useCache: false });
  if (!bundle) throw new Error(`${BUNDLE_FILE}: not loadable`);
  // A copy of the bundled data, so that lint parses it (the bundled files are answered from a snapshot),
  // beside the bundle: the build writes only under dist/.
  const dir = mkdtempSync(join(dirname(BUNDLE_FILE), '.train-'));
  try {
    for (const name of readdirSync(join(root, 'data'))) if (name.endsWith('.yaml')) copyFileSync(join(root, 'data', name), join(dir, name));
    const runs = [
      ['lint', dir],
      ['lint', dir, '--format', 'json'],
      ['show', 'senior-lab-curriculum-developer'],
      ['list'],
      ['diff', 'lab-curriculum-developer', 'senior-lab-curriculum-developer'],
      ['--help'],
    ];
    for (const argv of runs) {
      const code = await bundle.cli.run(argv, bundle.cli.processIo({ ...process.env, NO_COLOR: '1' }));
      // lint of the sample finds warnings only: exit 0 like the rest.
      if (code !== 0) throw new Error(`ladder ${argv.join(' ')} exited ${code}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await writeCodeCache(bundle);
}

if (process.argv[2] === '--train') await train();
else await build();
