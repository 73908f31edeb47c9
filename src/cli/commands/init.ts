/** `ladder init [dir]`: scaffold a team's ladder (config, an example family, skills, a profile, a CI job). */
import { join, resolve } from 'node:path';
import type { Context } from '../io.js';
import { UsageError } from '../../core/errors.js';

export async function init(ctx: Context, dir: string | undefined, opts: { ci?: string; force?: boolean }): Promise<number> {
  const { CI_KINDS, initFiles, INIT_DATA_DIR } = await import('../../init/templates.js');
  const { schemaDirReference } = await import('../../io/schemas.js');
  const { writeNewFiles } = await import('../../io/write-set.js');
  const { displayPath } = await import('../../io/files.js');
  if (opts.ci !== undefined && !(CI_KINDS as readonly string[]).includes(opts.ci))
    throw new UsageError(`--ci takes ${CI_KINDS.join(' or ')}, got "${opts.ci}"`);
  const root = resolve(ctx.io.cwd, dir ?? '.');
  const { VERSION } = await import('../version.js');
  const files = initFiles({ schemaDir: (d) => schemaDirReference(join(root, d), VERSION), ci: opts.ci as (typeof CI_KINDS)[number] | undefined });
  await writeNewFiles(root, files, ctx.io.cwd, { force: opts.force });
  const shown = files.map((f) => displayPath(join(root, f.path), ctx.io.cwd));
  const at = dir && displayPath(root, ctx.io.cwd) !== '.' ? `cd ${displayPath(root, ctx.io.cwd)}, ` : '';
  ctx.io.stderr.write(`ladder: wrote ${files.length} files: ${shown.join(', ')}\n`);
  ctx.io.stderr.write(`ladder: next: ${at}edit ${INIT_DATA_DIR}/engineering.yaml, then run \`ladder lint\` and \`ladder show senior-engineer\`\n`);
  return 0;
}
