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

function words(text: string): Word[] {
  return splitWords(text).map((w) => ({ text: w, lower: w.toLowerCase() }));
}

/** The words of a text: runs of letters and digits. */
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

/**
 * The key of a title with its word at `miss` left out: two word sequences of the same length with the
 * same key differ at most in that word. Indexing titles under these keys finds, for any window of a
 * text, exactly the titles it could misspell, in time that does not grow with the number of titles.
 */
const keyOf = (ws: readonly string[], start: number, k: number, miss: number) => {
  let key = `${k}:${miss}`;
  for (let i = 0; i < k; i++) key += i === miss ? '\u0000' : '\u0001' + ws[start + i];
  return key;
};

function checkFamily(ctx: LintContext, fam: FamilyDef, out: RawFinding[]): void {
  const titles: Title[] = fam.roleIds.map((id, index) => ({ role: ctx.ds.roles.get(id)!, index, words: titleWords(ctx.ds.roles.get(id)!.title) }));
  if (titles.length === 0) return;
  const titleWordCount = new Map<string, number>();
  // The words of the titles of two or more words: the words a window around a misspelling is made of.
  const windowWords = new Set<string>();
  // keyOf(title words with one left out) -> the titles.
  const byKey = new Map<string, Title[]>();
  for (const t of titles) {
    for (const w of t.words) titleWordCount.set(w.lower, (titleWordCount.get(w.lower) ?? 0) + 1);
    const k = t.words.length;
    if (k < 2) continue;
    const lower = t.words.map((w) => w.lower);
    for (const w of lower) windowWords.add(w);
    for (let miss = 0; miss < k; miss++) {
      const key = keyOf(lower, 0, k, miss);
      const list = byKey.get(key);
      if (list) list.push(t);
      else byKey.set(key, [t]);
    }
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
  // Only words that could be misspelt are compared, each with the earlier ones of its first letter.
  const seenByLetter = new Map<string, Title[]>();
  for (const t of titles) {
    if (t.words.length !== 1) continue;
    const w = t.words[0].lower;
    if (w.length < 4 || !/^\p{L}+$/u.test(w)) continue;
    const earlier = seenByLetter.get(w[0]) ?? [];
    const match = earlier.find((e) => looksMisspelt(w, e.words[0].lower));
    if (match) report([...t.role.path, 'title'], t.role.file, t.words[0].text, match);
    earlier.push(t);
    seenByLetter.set(w[0], earlier);
  }

  // A misspelt mention of a title of k >= 2 words is k words in a row: the misspelt one, which is no
  // word of another title, and k - 1 title words. So only words that could be misspelt and stand next
  // to a title word are tried, each in the windows where every other word is a title word (a pass
  // anchored on title words instead built a key for every window around them: 3x slower on item texts
  // that name their role).
  let maxWords = 0;
  for (const t of titles) maxWords = Math.max(maxWords, t.words.length);
  const scan = (raw: string, path: () => Path, own?: Title) => {
    const lower = raw.toLowerCase();
    const text = splitWords(lower);
    const n = text.length;
    const titleWord = new Uint8Array(n);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (windowWords.has(text[i])) {
        titleWord[i] = 1;
        any = true;
      }
    }
    if (!any) return;
    // Best (longest) title per misspelt word of this text.
    const found = new Map<number, { title: Title; start: number }>();
    for (let miss = 0; miss < n; miss++) {
      if (!titleWord[miss - 1] && !titleWord[miss + 1]) continue;
      const wrong = text[miss];
      if (wrong.length < 4) continue;
      // A word of another title is a different role, not a typo.
      const ownUses = own ? own.words.filter((w) => w.lower === wrong).length : 0;
      if ((titleWordCount.get(wrong) ?? 0) - ownUses > 0) continue;
      for (let k = 2; k <= maxWords; k++) {
        // Windows from the leftmost: when one title fits two windows around the word, the first wins.
        for (let m = k - 1; m >= 0; m--) {
          const start = miss - m;
          if (start < 0 || start + k > n) continue;
          let others = true;
          for (let i = start; i < start + k && others; i++) if (i !== miss && !titleWord[i]) others = false;
          if (!others) continue;
          const candidates = byKey.get(keyOf(text, start, k, m));
          if (!candidates) continue;
          for (const title of candidates) {
            if (title === own || wrong === title.words[m].lower) continue;
            if (!looksMisspelt(wrong, title.words[m].lower)) continue;
            // Two titles of the same length are reported once, at the later role.
            if (own && own.words.length === k && own.index < title.index) continue;
            const prev = found.get(miss);
            if (!prev || prev.title.words.length < k || (prev.title.words.length === k && title.index < prev.title.index)) found.set(miss, { title, start });
          }
        }
      }
    }
    if (found.size === 0) return;
    // Words as written, for the message (lower-casing can change a word's length, rarely: fall back).
    const written = splitWords(raw);
    const shown = written.length === text.length ? written : text;
    const file = own ? own.role.file : fam.file;
    for (const { title, start } of [...found.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1])) {
      report(path(), file, shown.slice(start, start + title.words.length).join(' '), title);
    }
  };
  for (const t of titles) scan(t.role.title, () => [...t.role.path, 'title'], t);
  for (const p of familyProse(ctx.ds, fam)) scan(p.text, () => prosePath(p));
}
