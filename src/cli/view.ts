import { VIEW_FORMATS, type ViewFormat } from '../formats.js';
import { UsageError } from '../core/errors.js';

/** One renderer per view format, keyed by the names in src/formats.ts (a missing or extra name does not compile). */
export type ViewRenderers = Record<ViewFormat, () => string | Promise<string>>;

/** The text of a `list`/`show`/`diff`/`gap` result in the chosen format; renderers run only when chosen. */
export async function renderView(format: string, renderers: ViewRenderers): Promise<string> {
  if (!(VIEW_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format \`${format}\` (use ${VIEW_FORMATS.join(', ')})`);
  return renderers[format as ViewFormat]();
}
