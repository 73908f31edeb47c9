/**
 * The data model of a ladder data set, as loaded from YAML (SPEC §1).
 * Everything here is plain data: no I/O, no colour.
 */

/** List sections that hold items and are resolved through inheritance (SPEC §2). */
export const SECTIONS = ['responsibilities', 'requirements', 'nice_to_haves', 'performance_indicators'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_TITLES: Record<Section, string> = {
  responsibilities: 'Responsibilities',
  requirements: 'Requirements',
  nice_to_haves: 'Nice to haves',
  performance_indicators: 'Performance indicators',
};

/** A path into a YAML document: keys and sequence indexes. */
export type Path = readonly (string | number)[];

/** Where something was written: file (as given to the loader) and 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

export interface SkillsRequirement {
  any?: string[];
  all?: string[];
}

/** One item of a list section, as written. */
export interface ItemDef {
  id: string | null;
  text: string;
  years?: number;
  area?: string;
  skills?: SkillsRequirement;
  /** Identity for overriding and de-duplication: the id, else the normalised text. */
  identity: string;
  /** Role or family (or `family/specialty`) that wrote it. */
  from: string;
  file: string;
  /** 1-based line where it was written. */
  line: number;
  path: Path;
}

export interface RoleDef {
  id: string;
  title: string;
  level?: string;
  grade?: number;
  reportsTo?: string;
  extends?: string;
  remove: string[];
  summary?: string;
  hiringProcess?: string[];
  sections: Record<Section, ItemDef[]>;
  family: string;
  file: string;
  line: number;
  path: Path;
}

export interface LadderDef {
  id: string;
  title: string;
  levels: string[];
  /** false when the family declares no `ladders` and this one was derived by grade. */
  declared: boolean;
  path: Path;
}

export interface SpecialtyDef {
  id: string;
  title: string;
  summary?: string;
  roles?: string[];
  sections: Record<Section, ItemDef[]>;
  path: Path;
}

export interface ExternalDef {
  id: string;
  title: string;
  url?: string;
  family: string;
  path: Path;
}

export interface FamilyDef {
  id: string;
  title: string;
  source?: string;
  summary?: string;
  sections: Record<Section, ItemDef[]>;
  /** Role ids in page order. */
  roleIds: string[];
  ladders: LadderDef[];
  specialties: SpecialtyDef[];
  careerLadder?: string;
  next: string[];
  hiringProcess?: string[];
  external: Map<string, ExternalDef>;
  file: string;
}

export interface VocabularyEntry {
  id: string;
  title: string;
  aliases: string[];
  file: string;
  path: Path;
}

export interface Vocabulary {
  skills: Map<string, VocabularyEntry>;
  areas: Map<string, VocabularyEntry>;
}

export interface DataSet {
  families: FamilyDef[];
  familyById: Map<string, FamilyDef>;
  roles: Map<string, RoleDef>;
  /** null when the data set has no `kind: skills` file. */
  vocabulary: Vocabulary | null;
}

/** Normalised text identity of an item without id: case-folded, whitespace collapsed. */
export function normaliseText(text: string): string {
  const lower = text.toLowerCase();
  // Most texts are single-spaced already: skip the replace (one of these per item, at load).
  return UNNORMAL_SPACE.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}
const UNNORMAL_SPACE = /^\s|\s$|\s\s|[^\S ]/;

export function emptySections<T>(): Record<Section, T[]> {
  return { responsibilities: [], requirements: [], nice_to_haves: [], performance_indicators: [] };
}
