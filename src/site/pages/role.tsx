/** A role page: the resolved view of `show`, item by item with its origin and a permalink anchor. */
import { SECTIONS, SECTION_TITLES } from '../../core/model.js';
import type { ResolvedItem } from '../../core/resolve.js';
import { sectionItems } from '../../core/show.js';
import type { Markdown } from '../markdown.js';
import { comparePath, familyPath, href, matrixPath, rolePath } from '../paths.js';
import type { SiteData, SiteLadder, SiteRole } from '../site-data.js';
import { visible } from '../text.js';
import { JumpSize, Layout, Md, renderPage, type PageContext } from './layout.js';

/** own / replaced / inherited, as the terminal's `show` tells them apart (from and overrides). */
export function originKind(item: ResolvedItem, roleId: string): 'own' | 'replaced' | 'inherited' {
  if (item.from !== roleId) return 'inherited';
  return item.overrides ? 'replaced' : 'own';
}

/** A link to the page of a role, or the plain id of a family or an outside reference. */
export function RoleLink(props: { data: SiteData; page: string; id: string; anchor?: string }) {
  const r = props.data.roles.get(props.id);
  if (r) return <a href={href(props.page, rolePath(props.id), props.anchor)}>{visible(r.def.title)}</a>;
  const fam = props.data.ds.familyById.get(props.id);
  if (fam) return <a href={href(props.page, familyPath(fam.id))}>{visible(fam.title)}</a>;
  // A family-wide item (`from` is the family id), a specialty (`family/specialty`) or an outside reference.
  return <code>{visible(props.id)}</code>;
}

function Origin(props: { data: SiteData; page: string; item: ResolvedItem; roleId: string; anchor: string }) {
  const { item, data, page } = props;
  const kind = originKind(item, props.roleId);
  const link = (id: string) => <RoleLink data={data} page={page} id={id} anchor={data.roles.has(id) ? props.anchor : undefined} />;
  if (kind === 'own') return <span class="origin origin-own">own</span>;
  if (kind === 'replaced') return <span class="origin origin-replaced">replaces the item of {link(item.overrides!)}</span>;
  return (
    <span class="origin origin-inherited">
      inherited from {link(item.from)}
      {item.overrides ? <> (which replaced the item of {link(item.overrides)})</> : null}
    </span>
  );
}

function LadderNav(props: { data: SiteData; page: string; role: SiteRole; ladder: SiteLadder }) {
  const { ladder, role, page } = props;
  const i = ladder.levels.indexOf(role);
  const prev = ladder.levels[i - 1];
  const next = ladder.levels[i + 1];
  return (
    <nav class="levels" aria-label={`Levels of ${visible(ladder.ladder.title)}`}>
      <p>
        Ladder <strong>{visible(ladder.ladder.title)}</strong>, level {i + 1} of {ladder.levels.length} ·{' '}
        <a href={href(page, matrixPath(ladder.family.id, ladder.ladder.id))}>level matrix</a>
      </p>
      <ul class="prevnext">
        {prev ? (
          <li class="prev">
            ← Previous level: <a href={href(page, rolePath(prev.def.id))}>{visible(prev.def.title)}</a> (
            <a href={href(page, comparePath(prev.def.id, role.def.id))}>what changes at this step</a>: <JumpSize jump={ladder.steps[i - 1].jump} compact />)
          </li>
        ) : null}
        {next ? (
          <li class="next">
            Next level: <a href={href(page, rolePath(next.def.id))}>{visible(next.def.title)}</a> → (
            <a href={href(page, comparePath(role.def.id, next.def.id))}>what changes at the next step</a>: <JumpSize jump={ladder.steps[i].jump} compact />)
          </li>
        ) : null}
      </ul>
      {ladder.levels.length > 2 ? (
        <p class="compare-all">
          Compare with:{' '}
          {ladder.levels
            .filter((l) => l !== role)
            .map((l, k) => {
              const j = ladder.levels.indexOf(l);
              return (
                <>
                  {k ? ', ' : ''}
                  <a href={href(page, j < i ? comparePath(l.def.id, role.def.id) : comparePath(role.def.id, l.def.id))}>{visible(l.def.title)}</a>
                </>
              );
            })}
        </p>
      ) : null}
    </nav>
  );
}

export function rolePage(ctx: PageContext, data: SiteData, role: SiteRole, mdFor: (source?: string) => Markdown): string {
  const page = rolePath(role.def.id);
  const r = role.resolved;
  const md = mdFor(r.family.source);
  const ladders = data.laddersOf.get(role.def.id) ?? [];
  const hiring = r.role.hiringProcess ?? r.family.hiringProcess;
  const crumbs = [{ title: r.family.title, path: familyPath(r.family.id) }];
  if (ladders[0]) crumbs.push({ title: ladders[0].ladder.title, path: matrixPath(r.family.id, ladders[0].ladder.id) });
  const lastOfLadder = ladders.some((l) => l.levels.at(-1) === role);
  return renderPage(
    <Layout ctx={ctx} path={page} title={r.role.title} crumbs={crumbs}>
      <h1>{visible(r.role.title)}</h1>
      <dl class="facts">
        <dt>Family</dt>
        <dd>
          <a href={href(page, familyPath(r.family.id))}>{visible(r.family.title)}</a>
        </dd>
        {r.role.level ? (
          <>
            <dt>Level</dt>
            <dd>{visible(r.role.level)}</dd>
          </>
        ) : null}
        {r.role.grade !== undefined ? (
          <>
            <dt>Grade</dt>
            <dd>{r.role.grade}</dd>
          </>
        ) : null}
        {r.reportsTo ? (
          <>
            <dt>Reports to</dt>
            <dd>
              {r.reportsTo.external ? <>{visible(r.reportsTo.title)} (outside this data set)</> : <RoleLink data={data} page={page} id={r.reportsTo.id} />}
            </dd>
          </>
        ) : null}
        {r.extends.length ? (
          <>
            <dt>Extends</dt>
            <dd>
              {r.extends.map((id, k) => (
                <>
                  {k ? ' → ' : ''}
                  <RoleLink data={data} page={page} id={id} />
                </>
              ))}
              {r.externalParent ? ' (outside this data set: its items are not shown)' : null}
            </dd>
          </>
        ) : null}
        <dt>Id</dt>
        <dd>
          <code>{r.role.id}</code>
        </dd>
      </dl>
      {ladders.map((l) => (
        <LadderNav data={data} page={page} role={role} ladder={l} />
      ))}
      {r.role.summary ? (
        <section aria-labelledby="summary">
          <h2 id="summary">Summary</h2>
          <Md md={md} text={r.role.summary} block class="prose" />
        </section>
      ) : null}
      {SECTIONS.map((s) => {
        const items = sectionItems(r, s, false);
        if (items.length === 0) return null;
        const own = items.filter((i) => i.from === r.role.id).length;
        return (
          <section aria-labelledby={s} class="items">
            <h2 id={s}>
              {SECTION_TITLES[s]}{' '}
              <span class="count">
                ({items.length}: {own} own, {items.length - own} inherited)
              </span>
            </h2>
            <ol>
              {items.map((item, n) => {
                const anchor = role.anchors.get(item)!;
                // The item's number is its permalink (a link to its own anchor, to copy into a review).
                return (
                  <li id={anchor} data-origin={originKind(item, r.role.id)}>
                    <a class="permalink" href={`#${anchor}`}>
                      {n + 1}.
                    </a>{' '}
                    <Md md={md} text={item.text} class="text" /> <Origin data={data} page={page} item={item} roleId={r.role.id} anchor={anchor} />
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
      {hiring?.length ? (
        <section aria-labelledby="hiring">
          <h2 id="hiring">Hiring process</h2>
          <ol class="hiring">
            {hiring.map((step) => (
              <li>
                <Md md={md} text={step} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {lastOfLadder && (r.family.next.length || r.family.careerLadder) ? (
        <section aria-labelledby="next-steps">
          <h2 id="next-steps">Next steps</h2>
          {r.family.careerLadder ? <Md md={md} text={r.family.careerLadder} block class="prose" /> : null}
          {r.family.next.length ? (
            <ul>
              {r.family.next.map((id) => (
                <li>
                  <RoleLink data={data} page={page} id={id} />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </Layout>,
  );
}
