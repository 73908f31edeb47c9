/** Renders a resolved role (`show`) as a table, markdown or JSON. Pure: data in, string out. */
import { prose } from '../handbook/neutralise.js';
import { SECTIONS, SECTION_TITLES } from '../core/model.js';
import type { ResolvedItem, ResolvedRole } from '../core/resolve.js';
import { sectionItems, showJson } from '../core/show.js';
import type { Paint } from './paint.js';
import { labelled, printable, printableLine, renderTable, wrapProse } from './table.js';
import { cell } from './list.js';
import { pushAll } from '../core/arrays.js';

/** Where an item comes from, as people read it: empty for the role's own items. */
export function origin(item: ResolvedItem, roleId: string): string {
  if (item.from === roleId) return item.overrides ? `replaces ${item.overrides}` : '';
  return item.overrides ? `${item.from} (replaces ${item.overrides})` : item.from;
}

function header(r: ResolvedRole): [string, string][] {
  const rows: [string, string][] = [
    ['id', r.role.id],
    ['family', `${r.family.title} (${r.family.id})`],
  ];
  if (r.ladder) rows.push(['ladder', r.ladder.declared ? `${r.ladder.title} (${r.ladder.id})` : r.ladder.title]);
  if (r.role.level) rows.push(['level', r.role.level]);
  if (r.role.grade !== undefined) rows.push(['grade', String(r.role.grade)]);
  if (r.reportsTo) rows.push(['reports to', `${r.reportsTo.title} (${r.reportsTo.id}${r.reportsTo.external ? ', external' : ''})`]);
  if (r.extends.length) rows.push(['extends', r.extends.join(' → ') + (r.externalParent ? ' (external: items unknown)' : '')]);
  if (r.specialty) rows.push(['specialty', `${r.specialty.title} (${r.specialty.id})`]);
  return rows;
}

export function showTable(r: ResolvedRole, own: boolean, paint: Paint, width: number, ids = false): string {
  const out: string[] = wrapProse(printableLine(r.role.title), width)
    .split('\n')
    .map((l) => paint.bold(l));
  for (const [k, v] of header(r)) pushAll(out, labelled(`  ${paint.dim(k.padEnd(11))}`, printableLine(v), width, 13));
  if (r.role.summary) out.push('', wrap(printable(r.role.summary), width));
  for (const s of SECTIONS) {
    const items = sectionItems(r, s, own);
    if (items.length === 0) continue;
    const inherited = items.filter((i) => i.from !== r.role.id).length;
    const counts = own ? `${items.length}` : `${items.length}: ${items.length - inherited} own, ${inherited} inherited`;
    const title = SECTION_TITLES[s];
    // The counts go on their own line when the heading would not fit.
    out.push('');
    pushAll(
      out,
      title.length + counts.length + 3 <= width ? [`${paint.bold(title)} ${paint.dim(`(${counts})`)}`] : [paint.bold(title), paint.dim(`(${counts})`)],
    );
    const rows = items.map((i, n) => {
      const from = origin(i, r.role.id);
      const text = i.from === r.role.id ? i.text : paint.dim(i.text);
      const row = [String(n + 1), text, i.overrides ? paint.yellow(from) : paint.cyan(from)];
      // Item ids (what profiles give evidence by, and overrides and `remove` name): `-` for none.
      if (ids) row.splice(1, 0, i.id ?? '-');
      return row;
    });
    out.push(renderTable({ head: ids ? ['#', 'id', 'item', 'from'] : ['#', 'item', 'from'], rows, width, flex: ids ? 2 : 1 }));
  }
  return out.join('\n') + '\n';
}

export function showMarkdown(r: ResolvedRole, own: boolean, ids = false): string {
  const out: string[] = [`# ${cell(r.role.title)}`, ''];
  for (const [k, v] of header(r)) out.push(`- **${k}**: ${cell(v)}`);
  if (r.role.summary) out.push('', prose(r.role.summary));
  for (const s of SECTIONS) {
    const items = sectionItems(r, s, own);
    if (items.length === 0) continue;
    out.push('', `## ${SECTION_TITLES[s]}`, '');
    for (const i of items) {
      const from = origin(i, r.role.id);
      out.push(`- ${ids && i.id ? `\`${i.id}\` ` : ''}${cell(i.text)}${from ? ` _(${i.from === r.role.id ? from : `from ${from}`})_` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

export function showJsonText(r: ResolvedRole, own: boolean): string {
  return JSON.stringify(showJson(r, own), null, 2) + '\n';
}

/** Wraps prose to a width, keeping paragraphs; a word breaks only after a hyphen, or when longer than the width. */
export const wrap = wrapProse;
