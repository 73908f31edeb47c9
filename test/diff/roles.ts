/** Test support: resolve roles of an in-memory data set. */
import { expect } from '@jest/globals';
import { dataSetFrom } from '../helpers/data.js';
import { resolveRole, type ResolvedRole } from '../../src/core/resolve.js';
import type { LoadedDataSet } from '../../src/core/load.js';

export async function loadRoles(files: Record<string, string>): Promise<{ ds: LoadedDataSet; role: (id: string) => ResolvedRole }> {
  const { ds, findings } = await dataSetFrom(files);
  // A fixture with schema errors would silently test less than it says.
  expect(findings.filter((f) => f.level === 'error')).toEqual([]);
  return {
    ds,
    role: (id: string) => {
      const r = ds.roles.get(id);
      if (!r) throw new Error(`fixture has no role ${id}`);
      return resolveRole(ds, r);
    },
  };
}
