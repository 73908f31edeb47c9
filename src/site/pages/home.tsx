/** Home and family pages: every family and ladder, each ladder as a row of levels with the size of each step. */
import { CareerGraph } from '../graph.js';
import type { Markdown } from '../markdown.js';
import { comparePath, familyPath, homePath, href, matrixPath, rolePath } from '../paths.js';
import type { SiteData, SiteFamily, SiteLadder, SiteRole } from '../site-data.js';
import { plural, visible } from '../text.js';
import { JumpSize, Layout, Md, renderPage, type PageContext } from './layout.js';
import { RoleLink } from './role.js';

/** The home page draws the whole data set's graph up to this many roles; beyond, each family page has its own. */
export const HOME_GRAPH_MAX_ROLES = 60;

function Level(props: { page: string; role: SiteRole }) {
  const d = props.role.def;
  return (
    <span class="level">
      <a href={href(props.page, rolePath(d.id))}>{visible(d.title)}</a>
      {d.grade !== undefined ? <small>grade {d.grade}</small> : null}
    </span>
  );
}

/** One ladder as a row of levels, with the jump size of every step between them. */
export function LadderRow(props: { data: SiteData; page: string; ladder: SiteLadder; only: boolean; linkSteps: boolean }) {
  const { ladder, page } = props;
  let step = -1;
  const matrix = ladder.levels.length ? (
    <a class="matrix-link" href={href(page, matrixPath(ladder.family.id, ladder.ladder.id))}>
      level matrix
    </a>
  ) : null;
  return (
    <div class="ladder" data-filter>
      {/* The one ladder a family without declared ladders gets is named like the family: no second heading. */}
      {props.only && !ladder.ladder.declared ? (
        <p>{matrix}</p>
      ) : (
        <h3>
          {visible(ladder.ladder.title)} {matrix}
        </h3>
      )}
      <ol class="levels-row">
        {ladder.entries.map((e) => {
          if (e.kind === 'ref') {
            return (
              <li class="level ref">
                <RoleLink data={props.data} page={page} id={e.ref.id} /> <span class="note">(outside this data set)</span>
              </li>
            );
          }
          step++;
          const s = step > 0 ? ladder.steps[step - 1] : null;
          return (
            <li>
              {s && props.linkSteps ? (
                <a class="step" href={href(page, comparePath(s.from.def.id, s.to.def.id))}>
                  <JumpSize jump={s.jump} compact />
                </a>
              ) : s ? (
                <span class="step">
                  <JumpSize jump={s.jump} compact />
                </span>
              ) : null}
              <Level page={page} role={e.role} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The home page shows each step's size; the family page also links it to its compare page (home stays small on large data sets). */
function FamilyBlock(props: { data: SiteData; page: string; fam: SiteFamily; heading: 'h2' | 'none' }) {
  const { fam, page } = props;
  return (
    <>
      {props.heading === 'h2' ? (
        <h2 id={`family-${fam.def.id}`}>
          <a href={href(page, familyPath(fam.def.id))}>{visible(fam.def.title)}</a>
        </h2>
      ) : null}
      {fam.ladders.map((l) => (
        <LadderRow data={props.data} page={page} ladder={l} only={fam.ladders.length === 1} linkSteps={props.heading === 'none'} />
      ))}
      {fam.unladdered.length ? (
        <div class="ladder" data-filter>
          <h3>Not on a ladder</h3>
          <ul class="levels-row">
            {fam.unladdered.map((r) => (
              <li>
                <Level page={page} role={r} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

export function homePage(ctx: PageContext, data: SiteData, changes: { from: string; to: string } | null = null): string {
  const page = homePath();
  const roleCount = data.roles.size;
  return renderPage(
    <Layout ctx={ctx} path={page} title={ctx.siteTitle} script>
      <h1>{visible(ctx.siteTitle)}</h1>
      <p class="lead">
        {plural(data.families.length, 'job family', 'job families')}, {plural(data.ladders.length, 'ladder')}, {plural(roleCount, 'role')}. Each ladder runs
        from its first level to its last; between two levels, the size of the step: items new or changed at that level against all its items.
      </p>
      {changes ? (
        <p>
          <a href="changes.html">What changed</a> from {visible(changes.from)} to {visible(changes.to)}.
        </p>
      ) : null}
      <p class="filter" hidden>
        <label for="filter">Filter roles and ladders</label> <input id="filter" type="search" autocomplete="off" />
      </p>
      {data.families.map((fam) => (
        <section class="family" data-family>
          <FamilyBlock data={data} page={page} fam={fam} heading="h2" />
        </section>
      ))}
      <section aria-labelledby="graph">
        <h2 id="graph">Career graph</h2>
        {roleCount <= HOME_GRAPH_MAX_ROLES ? (
          <CareerGraph data={data} page={page} id="graph-all" caption="Every role of the data set" />
        ) : (
          <p>The data set has {roleCount} roles: each family page shows the graph of its own roles.</p>
        )}
      </section>
    </Layout>,
  );
}

export function familyPage(ctx: PageContext, data: SiteData, fam: SiteFamily, md: Markdown): string {
  const page = familyPath(fam.def.id);
  const f = fam.def;
  return renderPage(
    <Layout ctx={ctx} path={page} title={f.title}>
      <h1>{visible(f.title)}</h1>
      {f.source ? (
        <p class="source">
          Source: <Md md={md} text={`<${f.source}>`} />
        </p>
      ) : null}
      {f.summary ? <Md md={md} text={f.summary} block class="prose" /> : null}
      <section aria-labelledby="ladders">
        <h2 id="ladders">Ladders</h2>
        <FamilyBlock data={data} page={page} fam={fam} heading="none" />
      </section>
      {f.specialties.length ? (
        <section aria-labelledby="specialties">
          <h2 id="specialties">Specialties</h2>
          <dl>
            {f.specialties.map((s) => (
              <>
                <dt>{visible(s.title)}</dt>
                <dd>{s.summary ? <Md md={md} text={s.summary} block class="prose" /> : <code>{s.id}</code>}</dd>
              </>
            ))}
          </dl>
        </section>
      ) : null}
      {f.careerLadder || f.next.length ? (
        <section aria-labelledby="next-steps">
          <h2 id="next-steps">Career ladder</h2>
          {f.careerLadder ? <Md md={md} text={f.careerLadder} block class="prose" /> : null}
          {f.next.length ? (
            <ul>
              {f.next.map((id) => (
                <li>
                  <RoleLink data={data} page={page} id={id} />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="graph">
        <h2 id="graph">Career graph</h2>
        <CareerGraph data={data} page={page} familyIds={new Set([f.id])} id="graph-family" caption={`Roles of ${visible(f.title)}`} />
      </section>
      {f.hiringProcess?.length ? (
        <section aria-labelledby="hiring">
          <h2 id="hiring">Hiring process</h2>
          <ol>
            {f.hiringProcess.map((s) => (
              <li>
                <Md md={md} text={s} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </Layout>,
  );
}
