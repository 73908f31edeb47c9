/** Shared by the commands that read a data set: load it, refuse invalid data, find roles by id. */
import type { Context } from './io.js';
import { DataError } from '../core/errors.js';
import type { LoadedDataSet } from '../core/load.js';
import type { RoleDef, FamilyDef } from '../core/model.js';
import { didYouMean } from '../core/suggest.js';
import { chooseDataDir, loadPaths } from '../io/data.js';

/** Loads the chosen data set; YAML or schema errors are a DataError listing them (exit 2). */
export async function loadDataSet(ctx: Context): Promise<LoadedDataSet> {
  const dir = chooseDataDir(ctx.data, ctx.io.env);
  const { ds, findings, problems } = await loadPaths([dir], ctx.io.cwd, { keepSources: false });
  for (const p of problems) ctx.io.stderr.write(`ladder: ${p}\n`);
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length) throw new DataError(`the data set has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} (see \`ladder lint\`)`, errors);
  if (ds.families.length === 0) throw new DataError(`no job families found in ${dir} (expected *.yaml files with \`kind: family\`)`);
  return ds;
}

export function findRole(ds: LoadedDataSet, id: string): RoleDef {
  const role = ds.roles.get(id);
  if (role) return role;
  const fam = ds.familyById.get(id);
  if (fam) throw new DataError(`\`${id}\` is a family, not a role; its roles: ${fam.roleIds.join(', ')}`);
  throw new DataError(`unknown role \`${id}\`${didYouMean(id, ds.roles.keys())}; \`ladder list\` shows every role`);
}

export function findFamily(ds: LoadedDataSet, id: string): FamilyDef {
  const fam = ds.familyById.get(id);
  if (fam) return fam;
  const role = ds.roles.get(id);
  if (role) throw new DataError(`\`${id}\` is a role of family \`${role.family}\`; pass the family id`);
  throw new DataError(`unknown family \`${id}\`${didYouMean(id, ds.familyById.keys())}; families: ${[...ds.familyById.keys()].join(', ')}`);
}

/** Width to lay tables out in: the terminal's, else 100 columns. */
export function tableWidth(ctx: Context): number {
  return Math.max(60, Math.min(ctx.io.stdout.columns ?? 100, 200));
}
