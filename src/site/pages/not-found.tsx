/** 404.html: served for any missing path at any depth, so its links are absolute (the base URL). */
import { renderToString } from 'preact-render-to-string';
import { ASSETS } from '../paths.js';
import { visible } from '../text.js';
import type { PageContext } from './layout.js';

export function notFoundPage(ctx: PageContext, baseUrl: string): string {
  return (
    '<!doctype html>\n' +
    renderToString(
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          <title>{`Page not found · ${visible(ctx.siteTitle)}`}</title>
          <link rel="stylesheet" href={baseUrl + ASSETS.css} />
        </head>
        <body>
          <main id="main">
            <h1>Page not found</h1>
            <p>
              This page does not exist (any more). The <a href={baseUrl}>home page</a> lists every role and ladder.
            </p>
          </main>
        </body>
      </html>,
    ) +
    '\n'
  );
}
