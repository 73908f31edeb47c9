import { beforeAll, describe, expect, test } from '@jest/globals';
import type { SiteFiles } from '../../src/site/build-site.js';
import { isSafeLink, makeMarkdown } from '../../src/site/markdown.js';
import { HOSTILE, siteOf } from './helpers.js';

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every tag of a page with its attributes. The template layer always double-quotes attribute values. */
function tags(html: string): { name: string; attrs: [string, string][] }[] {
  const out: { name: string; attrs: [string, string][] }[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs = [...m[2].matchAll(/\s+([^\s"'>/=]+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), decode(a[2] ?? '')] as [string, string]);
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

let site: SiteFiles;
beforeAll(async () => {
  site = await siteOf(HOSTILE);
});

const pages = () => [...site.entries()].filter(([p]) => p.endsWith('.html'));

describe('a family of hostile texts renders as text', () => {
  test('the fixture builds pages for its roles', () => {
    expect(site.has('roles/hostile-role.html')).toBe(true);
    expect(site.has('roles/hostile-senior.html')).toBe(true);
    expect(site.has('compare/hostile-role.hostile-senior.html')).toBe(true);
  });

  test('no tag from the data: only the tags the templates write', () => {
    const allowed = new Set(
      'html head meta title link script body a header nav ol ul li main footer h1 h2 h3 p span small i strong dl dt dd code section div del ins details summary table thead tbody tr th td caption label input figure figcaption svg defs marker path rect text tspan g em br hr blockquote pre'.split(
        ' ',
      ),
    );
    for (const [path, html] of pages()) {
      for (const t of tags(html)) expect([path, t.name, allowed.has(t.name)]).toEqual([path, t.name, true]);
    }
  });

  test('no event-handler attribute, no script but the site’s own, no unsafe link', () => {
    for (const [path, html] of pages()) {
      for (const t of tags(html)) {
        for (const [name, value] of t.attrs) {
          expect([path, name.startsWith('on')]).toEqual([path, false]);
          if (name === 'href' || name === 'src') expect([path, value, isSafeLink(value)]).toEqual([path, value, true]);
          if (name === 'style') expect(value).toMatch(/^--p:\d+%$/);
        }
        if (t.name === 'script')
          expect(t.attrs).toEqual([
            ['src', 'assets/site.js'],
            ['defer', ''],
          ]);
      }
      expect(html.toLowerCase()).not.toMatch(/href="\s*(javascript|data|vbscript):/);
    }
  });

  test('the hostile texts are shown, escaped', () => {
    const fam = site.get('roles/hostile-role.html')!;
    expect(fam).toContain("&lt;script&gt;window.__pwned = 'item'&lt;/script&gt;");
    expect(fam).toContain("&lt;img src=x onerror=&quot;window.__pwned='img'&quot;&gt;");
    expect(fam).toContain('{{ constructor.constructor(');
    expect(fam).toContain('${window.__pwned=');
    expect(fam).toContain('&lt;%= 1 %&gt;');
    // javascript: links stay as their markdown text; safe links become links.
    expect(fam).toContain("[click me](javascript:window.__pwned='link')");
    expect(fam).toContain('<a href="https://example.invalid/ok">fine link</a>');
    expect(fam).toContain('<a href="mailto:a@example.invalid">mail</a>');
    // Control characters and bidirectional overrides are shown as escapes.
    expect(fam).toContain('\\u001b[31mred');
    expect(fam).toContain('\\u202eoverride');
    for (const [, html] of pages()) expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/.test(html)).toBe(false);
  });

  test('titles and levels stay text in every position (title tag, headings, attributes)', () => {
    const role = site.get('roles/hostile-role.html')!;
    expect(role).toContain("<title>&quot;>&lt;svg onload=&quot;window.__pwned='role'&quot;> · Career ladders</title>");
    expect(role).toContain('<dd>&lt;style>body{display:none}&lt;/style></dd>');
    expect(site.get('roles/hostile-senior.html')).toContain("<h1>Senior ' onmouseover='window.__pwned=1</h1>");
  });
});

describe('link checking', () => {
  test.each([
    ['https://example.com/a', true],
    ['http://example.com', true],
    ['mailto:x@example.com', true],
    ['../relative/page.html#x', true],
    ['/handbook/sales/', true],
    ['#anchor', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['file:///etc/passwd', false],
    ['javascript%3aalert(1)', false],
  ])('%j safe: %s', (url, safe) => expect(isSafeLink(url)).toBe(safe));

  test('root-relative links point at the site the family came from', () => {
    const md = makeMarkdown('https://about.gitlab.com/job-families/sales/x/');
    expect(md.inline('[a](/handbook/sales/#pcv)')).toBe('<a href="https://about.gitlab.com/handbook/sales/#pcv">a</a>');
    expect(makeMarkdown().inline('[a](/handbook/)')).toBe('<a href="/handbook/">a</a>');
    expect(makeMarkdown('javascript:alert(1)').inline('[a](/x)')).toBe('<a href="/x">a</a>');
  });

  test('raw HTML and images are never rendered', () => {
    const md = makeMarkdown();
    expect(md.inline('<b>x</b> ![i](https://example.com/i.png)')).not.toMatch(/<b>|<img/);
    expect(md.block('<div onclick="x()">hi</div>')).toBe('<p>&lt;div onclick=&quot;x()&quot;&gt;hi&lt;/div&gt;</p>\n');
  });
});
