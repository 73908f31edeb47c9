/** `ladder skills`: the vocabulary of skills and experience areas that requirements and profiles name. */
import type { Context } from '../io.js';
import { dataChoice, loadDataSet, tableWidth } from '../data-set.js';
import { renderView } from '../view.js';
import type { ViewFormat } from '../../formats.js';

export async function skills(ctx: Context, opts: { format: ViewFormat }): Promise<number> {
  const ds = await loadDataSet(ctx);
  const { skillsView } = await import('../../core/authoring.js');
  const render = await import('../../render/authoring.js');
  const view = skillsView(ds);
  if (!ds.vocabulary)
    ctx.io.stderr.write(
      `ladder: ${(await dataChoice(ctx)).label} has no skills vocabulary (a file with \`kind: skills\`); requirements' skills and areas are compared as written\n`,
    );
  const text = await renderView(opts.format, {
    table: async () => render.skillsTable(view, await (await import('../../render/paint.js')).makePaint(ctx.color), tableWidth(ctx)),
    json: () => render.skillsJsonText(view),
    markdown: () => render.skillsMarkdown(view),
  });
  ctx.io.stdout.write(text);
  return 0;
}
