import { join, resolve } from 'node:path';
import type { Context } from '../io.js';
import { findFamily, loadDataSet } from '../data-set.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../formats.js';
import { UsageError } from '../../core/errors.js';
import type { DataSet, FamilyDef } from '../../core/model.js';

/** One writer per export format, keyed by the names in src/formats.ts; each loads its module when chosen. */
export const EXPORTERS = {
  markdown: async (ds, fam) => (await import('../../handbook/write-page.js')).familyMarkdown(ds, fam),
  json: async (ds, fam) => JSON.stringify((await import('../../export/family-json.js')).familyJson(ds, fam), null, 2) + '\n',
} satisfies Record<ExportFormat, (ds: DataSet, fam: FamilyDef) => Promise<string>>;

/** `ladder export <family> --format markdown|json`, or `ladder export --all [--out <dir>]` */
export async function exportFamily(
  ctx: Context,
  family: string | undefined,
  opts: { format: ExportFormat; all?: boolean; out?: string; force?: boolean },
): Promise<number> {
  if (!Object.hasOwn(EXPORTERS, opts.format)) throw new UsageError(`unknown format \`${opts.format}\` (use ${EXPORT_FORMATS.join(', ')})`);
  if (opts.all && family !== undefined) throw new UsageError('pass a family id or --all, not both');
  if (!opts.all && family === undefined) throw new UsageError('which family? pass its id (`ladder list` shows them) or --all');
  if (!opts.all && opts.out !== undefined) throw new UsageError('--out goes with --all; for one family redirect stdout (`ladder export <family> > page.md`)');
  const ds = await loadDataSet(ctx);
  if (!opts.all) {
    ctx.io.stdout.write(await EXPORTERS[opts.format](ds, findFamily(ds, family!)));
    return 0;
  }
  const pages = await Promise.all(ds.families.map(async (fam) => ({ id: fam.id, text: await EXPORTERS[opts.format](ds, fam) })));
  if (opts.out === undefined) {
    if (opts.format !== 'json') throw new UsageError('--all writes one page per family: pass --out <dir> (or --format json for one JSON array on stdout)');
    ctx.io.stdout.write(`[\n${pages.map((p) => p.text.trimEnd()).join(',\n')}\n]\n`);
    return 0;
  }
  const { exists } = await import('../../io/pages.js');
  const { writeFilesAtomic } = await import('../../io/atomic.js');
  const { displayPath } = await import('../../io/files.js');
  const dir = resolve(ctx.io.cwd, opts.out);
  const ext = opts.format === 'json' ? 'json' : 'md';
  const targets = pages.map((p) => ({ name: `${p.id}.${ext}`, path: join(dir, `${p.id}.${ext}`), text: p.text }));
  if (!opts.force) {
    const there: string[] = [];
    for (const t of targets) if (await exists(t.path)) there.push(displayPath(t.path, ctx.io.cwd));
    if (there.length)
      throw new UsageError(
        `${there.length === 1 ? `${there[0]} exists` : `${there.length} files exist (${there.slice(0, 3).join(', ')}${there.length > 3 ? ', …' : ''})`}; pass --force to overwrite; nothing was written`,
      );
  }
  await writeFilesAtomic(dir, targets, { force: Boolean(opts.force), cwd: ctx.io.cwd });
  ctx.io.stderr.write(`ladder: wrote ${targets.length} famil${targets.length === 1 ? 'y' : 'ies'} to ${displayPath(dir, ctx.io.cwd)}\n`);
  return 0;
}
