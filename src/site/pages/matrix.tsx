/** The level matrix of a ladder: the top level's items by section, one column per level. */
import { SECTIONS, SECTION_TITLES } from '../../core/model.js';
import type { Markdown } from '../markdown.js';
import { comparePath, familyPath, href, matrixPath, rolePath } from '../paths.js';
import { matrixRows, type CellState, type SiteLadder } from '../site-data.js';
import { visible } from '../text.js';
import { JumpSize, Layout, Md, renderPage, type PageContext } from './layout.js';

const CELL_TEXT: Record<CellState, string> = { absent: '', introduced: 'new', inherited: 'inherited', changed: 'changed' };

export function matrixPage(ctx: PageContext, ladder: SiteLadder, md: Markdown): string {
  const page = matrixPath(ladder.family.id, ladder.ladder.id);
  const levels = ladder.levels;
  const top = levels.at(-1);
  const rows = matrixRows(ladder);
  const title = `${ladder.ladder.title}: level matrix`;
  return renderPage(
    <Layout ctx={ctx} path={page} title={title} crumbs={[{ title: ladder.family.title, path: familyPath(ladder.family.id) }]} wide>
      <h1>{visible(title)}</h1>
      <p class="lead">
        Rows: every item of the top level
        {top ? (
          <>
            {' '}
            (<a href={href(page, rolePath(top.def.id))}>{visible(top.def.title)}</a>)
          </>
        ) : null}{' '}
        by section, then the items of lower levels that do not reach it. Columns: the levels. A cell says whether the item is <strong>new</strong> at that level
        (or there from the first level), <strong>inherited</strong> unchanged from the level below, <strong>changed</strong> from it (a link to the change), or
        absent (an empty cell). Under each level, the size of the step up to it.
      </p>
      <div class="scroll" tabindex={0} role="region" aria-label={`Matrix of ${visible(ladder.ladder.title)}`}>
        <table class="matrix">
          <thead>
            <tr>
              <th scope="col">Item</th>
              {levels.map((l, k) => (
                <th scope="col">
                  <a href={href(page, rolePath(l.def.id))}>{visible(l.def.title)}</a>
                  {l.def.grade !== undefined ? <span class="grade">grade {l.def.grade}</span> : null}
                  {k > 0 ? (
                    <a class="step" href={href(page, comparePath(levels[k - 1].def.id, l.def.id))}>
                      <JumpSize jump={ladder.steps[k - 1].jump} compact />
                    </a>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          {SECTIONS.map((s) => {
            const mine = rows.filter((r) => r.section === s);
            if (mine.length === 0) return null;
            return (
              <tbody>
                <tr class="section">
                  <th scope="colgroup" colSpan={levels.length + 1}>
                    {SECTION_TITLES[s]} ({mine.length})
                  </th>
                </tr>
                {mine.map((row) => (
                  <tr>
                    <th scope="row">
                      <Md md={md} text={row.item.text} />
                    </th>
                    {row.cells.map((c, k) => {
                      // An absent cell is left empty: large ladders have thousands of them.
                      if (c.state === 'absent') return <td />;
                      const label = CELL_TEXT[c.state];
                      const target =
                        c.item && k > 0 && c.state === 'changed'
                          ? href(page, comparePath(levels[k - 1].def.id, levels[k].def.id), levels[k].anchors.get(c.item))
                          : null;
                      return <td data-state={c.state}>{target ? <a href={target}>{label}</a> : label}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
    </Layout>,
  );
}
