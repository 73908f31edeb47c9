/**
 * The career graph: roles as boxes, with the steps up each ladder, `extends`, `reports_to` and the
 * family's `next` steps as arrows. Laid out by dagre at build time and drawn as inline SVG, so the
 * page needs no script and no request to draw it.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { SiteData } from './site-data.js';
import { href, rolePath } from './paths.js';
import { visible } from './text.js';

export const EDGE_KINDS = ['level', 'extends', 'reports', 'next'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];
const EDGE_LABELS: Record<EdgeKind, string> = {
  level: 'next level in a ladder',
  extends: 'extends (inherits from)',
  reports: 'reports to',
  next: 'career next step',
};

interface GraphNode {
  id: string;
  title: string;
  grade: number | null;
  /** Site path of the node's page; null for a reference outside the data set. */
  page: string | null;
}

interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
}

const FONT = 12;
const LINE = 15;
const CHARS = 24;
const PAD = 8;
const round = (n: number) => Math.round(n * 10) / 10;

/** Breaks a title into lines of at most CHARS characters (a longer word stays whole). */
function lines(title: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of title.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + w.length > CHARS) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.length ? out : [''];
}

/** Nodes and edges of the graph of the given families (all of them by default). */
export function graphOf(data: SiteData, familyIds?: Set<string>): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const seenEdge = new Set<string>();
  const node = (id: string, familyId: string) => {
    if (nodes.has(id)) return;
    const r = data.roles.get(id);
    if (r) nodes.set(id, { id, title: r.def.title, grade: r.def.grade ?? null, page: rolePath(id) });
    else {
      const fam = data.ds.familyById.get(id);
      const ref = fam ? null : data.ds.families.find((f) => f.id === familyId)?.external.get(id);
      nodes.set(id, { id, title: fam?.title ?? ref?.title ?? id, grade: null, page: null });
    }
  };
  const edge = (from: string, to: string, kind: EdgeKind, familyId: string) => {
    const key = `${from}\n${to}\n${kind}`;
    if (from === to || seenEdge.has(key)) return;
    seenEdge.add(key);
    node(from, familyId);
    node(to, familyId);
    edges.push({ from, to, kind });
  };
  for (const fam of data.families) {
    if (familyIds && !familyIds.has(fam.def.id)) continue;
    for (const id of fam.def.roleIds) node(id, fam.def.id);
    for (const l of fam.ladders) {
      const ids = l.entries.map((e) => (e.kind === 'role' ? e.role.def.id : e.ref.id));
      for (let i = 1; i < ids.length; i++) edge(ids[i - 1], ids[i], 'level', fam.def.id);
    }
    for (const id of fam.def.roleIds) {
      const def = data.roles.get(id)!.def;
      if (def.extends !== undefined) edge(id, def.extends, 'extends', fam.def.id);
      if (def.reportsTo !== undefined) edge(id, def.reportsTo, 'reports', fam.def.id);
    }
    const tops = fam.ladders.length
      ? fam.ladders.map((l) => l.entries.at(-1)).flatMap((e) => (e?.kind === 'role' ? [e.role.def.id] : []))
      : fam.def.roleIds.slice(-1);
    for (const target of fam.def.next) for (const top of tops) edge(top, target, 'next', fam.def.id);
  }
  return { nodes: [...nodes.values()], edges };
}

/** The graph as an inline SVG figure, linking every role to its page (hrefs relative to `page`). */
export function CareerGraph(props: { data: SiteData; page: string; familyIds?: Set<string>; id: string; caption: string }) {
  const { nodes, edges } = graphOf(props.data, props.familyIds);
  if (nodes.length === 0) return null;
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 36, edgesep: 8, marginx: 4, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  const text = new Map<string, string[]>();
  for (const n of nodes) {
    const ls = lines(visible(n.title));
    if (n.grade !== null) ls.push(`grade ${n.grade}`);
    text.set(n.id, ls);
    const width = Math.max(...ls.map((l) => l.length)) * FONT * 0.6 + 2 * PAD;
    g.setNode(n.id, { width: round(width), height: ls.length * LINE + PAD });
  }
  // Every edge is laid out in the direction of a career, lower level first: `extends` points from the
  // higher level to the one it inherits from, so it is laid out reversed and its points flipped back.
  // Arrows between the same two roles (a next level that also extends the one below) are laid out as
  // one edge, the cheaper layout, and drawn side by side a few pixels apart.
  const up = (e: GraphEdge) => (e.kind === 'extends' ? [e.to, e.from] : [e.from, e.to]);
  const WEIGHT: Record<EdgeKind, number> = { level: 4, extends: 2, reports: 1, next: 1 };
  const shared = new Map<string, number>();
  const nth = edges.map((e) => {
    const [v, w] = up(e);
    const key = `${v}\n${w}`;
    const k = shared.get(key) ?? 0;
    shared.set(key, k + 1);
    const prev = g.edge(v, w) as { weight: number } | undefined;
    g.setEdge(v, w, { weight: Math.max(prev?.weight ?? 0, WEIGHT[e.kind]), minlen: 1 });
    return k;
  });
  layout(g);
  const paths = edges.map((e, i) => {
    const [v, w] = up(e);
    const dy = nth[i] * 4;
    const pts: { x: number; y: number }[] = ((g.edge(v, w) as { points?: { x: number; y: number }[] } | undefined)?.points ?? []).map((p) => ({
      x: p.x,
      y: p.y + dy,
    }));
    return e.kind === 'extends' ? pts.reverse() : pts;
  });
  // The drawing's box: nodes and edge points (an edge routed around others can leave the layout's box).
  let minX = 0;
  let minY = 0;
  let maxX = g.graph().width ?? 0;
  let maxY = g.graph().height ?? 0;
  for (const pts of paths) {
    for (const p of pts) {
      minX = Math.min(minX, p.x - 6);
      minY = Math.min(minY, p.y - 6);
      maxX = Math.max(maxX, p.x + 6);
      maxY = Math.max(maxY, p.y + 6);
    }
  }
  minX = Math.floor(minX);
  minY = Math.floor(minY);
  const width = Math.ceil(maxX - minX);
  const height = Math.ceil(maxY - minY);
  const m = `${props.id}-arrow`;
  return (
    <figure class="graph" aria-labelledby={`${props.id}-caption`}>
      <div class="scroll" tabindex={0} role="region" aria-label={props.caption}>
        <svg
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`${minX} ${minY} ${width} ${height}`}
          width={width}
          height={height}
          role="group"
          aria-label={props.caption}
        >
          <defs>
            <marker id={m} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" class="arrowhead" />
            </marker>
          </defs>
          {edges.map((e, i) => {
            const d = paths[i].map((p, k) => `${k ? 'L' : 'M'}${round(p.x)},${round(p.y)}`).join(' ');
            return <path d={d} class={`edge edge-${e.kind}`} marker-end={`url(#${m})`} />;
          })}
          {nodes.map((n) => {
            const p = g.node(n.id);
            const ls = text.get(n.id)!;
            const x = round(p.x - p.width / 2);
            const y = round(p.y - p.height / 2);
            const box = (
              <>
                <rect x={x} y={y} width={p.width} height={p.height} rx="4" class={n.page ? 'node' : 'node node-ref'} />
                <text x={round(p.x)} y={round(y + PAD / 2 + FONT)} text-anchor="middle">
                  {ls.map((l, k) => (
                    <tspan x={round(p.x)} dy={k ? LINE : 0} class={n.grade !== null && k === ls.length - 1 ? 'node-grade' : undefined}>
                      {l}
                    </tspan>
                  ))}
                </text>
              </>
            );
            return n.page ? <a href={href(props.page, n.page)}>{box}</a> : <g>{box}</g>;
          })}
        </svg>
      </div>
      <figcaption id={`${props.id}-caption`}>
        {props.caption}. Arrows:{' '}
        {EDGE_KINDS.filter((k) => edges.some((e) => e.kind === k)).map((k, i) => (
          <>
            {i ? ', ' : ''}
            <span class="legend">
              <svg width="28" height="8" viewBox="0 0 28 8" aria-hidden="true">
                <path d="M0,4 L28,4" class={`edge edge-${k}`} />
              </svg>{' '}
              {EDGE_LABELS[k]}
            </span>
          </>
        ))}
        ; boxes with a dashed border are outside this data set.
      </figcaption>
    </figure>
  );
}
