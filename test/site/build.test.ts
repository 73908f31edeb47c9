import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadPaths } from '../../src/io/data.js';
import { resolveRole } from '../../src/core/resolve.js';
import { showJson } from '../../src/core/show.js';
import { diffRoles } from '../../src/core/diff/index.js';
import { SECTIONS } from '../../src/core/model.js';
import { collectSiteData, matrixRows } from '../../src/site/site-data.js';
import type { SiteFiles } from '../../src/site/build-site.js';
import { DATA, ROOT } from '../helpers/run-cli.js';
import { count, links, section, siteOf, target } from './helpers.js';

let site: SiteFiles;
beforeAll(async () => {
  site = await siteOf(DATA);
});

const page = (path: string) => {
  const html = site.get(path);
  if (html === undefined) throw new Error(`no page ${path}`);
  return html;
};

describe('site of the bundled data', () => {
  test('has every kind of page', () => {
    const paths = [...site.keys()];
    expect(paths).toEqual(
      expect.arrayContaining([
        'index.html',
        '404.html',
        'assets/site.css',
        'assets/site.js',
        '.ladder-site.json',
        'roles/senior-lab-curriculum-developer.html',
        'families/education-services.html',
        'matrix/education-services.lab-curriculum-development.html',
        'compare/lab-curriculum-developer.senior-lab-curriculum-developer.html',
      ]),
    );
    // One page per role, per family, per ladder; a compare page per pair of levels of a ladder (3 + 1 + 1 + 1).
    expect(paths.filter((p) => p.startsWith('roles/'))).toHaveLength(9);
    expect(paths.filter((p) => p.startsWith('families/'))).toHaveLength(2);
    expect(paths.filter((p) => p.startsWith('matrix/'))).toHaveLength(4);
    expect(paths.filter((p) => p.startsWith('compare/'))).toHaveLength(6);
    expect(paths).not.toContain('changes.html');
  });

  test('is deterministic: a second build from a fresh load gives the same bytes', async () => {
    const again = await siteOf(DATA);
    expect([...again.keys()]).toEqual([...site.keys()]);
    for (const [path, text] of site) expect(again.get(path)).toBe(text);
  });

  test('the manifest lists every file', () => {
    const m = JSON.parse(page('.ladder-site.json'));
    expect(m.generator).toBe('ladder site');
    expect(m.files).toEqual([...site.keys()].filter((p) => p !== '.ladder-site.json'));
  });

  test('the Senior Lab Curriculum Developer page lists the resolved view of `show`, with origins and anchors', async () => {
    const html = page('roles/senior-lab-curriculum-developer.html');
    const { ds } = await loadPaths([DATA], ROOT, { keepSources: false });
    const shown = showJson(resolveRole(ds, ds.roles.get('senior-lab-curriculum-developer')!));
    expect(shown.responsibilities).toHaveLength(22);
    expect(shown.requirements).toHaveLength(15);
    for (const s of SECTIONS) {
      const part = section(html, s);
      expect(count(part, 'data-origin="')).toBe(shown[s].length);
      // In the same order, each with the origin show gives it.
      const origins = [...part.matchAll(/data-origin="([a-z]+)"/g)].map((m) => m[1]);
      expect(origins).toEqual(shown[s].map((i) => (i.from !== shown.id ? 'inherited' : i.overrides ? 'replaced' : 'own')));
    }
    expect(section(html, 'responsibilities')).toContain('(22: 10 own, 12 inherited)');
    expect(section(html, 'requirements')).toContain('(15: 6 own, 9 inherited)');
    // Items with an id are anchored by it, and the anchor links to itself.
    expect(html).toContain('<li id="req-it-saas-years" data-origin="replaced">');
    expect(html).toContain('href="#req-it-saas-years"');
    expect(html).toContain('replaces the item of <a href="../roles/lab-curriculum-developer.html#req-it-saas-years">');
  });

  test('the role page links the previous and next levels and the step compare pages', () => {
    const html = page('roles/senior-lab-curriculum-developer.html');
    expect(html).toContain('Previous level: <a href="../roles/lab-curriculum-developer.html">');
    expect(html).toContain('Next level: <a href="../roles/senior-manager-of-education-curriculum-development.html">');
    expect(html).toContain('href="../compare/lab-curriculum-developer.senior-lab-curriculum-developer.html"');
    expect(html).toContain('<dt>Reports to</dt><dd><a href="../roles/senior-manager-of-education-curriculum-development.html">');
  });

  test('the Lab Curriculum Development matrix shows the five requirements that change at Senior', () => {
    const html = page('matrix/education-services.lab-curriculum-development.html');
    const reqs = html.slice(html.indexOf('Requirements ('), html.indexOf('</tbody>', html.indexOf('Requirements (')));
    const rows = reqs.split('<tr>').slice(1);
    // Column 2 is Senior: the cells of each row are in level order.
    // An absent cell is an empty <td>.
    const senior = rows.map((r) => [...r.matchAll(/<td(?: data-state="([a-z]+)")?>/g)].map((m) => m[1] ?? 'absent')[1]);
    expect(senior.filter((s) => s === 'changed')).toHaveLength(5);
    expect(senior.filter((s) => s === 'inherited')).toHaveLength(10);
  });

  test('matrix cells are read off the core diff of each step', async () => {
    const { ds } = await loadPaths([DATA], ROOT, { keepSources: false });
    const data = collectSiteData(ds);
    for (const l of data.ladders) {
      const rows = matrixRows(l);
      l.steps.forEach((step, k) => {
        const d = diffRoles(step.from.resolved, step.to.resolved);
        const at = (state: string) => rows.filter((r) => r.cells[k + 1].state === state).length;
        const sum = (f: (s: (typeof d.sections)['requirements']) => number) => SECTIONS.reduce((n, s) => n + f(d.sections[s]), 0);
        expect(at('introduced')).toBe(sum((s) => s.added.length));
        expect(at('changed')).toBe(sum((s) => s.changed.length));
        expect(at('inherited')).toBe(sum((s) => s.unchanged.length));
      });
    }
  });

  test('the compare page shows 5+ → 7+ years as a word change and a structured delta', () => {
    const html = page('compare/lab-curriculum-developer.senior-lab-curriculum-developer.html');
    const item = html.slice(html.indexOf('<li id="req-it-saas-years">'), html.indexOf('</li>', html.indexOf('<li id="req-it-saas-years">')));
    expect(item).toMatch(
      /<del><span class="vh">\[removed: <\/span>5\+<span class="vh">\]<\/span><\/del> <ins><span class="vh">\[added: <\/span>7\+<span class="vh">\]<\/span><\/ins> years/,
    );
    expect(item).toContain('years 5 → 7');
    expect(html).toContain('5 changed');
  });

  test('jump sizes are shown on the ladder rows and the matrix', () => {
    // Intermediate → Senior: 10 added + 5 changed of the Senior level's 39 items.
    expect(page('index.html')).toContain('+10 new, 5 changed (38 %)');
    expect(page('matrix/education-services.lab-curriculum-development.html')).toContain('+10 new, 5 changed (38 %)');
  });

  test('every internal link and anchor points at something built', () => {
    const missing: string[] = [];
    for (const [path, html] of site) {
      if (!path.endsWith('.html') || path === '404.html') continue;
      for (const l of links(html)) {
        if (/^(https?:|mailto:)/.test(l)) continue;
        const t = target(path, l);
        const dest = site.get(t.path);
        if (dest === undefined) missing.push(`${path} → ${l}`);
        else if (t.anchor && !dest.includes(`id="${t.anchor}"`)) missing.push(`${path} → ${l} (no such anchor)`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('everything is local: no style, script, image or font from another host', () => {
    for (const [path, html] of site) {
      if (!path.endsWith('.html')) continue;
      expect(html).not.toMatch(/<(link|script|img|iframe)\b[^>]*\s(href|src)="(https?:)?\/\//);
    }
    expect(page('assets/site.css')).not.toMatch(/url\(|@import/);
  });

  test('no page is over 200 KB', () => {
    for (const [path, text] of site) expect([path, Buffer.byteLength(text) <= 200 * 1024]).toEqual([path, true]);
  });

  test('the 404 page links with the base URL', async () => {
    const s = await siteOf(DATA, { baseUrl: '/ladder/' });
    expect(s.get('404.html')).toContain('href="/ladder/assets/site.css"');
    expect(s.get('404.html')).toContain('href="/ladder/"');
    expect(s.get('index.html')).toBe(site.get('index.html'));
  });

  test('the career graph is an inline SVG laid out at build time, linking the roles', () => {
    const graph = section(page('index.html'), 'graph');
    expect(graph).toContain('<svg');
    expect(count(graph, '<rect')).toBeGreaterThanOrEqual(9);
    expect(graph).toContain('<a href="roles/senior-lab-curriculum-developer.html">');
    expect(graph).toMatch(/class="edge edge-extends"/);
    expect(graph).toMatch(/class="edge edge-reports"/);
    expect(graph).toMatch(/class="edge edge-level"/);
    expect(graph).not.toContain('NaN');
  });
});

describe('the changes page', () => {
  test('is built from a changes report when one is given, escaped like every page', async () => {
    const { ds } = await loadPaths([DATA], ROOT, { keepSources: false });
    const { buildSite } = await import('../../src/site/build-site.js');
    const item = (text: string) => ({ id: null, text, from: 'senior-lab-curriculum-developer', overrides: null, source: { file: 'x.yaml', line: 1 } });
    const report = {
      from: 'v1',
      to: '<b>v2</b>',
      roles: [
        {
          id: 'senior-lab-curriculum-developer',
          status: 'changed' as const,
          fields: [{ name: 'grade', from: 6, to: 7 }],
          sections: {
            requirements: {
              added: [item('<script>x()</script> new')],
              removed: [],
              changed: [
                {
                  from: item('5+ years'),
                  to: item('7+ years'),
                  words: [
                    { op: 'removed' as const, text: '5+' },
                    { op: 'added' as const, text: '7+' },
                    { op: 'same' as const, text: 'years' },
                  ],
                },
              ],
            },
          },
        },
      ],
    };
    const withChanges = buildSite(ds, { version: 't', changes: report });
    const html = withChanges.get('changes.html')!;
    expect(html).toContain('<code>&lt;b>v2&lt;/b></code>');
    expect(html).toContain('<a href="roles/senior-lab-curriculum-developer.html">Senior Lab Curriculum Developer</a>');
    expect(html).toContain('grade: 6 → 7');
    expect(html).toContain('&lt;script>x()&lt;/script> new');
    expect(html).toContain('<del>5+</del> <ins>7+</ins> years');
    expect(JSON.parse(withChanges.get('.ladder-site.json')!).files).toContain('changes.html');
    expect(withChanges.get('index.html')).toContain('<a href="changes.html">What changed</a> from v1 to &lt;b>v2&lt;/b>.');
    const without = buildSite(ds, { version: 't', changes: null });
    expect(without.has('changes.html')).toBe(false);
    expect(without.get('index.html')).not.toContain('changes.html');
  });
});
