import type { Context } from '../io.js';
import { UsageError } from '../../core/errors.js';

export async function exportFamily(_ctx: Context, _family: string, _opts: { format: 'markdown' | 'json' }): Promise<number> {
  throw new UsageError('export is not available yet');
}
