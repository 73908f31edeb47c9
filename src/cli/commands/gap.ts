import type { Context } from '../io.js';
import { UsageError } from '../../core/errors.js';

export async function gap(_ctx: Context, _role: string | undefined, _opts: { profile: string; next?: boolean; strict?: boolean; format: 'table' | 'json' | 'markdown' }): Promise<number> {
  throw new UsageError('gap is not available yet');
}
