/**
 * The built site in a real browser: headless Chromium (Debian's `chromium`) driven by puppeteer-core,
 * the site served on 127.0.0.1 under /ladder/. Every page loads with no console error and no failed
 * request; axe-core finds no WCAG 2.1 A/AA violation; the pages people come for show what the data
 * says; a role page prints without cut-off text. Screenshots of every kind of page are written to
 * test-output/site/ to be looked at. Without Chromium these tests (and only these) are skipped.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { DATA, ROOT, runCli } from '../helpers/run-cli.js';
import { HOSTILE } from './helpers.js';

// LADDER_CHROMIUM names the browser to use (and only that one); else Debian's.
const CANDIDATES = process.env.LADDER_CHROMIUM ? [process.env.LADDER_CHROMIUM] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const CHROMIUM = CANDIDATES.find((p) => existsSync(p));
if (!CHROMIUM)
  process.stderr.write(
    `test/site/browser.test.ts: SKIPPED, no Chromium at ${CANDIDATES.join(' or ')} (install the Debian package \`chromium\`, or set LADDER_CHROMIUM)\n`,
  );
const maybe = CHROMIUM ? describe : describe.skip;

const OUT = join(ROOT, 'test-output', 'site');
const BASE = '/ladder/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
};

let server: Server;
let origin: string;
let browser: Browser;
let tmp: string;
const roots: Record<string, string> = {};

/** Serves `roots[name]` at /<name>/…; a missing file gets the site's 404.html with status 404. */
function serve(): Promise<void> {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, name, ...rest] = decodeURIComponent(url.pathname).split('/');
    const root = roots[name];
    let file = root ? normalize(join(root, rest.join('/') || 'index.html')) : '';
    if (file && !relative(root, file).startsWith('..') && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!root || relative(root, file).startsWith('..') || !existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(root ? readFileSync(join(root, '404.html')) : 'not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
      ok();
    }),
  );
}

interface Visit {
  page: Page;
  problems: string[];
}

/** Opens a page, recording console errors, page errors, failed requests and any request to another host. */
async function visit(path: string, options: { width?: number; height?: number; dark?: boolean; expectStatus?: number } = {}): Promise<Visit> {
  const page = await browser.newPage();
  const problems: string[] = [];
  await page.setViewport({ width: options.width ?? 1280, height: options.height ?? 900 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.dark ? 'dark' : 'light' }]);
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (!r.url().startsWith(origin + '/')) {
      problems.push(`request to another host: ${r.url()}`);
      void r.abort();
    } else void r.continue();
  });
  page.on('console', (m) => {
    // The browser logs the expected 404 of the page itself as an error.
    if (options.expectStatus === 404 && m.location()?.url === origin + path) return;
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !(options.expectStatus && r.url() === origin + path)) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const res = await page.goto(origin + path, { waitUntil: 'load' });
  expect(res?.status()).toBe(options.expectStatus ?? 200);
  return { page, problems };
}

async function axe(page: Page): Promise<string[]> {
  const source = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
  await page.addScriptTag({ content: source });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

const PAGES = {
  home: 'index.html',
  family: 'families/education-services.html',
  role: 'roles/senior-lab-curriculum-developer.html',
  matrix: 'matrix/education-services.lab-curriculum-development.html',
  compare: 'compare/lab-curriculum-developer.senior-lab-curriculum-developer.html',
};

maybe('the site in Chromium', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'ladder-site-browser-'));
    for (const [name, data] of [
      ['ladder', DATA],
      ['hostile', HOSTILE],
    ] as const) {
      const r = await runCli(['--data', data, 'site', '--out', join(tmp, name), '--base-url', `/${name}/`]);
      expect(r.code).toBe(0);
      roots[name] = join(tmp, name);
    }
    await serve();
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(tmp, 'profile')}`,
      ],
    });
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(join(OUT, 'screenshots'), { recursive: true });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('every page loads with no console error, no failed request and no request to another host', async () => {
    const all: string[] = [];
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.html') && e.name !== '404.html' ? [join(d, e.name)] : [],
      );
    const files = walk(roots.ladder).map((f) => relative(roots.ladder, f).split(sep).join('/'));
    expect(files).toHaveLength(22);
    for (const f of files) {
      const { page, problems } = await visit(BASE + f);
      all.push(...problems.map((p) => `${f}: ${p}`));
      await page.close();
    }
    expect(all).toEqual([]);
  }, 120000);

  test('a missing page gets the 404 page, styled from the base URL', async () => {
    const { page, problems } = await visit(`${BASE}roles/nobody/at/all.html`, { expectStatus: 404 });
    expect(problems).toEqual([]);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Page not found');
    expect(await page.$eval('body', (b) => getComputedStyle(b).fontFamily)).toContain('system-ui');
    await page.close();
  });

  test.each(['home', 'role', 'matrix', 'compare', 'family'] as const)(
    'axe-core finds no WCAG 2.1 A/AA violation on the %s page, light and dark',
    async (kind) => {
      for (const dark of [false, true]) {
        const { page } = await visit(BASE + PAGES[kind], { dark });
        expect([dark ? 'dark' : 'light', await axe(page)]).toEqual([dark ? 'dark' : 'light', []]);
        await page.close();
      }
    },
    60000,
  );

  test('the Senior Lab Curriculum Developer page lists all 22 responsibilities and 15 requirements with their origins', async () => {
    const { page } = await visit(BASE + PAGES.role);
    const items = await page.evaluate(() =>
      ['responsibilities', 'requirements'].map((s) =>
        [...document.querySelectorAll(`section[aria-labelledby="${s}"] li`)].map((li) => ({
          origin: li.getAttribute('data-origin'),
          shown: li.querySelector('.origin')?.textContent ?? '',
          id: li.id,
        })),
      ),
    );
    expect(items[0]).toHaveLength(22);
    expect(items[1]).toHaveLength(15);
    for (const i of [...items[0], ...items[1]]) {
      expect(i.id).not.toBe('');
      expect(i.shown).toMatch(i.origin === 'own' ? /^own$/ : i.origin === 'replaced' ? /^replaces the item of / : /^inherited from /);
    }
    expect(items[1].filter((i) => i.origin === 'replaced').map((i) => i.id)).toEqual([
      'req-gitlab-usage',
      'req-it-saas-years',
      'req-user-support-years',
      'req-instruqt',
      'req-identity-access-management',
      'req-scripting-language',
    ]);
    // A permalink is a working anchor.
    await page.click('#req-it-saas-years .permalink');
    expect(new URL(page.url()).hash).toBe('#req-it-saas-years');
    await page.close();
  });

  test('the Lab Curriculum Development matrix shows the five requirements that change at Senior', async () => {
    const { page } = await visit(BASE + PAGES.matrix);
    const changed = await page.evaluate(() => {
      const heads = [...document.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
      const senior = heads.findIndex((h) => h.startsWith('Senior Lab Curriculum Developer'));
      const body = [...document.querySelectorAll('tbody')].find((b) => b.querySelector('tr.section')?.textContent?.startsWith('Requirements'))!;
      return [...body.querySelectorAll('tr:not(.section)')]
        .filter((tr) => tr.children[senior]?.textContent === 'changed')
        .map((tr) => tr.children[0].textContent?.replace('#', '').trim());
    });
    expect(changed).toEqual([
      '7+ years of experience in IT in a high growth SaaS environment',
      '5+ years of experience in user support in a cloud-first modern IT environment',
      'Advanced knowledge of Instruqt use cases and build images',
      'Advanced knowledge of identity and access management',
      'Advanced knowledge in one of the following scripting languages - Python or SQL',
    ]);
    await page.close();
  });

  test('the compare page shows 5+ → 7+ years, visible without colour', async () => {
    const { page } = await visit(BASE + PAGES.compare);
    const item = await page.$eval('#req-it-saas-years', (li) => ({
      del: [...li.querySelectorAll('del')].map((d) => ({ text: d.textContent, line: getComputedStyle(d).textDecorationLine })),
      ins: [...li.querySelectorAll('ins')].map((d) => ({ text: d.textContent, line: getComputedStyle(d).textDecorationLine })),
      text: (li.textContent ?? '').replace(/\s+/g, ' '),
    }));
    expect(item.del[0]).toEqual({ text: '[removed: 5+]', line: 'line-through' });
    expect(item.ins[0]).toEqual({ text: '[added: 7+]', line: 'underline' });
    expect(item.text).toContain('[removed: 5+] [added: 7+] years of experience');
    expect(item.text).toContain('years 5 → 7');
    await page.close();
  });

  test('the filter box hides the ladders that do not match', async () => {
    const { page } = await visit(BASE + PAGES.home);
    await page.type('#filter', 'senior director');
    const visible = await page.$$eval('[data-filter]', (els) =>
      els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.querySelector('h3')?.textContent?.trim()),
    );
    expect(visible).toEqual(['Education Leadership level matrix']);
    // A family's title matches all its ladders; runs of spaces in the page count as one.
    await page.$eval('#filter', (e) => ((e as HTMLInputElement).value = ''));
    await page.type('#filter', 'education services');
    const shown = await page.$$eval('[data-filter]', (els) => els.filter((e) => !(e as HTMLElement).hidden).length);
    expect(shown).toBe(3);
    await page.close();
  });

  test('screenshots of every kind of page at 1280 and 375 px; nothing wider than the screen at 360 px', async () => {
    const written: string[] = [];
    for (const [kind, path] of Object.entries(PAGES)) {
      for (const [width, height] of [
        [1280, 900],
        [375, 812],
      ]) {
        const { page } = await visit(BASE + path, { width, height });
        const file = join(OUT, 'screenshots', `${kind}-${width}.png`);
        await page.screenshot({ path: file });
        written.push(file);
        await page.close();
      }
      for (const dark of [false, true]) {
        const { page } = await visit(BASE + path, { width: 360, height: 800, dark });
        // Wide content (the matrix, the graph) scrolls inside its own region; the page itself does not.
        expect([kind, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([kind, 360]);
        if (dark && kind === 'role') await page.screenshot({ path: join(OUT, 'screenshots', 'role-360-dark.png') });
        await page.close();
      }
    }
    // The parts the docs show: the matrix rows and the compare section where the Senior step changes requirements.
    for (const [kind, selector] of [
      ['matrix', 'td[data-state="changed"]'],
      ['compare', 'section[aria-labelledby="requirements"]'],
    ] as const) {
      const { page } = await visit(BASE + PAGES[kind], { width: 1280, height: 720 });
      await page.$eval(selector, (e) => e.scrollIntoView({ block: 'center' }));
      const file = join(OUT, 'screenshots', `${kind}-requirements-1280.png`);
      await page.screenshot({ path: file });
      written.push(file);
      await page.close();
    }
    for (const f of written) expect(readFileSync(f).subarray(1, 4).toString()).toBe('PNG');
  }, 120000);

  test.each(['role', 'matrix'] as const)('the %s page prints to PDF with no cut-off text', async (kind) => {
    const { page } = await visit(BASE + PAGES[kind]);
    await page.emulateMediaType('print');
    // A4 minus the print stylesheet's 15 mm margins: 180 mm = 680 CSS px.
    await page.setViewport({ width: 680, height: 1000 });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('body *')]
        .filter((e) => (e as HTMLElement).offsetParent !== null || e.tagName === 'BODY')
        .filter((e) => e.scrollWidth > width + 1 || e.getBoundingClientRect().right > width + 1)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className}: ${e.scrollWidth}`);
    });
    expect(overflow).toEqual([]);
    const hidden = await page.$$eval('header.site nav, footer.site, .skip', (els) => els.map((e) => getComputedStyle(e).display));
    expect(hidden.every((d) => d === 'none')).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    writeFileSync(join(OUT, `${kind}.pdf`), pdf);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  test('the hostile family runs no script and loads nothing: its texts show as text', async () => {
    for (const path of [
      'index.html',
      'families/hostile.html',
      'roles/hostile-role.html',
      'roles/hostile-senior.html',
      'compare/hostile-role.hostile-senior.html',
      'matrix/hostile.hostile.html',
    ]) {
      const { page, problems } = await visit('/hostile/' + path);
      expect([path, problems]).toEqual([path, []]);
      const found = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        tags: document.querySelectorAll('img, iframe, marquee, style, object, embed, b').length,
        scripts: [...document.scripts].map((s) => s.getAttribute('src')),
        jsLinks: [...document.querySelectorAll('a')].filter((a) => !/^(https?|mailto):|^[^:]*$/.test(a.getAttribute('href') ?? '')).length,
        text: document.body.innerText,
      }));
      expect([path, found.pwned, found.tags, found.jsLinks]).toEqual([path, null, 0, 0]);
      expect(found.scripts.every((s) => s?.endsWith('assets/site.js'))).toBe(true);
      if (path === 'roles/hostile-role.html') {
        expect(found.text).toContain("<script>window.__pwned = 'item'</script>");
        expect(found.text).toContain('<img src=x onerror="window.__pwned=\'img\'">');
        expect(found.text).toContain('{{ constructor.constructor(');
        expect(found.text).toContain("[click me](javascript:window.__pwned='link')");
      }
      await page.close();
    }
  }, 60000);
});
