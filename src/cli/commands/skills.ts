/** `ladder skills`: the vocabulary of skills and experience areas that requirements and profiles name. */
import type { Context } from '../io.js';
import { dataChoice, loadDataSet, tableWidth } from '../data-set.js';

export async function skills(ctx: Context, opts: { format: 'table' | 'json' | 'markdown' }): Promise<number> {
  const ds = await loadDataSet(ctx);
  const { skillsView } = await import('../../core/authoring.js');
  const render = await import('../../render/authoring.js');
  const view = skillsView(ds);
  if (!ds.vocabulary) ctx.io.stderr.write(`ladder: ${(await dataChoice(ctx)).label} has no skills vocabulary (a file with \`kind: skills\`); requirements' skills and areas are compared as written\n`);
  let text: string;
  if (opts.format === 'json') text = render.skillsJsonText(view);
  else if (opts.format === 'markdown') text = render.skillsMarkdown(view);
  else {
    const { makePaint } = await import('../../render/paint.js');
    text = render.skillsTable(view, await makePaint(ctx.color), tableWidth(ctx));
  }
  ctx.io.stdout.write(text);
  return 0;
}
