/**
 * Shared by the commands that read a data set: choose it (as every command does), load it, refuse
 * data that would give wrong answers, find roles and families by id.
 */
import type { Context } from './io.js';
import { DataError } from '../core/errors.js';
import type { LoadedDataSet, LoadedFile } from '../core/load.js';
import type { Severity } from '../core/lint/types.js';
import type { Finding } from '../core/findings.js';
import type { RoleDef, FamilyDef } from '../core/model.js';
import { didYouMean } from '../core/suggest.js';
import { loadPaths } from '../io/data.js';
import { chooseDataSet, type DataChoice } from '../io/data-choice.js';

/** Lint rules whose errors change what show/diff/gap/list/export answer: such data is refused. */
export const ANSWER_CHANGING_RULES = ['unresolved-reference', 'duplicate-id', 'inheritance-cycle'] as const;

const choices = new WeakMap<Context, Promise<DataChoice>>();
const labels = new WeakMap<LoadedDataSet, string>();

/** The data set this run reads (chosen once per run). */
export function dataChoice(ctx: Context): Promise<DataChoice> {
  let c = choices.get(ctx);
  if (!c) {
    c = chooseDataSet({ flag: ctx.data, env: ctx.io.env, cwd: ctx.io.cwd });
    choices.set(ctx, c);
  }
  return c;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Loads the chosen data set. YAML or schema errors, and the lint errors that change answers (an
 * unresolved reference, a duplicate id, an inheritance cycle), are a DataError listing them with their
 * positions (exit 2); other lint warnings are one summary line on stderr.
 */
export async function loadDataSet(ctx: Context): Promise<LoadedDataSet> {
  const choice = await dataChoice(ctx);
  // Sources are kept until the reference checks have run (they need positions), then released.
  const { ds, files, findings, problems } = await loadPaths([choice.dir], ctx.io.cwd);
  for (const p of problems) ctx.io.stderr.write(`ladder: ${p}\n`);
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length)
    throw new DataError(
      `the data set ${choice.label} has ${plural(errors.length, 'error')}; fix ${errors.length === 1 ? 'it' : 'them'} (\`ladder lint\` shows every finding)`,
      errors,
    );
  if (ds.families.length === 0) throw new DataError(`no job families found in ${choice.label} (expected *.yaml files with \`kind: family\`)`);
  if (choice.origin !== 'bundled') {
    const found = await structuralFindings(ds, files, choice.config?.rules);
    const refused = found.filter((f) => f.level === 'error');
    if (refused.length) {
      throw new DataError(
        `the data set ${choice.label} has ${plural(refused.length, 'error')} that change${refused.length === 1 ? 's' : ''} the answer; fix ${refused.length === 1 ? 'it' : 'them'} (\`ladder lint\` shows every finding)`,
        refused,
      );
    }
    // Made warnings by the config: the answer may be incomplete, so say so once.
    if (found.length) ctx.io.stderr.write(`ladder: ${plural(found.length, 'warning')} in ${choice.label}; run \`ladder lint\`\n`);
  }
  const { releaseSource } = await import('../core/load.js');
  for (const f of files) releaseSource(f);
  labels.set(ds, choice.label);
  return ds;
}

/** The answer-changing rules, at the severities of the config (the default: error). */
async function structuralFindings(ds: LoadedDataSet, files: LoadedFile[], severities: ReadonlyMap<string, Severity> | undefined): Promise<Finding[]> {
  const { RULES_BY_ID } = await import('../core/lint/registry.js');
  const { runLint } = await import('../core/lint/engine.js');
  // The cycle rule rides on the whole inheritance analysis: run it only when there is a cycle.
  const rules = ANSWER_CHANGING_RULES.filter((id) => id !== 'inheritance-cycle' || hasCycle(ds)).map((id) => RULES_BY_ID.get(id)!);
  // The files' own yaml-syntax and schema findings were handled above: keep only these rules'.
  const ids: readonly string[] = ANSWER_CHANGING_RULES;
  return runLint(files, ds, { rules, severities }).filter((f) => ids.includes(f.ruleId));
}

/** Whether following `extends` from some role comes back to it: one linear pass over the roles. */
export function hasCycle(ds: LoadedDataSet): boolean {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: known to end
  for (const start of ds.roles.values()) {
    const path: string[] = [];
    let cur: RoleDef | undefined = start;
    while (cur && !state.has(cur.id)) {
      state.set(cur.id, 1);
      path.push(cur.id);
      cur = cur.extends !== undefined ? ds.roles.get(cur.extends) : undefined;
    }
    if (cur && state.get(cur.id) === 1) return true;
    for (const id of path) state.set(id, 2);
  }
  return false;
}

export function findRole(ds: LoadedDataSet, id: string): RoleDef {
  const role = ds.roles.get(id);
  if (role) return role;
  const fam = ds.familyById.get(id);
  if (fam) throw new DataError(`\`${id}\` is a family, not a role; its roles: ${fam.roleIds.join(', ')}`);
  const where = labels.get(ds);
  throw new DataError(`unknown role \`${id}\`${where ? ` in ${where}` : ''}${didYouMean(id, ds.roles.keys())}; \`ladder list\` shows every role`);
}

export function findFamily(ds: LoadedDataSet, id: string): FamilyDef {
  const fam = ds.familyById.get(id);
  if (fam) return fam;
  const role = ds.roles.get(id);
  if (role) throw new DataError(`\`${id}\` is a role of family \`${role.family}\`; pass the family id`);
  const where = labels.get(ds);
  throw new DataError(
    `unknown family \`${id}\`${where ? ` in ${where}` : ''}${didYouMean(id, ds.familyById.keys())}; families: ${[...ds.familyById.keys()].join(', ')}`,
  );
}

/**
 * Width to lay tables out in: the terminal's, else `COLUMNS`, else 100 columns (at least 40, so a
 * table stays readable).
 */
export function tableWidth(ctx: Context): number {
  const fromEnv = Number.parseInt(ctx.io.env.COLUMNS ?? '', 10);
  const width = ctx.io.stdout.columns ? ctx.io.stdout.columns : Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 100;
  return Math.max(40, Math.min(width, 400));
}
