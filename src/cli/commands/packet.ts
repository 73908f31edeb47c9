import type { Context } from '../io.js';
import type { PacketFormat } from '../../formats.js';
import { UsageError } from '../../core/errors.js';
import { findRole, loadDataSet } from '../data-set.js';
import { formatFindingLine } from '../report.js';
import { compareFindings } from '../../core/findings.js';

export async function packet(
  ctx: Context,
  opts: { profile: string; next?: boolean; to?: string; out?: string; force?: boolean; format: PacketFormat },
): Promise<number> {
  if (opts.to !== undefined && opts.next) throw new UsageError('give either --to <role> or --next, not both');
  if (opts.to === undefined && !opts.next) throw new UsageError("give --next (the level after the profile's `role`) or --to <role>");
  // One import at a time: concurrent dynamic imports of shared modules race in jest's ESM loader.
  const { readProfile, locateProfileWarnings } = await import('../../io/profile.js');
  const gapCore = await import('../../core/gap/index.js');
  const { DataError } = await import('../../core/errors.js');
  const { resolveRole } = await import('../../core/resolve.js');
  const { diffRoles } = await import('../../core/diff/index.js');
  const { packetHtml, packetMarkdown } = await import('../../render/packet.js');
  const profile = await readProfile(opts.profile, ctx.io.cwd);
  const ds = await loadDataSet(ctx);
  const p = profile.profile;
  if (!p.role) throw new DataError(`${p.file}: a packet compares the current level with the next one: add \`role: <current role id>\` to the profile`);
  const current = findRole(ds, p.role);
  const target = opts.to !== undefined ? findRole(ds, opts.to) : gapCore.nextLevel(ds, p);
  for (const w of locateProfileWarnings(profile, gapCore.profileWarnings(p, ds)).sort(compareFindings)) ctx.io.stderr.write(formatFindingLine(w) + '\n');
  const from = resolveRole(ds, current);
  const to = resolveRole(ds, target);
  for (const r of [from, to]) {
    if (r.externalParent)
      ctx.io.stderr.write(`ladder: ${r.role.id} extends ${r.externalParent.id}, which is defined outside this data set; its items are not in the packet\n`);
  }
  const input = { from, to, diff: diffRoles(from, to), gap: gapCore.matchProfile(to, p, ds.vocabulary) };
  const renderers = { markdown: () => Promise.resolve(packetMarkdown(input)), html: () => packetHtml(input) } satisfies Record<
    PacketFormat,
    () => Promise<string>
  >;
  const text = await renderers[opts.format]();
  if (opts.out === undefined) {
    ctx.io.stdout.write(text);
    return 0;
  }
  const { writeOutput } = await import('../../io/worksheet.js');
  await writeOutput(opts.out, text, ctx.io.cwd, Boolean(opts.force));
  ctx.io.stderr.write(`ladder: wrote ${opts.out}\n`);
  return 0;
}
