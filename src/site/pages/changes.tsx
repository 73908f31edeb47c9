/**
 * The changes page: a `ladder changes --format json` report (SPEC §5) shown as a page. The report is
 * computed by the `changes` core and handed to `buildSite`; this only lays it out.
 */
import { SECTION_TITLES, type Section } from '../../core/model.js';
import type { ItemJson } from '../../core/show.js';
import type { WordChange } from '../../core/diff/words.js';
import { href, rolePath } from '../paths.js';
import type { SiteData } from '../site-data.js';
import { visible } from '../text.js';
import { Layout, renderPage, type PageContext } from './layout.js';

export interface ChangesReport {
  from: string;
  to: string;
  roles: {
    id: string;
    status: 'added' | 'removed' | 'renamed' | 'changed';
    renamed_from?: string;
    fields: { name: string; from: unknown; to: unknown }[];
    sections: Partial<Record<Section, { added: ItemJson[]; removed: ItemJson[]; changed: { from: ItemJson; to: ItemJson; words: WordChange[] }[] }>>;
  }[];
}

const show = (v: unknown) => (v === null || v === undefined ? 'none' : visible(typeof v === 'string' ? v : JSON.stringify(v)));

export function changesPage(ctx: PageContext, data: SiteData, report: ChangesReport): string {
  const page = 'changes.html';
  return renderPage(
    <Layout ctx={ctx} path={page} title="Changes">
      <h1>
        Changes from <code>{visible(report.from)}</code> to <code>{visible(report.to)}</code>
      </h1>
      {report.roles.length === 0 ? <p>No role changed.</p> : null}
      {report.roles.map((r) => (
        <section aria-labelledby={`role-${r.id}`} class="diff">
          <h2 id={`role-${r.id}`}>
            {data.roles.has(r.id) ? <a href={href(page, rolePath(r.id))}>{visible(data.roles.get(r.id)!.def.title)}</a> : <code>{visible(r.id)}</code>}{' '}
            <span class="count">
              ({r.status}
              {r.renamed_from ? ` from ${visible(r.renamed_from)}` : ''})
            </span>
          </h2>
          {r.fields.length ? (
            <ul>
              {r.fields.map((f) => (
                <li>
                  {visible(f.name)}: {show(f.from)} → {show(f.to)}
                </li>
              ))}
            </ul>
          ) : null}
          {(Object.keys(r.sections) as Section[]).map((s) => {
            const x = r.sections[s]!;
            return (
              <>
                <h3>{SECTION_TITLES[s] ?? visible(s)}</h3>
                <ul>
                  {x.added.map((i) => (
                    <li>
                      <span class="mark">+</span> {visible(i.text)}
                    </li>
                  ))}
                  {x.changed.map((c) => (
                    <li>
                      <span class="mark">~</span>{' '}
                      {c.words.map((w, k) => (
                        <>
                          {k ? ' ' : ''}
                          {w.op === 'same' ? visible(w.text) : w.op === 'removed' ? <del>{visible(w.text)}</del> : <ins>{visible(w.text)}</ins>}
                        </>
                      ))}
                    </li>
                  ))}
                  {x.removed.map((i) => (
                    <li>
                      <span class="mark">−</span> <del>{visible(i.text)}</del>
                    </li>
                  ))}
                </ul>
              </>
            );
          })}
        </section>
      ))}
    </Layout>,
  );
}
