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
import type { ResolvedItem, ResolvedRole } from '../resolve.js';
import { nextRole } from '../next.js';
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
  /** The profile's evidence note for this requirement, when it gives one (also in `detail`). */
  evidence?: string;
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

/** One part of a structured requirement: held (`ok`), short (`missing`) or not known (`unknown`). */
interface Check {
  state: 'ok' | 'short' | 'unknown';
  detail: string;
}

/** The level scale: names by rank, and the rank of a name (-1 when not on the scale). */
class Scale {
  private readonly ranks: Map<string, number>;
  constructor(private readonly names: readonly string[]) {
    this.ranks = new Map(names.map((n, i) => [n, i]));
  }
  rank(name: string): number {
    return this.ranks.get(name) ?? -1;
  }
  name(rank: number): string {
    return this.names[rank];
  }
}

/** What the profile holds: canonical skill id -> rank on the level scale (-1: level not stated). */
type Held = Map<string, number>;

/**
 * The skills part of a requirement. Without a level asked (or with a level the scale does not
 * know, which lint reports), holding the skill is enough. With one: at or above it meets, below is
 * short ("iam at working, needs advanced"), a skill listed without a level is unknown.
 */
function skillsCheck(req: { ids: string[]; mode: 'any' | 'all'; level?: string }, held: Held, terms: Terms, levels: Scale): Check {
  const asked = req.level !== undefined ? levels.rank(req.level) : -1;
  const parts = req.ids.map((id) => {
    const rank = held.get(terms.canonical(id));
    if (rank === undefined) return { id, state: 'none' as const, rank };
    if (asked < 0) return { id, state: 'ok' as const, rank };
    if (rank < 0) return { id, state: 'unknown' as const, rank };
    return { id, state: rank >= asked ? ('ok' as const) : ('short' as const), rank };
  });
  const ids = (st: string) => parts.filter((p) => p.state === st).map((p) => p.id);
  const at = (st: string) => parts.filter((p) => p.state === st).map((p) => `${p.id} at ${levels.name(p.rank!)}`);
  const needs = asked >= 0 ? `, needs ${levels.name(asked)}` : '';
  // The skills held, with their levels when a level is asked.
  const heldText = (st: 'ok' | 'all') => {
    const those = st === 'all' ? parts : parts.filter((p) => p.state === st);
    return asked >= 0 ? `${list(those.map((p) => `${p.id} at ${levels.name(p.rank!)}`))} (needs ${levels.name(asked)})` : list(those.map((p) => p.id));
  };
  const unstated = (xs: string[]) => `level of ${list(xs)} not stated${needs}`;
  if (req.mode === 'any') {
    const ok = ids('ok');
    if (ok.length) return { state: 'ok', detail: `has ${heldText('ok')}` };
    if (ids('unknown').length) return { state: 'unknown', detail: unstated(ids('unknown')) };
    if (ids('short').length) return { state: 'short', detail: `${list(at('short'))}${needs}` };
    return { state: 'short', detail: `none of ${list(req.ids)}` };
  }
  const none = ids('none');
  const short = ids('short');
  if (none.length || short.length) {
    const words = [...(none.length ? [`missing ${list(none)}`] : []), ...(short.length ? [`${list(at('short'))}${needs}`] : [])];
    const has = [...ids('ok'), ...ids('unknown')];
    return { state: 'short', detail: words.join('; ') + (none.length && !short.length && has.length ? ` (has ${list(has)})` : '') };
  }
  if (ids('unknown').length) return { state: 'unknown', detail: unstated(ids('unknown')) };
  return { state: 'ok', detail: `has ${heldText('all')}` };
}

/** The parts of a structured requirement, each held, short or unknown, in words. */
function structuralChecks(item: ResolvedItem, years: Map<string, number>, held: Held, skillTerms: Terms, areaTerms: Terms, levels: Scale): Check[] {
  const out: Check[] = [];
  if (item.years !== undefined && item.area !== undefined) {
    const area = areaTerms.canonical(item.area);
    const has = years.get(area) ?? 0;
    out.push(
      has >= item.years
        ? { state: 'ok', detail: `${has} years in ${item.area} (needs ${item.years})` }
        : { state: 'short', detail: `${has} of ${item.years} years in ${item.area}` },
    );
  }
  const sk = item.skills;
  const mode = sk?.all?.length ? 'all' : sk?.any?.length ? 'any' : null;
  if (sk && mode) out.push(skillsCheck({ ids: sk[mode]!, mode, level: sk.level }, held, skillTerms, levels));
  return out;
}

/**
 * Matches every resolved requirement of `role` against `profile`. Skills and areas compare through
 * the vocabulary (ids, titles and aliases, case-insensitively); without one, case-insensitively as written.
 */
export function matchProfile(role: ResolvedRole, profile: Profile, vocabulary: Vocabulary | null): GapResult {
  const skillTerms = new Terms(vocabulary?.skills ?? null);
  const areaTerms = new Terms(vocabulary?.areas ?? null);
  const levels = new Scale(vocabulary?.levels ?? []);
  const held: Held = new Map();
  for (const s of profile.skills) {
    const id = skillTerms.canonical(s.name);
    // An unknown level name counts as not stated (the profile warnings say so).
    const rank = s.level === null ? -1 : levels.rank(s.level);
    held.set(id, Math.max(held.get(id) ?? -1, rank));
  }
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
    const checks = structuralChecks(item, years, held, skillTerms, areaTerms, levels);
    if (checks.length) {
      // Short anywhere: missing; else a level not stated: unverified; else met.
      const state = checks.some((c) => c.state === 'short') ? 'short' : checks.some((c) => c.state === 'unknown') ? 'unknown' : 'ok';
      // Evidence does not replace the structural check, but it is worth showing next to it.
      const detail = [...checks.filter((c) => c.state === state).map((c) => c.detail), ...(note !== undefined ? [`evidence: ${note}`] : [])].join('; ');
      const entry: GapEntry = { item, status: state === 'ok' ? 'met' : state === 'short' ? 'missing' : 'unverified', detail };
      if (note?.trim()) entry.evidence = note.trim();
      return entry;
    }
    if (note !== undefined)
      return note.trim()
        ? { item, status: 'met', detail: `evidence: ${note.trim()}`, evidence: note.trim() }
        : { item, status: 'met', detail: 'evidence given' };
    return { item, status: 'unverified', detail: item.id ? `no evidence for \`${item.id}\` in the profile` : 'no evidence in the profile' };
  });
  const count = (s: GapStatus) => requirements.filter((r) => r.status === s).length;
  return {
    role,
    profile,
    requirements,
    summary: { met: count('met'), missing: count('missing'), unverified: count('unverified'), total: requirements.length },
  };
}

/** The exit code of `gap`: 1 when something is missing (with `strict`, or unverified), else 0. */
export function gapExitCode(r: GapResult, strict: boolean): number {
  return r.summary.missing > 0 || (strict && r.summary.unverified > 0) ? 1 : 0;
}

/**
 * The level after the profile's current role in its ladder (`gap --next`, see next.ts). DataError
 * when the profile has no role, the role is unknown, on no ladder, or at the top of its ladder.
 */
export function nextLevel(ds: DataSet, profile: Profile): RoleDef {
  if (!profile.role)
    throw new DataError(`${profile.file}: --next needs the profile's current \`role\`; add \`role: <role id>\` or pass a role id instead of --next`);
  const current = ds.roles.get(profile.role);
  if (!current)
    throw new DataError(
      `${profile.file}: unknown role \`${profile.role}\` in \`role\`${didYouMean(profile.role, ds.roles.keys())}; \`ladder list\` shows every role`,
    );
  return nextRole(ds, current);
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
