/** Renders the `list` view as a table, markdown or JSON. Pure: data in, string out. */
import { inline } from '../handbook/neutralise.js';
import type { FamilyEntry, LevelEntry } from '../core/list.js';
import type { Paint } from './paint.js';
import { printableLine, renderTable, wrapText } from './table.js';
import { pushAll } from '../core/arrays.js';

const grade = (g: number | null) => (g === null ? '' : String(g));
const reports = (l: LevelEntry) => (l.reports_to ? `${l.reports_to.id}${l.reports_to.external ? ' (external)' : ''}` : '');

export function listTable(families: FamilyEntry[], paint: Paint, width: number): string {
  const out: string[] = [];
  for (const fam of families) {
    pushAll(out, headline(printableLine(fam.title), `(${fam.id})`, width, '', paint));
    const groups = [...fam.ladders.map((l) => ({ title: `${l.title} (${l.id})`, levels: l.levels }))];
    if (fam.unladdered.length) groups.push({ title: 'not on a ladder', levels: fam.unladdered });
    for (const g of groups) {
      pushAll(
        out,
        wrapText(printableLine(g.title), width - 2).map((l) => `  ${paint.cyan(l)}`),
      );
      const rows = g.levels.map((l) => [l.id, l.title, grade(l.grade), reports(l)]);
      out.push(indent(renderTable({ head: ['id', 'title', 'grade', 'reports to'], rows, width: width - 4 }), '    '));
    }
    out.push('');
  }
  return out.join('\n');
}

/** A bold title and a dim `(id)` after it, wrapped to the width. */
function headline(title: string, id: string, width: number, pad: string, paint: Paint): string[] {
  const lines = wrapText(`${title} ${id}`, width - pad.length);
  const last = lines.length - 1;
  return lines.map((l, i) => {
    if (i !== last || !l.endsWith(id)) return pad + paint.bold(l);
    const head = l.slice(0, l.length - id.length);
    return pad + (head ? paint.bold(head.trimEnd()) + ' ' : '') + paint.dim(id);
  });
}

export function listMarkdown(families: FamilyEntry[]): string {
  const out: string[] = [];
  for (const fam of families) {
    out.push(`## ${fam.title} (\`${fam.id}\`)`, '');
    const groups = [...fam.ladders.map((l) => ({ title: `${l.title} (\`${l.id}\`)`, levels: l.levels }))];
    if (fam.unladdered.length) groups.push({ title: 'Not on a ladder', levels: fam.unladdered });
    for (const g of groups) {
      out.push(`### ${g.title}`, '', '| id | title | grade | reports to |', '|---|---|---|---|');
      for (const l of g.levels)
        out.push(
          `| \`${l.id}\` | ${cell(l.title)} | ${grade(l.grade)} | ${l.reports_to ? cell(`${l.reports_to.title}${l.reports_to.external ? ' (external)' : ''}`) : ''} |`,
        );
      out.push('');
    }
  }
  return out.join('\n');
}

export function listJson(families: FamilyEntry[]): string {
  return JSON.stringify(families, null, 2) + '\n';
}

/** Data text in a markdown table cell or list item: one line, no HTML, no block syntax, no control characters. */
export const cell = (s: string) => inline(s).replace(/\|/g, '\\|');
export const indent = (s: string, pad: string) =>
  s
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
