import type { Context } from '../io.js';
import { UsageError } from '../../core/errors.js';

export async function diff(_ctx: Context, _from: string, _to: string, _opts: { format: 'table' | 'json' | 'markdown'; all?: boolean }): Promise<number> {
  throw new UsageError('diff is not available yet');
}
