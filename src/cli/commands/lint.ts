import type { Context } from '../io.js';
import { UsageError } from '../../core/errors.js';

export async function lint(_ctx: Context, _paths: string[], _opts: { format: string; outputFile?: string; maxWarnings?: string; config?: string; rule?: string[] }): Promise<number> {
  throw new UsageError('lint is not available yet');
}
