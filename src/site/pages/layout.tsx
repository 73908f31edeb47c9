/** The page shell shared by every page, and small pieces several pages use. */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ASSETS, href, homePath } from '../paths.js';
import type { Markdown } from '../markdown.js';
import { jumpPercent, type Jump } from '../site-data.js';
import { visible } from '../text.js';

export interface PageContext {
  siteTitle: string;
  version: string;
}

export interface Crumb {
  title: string;
  path: string;
}

export function renderPage(node: preact.VNode): string {
  return '<!doctype html>\n' + renderToString(node) + '\n';
}

export function Layout(props: {
  ctx: PageContext;
  path: string;
  title: string;
  crumbs?: Crumb[];
  script?: boolean;
  wide?: boolean;
  children: ComponentChildren;
}) {
  const { ctx, path } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="generator" content={`ladder ${ctx.version}`} />
        <title>{visible(props.title === ctx.siteTitle ? props.title : `${props.title} · ${ctx.siteTitle}`)}</title>
        <link rel="stylesheet" href={href(path, ASSETS.css)} />
        {props.script ? <script src={href(path, ASSETS.js)} defer /> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href={href(path, homePath())}>
            {visible(ctx.siteTitle)}
          </a>
          {props.crumbs?.length ? (
            <nav aria-label="Breadcrumb">
              <ol class="crumbs">
                {props.crumbs.map((c) => (
                  <li>
                    <a href={href(path, c.path)}>{visible(c.title)}</a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
        </header>
        <main id="main" class={props.wide ? 'wide' : undefined}>
          {props.children}
        </main>
        <footer class="site">Built with ladder {ctx.version} from the job-family files of this data set.</footer>
      </body>
    </html>
  );
}

/** Markdown rendered by markdown-it (raw HTML off, links checked): the only HTML not built by the template layer. */
export function Md(props: { md: Markdown; text: string; block?: boolean; class?: string }) {
  const html = props.block ? props.md.block(props.text) : props.md.inline(props.text);
  return props.block ? (
    <div class={props.class} dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span class={props.class} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/** "+10 new, 5 changed of 37 items (41 %)" with a bar of the same share. */
export function JumpSize(props: { jump: Jump; compact?: boolean }) {
  const j = props.jump;
  const pct = jumpPercent(j);
  const words = props.compact
    ? `+${j.added} new, ${j.changed} changed`
    : `${j.added} new, ${j.changed} changed${j.removed ? `, ${j.removed} removed` : ''} of ${j.total} items`;
  return (
    <span class="jump">
      <i class="bar" style={`--p:${pct}%`} /> {words} ({pct} %)
    </span>
  );
}
