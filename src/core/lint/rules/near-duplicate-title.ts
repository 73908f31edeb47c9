import { yaml } from '../example.js';
import { distance } from 'fastest-levenshtein';
import type { FamilyDef, Path, RoleDef } from '../../model.js';
import type { LintContext, Report, Rule } from '../types.js';
import { forEachProse, prosePath, type Prose } from '../walk.js';
import { doubled, lastAtOrBefore } from '../../arrays.js';

interface Word {
  text: string;
  lower: string;
  /** `lower` with zero-width characters removed and Cyrillic and Greek look-alikes made Latin. */
  fold: string;
}

interface Title {
  role: RoleDef;
  /** Page order within the family. */
  index: number;
  words: Word[];
}

/** Zero-width and soft-hyphen characters: invisible, so they join the word they sit in. */
const NON_WORD = /[^\p{L}\p{N}\u00ad\u200b\u200c\u200d\u2060\ufeff]+/u;
const INVISIBLE_ALL = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g;
/** Lower-case Cyrillic and Greek letters that look like Latin ones. */
const LOOK_ALIKE: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
};
const LOOK_ALIKE_ALL = new RegExp(`[${Object.keys(LOOK_ALIKE).join('')}]`, 'g');

/** `splitWords` for ASCII text, without a regular expression (every item text of a family goes through it). */
function splitAscii(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const word = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
    if (word) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      out.push(text.slice(start, i));
      start = -1;
    }
  }
  return out;
}

/** The hash `mayHaveWord` computes for a lower-case word. */
function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

function fold(lower: string): string {
  return hasNonAscii(lower) ? lower.replace(INVISIBLE_ALL, '').replace(LOOK_ALIKE_ALL, (c) => LOOK_ALIKE[c]) : lower;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const w of splitWords(text)) {
    const lower = w.toLowerCase();
    out.push({ text: w, lower, fold: fold(lower) });
  }
  return out;
}

/** The words of a text: runs of letters and digits (with any invisible characters inside them). */
function splitWords(text: string): string[] {
  if (!hasNonAscii(text)) return splitAscii(text);
  const out = text.split(NON_WORD);
  if (out.length && out[0] === '') out.shift();
  if (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** A text without its parenthesised parts, in one pass: "Technical Instructor (Intermediate)" -> "Technical Instructor ". */
function withoutParentheses(title: string): string {
  if (title.indexOf('(') === -1) return title;
  let out = '';
  let from = 0;
  for (let open = title.indexOf('('); open !== -1;) {
    const close = title.indexOf(')', open + 1);
    if (close === -1) break; // an unclosed "(" keeps the rest, as the regular expression did
    out += title.slice(from, open) + ' ';
    from = close + 1;
    open = title.indexOf('(', from);
  }
  return out + title.slice(from);
}

/** A title's words, without its parenthesised parts. */
function titleWords(title: string): Word[] {
  return words(withoutParentheses(title));
}

/** Titles longer than this many words are compared whole, not looked for inside other texts. */
const MAX_WINDOW = 12;

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
  meta: {
    messages: {
      misspelt: '"{{written}}" looks like a misspelling of the role title "{{title}}" ({{role}})',
      lookAlike:
        '"{{written}}" looks like the role title "{{title}}" ({{role}}) but is written with other characters (a look-alike letter or an invisible one)',
      titleOf: 'title of {{role}}',
    },
  },
  examples: {
    valid: [
      yaml`
        kind: family
        id: demo
        title: Demo
        responsibilities: [Ship work]
        roles:
          technical-instructor:
            title: Technical Instructor
            grade: 6
            summary: The Technical Instructor teaches; Technical Instructors teach.
          senior-technical-instructor:
            title: Senior Technical Instructor
            grade: 7
          junior-technical-instructor:
            title: Junior Technical Instructor
            grade: 5
      `,
    ],
    invalid: [
      {
        yaml: yaml`
        kind: family
        id: demo
        title: Demo
        roles:
          technical-instructor:
            title: Technical Instructor (Intermediate)
            grade: 6
            summary: The Techincal Instructor reports to the manager.
      `,
        errors: [{ messageId: 'misspelt', line: 8, column: 14 }],
      },
      {
        yaml: yaml`
        kind: family
        id: demo
        title: Demo
        roles:
          engineer:
            title: Engineer
            grade: 6
          enginer:
            title: Enginer
            grade: 6
      `,
        errors: [{ messageId: 'misspelt', line: 9, column: 12 }],
      },
    ],
  },
  check(ctx: LintContext, report) {
    for (const fam of ctx.ds.families) checkFamily(ctx, fam, report);
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

/** A title that a text's words at `start` may misspell at word `miss`: which, and whether by a look-alike. */
interface Hit {
  title: Title;
  start: number;
  lookAlike: boolean;
  /** The role title the words are in, when they are in one (else prose). */
  own: Title | undefined;
}

/**
 * keyOf over word hashes (hashOf), and the first letter of the word left out: a misspelling or a
 * look-alike of a title word starts with its (folded) first letter, so only titles whose word starts
 * as the text's does are candidates. Equal keys give equal numbers (and, rarely, others do too).
 */
function keyHashOf(hashes: Int32Array, start: number, k: number, miss: number, first: number): number {
  let h = Math.imul(k, 0x9e3779b1) ^ miss ^ (first << 8);
  for (let i = 0; i < k; i++) h = Math.imul(h ^ (i === miss ? 0x5bd1e995 : hashes[start + i]), 0x01000193) + 0x7f4a7c15;
  return h | 0;
}

/** Words by their hash (hashOf). */
function byHash(words: Iterable<string>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of words) {
    const h = hashOf(w);
    const list = out.get(h);
    if (list) list.push(w);
    else out.set(h, [w]);
  }
  return out;
}

/**
 * Where `cutAscii` put the words of the text it cut last: start and end offsets and hashes of the
 * lower-cased words, what their hash's slot says of them (`slots`), and how many may be window
 * words (grown as needed, shared by every scan: the rule runs one text at a time).
 */
const scratch = {
  starts: new Int32Array(256),
  ends: new Int32Array(256),
  hashes: new Int32Array(256),
  kinds: new Uint8Array(256),
  /** The words whose hash's slot says they may be window words, in order: `windowish` of them. */
  windowAt: new Int32Array(256),
  windowish: 0,
  /** Of those, the title words (confirmed on the characters), and the runs they make (see fastScan). */
  titleAt: new Int32Array(256),
  runLeft: new Int32Array(256),
  runRight: new Int32Array(256),
  /** `tried[i] === scans`: word i was tried as a misspelling in the current scan. */
  tried: new Int32Array(256),
  scans: 0,
};

/**
 * The word hashes of the family being checked, by their low bits: a slot stamped with the family's
 * number may hold one of its window words (bit 1) or title words (bit 2); every such hit is then
 * confirmed on the characters. One table for every family, so a family clears and allocates nothing.
 * A slot also keeps the one window word and the one title word whose hash falls in it, with the
 * whole hash, so most look-ups are one comparison of numbers and one of characters; a slot two words
 * of a kind fall in (bits 4 and 8) is looked up by hash instead.
 */
const SLOT_MASK = (1 << 12) - 1;
const WINDOW_SLOT = 1;
const TITLE_SLOT = 2;
const SHARED = 4;
const slots = {
  stamp: new Int32Array(SLOT_MASK + 1),
  kind: new Uint8Array(SLOT_MASK + 1),
  family: 0,
  /** Per bit (WINDOW_SLOT - 1, TITLE_SLOT - 1): the word whose hash falls in the slot, and that hash. */
  word: [new Array<string>(SLOT_MASK + 1).fill(''), new Array<string>(SLOT_MASK + 1).fill('')],
  hash: [new Int32Array(SLOT_MASK + 1), new Int32Array(SLOT_MASK + 1)],
};

/** The slot of a lower-case word (tests look for words that share one). */
export const slotOf = (word: string) => hashOf(word) & SLOT_MASK;

function markSlots(windowWords: Iterable<string>, titleWords: Iterable<string>): void {
  const family = ++slots.family;
  const mark = (words: Iterable<string>, bit: number) => {
    const word = slots.word[bit - 1];
    const hash = slots.hash[bit - 1];
    for (const w of words) {
      const h = hashOf(w);
      const i = h & SLOT_MASK;
      if (slots.stamp[i] !== family) {
        slots.stamp[i] = family;
        slots.kind[i] = 0;
      }
      if ((slots.kind[i] & bit) !== 0) slots.kind[i] |= bit * SHARED;
      slots.kind[i] |= bit;
      word[i] = w;
      hash[i] = h;
    }
  };
  mark(windowWords, WINDOW_SLOT);
  mark(titleWords, TITLE_SLOT);
}

/** Non-ASCII characters that are part of words (letters, digits, invisible ones): cached per code point. */
const WORD_CHAR = /^[\p{L}\p{N}\u00ad\u200b\u200c\u200d\u2060\ufeff]$/u;
const wordCharCache = new Map<number, boolean>();
function isWordChar(c: number): boolean {
  let v = wordCharCache.get(c);
  if (v === undefined) wordCharCache.set(c, (v = WORD_CHAR.test(String.fromCodePoint(c))));
  return v;
}

/**
 * The UTF-16 code units of the text cut last, copied by `Buffer.write` (native code). The rule's loops
 * read characters from here, not from the string: V8 stores a string in one byte per character or
 * two (one curly quote in a file makes every string read from it two-byte), and a loop that has read
 * both kinds of string is compiled for both, which made `cutAscii` 2.5 times slower once the rule had
 * run over the corpus (18 ms against 7 ms over its joined prose). Grown as needed.
 */
let unitBytes = Buffer.allocUnsafeSlow(1 << 16);
let units = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >> 1);

/** Copies `text` into `units`, followed by a space (so a loop over it ends its last word at `text.length`). */
function copyUnits(text: string): Uint16Array {
  if (2 * text.length + 2 > unitBytes.length) {
    unitBytes = Buffer.allocUnsafeSlow(Math.max(2 * unitBytes.length, 2 * text.length + 2));
    units = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >> 1);
  }
  unitBytes.write(text, 0, 'utf16le'); // every code unit as it is, a lone surrogate too
  units[text.length] = 0x20;
  return units;
}

/** For each ASCII code: the lower-cased code of a letter or a digit, else 0 (a separator). */
const ASCII_WORD = new Uint8Array(0x80);
for (let c = 0x30; c <= 0x39; c++) ASCII_WORD[c] = c;
for (let c = 0x61; c <= 0x7a; c++) ASCII_WORD[c] = ASCII_WORD[c - 0x20] = c;

/**
 * Cuts a text into words as `splitWords(text.toLowerCase())` would, into `scratch`, and returns how
 * many; or -1 when a word character is not ASCII (a letter beyond the BMP, too), which the exact
 * scan handles. Other characters, an emoji or a lone surrogate among them, only separate words; a
 * NUL ends a text of several joined (and adds an empty word there: a text with a NUL of its own is
 * the exact scan's). The loop does as little as it can per character, most of it before V8 has
 * optimised it: a table look-up for ASCII, the rest only where a word ends.
 */
function cutAscii(text: string): number {
  const u = copyUnits(text);
  let { starts, ends, hashes, kinds } = scratch;
  const { stamp, kind } = slots;
  const family = slots.family;
  const length = text.length;
  let n = 0;
  let windowish = 0;
  let start = -1;
  let h = 0;
  for (let i = 0; i <= length; i++) {
    const c = u[i];
    const w = c < 0x80 ? ASCII_WORD[c] : 0;
    if (w !== 0) {
      if (start === -1) {
        start = i;
        h = w;
      } else h = (Math.imul(h, 31) + w) | 0;
      continue;
    }
    let pair = false;
    if (c > 0x7f) {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = u[i + 1]; // the space after the text, at its end
        pair = c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
        if (pair && isWordChar(text.codePointAt(i)!)) return -1;
      } else if (isWordChar(c)) return -1;
    }
    if (start !== -1) {
      if (n === starts.length) {
        growScratch();
        ({ starts, ends, hashes, kinds } = scratch);
      }
      starts[n] = start;
      ends[n] = i;
      hashes[n] = h;
      const slot = h & SLOT_MASK;
      const k = stamp[slot] === family ? kind[slot] : 0;
      kinds[n] = k;
      if ((k & WINDOW_SLOT) !== 0) scratch.windowAt[windowish++] = n;
      n++;
      start = -1;
    }
    if (c === 0) {
      // A NUL joins texts (see checkFamily): an empty word no window crosses.
      if (n === starts.length) {
        growScratch();
        ({ starts, ends, hashes, kinds } = scratch);
      }
      starts[n] = ends[n] = i;
      hashes[n] = kinds[n] = 0;
      n++;
    }
    if (pair) i++;
  }
  scratch.windowish = windowish;
  return n;
}

function growScratch(): void {
  const size = 2 * scratch.starts.length;
  scratch.starts = doubled(scratch.starts);
  scratch.ends = doubled(scratch.ends);
  scratch.hashes = doubled(scratch.hashes);
  scratch.kinds = doubled(scratch.kinds);
  scratch.windowAt = doubled(scratch.windowAt);
  // Written only once a text is cut: no need to keep what they hold.
  scratch.titleAt = new Int32Array(size);
  scratch.runLeft = new Int32Array(size);
  scratch.runRight = new Int32Array(size);
  scratch.tried = new Int32Array(size);
}

/** Whether word `i` of the text last cut, lower-cased, is `word`. */
function isWord(i: number, word: string): boolean {
  const s = scratch.starts[i];
  if (scratch.ends[i] - s !== word.length) return false;
  for (let j = 0; j < word.length; j++) {
    let c = units[s + j];
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if (c !== word.charCodeAt(j)) return false;
  }
  return true;
}

/**
 * The word of `words` (by hash, the family's window or title words: `bit`) that word `i` of the
 * text last cut is, if any; word `i`'s slot must be stamped with that bit (its `kinds`).
 */
function findWord(i: number, bit: number, words: () => Map<number, string[]>): string | undefined {
  const h = scratch.hashes[i];
  const slot = h & SLOT_MASK;
  if ((slots.kind[slot] & (bit * SHARED)) === 0) {
    const w = slots.word[bit - 1][slot];
    return slots.hash[bit - 1][slot] === h && isWord(i, w) ? w : undefined;
  }
  return findByHash(i, words());
}

function findByHash(i: number, words: Map<number, string[]>): string | undefined {
  const list = words.get(scratch.hashes[i]);
  if (list) for (let j = 0; j < list.length; j++) if (isWord(i, list[j])) return list[j];
  return undefined;
}

/** Whether the words of the text last cut from `start` are the folded words of `title`, but word `miss`. */
function sameWords(start: number, title: Title, miss: number): boolean {
  for (let j = 0; j < title.words.length; j++) if (j !== miss && !isWord(start + j, title.words[j].fold)) return false;
  return true;
}

/** A character that keeps a text out of the joined ASCII scan: a NUL, or anything beyond ASCII. */
const NOT_JOINABLE = /[^\x01-\x7f]/;

/**
 * A title's folded words. Arrays the rule reads in its loops are built with `push`, not `map`: V8's
 * optimised `map` makes arrays of another kind than its unoptimised one, and code optimised for one
 * kind is thrown away at the first array of the other (it was, several times, while the rule warmed up).
 */
function foldedWords(t: Title): string[] {
  const out: string[] = [];
  for (const w of t.words) out.push(w.fold);
  return out;
}

/** The hashes of one title's folded words while its keys are made (titles have at most MAX_WINDOW words here). */
const TITLE_HASHES = new Int32Array(MAX_WINDOW);

/** Tests compare the two scans: with this set, every text takes the exact one. */
let exactOnly = false;
export function useExactScanOnly(on: boolean): void {
  exactOnly = on;
}

function checkFamily(ctx: LintContext, fam: FamilyDef, report: (r: Report) => void): void {
  const titles: Title[] = [];
  for (let index = 0; index < fam.roleIds.length; index++) {
    const role = ctx.ds.roles.get(fam.roleIds[index])!;
    titles.push({ role, index, words: titleWords(role.title) });
  }
  if (titles.length === 0) return;
  // Title words as written (lower-cased): a word of another title is a different role, not a typo.
  const titleWordCount = new Map<string, number>();
  // The folded words of the titles of two or more words: the words a window around a misspelling is made of.
  const windowWords = new Set<string>();
  // keyHashOf(hashes of the folded title words, one left out) -> the titles, for the ASCII scan.
  const byKeyHash = new Map<number, Title[]>();
  const lengths = new Set<number>();
  for (const t of titles) {
    for (const w of t.words) titleWordCount.set(w.lower, (titleWordCount.get(w.lower) ?? 0) + 1);
    const k = t.words.length;
    if (k < 2 || k > MAX_WINDOW) continue;
    lengths.add(k);
    const folded = foldedWords(t);
    for (const w of folded) windowWords.add(w);
    const hashes = TITLE_HASHES;
    for (let i = 0; i < k; i++) hashes[i] = hashOf(folded[i]);
    for (let miss = 0; miss < k; miss++) {
      const hashKey = keyHashOf(hashes, 0, k, miss, folded[miss].charCodeAt(0));
      const hashed = byKeyHash.get(hashKey);
      if (hashed) {
        if (!hashed.includes(t)) hashed.push(t);
      } else byKeyHash.set(hashKey, [t]);
    }
  }
  const windowLengths = [...lengths].sort((a, b) => a - b);
  // keyOf(folded title words with one left out) -> the titles, for the exact scan (made on its first use).
  let byKeyMade: Map<string, Title[]> | undefined;
  const byKey = () => {
    if (byKeyMade) return byKeyMade;
    byKeyMade = new Map();
    for (const t of titles) {
      const k = t.words.length;
      if (k < 2 || k > MAX_WINDOW) continue;
      const folded = foldedWords(t);
      for (let miss = 0; miss < k; miss++) {
        const key = keyOf(folded, 0, k, miss);
        const list = byKeyMade.get(key);
        if (list) list.push(t);
        else byKeyMade.set(key, [t]);
      }
    }
    return byKeyMade;
  };
  const found = (path: Path, file: string, written: string, t: Title, lookAlike: boolean) =>
    report({
      messageId: lookAlike ? 'lookAlike' : 'misspelt',
      data: { written, title: t.words.map((w) => w.text).join(' '), role: t.role.id },
      file,
      path,
      related: [{ file: t.role.file, path: [...t.role.path, 'title'], messageId: 'titleOf', data: { role: t.role.id } }],
    });
  /** Whether `w` (of a text) is a misspelling or a look-alike of title word `t`. */
  const matches = (lower: string, folded: string, t: Word) => (folded === t.fold ? lower !== t.lower : looksMisspelt(folded, t.fold));

  // One-word titles: compared with each other only (a single word in prose is too weak a signal).
  // Only words that could be misspelt are compared, each with the earlier ones of its first letter.
  const seenByLetter = new Map<string, Title[]>();
  for (const t of titles) {
    if (t.words.length !== 1) continue;
    const w = t.words[0];
    if (w.fold.length < 4 || !/^\p{L}+$/u.test(w.fold)) continue;
    const earlier = seenByLetter.get(w.fold[0]) ?? [];
    const match = earlier.find((e) => matches(w.lower, w.fold, e.words[0]));
    if (match) found([...t.role.path, 'title'], t.role.file, w.text, match, w.fold === match.words[0].fold);
    earlier.push(t);
    seenByLetter.set(w.fold[0], earlier);
  }

  // A misspelt mention of a title of k >= 2 words is k words in a row: the misspelt one, which is no
  // word of another title, and k - 1 title words. So only words that could be misspelt and stand next
  // to a title word are tried, each in the windows (of the lengths titles have) where every other word
  // is a title word. The words of a run of title words are counted once, so a title that repeats its
  // words (400 times "Engineer") costs its length times the window lengths, not a power of it.
  // By hash, for the slots two words share (made on first use: most families have none).
  let windowMap: Map<number, string[]> | undefined;
  let titleWordMap: Map<number, string[]> | undefined;
  const windowByHash = () => (windowMap ??= byHash(windowWords));
  const titleWordByHash = () => (titleWordMap ??= byHash(titleWordCount.keys()));
  /** How many times a title word is a word of `own` (the title being scanned, if any): a short loop, no map per title. */
  const ownCount = (own: Title | undefined, word: string) => {
    let n = 0;
    if (own) for (const w of own.words) if (w.lower === word) n++;
    return n;
  };
  /** Whether a window's best title so far should give way to `title` (the longest, then the first). */
  const better = (prev: Hit | undefined, title: Title, k: number) =>
    !prev || prev.title.words.length < k || (prev.title.words.length === k && title.index < prev.title.index);
  /** Reports the hits of a text: in a role's own title (the hit's `own`), or prose (`atOf`: the prose of the hit's first word). */
  const emit = (hits: Map<number, Hit>, wordAt: (i: number) => string, atOf: (word: number) => Prose | undefined) => {
    for (const [, { title, start, lookAlike, own }] of [...hits.entries()].sort((a, b) => a[0] - b[0])) {
      const words: string[] = [];
      for (let i = start; i < start + title.words.length; i++) words.push(wordAt(i));
      if (own) found([...own.role.path, 'title'], own.role.file, words.join(' '), title, lookAlike);
      else found(prosePath(atOf(start)!), fam.file, words.join(' '), title, lookAlike);
    }
  };

  /**
   * The scan for a text whose words are ASCII (most texts; other characters may stand between
   * words): its words are cut, hashed and compared where they stand in the text, so a text makes no
   * strings unless it holds a misspelling. Hashes only pick candidates; every match is confirmed on
   * the characters. Returns false, having done nothing, for a text with a non-ASCII word character.
   * `raw` may be several prose texts joined by NUL (see the end of checkFamily): `atOf` says which
   * text an offset of it is in; or the family's role titles joined by NUL: `ownOf` says whose.
   */
  const fastScan = (raw: string, atOf: (offset: number) => Prose | undefined, ownOf?: (offset: number) => Title): boolean => {
    const n = cutAscii(raw);
    if (n < 0) return false;
    const windowish = scratch.windowish;
    if (windowish === 0) return true;
    const { starts, ends, hashes, kinds, windowAt, titleAt, runLeft, runRight, tried } = scratch;
    // The text's title words (its window words confirmed on the characters), in order. Only a word
    // next to one can be misspelt, so the loops below go over these, not over every word.
    let titleCount = 0;
    for (let j = 0; j < windowish; j++) if (findWord(windowAt[j], WINDOW_SLOT, windowByHash) !== undefined) titleAt[titleCount++] = windowAt[j];
    if (titleCount === 0) return true;
    // How many title words in a row end at titleAt[t] (runLeft) and start there (runRight).
    for (let t = 0; t < titleCount; t++) runLeft[t] = t > 0 && titleAt[t - 1] === titleAt[t] - 1 ? runLeft[t - 1] + 1 : 1;
    for (let t = titleCount - 1; t >= 0; t--) runRight[t] = t + 1 < titleCount && titleAt[t + 1] === titleAt[t] + 1 ? runRight[t + 1] + 1 : 1;
    /** The index in titleAt of word `i` if it is a title word; `near` is the index of a title word at most two words from it. */
    const titleIndex = (i: number, near: number) => {
      for (let t = Math.max(0, near - 2); t <= near + 2 && t < titleCount; t++) if (titleAt[t] === i) return t;
      return -1;
    };
    if (++scratch.scans === 0x3fffffff) {
      tried.fill(0);
      scratch.scans = 1;
    }
    const scanId = scratch.scans;
    let hits: Map<number, Hit> | undefined;
    for (let c = 0; c < 2 * titleCount; c++) {
      // The words before and after each title word, each tried once.
      const near = c >> 1;
      const miss = titleAt[near] + ((c & 1) === 0 ? -1 : 1);
      if (miss < 0 || miss >= n || tried[miss] === scanId) continue;
      tried[miss] = scanId;
      if (ends[miss] - starts[miss] < 4) continue;
      const own = ownOf?.(starts[miss]);
      const asTitleWord = (kinds[miss] & TITLE_SLOT) !== 0 ? findWord(miss, TITLE_SLOT, titleWordByHash) : undefined;
      if (asTitleWord !== undefined && titleWordCount.get(asTitleWord)! - ownCount(own, asTitleWord) > 0) continue;
      // The title words in a row just before the word, and just after it.
      const before = titleIndex(miss - 1, near);
      const after = titleIndex(miss + 1, near);
      const left = before === -1 ? 0 : runLeft[before];
      const right = after === -1 ? 0 : runRight[after];
      // The word's first letter, lower-cased (its characters are ASCII here).
      let firstLetter = units[starts[miss]];
      if (firstLetter >= 0x41 && firstLetter <= 0x5a) firstLetter |= 0x20;
      let wrong: string | undefined;
      // Indexed loops, not for-of: this one runs before V8 optimises it, where an iterator costs.
      for (let w = 0; w < windowLengths.length; w++) {
        const k = windowLengths[w];
        if (k > left + right + 1) break;
        for (let m = Math.min(k - 1, left); m >= 0 && k - 1 - m <= right; m--) {
          const start = miss - m;
          const candidates = byKeyHash.get(keyHashOf(hashes, start, k, m, firstLetter));
          if (!candidates) continue;
          for (let ci = 0; ci < candidates.length; ci++) {
            const title = candidates[ci];
            if (title === own || title.words.length !== k || !sameWords(start, title, m)) continue;
            wrong ??= raw.slice(starts[miss], ends[miss]).toLowerCase();
            if (!matches(wrong, wrong, title.words[m])) continue;
            if (own && own.words.length === k && own.index < title.index) continue;
            hits ??= new Map();
            if (better(hits.get(miss), title, k)) hits.set(miss, { title, start, lookAlike: wrong === title.words[m].fold, own });
          }
        }
      }
    }
    if (hits) {
      // Copies (native), as the words are read after the scan: a typed array's slice, not Array.from.
      const from = starts.slice(0, n);
      const to = ends.slice(0, n);
      emit(
        hits,
        (i) => raw.slice(from[i], to[i]),
        (w) => atOf(from[w]),
      );
    }
    return true;
  };

  /**
   * The scan for any text: words cut with Unicode classes, lower-cased and folded. Its window search
   * is fastScan's over strings; one search over both, through accessor functions, measured 30 % slower
   * lint on 1,000 generated files, so the two stay written out (test/lint/near-duplicate-scan.test.ts
   * checks that they agree).
   */
  const exactScan = (raw: string, at: Prose | undefined, own: Title | undefined) => {
    const lower = raw.toLowerCase();
    const lowerWords = splitWords(lower);
    const n = lowerWords.length;
    const folded = lowerWords.map(fold);
    let first = -1;
    for (let i = 0; i < n; i++) {
      if (windowWords.has(folded[i])) {
        first = i;
        break;
      }
    }
    if (first === -1) return;
    const titleWord = new Uint8Array(n + 1);
    // run[i]: how many title words in a row end just before i (so a window's other words are checked in O(1)).
    const run = new Int32Array(n + 1);
    for (let i = first; i < n; i++) {
      if (windowWords.has(folded[i])) titleWord[i] = 1;
      run[i + 1] = titleWord[i] ? run[i] + 1 : 0;
    }
    // after[i]: how many title words in a row start at i.
    const after = new Int32Array(n + 1);
    for (let i = n - 1; i >= first; i--) after[i] = titleWord[i] ? after[i + 1] + 1 : 0;
    // Best (longest) title per misspelt word of this text.
    const best = new Map<number, Hit>();
    for (let miss = 0; miss < n; miss++) {
      if (!titleWord[miss - 1] && !titleWord[miss + 1]) continue;
      const wrongFold = folded[miss];
      const wrongLower = lowerWords[miss];
      if (wrongFold.length < 4) continue;
      if ((titleWordCount.get(wrongLower) ?? 0) - ownCount(own, wrongLower) > 0) continue;
      // Only windows whose other words are all title words: at most `left` of them before the word and
      // `right` after it.
      const left = run[miss];
      const right = after[miss + 1];
      for (const k of windowLengths) {
        if (k > left + right + 1) break;
        // Windows from the leftmost: when one title fits two windows around the word, the first wins.
        for (let m = Math.min(k - 1, left); m >= 0 && k - 1 - m <= right; m--) {
          const start = miss - m;
          const candidates = byKey().get(keyOf(folded, start, k, m));
          if (!candidates) continue;
          for (const title of candidates) {
            if (title === own || !matches(wrongLower, wrongFold, title.words[m])) continue;
            // Two titles of the same length are reported once, at the later role.
            if (own && own.words.length === k && own.index < title.index) continue;
            if (better(best.get(miss), title, k)) best.set(miss, { title, start, lookAlike: wrongFold === title.words[m].fold, own });
          }
        }
      }
    }
    if (best.size === 0) return;
    // Words as written, for the message (lower-casing can change a word's length, rarely: fall back).
    const written = splitWords(raw);
    const shown = written.length === n ? written : lowerWords;
    emit(
      best,
      (i) => shown[i],
      () => at,
    );
  };

  if (windowWords.size === 0) return;
  markSlots(windowWords, titleWordCount.keys());
  // The texts written in ASCII (nearly all) are scanned joined by NUL, in two texts: the role titles,
  // then the family's prose. One long loop is optimised early, where thousands of short calls ran
  // unoptimised code (and saw strings of every representation). The rest is scanned text by text.
  const scan = (raw: string, at: Prose | undefined, own: Title | undefined) => {
    if (exactOnly || raw.indexOf('\0') !== -1 || !fastScan(raw, () => at, own && (() => own))) exactScan(raw, at, own);
  };
  const joinedTitles: Title[] = [];
  for (const t of titles) {
    if (exactOnly || NOT_JOINABLE.test(t.role.title)) scan(t.role.title, undefined, t);
    else joinedTitles.push(t);
  }
  const joined: Prose[] = [];
  forEachProse(ctx.ds, fam, (p) => {
    if (exactOnly || NOT_JOINABLE.test(p.text)) scan(p.text, p, undefined);
    else joined.push(p);
  });
  if (joinedTitles.length) {
    const [text, bounds] = joinTexts(joinedTitles.map((t) => t.role.title));
    fastScan(
      text,
      () => undefined,
      (at) => joinedTitles[lastAtOrBefore(bounds, at)],
    );
  }
  if (joined.length) {
    const [text, bounds] = joinTexts(joined.map((p) => p.text));
    fastScan(text, (at) => joined[lastAtOrBefore(bounds, at)]);
  }
}

/** Texts joined by NUL, and where each starts. */
function joinTexts(texts: readonly string[]): [string, number[]] {
  const bounds: number[] = [];
  let offset = 0;
  for (let i = 0; i < texts.length; i++) {
    bounds.push(offset);
    offset += texts[i].length + 1;
  }
  return [texts.join('\0'), bounds];
}
