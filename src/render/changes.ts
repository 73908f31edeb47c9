/**
 * Renders a `changes` report as a terminal listing, markdown (for a merge-request description) or
 * JSON. Pure: data in, string out. Every change reads without colour: changed words are marked
 * `[-old-]{+new+}` in the listing with colour off, `~~old~~ **new**` in markdown.
 */
import { SECTIONS, SECTION_TITLES, type Section } from '../core/model.js';
import type { ResolvedItem } from '../core/resolve.js';
import type { WordChange } from '../core/diff/words.js';
import { changesJson, type ChangesReport, type FieldChange, type RoleChange, type SectionChanges } from '../core/changes/index.js';
import { deltaText } from './diff.js';
import type { Paint } from './paint.js';
import { printable } from './table.js';
import { pushAll } from '../core/arrays.js';

const FIELD_LABELS: Record<FieldChange['name'], string> = {
  title: 'title',
  family: 'family',
  ladder: 'ladder',
  level: 'level',
  grade: 'grade',
  reports_to: 'reports to',
  extends: 'extends',
  summary: 'summary',
};

const STATUS_TEXT: Record<RoleChange['status'], string> = { added: 'added', removed: 'removed', renamed: 'renamed', changed: 'changed' };

const none = (v: unknown) => (v === null || v === undefined ? 'none' : String(v));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 roles: 1 added, 2 changed" */
function summaryLine(r: ChangesReport): string {
  if (r.roles.length === 0) return 'No changes.';
  const counts = (['added', 'removed', 'renamed', 'changed'] as const)
    .map((s) => [s, r.roles.filter((x) => x.status === s).length] as const)
    .filter(([, n]) => n > 0);
  if (counts.length === 1) return `${plural(r.roles.length, 'role')} ${counts[0][0]}.`;
  return `${plural(r.roles.length, 'role')}: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}.`;
}

/** Where an item was written, when not by the role itself. */
const via = (role: RoleChange, item: ResolvedItem) => (item.from === role.id ? null : item.from);

/**
 * The items to list one by one, and the rest counted per origin: a new (or removed) role's inherited
 * items are its parent's, unchanged, and would bury its own under them. Other roles list everything.
 */
function listed(role: RoleChange, items: ResolvedItem[]): { items: ResolvedItem[]; inherited: [string, number][] } {
  if (role.status !== 'added' && role.status !== 'removed') return { items, inherited: [] };
  const counts = new Map<string, number>();
  for (const i of items) if (i.from !== role.id) counts.set(i.from, (counts.get(i.from) ?? 0) + 1);
  return { items: items.filter((i) => i.from === role.id), inherited: [...counts] };
}

const inheritedText = ([from, n]: [string, number], role: RoleChange) =>
  `${n} inherited item${n === 1 ? '' : 's'} via ${from}${role.status === 'removed' ? ' (gone with the role)' : ''}`;

const sectionsOf = (role: RoleChange) => SECTIONS.filter((s) => role.sections[s]).map((s) => [s, role.sections[s]!] as [Section, SectionChanges]);

// ---------------------------------------------------------------------------------------------
// Terminal listing

export interface ChangesTableOptions {
  paint: Paint;
  /** With colour off, changed words are marked [-old-]{+new+} so the change stays visible. */
  color: boolean;
  width: number;
}

/** Greedy wrap of words (already made printable; `visible` excludes colour codes). */
function wrap(words: { text: string; visible: number }[], width: number, first: string, firstVisible: number, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let len = firstVisible;
  let empty = true;
  for (const w of words) {
    if (!empty && len + 1 + w.visible > width) {
      lines.push(line);
      line = rest + w.text;
      len = rest.length + w.visible;
    } else {
      line += (empty ? '' : ' ') + w.text;
      len += (empty ? 0 : 1) + w.visible;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

const words = (text: string, style: (s: string) => string = (s) => s) =>
  printable(text)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ({ text: style(w), visible: w.length }));

function changeWords(ws: WordChange[], o: ChangesTableOptions): { text: string; visible: number }[] {
  const out: { text: string; visible: number }[] = [];
  for (const w of ws) {
    if (w.op === 'same' || o.color) {
      pushAll(out, words(w.text, w.op === 'removed' ? o.paint.red : w.op === 'added' ? o.paint.green : undefined));
      continue;
    }
    const [open, close] = w.op === 'removed' ? ['[-', '-]'] : ['{+', '+}'];
    const run = words(w.text);
    if (!run.length) continue;
    run[0] = { text: open + run[0].text, visible: run[0].visible + 2 };
    run[run.length - 1] = { text: run[run.length - 1].text + close, visible: run[run.length - 1].visible + 2 };
    pushAll(out, run);
  }
  return out;
}

export function changesTable(r: ChangesReport, o: ChangesTableOptions): string {
  const { paint, width } = o;
  const out: string[] = [...wrap(words(`Changes from ${r.from} to ${r.to}: ${summaryLine(r)}`, paint.bold), width, '', 0, '  ')];
  const note = (texts: string[]) => (texts.length ? words(`(${texts.join('; ')})`, paint.dim) : []);
  for (const role of r.roles) {
    out.push('');
    const head = [
      ...words(role.title, paint.bold),
      ...words(`(${role.id}, ${STATUS_TEXT[role.status]}${role.renamedFrom ? ` from ${role.renamedFrom}` : ''})`, paint.dim),
    ];
    pushAll(out, wrap(head, width, '', 0, '  '));
    for (const f of role.fields) {
      const label = FIELD_LABELS[f.name].padEnd(11);
      pushAll(
        out,
        wrap(
          [...words(none(f.from), paint.red), { text: '→', visible: 1 }, ...words(none(f.to), paint.green)],
          width,
          `  ${paint.dim(label)}`,
          2 + label.length,
          ' '.repeat(14),
        ),
      );
    }
    for (const [s, x] of sectionsOf(role)) {
      out.push(`  ${paint.bold(SECTION_TITLES[s])}`);
      const line = (marker: string, ws: { text: string; visible: number }[]) => pushAll(out, wrap(ws, width, `    ${marker} `, 6, '      '));
      const added = listed(role, x.added);
      const removed = listed(role, x.removed);
      for (const i of added.items) line(paint.green('+'), [...words(i.text, paint.green), ...note(via(role, i) ? [`via ${via(role, i)}`] : [])]);
      for (const g of added.inherited) line(paint.green('+'), words(`(${inheritedText(g, role)})`, paint.dim));
      for (const c of x.changed) {
        const notes = [...(via(role, c.to) ? [`via ${via(role, c.to)}`] : []), ...c.deltas.map(deltaText)];
        line(paint.yellow('~'), [...changeWords(c.words, o), ...note(notes)]);
      }
      for (const i of removed.items) line(paint.red('-'), [...words(i.text, paint.red), ...note(via(role, i) ? [`via ${via(role, i)}`] : [])]);
      for (const g of removed.inherited) line(paint.red('-'), words(`(${inheritedText(g, role)})`, paint.dim));
      for (const m of x.moved ?? [])
        line(paint.cyan('↕'), [
          ...words(m.item.text),
          ...note([`moved from position ${m.from} to ${m.to}`, ...(via(role, m.item) ? [`via ${via(role, m.item)}`] : [])]),
        ]);
    }
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Markdown (a merge-request description)

/**
 * Data as inline markdown text: control characters as escapes, line breaks as spaces (no block can
 * start), and the characters of inline syntax (emphasis, code, links, HTML, tables) backslash-escaped,
 * so an item prints as the words it has, never as markup.
 */
export function markdownText(s: string): string {
  return printable(s.replace(/[\r\n\u2028\u2029]+/g, ' ')).replace(/[\\`*_~[\]<>|&]/g, (c) => '\\' + c);
}

const code = (s: string) => `\`${printable(s).replace(/[`\r\n]/g, ' ')}\``;

function changeMarkdown(ws: WordChange[]): string {
  return ws
    .map((w) => (w.op === 'removed' ? `~~${markdownText(w.text)}~~` : w.op === 'added' ? `**${markdownText(w.text)}**` : markdownText(w.text)))
    .join(' ');
}

function statusMarkdown(role: RoleChange): string {
  switch (role.status) {
    case 'added':
      return 'New role.';
    case 'removed':
      return 'Role removed.';
    case 'renamed':
      return `Renamed from ${code(role.renamedFrom!)} (same items).`;
    default:
      return '';
  }
}

const label = (what: string, role: RoleChange, item: ResolvedItem) => (via(role, item) ? `${what}, via ${code(via(role, item)!)}` : what);

const inheritedMarkdown = ([from, n]: [string, number], role: RoleChange) =>
  `- _${n} inherited item${n === 1 ? '' : 's'}, via_ ${code(from)}${role.status === 'removed' ? ' _(gone with the role)_' : ''}`;

export function changesMarkdown(r: ChangesReport): string {
  const out: string[] = [`## Ladder changes: ${markdownText(r.from)} → ${markdownText(r.to)}`, '', summaryLine(r)];
  for (const role of r.roles) {
    out.push('', `### ${markdownText(role.title)} (${code(role.id)})`);
    const status = statusMarkdown(role);
    if (status) out.push('', status);
    if (role.fields.length) {
      out.push('', '| Field | From | To |', '|---|---|---|');
      for (const f of role.fields) {
        const name = FIELD_LABELS[f.name];
        out.push(`| ${name[0].toUpperCase()}${name.slice(1)} | ${markdownText(none(f.from))} | ${markdownText(none(f.to))} |`);
      }
    }
    for (const [s, x] of sectionsOf(role)) {
      out.push('', `**${SECTION_TITLES[s]}**`, '');
      const added = listed(role, x.added);
      const removed = listed(role, x.removed);
      for (const i of added.items) out.push(`- ${label('Added', role, i)}: **${markdownText(i.text)}**`);
      for (const g of added.inherited) out.push(inheritedMarkdown(g, role));
      for (const c of x.changed) {
        const deltas = c.deltas.length ? ` _(${markdownText(c.deltas.map(deltaText).join('; '))})_` : '';
        out.push(`- ${label('Changed', role, c.to)}: ${changeMarkdown(c.words)}${deltas}`);
      }
      for (const i of removed.items) out.push(`- ${label('Removed', role, i)}: ~~${markdownText(i.text)}~~`);
      for (const g of removed.inherited) out.push(inheritedMarkdown(g, role));
      for (const m of x.moved ?? []) out.push(`- ${label(`Moved from position ${m.from} to ${m.to}`, role, m.item)}: ${markdownText(m.item.text)}`);
    }
  }
  return out.join('\n') + '\n';
}

export function changesJsonText(r: ChangesReport): string {
  return JSON.stringify(changesJson(r), null, 2) + '\n';
}
