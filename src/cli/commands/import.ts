import type { Context } from '../io.js';
import { UsageError } from '../../core/errors.js';

export async function importPages(_ctx: Context, _pages: string[], _opts: { out?: string; force?: boolean }): Promise<number> {
  throw new UsageError('import is not available yet');
}
