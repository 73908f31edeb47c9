/**
 * The last step before an import writes anything: the generated YAML must load, lint without
 * errors and resolve, as a set. Pure: the command loads the schemas and decides what to do.
 */
import { buildDataSet, loadFile } from '../core/load.js';
import { runLint } from '../core/lint/engine.js';
import type { Finding } from '../core/findings.js';
import type { SchemaSupport } from '../core/schema-errors.js';

/** The lint errors of the generated files (named `<id>.yaml`), empty when the set is sound. */
export function verifyImport(outputs: readonly { id: string; text: string }[], schemas: SchemaSupport): Finding[] {
  const loaded = outputs.map((o) => loadFile({ file: `${o.id}.yaml`, text: o.text }, schemas));
  return runLint(loaded, buildDataSet(loaded)).filter((f) => f.level === 'error');
}
