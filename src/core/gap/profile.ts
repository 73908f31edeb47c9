/** The profile model (SPEC §1.3) and the checks of its terms against the data set. */
import type { RawFinding } from '../findings.js';
import { SECTIONS, normaliseText, type DataSet, type VocabularyEntry } from '../model.js';
import { didYouMean } from '../suggest.js';
import { SuggestionBudget } from '../suggest-budget.js';

export interface Profile {
  /** The file as shown to users. */
  file: string;
  name: string | null;
  /** Current role id, used by `gap --next`. */
  role: string | null;
  /** Years per area, as written (keys may be area ids, titles or aliases). */
  experience: { key: string; years: number }[];
  /** Skills as written (ids, titles or aliases), with the level when the profile states one. */
  skills: ProfileSkill[];
  /** `list` (`skills: [a, b]`, no levels) or `map` (`skills: {a: working}`), for positions of findings. */
  skillsForm: 'list' | 'map';
  /** Free-text requirements met: item id or exact text -> note. */
  evidence: { key: string; note: string }[];
}

export interface ProfileSkill {
  name: string;
  /** A level name of the vocabulary's scale, or null when not stated. */
  level: string | null;
}

/** Builds the model from a schema-valid `kind: profile` document. */
export function profileFromValue(file: string, value: unknown): Profile {
  const v = (value ?? {}) as Record<string, unknown>;
  const map = (x: unknown) => (x && typeof x === 'object' ? Object.entries(x as Record<string, unknown>) : []);
  return {
    file,
    name: typeof v.name === 'string' ? v.name : null,
    role: typeof v.role === 'string' ? v.role : null,
    experience: map(v.experience).map(([key, years]) => ({ key, years: Number(years) })),
    skills: Array.isArray(v.skills)
      ? v.skills.map((name) => ({ name: String(name), level: null }))
      : map(v.skills).map(([name, level]) => ({ name, level: level === null || level === undefined ? null : String(level) })),
    skillsForm: Array.isArray(v.skills) || v.skills === undefined ? 'list' : 'map',
    evidence: map(v.evidence).map(([key, note]) => ({ key, note: String(note ?? '') })),
  };
}

/**
 * Case-insensitive lookup of vocabulary terms: every entry's id, title and aliases map to its id.
 * Without a vocabulary, terms are only case-folded.
 */
export class Terms {
  private readonly index = new Map<string, string>();
  constructor(readonly entries: Map<string, VocabularyEntry> | null) {
    for (const e of entries?.values() ?? []) {
      for (const t of [e.title, ...e.aliases]) this.index.set(fold(t), e.id);
    }
    // Ids win over another entry's alias spelled the same.
    for (const e of entries?.values() ?? []) this.index.set(fold(e.id), e.id);
  }
  /** The id a term names, or null when the vocabulary does not know it. */
  find(term: string): string | null {
    if (!this.entries) return fold(term);
    return this.index.get(fold(term)) ?? null;
  }
  /** The id a term names, else the term case-folded (so unknown terms still compare equal to themselves). */
  canonical(term: string): string {
    return this.find(term) ?? fold(term);
  }
  /** Spellings to suggest for a term the vocabulary does not know. */
  spellings(): string[] {
    return [...(this.entries?.values() ?? [])].flatMap((e) => [e.id, ...e.aliases]);
  }
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The message id and data of an unknown level name: with "did you mean" and the scale (shortened
 * when long), or the note that the vocabulary declares no scale. Used by gap, the worksheet and lint.
 */
export function unknownLevel(
  level: string,
  levels: readonly string[],
): { messageId: 'level' | 'levelNoScale'; data: { level: string; hint: string; levels: string } } {
  if (levels.length === 0) return { messageId: 'levelNoScale', data: { level, hint: '', levels: '' } };
  const shown = levels.length > 12 ? `${levels.slice(0, 12).join(', ')}, … (${levels.length} in all)` : levels.join(', ');
  return { messageId: 'level', data: { level, hint: levels.length > 1000 ? '' : didYouMean(level, levels), levels: shown } };
}

/** The words of the profile warnings, by rule and message id (made and escaped by core/messages.ts). */
export const PROFILE_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'unresolved-reference': { unknownRole: 'unknown role `{{role}}`{{hint}}' },
  'unknown-skill': {
    skill: 'unknown skill `{{skill}}`{{hint}}; it matches no requirement',
    area: 'unknown experience area `{{area}}`{{hint}}; it matches no requirement',
    level: 'unknown level `{{level}}`{{hint}}; the levels are {{levels}}; the level of {{skill}} counts as not stated',
    levelNoScale: 'unknown level `{{level}}`: the skills vocabulary declares no `levels`; the level of {{skill}} counts as not stated',
  },
  'unknown-evidence': { evidence: 'evidence `{{key}}` names no item id or text of the data set{{hint}}' },
};

/**
 * Warnings about the profile's terms: a `role` that names no role, skills and areas the vocabulary
 * does not know (they can never match), and evidence keys naming no item of the data set (a typo
 * would leave a requirement unverified). Reported as paths into the profile, positioned by the caller.
 */
export function profileWarnings(profile: Profile, ds: DataSet): RawFinding[] {
  const out: RawFinding[] = [];
  const file = profile.file;
  // Only `--next` needs the role, but a stale one is worth knowing about whatever the command.
  if (profile.role !== null && !ds.roles.has(profile.role)) {
    out.push({
      ruleId: 'unresolved-reference',
      messageId: 'unknownRole',
      data: { role: profile.role, hint: didYouMean(profile.role, ds.roles.keys()) },
      file,
      path: ['role'],
    });
  }
  if (ds.vocabulary) {
    const skills = new Terms(ds.vocabulary.skills);
    const levels = ds.vocabulary.levels;
    const levelSet = new Set(levels);
    // Many unknown terms against a large vocabulary stay linear (see SuggestionBudget).
    const budget = new SuggestionBudget();
    let skillSpellings: Set<string> | undefined;
    let areaSpellings: Set<string> | undefined;
    profile.skills.forEach((s, i) => {
      const at = profile.skillsForm === 'list' ? { path: ['skills', i] } : { path: ['skills', s.name], at: 'key' as const };
      if (skills.find(s.name) === null) {
        skillSpellings ??= new Set(skills.spellings());
        out.push({ ruleId: 'unknown-skill', messageId: 'skill', data: { skill: s.name, hint: budget.suggest(s.name, skillSpellings) }, file, ...at });
      }
      if (s.level !== null && !levelSet.has(s.level)) {
        const u = unknownLevel(s.level, levels);
        out.push({ ruleId: 'unknown-skill', messageId: u.messageId, data: { ...u.data, skill: s.name }, file, path: ['skills', s.name] });
      }
    });
    const areas = new Terms(ds.vocabulary.areas);
    for (const { key } of profile.experience) {
      if (areas.find(key) === null) {
        areaSpellings ??= new Set(areas.spellings());
        out.push({
          ruleId: 'unknown-skill',
          messageId: 'area',
          data: { area: key, hint: budget.suggest(key, areaSpellings) },
          file,
          path: ['experience', key],
          at: 'key',
        });
      }
    }
  }
  if (profile.evidence.length) {
    const ids = new Set<string>();
    const texts = new Set<string>();
    const add = (items: { id: string | null; text: string }[]) => {
      for (const i of items) {
        if (i.id) ids.add(i.id);
        texts.add(normaliseText(i.text));
      }
    };
    for (const f of ds.families) for (const s of SECTIONS) add(f.sections[s]);
    for (const r of ds.roles.values()) for (const s of SECTIONS) add(r.sections[s]);
    // Thousands of unknown keys against thousands of ids stay linear (see SuggestionBudget).
    const budget = new SuggestionBudget();
    for (const { key } of profile.evidence) {
      const k = normaliseText(key);
      if (ids.has(k) || texts.has(k)) continue;
      // Only id-like keys get suggestions: a sentence is closer to no id.
      const hint = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(k) ? budget.suggest(k, ids) : '';
      out.push({
        ruleId: 'unknown-evidence',
        messageId: 'evidence',
        data: { key: key.length > 60 ? key.slice(0, 57) + '...' : key, hint },
        file,
        path: ['evidence', key],
        at: 'key',
      });
    }
  }
  return out;
}
