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

/** `ladder export <family> --format markdown|json` */
export async function exportFamily(ctx: Context, family: string, opts: { format: ExportFormat }): Promise<number> {
  if (!Object.hasOwn(EXPORTERS, opts.format)) throw new UsageError(`unknown format \`${opts.format}\` (use ${EXPORT_FORMATS.join(', ')})`);
  const ds = await loadDataSet(ctx);
  const fam = findFamily(ds, family);
  ctx.io.stdout.write(await EXPORTERS[opts.format](ds, fam));
  return 0;
}
