// Tests that spawn the built binary need dist/ to match the sources: rebuild it when a source is newer
// than the build (or the build is missing), once, before any test runs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = [
  'src',
  'schemas',
  'data',
  'scripts/build-validators.js',
  'scripts/build-data-snapshot.js',
  'scripts/build-bundle.js',
  'tsconfig.build.json',
  'package.json',
];
const OUTPUTS = ['dist/cli/run.js', 'dist/validators.cjs', 'dist/data-snapshot.json', 'dist/bundle/ladder.cjs', 'dist/bundle/ladder.cjs.v8-cache'];

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/** Whether dist/ is missing or older than a source; exported for its test. */
export function buildIsStale(root = ROOT) {
  if (!OUTPUTS.every((o) => existsSync(join(root, o)))) return true;
  const built = Math.min(...OUTPUTS.map((o) => statSync(join(root, o)).mtimeMs));
  return SOURCES.some((s) => existsSync(join(root, s)) && newest(join(root, s)) > built);
}

export default function globalSetup() {
  if (!buildIsStale()) return;
  process.stderr.write('\ndist/ is older than the sources: npm run build\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
