/** What the importer reads out of one page before ids and cross-page references are settled. */
import type { Section } from '../core/model.js';
import type { InheritTarget, TextRef } from './sentences.js';
import type { ItemFields } from './annotation.js';

/** Something the importer could not place, or a decision worth knowing: `file:line: message`. */
export interface ImportReport {
  file: string;
  line: number;
  message: string;
}

export interface DraftItem {
  text: string;
  line: number;
  /** From a `<!-- ladder: … -->` annotation (written by `ladder export`). */
  fields?: ItemFields;
}

export interface DraftRef {
  ref: TextRef;
  line: number;
}

/** How an inheritance phrase ended up. */
export type InheritOutcome = 'role' | 'external' | 'copied' | 'family' | 'ignored';

export interface InheritNote {
  target: InheritTarget;
  sections: ('responsibilities' | 'requirements')[];
  text: string;
  line: number;
  outcome?: InheritOutcome;
  /** Where the phrase stood: a role, a specialty, or a heading that is not a role (no grade). */
  place?: 'role' | 'specialty' | 'not-a-role';
  /** The role id or external id it became. */
  resolved?: string;
}

/** A heading that may turn out to be a role (it has a grade) or not (a group, a base block). */
export interface Candidate {
  title: string;
  line: number;
  depth: number;
  anchor: string;
  parent: Candidate | null;
  /** Started below a page-level Hiring Process, Career Ladder or Performance Indicators heading. */
  within?: 'hiring' | 'career' | 'performance_indicators';
  /** Id and level from a `<!-- ladder: … -->` comment under the heading (written by `ladder export`). */
  idHint?: string;
  levelHint?: string;
  /** Reference ids from that comment (written for references to another family), and `remove`. */
  extendsHint?: string;
  reportsToHint?: string;
  remove?: string[];
  /** Found under a "Specialties" heading: a specialty unless it has a grade. */
  specialty: boolean;
  grade?: number;
  gradeLine?: number;
  summary: string[];
  sections: Record<Section, DraftItem[]>;
  hiring: DraftItem[];
  reportsTo?: DraftRef;
  inherits: InheritNote[];
}

export interface DraftSpecialty {
  title: string;
  line: number;
  summary: string[];
  sections: Record<Section, DraftItem[]>;
}

export interface GradeRow {
  name: string;
  anchor?: string;
  grade: number;
  line: number;
}

/** A role as read from its page: title, grade and content, references still as text. */
export interface DraftRole {
  title: string;
  line: number;
  anchor: string;
  level?: string;
  grade: number;
  summary: string[];
  sections: Record<Section, DraftItem[]>;
  hiring: DraftItem[];
  reportsTo?: DraftRef;
  inherits: InheritNote[];
  /** The id written by `ladder export` when it is not the kebab-case of the title. */
  idHint?: string;
  /** Reference ids and removed item ids written by `ladder export` (see Candidate). */
  extendsHint?: string;
  reportsToHint?: string;
  remove?: string[];
  /** Set when the parent was found on the same page (level word, "above"). */
  extendsIndex?: number;
}

export interface DraftPage {
  file: string;
  /** `<department>/<page>` as used in handbook links (`/job-families/<key>/`), when known. */
  key?: string;
  /** For a folder family: each level file's name (without `.md`) → the title of its heading. */
  levelTitles?: Record<string, string>;
  source?: string;
  title: string;
  /** `family_id` from the front matter (written by `ladder export`), if any. */
  idHint?: string;
  line: number;
  summary: string[];
  sections: Record<Section, DraftItem[]>;
  hiring: DraftItem[];
  careerLadder: string[];
  careerLinks: TextRef[];
  familyReportsTo?: DraftRef;
  roles: DraftRole[];
  specialties: DraftSpecialty[];
  reports: ImportReport[];
  /** Lines of grade sentences read (for checks and statistics): line → grade. */
  gradeLines: Map<number, number>;
  /** Inheritance phrases under headings that did not become roles (kept for statistics). */
  otherInherits: InheritNote[];
}
