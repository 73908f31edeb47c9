/** `ladder profile <role>`: a profile skeleton to fill for a role, on stdout. */
import type { Context } from '../io.js';
import { findRole, loadDataSet } from '../data-set.js';

export async function profile(ctx: Context, id: string): Promise<number> {
  const ds = await loadDataSet(ctx);
  const { resolveRole } = await import('../../core/resolve.js');
  const { profileSkeleton } = await import('../../core/authoring.js');
  const { profileSkeletonYaml } = await import('../../render/authoring.js');
  const { schemaDirReference } = await import('../../io/schemas.js');
  const resolved = resolveRole(ds, findRole(ds, id));
  if (resolved.externalParent)
    ctx.io.stderr.write(
      `ladder: ${id} extends ${resolved.externalParent.id}, which is defined outside this data set; its requirements are not in the skeleton\n`,
    );
  // Relative to the working directory, where the skeleton is usually saved.
  const { VERSION } = await import('../version.js');
  const schema = `${schemaDirReference(ctx.io.cwd, VERSION)}/profile.schema.json`;
  ctx.io.stdout.write(profileSkeletonYaml(profileSkeleton(resolved, ds.vocabulary?.levels), schema));
  return 0;
}
