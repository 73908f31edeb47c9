import type { Context } from '../io.js';
import { findFamily, loadDataSet } from '../data-set.js';

/** `ladder export <family> --format markdown|json` */
export async function exportFamily(ctx: Context, family: string, opts: { format: 'markdown' | 'json' }): Promise<number> {
  const ds = await loadDataSet(ctx);
  const fam = findFamily(ds, family);
  if (opts.format === 'json') {
    const { familyJson } = await import('../../export/family-json.js');
    ctx.io.stdout.write(JSON.stringify(familyJson(ds, fam), null, 2) + '\n');
    return 0;
  }
  const { familyMarkdown } = await import('../../export/family-markdown.js');
  ctx.io.stdout.write(familyMarkdown(ds, fam));
  return 0;
}
