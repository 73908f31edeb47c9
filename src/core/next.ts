/**
 * "The next level" (SPEC §5: `show --next`, `diff --next`, `gap --next`, `packet --next`): the level
 * after a role in the ladder of its family that lists it. One rule for every command.
 */
import { DataError } from './errors.js';
import type { DataSet, RoleDef } from './model.js';
import { ladderOf } from './resolve.js';

/**
 * The role after `role` in its ladder. DataError (one line saying what to do) when the role is on
 * no ladder, at the top of its ladder, or when the next level is defined outside the data set.
 */
export function nextRole(ds: DataSet, role: RoleDef): RoleDef {
  const ladder = ladderOf(ds, role);
  if (!ladder) throw new DataError(`${role.id} is on no ladder of ${role.family}, so it has no next level; name the target role instead of --next`);
  const next = ladder.levels[ladder.levels.indexOf(role.id) + 1];
  if (next === undefined) {
    throw new DataError(
      `${role.id} is the top of the ${ladder.title} ladder (${ladder.levels.join(' → ')}); there is no next level; name the target role instead of --next (\`ladder list\` shows every ladder)`,
    );
  }
  const found = ds.roles.get(next);
  if (!found) throw new DataError(`the level after ${role.id} in the ${ladder.title} ladder, \`${next}\`, is defined outside this data set`);
  return found;
}
