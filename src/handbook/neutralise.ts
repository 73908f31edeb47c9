/**
 * Text from data written into a handbook page must stay text: `ladder import` reading the page back
 * must not find structure in it (a heading, a list, a grade sentence, an "Extends …" phrase, an
 * annotation comment, HTML) nor a terminal a control sequence in it. The writer encodes what would be
 * read as structure as character references (`&#35;`, `&lt;`, `gr&#97;de`), which a markdown renderer
 * shows as the original characters and `decodeText` turns back on import, so a round trip is exact.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
const BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
const ref = (c: string) => `&#${c.codePointAt(0)};`;

/** `&` that would start a character reference, `<` (HTML, comments, ERB), control characters. */
function encodeCharacters(text: string): string {
  return text
    .replace(/&(?=#\d|#x[0-9a-f]|[a-z]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(CONTROL, ref);
}

/** Words the importer reads as structure in running text, by the sentence they make. */
export const WORDS = { grade: 'grade', inherit: 'extends|same|addition|except', reports: 'reports?' } as const;
export type WordKind = keyof typeof WORDS;
/** The first letter of each such word as a reference. */
const encodeWords = (text: string, kinds: readonly WordKind[]) =>
  kinds.length ? text.replace(new RegExp(`\\b(?:${kinds.map((k) => WORDS[k]).join('|')})\\b`, 'gi'), (w) => ref(w[0]) + w.slice(1)) : text;

/** A line start that reads as block syntax: heading, quote, table, list, rule, bold line, kramdown, TOC. */
const LINE_START = /^(\s*)(#|>|\||[*+-](?=\s|$)|\d{1,3}[.)](?=\s|$)|\*\*|__|\{:|TOC$|TBD|TBA|to be determined|coming soon)/i;
const encodeLineStart = (line: string) => line.replace(LINE_START, (_m, sp: string, tok: string) => sp + ref(tok[0]) + tok.slice(1));

/** The kinds of structure sentence a text would be read as (a grade, "Extends …", "reports to"). */
export type Structural = (text: string) => readonly WordKind[];

/** One line of a page (an item, a hiring step, a title): line breaks as spaces, structure encoded. */
export function inline(text: string, structural: Structural = () => []): string {
  const parts = text.split(BREAKS);
  const one =
    parts.length === 1
      ? text
      : parts
          .map((l, i, all) => (i > 0 ? (i < all.length - 1 ? l.trim() : l.trimStart()) : l.trimEnd()))
          .filter((l, i) => i === 0 || l !== '')
          .join(' ');
  const chars = encodeCharacters(one);
  return encodeLineStart(encodeWords(chars, structural(one)));
}

/**
 * Prose of several paragraphs (a summary): paragraphs kept, line starts, characters and the words of
 * structural lines encoded. `lists: true` keeps `- ` list lines (a family summary may hold the
 * page's introduction list).
 */
export function prose(text: string, structural: Structural = () => [], options: { lists?: boolean } = {}): string {
  return text
    .split(BREAKS)
    .map((line) => {
      let l = encodeCharacters(line);
      l = encodeWords(l, structural(line));
      if (options.lists && /^\s*[-*] \S/.test(l)) return l.replace(/^(\s*[-*] )(.*)$/, (_m, marker: string, rest: string) => marker + encodeLineStart(rest));
      return encodeLineStart(l);
    })
    .join('\n');
}

/** Character references the writer produces (`&amp;`, `&lt;`, `&gt;`, `&#NN;`, `&#xHH;`) back to text. */
export function decodeText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:(amp|lt|gt|quot)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi,
    (all, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (name) return { amp: '&', lt: '<', gt: '>', quot: '"' }[name.toLowerCase() as 'amp'];
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    },
  );
}
