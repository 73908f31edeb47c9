/**
 * Item and summary markdown, rendered by markdown-it with raw HTML off. Links are limited to http(s),
 * mailto and relative targets; images are off (they would load from other hosts). Root-relative links
 * of an imported page (`/handbook/…`) point at the site the family was taken from when its `source`
 * is an http(s) URL, since they mean that site, not this one.
 */
import MarkdownIt from 'markdown-it';
import { visible } from './text.js';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ALLOWED = new Set(['http', 'https', 'mailto']);

/** Whether a link target may be written into a page: http(s), mailto, or relative. */
export function isSafeLink(url: string): boolean {
  // Browsers drop tabs and newlines inside a URL and trim spaces and controls around it ("java\tscript:").
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const m = SCHEME.exec(cleaned);
  if (m) return ALLOWED.has(m[1].toLowerCase());
  // A scheme hidden behind an entity or percent-encoding is not a relative link either.
  return !/^[^/?#]*(&#|%3a|&colon;)/i.test(cleaned);
}

export interface Markdown {
  /** A paragraph-level text (summaries): block markdown. */
  block(text: string): string;
  /** One item: inline markdown, no paragraph. */
  inline(text: string): string;
}

/** A renderer whose root-relative links resolve against `source` (a family's page URL), if http(s). */
export function makeMarkdown(source?: string): Markdown {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable(['image']);
  md.validateLink = isSafeLink;
  let origin: string | null = null;
  if (source) {
    try {
      const u = new URL(source);
      if (u.protocol === 'http:' || u.protocol === 'https:') origin = u.origin;
    } catch {
      origin = null;
    }
  }
  md.normalizeLink = (
    (base) => (url: string) =>
      base(origin && url.startsWith('/') && !url.startsWith('//') ? origin + url : url)
  )(md.normalizeLink.bind(md));
  // The same item shows on many pages (its role, the roles that inherit it, compare pages, matrices).
  const blocks = new Map<string, string>();
  const inlines = new Map<string, string>();
  const cached = (cache: Map<string, string>, text: string, render: (t: string) => string) => {
    let html = cache.get(text);
    if (html === undefined) cache.set(text, (html = render(visible(text))));
    return html;
  };
  return {
    block: (text) => cached(blocks, text, (t) => md.render(t)),
    inline: (text) => cached(inlines, text, (t) => md.renderInline(t)),
  };
}
