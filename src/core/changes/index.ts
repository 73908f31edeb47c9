/** What a new version of the data set changes for each role (`ladder changes`, SPEC §5). */
export {
  computeChanges,
  ROLE_STATUSES,
  type ChangeField,
  type ChangesOptions,
  type ChangesReport,
  type FieldChange,
  type ItemMove,
  type RoleChange,
  type RoleStatus,
  type SectionChanges,
} from './compute.js';
export { loadVersions, type LoadedVersion, type VersionFile } from './load-version.js';
export { changesJson, type ChangesJson, type ItemChangeJson, type RoleChangeJson, type SectionChangesJson } from './json.js';
