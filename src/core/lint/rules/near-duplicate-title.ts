import { distance } from 'fastest-levenshtein';
import type { RawFinding } from '../../findings.js';
import type { FamilyDef, Path, RoleDef } from '../../model.js';
import type { LintContext, Rule } from '../types.js';
import { familyProse, prosePath } from '../walk.js';

interface Word {
  text: string;
  lower: string;
}

interface Title {
  role: RoleDef;
  /** Page order within the family. */
  index: number;
  words: Word[];
}

const NON_WORD = /[^\p{L}\p{N}]+/u;

/** The words of an already lower-cased text (letters and digits): cheap, as every text of the family is scanned. */
function lowerWords(lower: string): string[] {
  const out = lower.split(NON_WORD);
  if (out.length && out[0] === '') out.shift();
  if (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

function words(text: string): Word[] {
  return splitWords(text).map((w) => ({ text: w, lower: w.toLowerCase() }));
}

function splitWords(text: string): string[] {
  const out = text.split(NON_WORD);
  if (out.length && out[0] === '') out.shift();
  if (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** A title without its parenthesised parts: "Technical Instructor (Intermediate)" -> "Technical Instructor". */
function titleWords(title: string): Word[] {
  return words(title.replace(/\([^)]*\)/g, ' '));
}

const isPlural = (a: string, b: string) => a === b + 's' || a === b + 'es' || b === a + 's' || b === a + 'es';

/**
 * Two different words that look like one misspelt: letters only, at least 4 of them, the same first
 * letter (so Senior/Junior and Lead/Head are different words, not typos), one edit apart (two for
 * words of 6 letters or more: a swapped pair like "Techincal" is two edits) and not a plural.
 */
function looksMisspelt(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0] || a.length < 4 || b.length < 4 || !/^\p{L}+$/u.test(a) || !/^\p{L}+$/u.test(b) || isPlural(a, b)) return false;
  const d = distance(a, b);
  return d <= (Math.min(a.length, b.length) >= 6 ? 2 : 1);
}

export const rule: Rule = {
  id: 'near-duplicate-title',
  defaultSeverity: 'warn',
  summary: 'two titles in one family one or two edits apart ("Techincal Instructor" vs "Technical Instructor")',
  description:
    'Catches misspelt role names within one family. Titles are compared without their parenthesised parts ("Technical Instructor (Intermediate)" → "Technical Instructor"), word by word, case-insensitively. Two role titles with the same number of words that differ in exactly one word are reported at the later role; and every mention of a role title of two or more words in the family\'s prose (role titles, summaries, `career_ladder`, every item text) that differs from it in exactly one word is reported at that text. Words count as misspelt when they have at least 4 letters, start with the same letter (so Senior/Junior or Lead/Head are not typos), are one edit apart (two for words of 6 letters or more, which covers swapped letters such as "Techincal"), are not a plural of each other, and the misspelt word is not itself a word of another title in the family. Text imported verbatim from a handbook page keeps its typos: fix them at the source, or suppress the finding with a disable comment.',
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  technical-instructor:\n    title: Technical Instructor\n    grade: 6\n    summary: The Technical Instructor teaches; Technical Instructors teach.\n  senior-technical-instructor:\n    title: Senior Technical Instructor\n    grade: 7\n  junior-technical-instructor:\n    title: Junior Technical Instructor\n    grade: 5\n',
    ],
    invalid: [
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  technical-instructor:\n    title: Technical Instructor (Intermediate)\n    grade: 6\n    summary: The Techincal Instructor reports to the manager.\n',
        line: 8,
        column: 14,
      },
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n  enginer:\n    title: Enginer\n    grade: 6\n',
        line: 9,
        column: 12,
      },
    ],
  },
  check(ctx: LintContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const fam of ctx.ds.families) checkFamily(ctx, fam, out);
    return out;
  },
};

function checkFamily(ctx: LintContext, fam: FamilyDef, out: RawFinding[]): void {
  const titles: Title[] = fam.roleIds.map((id, index) => ({ role: ctx.ds.roles.get(id)!, index, words: titleWords(ctx.ds.roles.get(id)!.title) }));
  if (titles.length === 0) return;
  const titleWordCount = new Map<string, number>();
  // First word of a title -> the titles (of 2+ words) with that word at each position.
  const byWord = new Map<string, { title: Title; at: number }[]>();
  for (const t of titles) {
    for (const w of t.words) titleWordCount.set(w.lower, (titleWordCount.get(w.lower) ?? 0) + 1);
    if (t.words.length < 2) continue;
    t.words.forEach((w, at) => {
      const list = byWord.get(w.lower);
      if (list) list.push({ title: t, at });
      else byWord.set(w.lower, [{ title: t, at }]);
    });
  }
  const report = (path: Path, file: string, written: string, t: Title) =>
    out.push({
      ruleId: 'near-duplicate-title',
      message: `"${written}" looks like a misspelling of the role title "${t.words.map((w) => w.text).join(' ')}" (${t.role.id})`,
      file,
      path,
      related: [{ file: t.role.file, path: [...t.role.path, 'title'], message: `title of ${t.role.id}` }],
    });

  // One-word titles: compared with each other only (a single word in prose is too weak a signal).
  const single = titles.filter((t) => t.words.length === 1);
  for (let i = 1; i < single.length; i++) {
    for (let j = 0; j < i; j++) {
      if (looksMisspelt(single[i].words[0].lower, single[j].words[0].lower)) {
        report([...single[i].role.path, 'title'], single[i].role.file, single[i].words[0].text, single[j]);
        break;
      }
    }
  }

  // A misspelt mention of a title of k >= 2 words still has k - 1 of its words: texts without any title
  // word (most of them) are skipped by one regular-expression test instead of being split into words.
  const escaped = [...byWord.keys()].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const anyTitleWord = escaped.length ? new RegExp(escaped.join('|')) : null;
  const scan = (raw: string, path: () => Path, own?: Title) => {
    const lower = raw.toLowerCase();
    if (!anyTitleWord || !anyTitleWord.test(lower)) return;
    const text = lowerWords(lower);
    // Best (longest) title per misspelt word of this text.
    const found = new Map<number, { title: Title; start: number }>();
    for (let pos = 0; pos < text.length; pos++) {
      const candidates = byWord.get(text[pos]);
      if (!candidates) continue;
      for (const { title, at } of candidates) {
        if (title === own) continue;
        const start = pos - at;
        const k = title.words.length;
        if (start < 0 || start + k > text.length) continue;
        let miss = -1;
        let ok = true;
        for (let i = 0; i < k && ok; i++) {
          if (text[start + i] === title.words[i].lower) continue;
          if (miss !== -1) ok = false;
          else miss = start + i;
        }
        if (!ok || miss === -1) continue;
        const wrong = text[miss];
        // A word of another title is a different role, not a typo; so are two titles of the same length
        // seen from the earlier one (reported once, at the later role).
        const ownUses = own ? own.words.filter((w) => w.lower === wrong).length : 0;
        if ((titleWordCount.get(wrong) ?? 0) - ownUses > 0) continue;
        if (!looksMisspelt(wrong, title.words[miss - start].lower)) continue;
        if (own && own.words.length === k && own.index < title.index) continue;
        const prev = found.get(miss);
        if (!prev || prev.title.words.length < k) found.set(miss, { title, start });
      }
    }
    if (found.size === 0) return;
    // Words as written, for the message (lower-casing can change a word's length, rarely: fall back).
    const written = splitWords(raw);
    const shown = written.length === text.length ? written : text;
    const file = own ? own.role.file : fam.file;
    for (const { title, start } of found.values()) {
      report(path(), file, shown.slice(start, start + title.words.length).join(' '), title);
    }
  };
  for (const t of titles) scan(t.role.title, () => [...t.role.path, 'title'], t);
  for (const p of familyProse(ctx.ds, fam)) scan(p.text, () => prosePath(p));
}
