/**
 * `gap` (SPEC §3): a role's resolved requirements matched against a person's profile.
 *
 * A requirement with `years` + `area` and/or `skills` is checked structurally (all its parts must
 * hold): it is `met` or `missing`, with what is short in `detail`. Any other requirement is free text:
 * `met` when the profile's `evidence` names its id or its exact text (compared case-folded with
 * whitespace collapsed, like item identities), else `unverified`.
 */
import { DataError } from '../errors.js';
import { normaliseText, type DataSet, type RoleDef, type Vocabulary } from '../model.js';
import { ladderOf, type ResolvedItem, type ResolvedRole } from '../resolve.js';
import { itemJson, type ItemJson } from '../show.js';
import { didYouMean } from '../suggest.js';
import { Terms, type Profile } from './profile.js';

export { profileFromValue, profileWarnings, type Profile } from './profile.js';

export const GAP_STATUSES = ['met', 'missing', 'unverified'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

export interface GapEntry {
  item: ResolvedItem;
  status: GapStatus;
  /** What was found or what is short, in words. */
  detail: string;
}

export interface GapSummary {
  met: number;
  missing: number;
  unverified: number;
  total: number;
}

export interface GapResult {
  role: ResolvedRole;
  profile: Profile;
  requirements: GapEntry[];
  summary: GapSummary;
}

const list = (xs: string[]) => xs.join(', ');

/** The parts of a structured requirement, each met or not, in words. */
function structuralChecks(item: ResolvedItem, years: Map<string, number>, skills: Set<string>, skillTerms: Terms, areaTerms: Terms): { ok: boolean; detail: string }[] {
  const out: { ok: boolean; detail: string }[] = [];
  if (item.years !== undefined && item.area !== undefined) {
    const area = areaTerms.canonical(item.area);
    const has = years.get(area) ?? 0;
    out.push(has >= item.years ? { ok: true, detail: `${has} years in ${item.area} (needs ${item.years})` } : { ok: false, detail: `${has} of ${item.years} years in ${item.area}` });
  }
  const held = (ids: string[]) => ids.filter((s) => skills.has(skillTerms.canonical(s)));
  const any = item.skills?.any;
  if (any?.length) {
    const h = held(any);
    out.push(h.length ? { ok: true, detail: `has ${list(h)}` } : { ok: false, detail: `none of ${list(any)}` });
  }
  const all = item.skills?.all;
  if (all?.length) {
    const h = held(all);
    const lacking = all.filter((s) => !h.includes(s));
    out.push(lacking.length === 0 ? { ok: true, detail: `has ${list(all)}` } : { ok: false, detail: `missing ${list(lacking)}${h.length ? ` (has ${list(h)})` : ''}` });
  }
  return out;
}

/**
 * Matches every resolved requirement of `role` against `profile`. Skills and areas compare through
 * the vocabulary (ids, titles and aliases, case-insensitively); without one, case-insensitively as written.
 */
export function matchProfile(role: ResolvedRole, profile: Profile, vocabulary: Vocabulary | null): GapResult {
  const skillTerms = new Terms(vocabulary?.skills ?? null);
  const areaTerms = new Terms(vocabulary?.areas ?? null);
  const skills = new Set(profile.skills.map((s) => skillTerms.canonical(s)));
  const years = new Map<string, number>();
  for (const e of profile.experience) {
    const area = areaTerms.canonical(e.key);
    // Two spellings of one area: the larger number of years counts.
    years.set(area, Math.max(years.get(area) ?? 0, e.years));
  }
  const evidence = new Map<string, string>();
  for (const e of profile.evidence) if (!evidence.has(normaliseText(e.key))) evidence.set(normaliseText(e.key), e.note);

  const requirements: GapEntry[] = role.sections.requirements.map((item) => {
    const note = (item.id !== null ? evidence.get(normaliseText(item.id)) : undefined) ?? evidence.get(normaliseText(item.text));
    const checks = structuralChecks(item, years, skills, skillTerms, areaTerms);
    if (checks.length) {
      const ok = checks.every((c) => c.ok);
      // Evidence does not replace the structural check, but it is worth showing next to it.
      const detail = [...checks.filter((c) => c.ok === ok).map((c) => c.detail), ...(note !== undefined ? [`evidence: ${note}`] : [])].join('; ');
      return { item, status: ok ? 'met' : 'missing', detail };
    }
    if (note !== undefined) return { item, status: 'met', detail: note.trim() ? `evidence: ${note.trim()}` : 'evidence given' };
    return { item, status: 'unverified', detail: item.id ? `no evidence for \`${item.id}\` in the profile` : 'no evidence in the profile' };
  });
  const count = (s: GapStatus) => requirements.filter((r) => r.status === s).length;
  return { role, profile, requirements, summary: { met: count('met'), missing: count('missing'), unverified: count('unverified'), total: requirements.length } };
}

/** The exit code of `gap`: 1 when something is missing (with `strict`, or unverified), else 0. */
export function gapExitCode(r: GapResult, strict: boolean): number {
  return r.summary.missing > 0 || (strict && r.summary.unverified > 0) ? 1 : 0;
}

/**
 * The level after the profile's current role in its ladder (`gap --next`). DataError when the
 * profile has no role, the role is unknown, on no ladder, or at the top of its ladder.
 */
export function nextLevel(ds: DataSet, profile: Profile): RoleDef {
  if (!profile.role) throw new DataError(`${profile.file}: --next needs the profile's current \`role\`; add \`role: <role id>\` or pass a role id instead of --next`);
  const current = ds.roles.get(profile.role);
  if (!current) throw new DataError(`${profile.file}: unknown role \`${profile.role}\` in \`role\`${didYouMean(profile.role, ds.roles.keys())}; \`ladder list\` shows every role`);
  const ladder = ladderOf(ds, current);
  if (!ladder) throw new DataError(`${current.id} is on no ladder, so it has no next level; pass a role id instead of --next`);
  const at = ladder.levels.indexOf(current.id);
  const next = ladder.levels[at + 1];
  if (next === undefined) throw new DataError(`${current.id} is the top of the ${ladder.title} ladder; there is no next level (see \`ladder list\`)`);
  const role = ds.roles.get(next);
  if (!role) throw new DataError(`the level after ${current.id} in ${ladder.title}, \`${next}\`, is defined outside this data set`);
  return role;
}

// ---------------------------------------------------------------------------------------------
// JSON (SPEC §3): {role, profile, summary, requirements: [{…Item, status, detail}]}

export interface GapJson {
  role: string;
  profile: { file: string; name: string | null };
  summary: GapSummary;
  requirements: (ItemJson & { status: GapStatus; detail: string })[];
}

export function gapJson(r: GapResult): GapJson {
  return {
    role: r.role.role.id,
    profile: { file: r.profile.file, name: r.profile.name },
    summary: r.summary,
    requirements: r.requirements.map((e) => ({ ...itemJson(e.item), status: e.status, detail: e.detail })),
  };
}
