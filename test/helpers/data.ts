/** Builds a data set from in-memory YAML files, the way the CLI loads them from disk. */
import { buildDataSet, loadFile, locateFindings, type LoadedDataSet } from '../../src/core/load.js';
import type { Finding } from '../../src/core/findings.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';

export async function dataSetFrom(files: Record<string, string>): Promise<{ ds: LoadedDataSet; findings: Finding[] }> {
  const schemas = await loadSchemaSupport();
  const loaded = Object.entries(files).map(([file, text]) => loadFile({ file, text }, schemas));
  const findings = loaded.flatMap((f) => locateFindings(f, f.findings));
  return { ds: buildDataSet(loaded), findings };
}

/** A family file from a compact description: roles as YAML snippets. */
export function family(id: string, roles: Record<string, string>, extra = ''): string {
  const body = Object.entries(roles)
    .map(([rid, yaml]) => `  ${rid}:\n${yaml.replace(/^/gm, '    ')}`)
    .join('\n');
  return `kind: family\nid: ${id}\ntitle: ${id}\n${extra}roles:\n${body}\n`;
}
