/** A compare page: `ladder diff` of two levels as a page, word changes marked without colour. */
import { SECTIONS, SECTION_TITLES } from '../../core/model.js';
import type { ItemChange, RoleDiff } from '../../core/diff/index.js';
import { deltaText } from '../../render/diff.js';
import type { Markdown } from '../markdown.js';
import { comparePath, familyPath, href, matrixPath, rolePath } from '../paths.js';
import { jumpOf, type SiteLadder, type SiteRole } from '../site-data.js';
import { plural, visible } from '../text.js';
import { JumpSize, Layout, Md, renderPage, type PageContext } from './layout.js';

const FIELD_LABELS: Record<string, string> = { title: 'Title', family: 'Family', ladder: 'Ladder', level: 'Level', grade: 'Grade', reports_to: 'Reports to' };
const value = (v: string | number | null) => (v === null ? 'none' : visible(String(v)));

function Words(props: { change: ItemChange }) {
  return (
    <span class="words">
      {props.change.words.map((w, k) => (
        <>
          {k ? ' ' : ''}
          {w.op === 'same' ? (
            visible(w.text)
          ) : w.op === 'removed' ? (
            <del>
              <span class="vh">[removed: </span>
              {visible(w.text)}
              <span class="vh">]</span>
            </del>
          ) : (
            <ins>
              <span class="vh">[added: </span>
              {visible(w.text)}
              <span class="vh">]</span>
            </ins>
          )}
        </>
      ))}
    </span>
  );
}

export function comparePage(ctx: PageContext, ladder: SiteLadder, from: SiteRole, to: SiteRole, d: RoleDiff, md: Markdown): string {
  const page = comparePath(from.def.id, to.def.id);
  const title = `${from.def.title} → ${to.def.title}`;
  const i = ladder.levels.indexOf(from);
  const j = ladder.levels.indexOf(to);
  const jump = jumpOf(d);
  return renderPage(
    <Layout
      ctx={ctx}
      path={page}
      title={title}
      crumbs={[
        { title: ladder.family.title, path: familyPath(ladder.family.id) },
        { title: ladder.ladder.title, path: matrixPath(ladder.family.id, ladder.ladder.id) },
      ]}
    >
      <h1>
        <a href={href(page, rolePath(from.def.id))}>{visible(from.def.title)}</a> → <a href={href(page, rolePath(to.def.id))}>{visible(to.def.title)}</a>
      </h1>
      <p class="lead">
        {j - i === 1 ? 'One step' : `${j - i} steps`} up the {visible(ladder.ladder.title)} ladder: <JumpSize jump={jump} />. Removed words are struck through,
        added words underlined.
      </p>
      {j - i > 1 ? (
        <p>
          Step by step:{' '}
          {ladder.steps.slice(i, j).map((s, k) => (
            <>
              {k ? ', ' : ''}
              <a href={href(page, comparePath(s.from.def.id, s.to.def.id))}>
                {visible(s.to.def.title)} (<JumpSize jump={s.jump} compact />)
              </a>
            </>
          ))}
        </p>
      ) : null}
      {d.fields.length ? (
        <table class="fields">
          <caption>Fields that change</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">{visible(from.def.title)}</th>
              <th scope="col">{visible(to.def.title)}</th>
            </tr>
          </thead>
          <tbody>
            {d.fields.map((f) => (
              <tr>
                <th scope="row">{FIELD_LABELS[f.field] ?? f.field}</th>
                <td>{value(f.from)}</td>
                <td>{value(f.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {SECTIONS.map((s) => {
        const x = d.sections[s];
        if (x.added.length + x.changed.length + x.removed.length + x.unchanged.length === 0) return null;
        const counts = [
          x.added.length && `${x.added.length} added`,
          x.changed.length && `${x.changed.length} changed`,
          x.removed.length && `${x.removed.length} removed`,
          x.unchanged.length && `${x.unchanged.length} unchanged`,
        ]
          .filter(Boolean)
          .join(', ');
        return (
          <section aria-labelledby={s} class="diff">
            <h2 id={s}>
              {SECTION_TITLES[s]} <span class="count">({counts})</span>
            </h2>
            {x.added.length ? (
              <>
                <h3>Added</h3>
                <ul class="added">
                  {x.added.map((item) => (
                    <li id={to.anchors.get(item)}>
                      <span class="mark" aria-hidden="true">
                        +
                      </span>{' '}
                      <Md md={md} text={item.text} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {x.changed.length ? (
              <>
                <h3>Changed</h3>
                <ul class="changed">
                  {x.changed.map((c) => (
                    <li id={to.anchors.get(c.to)}>
                      <span class="mark" aria-hidden="true">
                        ~
                      </span>{' '}
                      <Words change={c} />
                      {c.deltas.length ? <span class="deltas">{c.deltas.map(deltaText).map(visible).join('; ')}</span> : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {x.removed.length ? (
              <>
                <h3>Removed</h3>
                <ul class="removed">
                  {x.removed.map((item) => (
                    <li id={`removed-${from.anchors.get(item)}`}>
                      <span class="mark" aria-hidden="true">
                        −
                      </span>{' '}
                      <Md md={md} text={item.text} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {x.unchanged.length ? (
              <p class="unchanged">
                {plural(x.unchanged.length, 'item')} unchanged (listed on the page of <a href={href(page, rolePath(to.def.id), s)}>{visible(to.def.title)}</a>).
              </p>
            ) : null}
          </section>
        );
      })}
    </Layout>,
  );
}
