// Snapshots the bundled data set at build time (parsed values, source offsets, checked against the
// schemas), so that commands reading it unchanged start without the YAML parser. A file that does not
// load cleanly is left out and parsed at run time as usual.
import { readFileSync, readdirSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, sep } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'data-snapshot.json');
rmSync(out, { force: true });
const { loadFile } = await import(join(root, 'dist', 'core', 'load.js'));
const { takeSnapshot } = await import(join(root, 'dist', 'core', 'snapshot.js'));
const { loadSchemaSupport } = await import(join(root, 'dist', 'io', 'schemas.js'));
const schemas = await loadSchemaSupport();

const dataDir = join(root, 'data');
const files = readdirSync(dataDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
  .sort();
const snapshots = {};
for (const rel of files) {
  const text = readFileSync(join(dataDir, rel), 'utf8');
  const snap = takeSnapshot(loadFile({ file: rel, text }, schemas), text);
  if (snap) snapshots[rel.split(sep).join('/')] = snap;
  else console.warn(`build: data/${rel} does not load cleanly; it is not snapshotted (run ladder lint)`);
}
writeFileSync(out + '.tmp', JSON.stringify(snapshots));
renameSync(out + '.tmp', out);
