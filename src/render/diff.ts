/**
 * Renders a role diff as a coloured list, markdown or JSON. Pure: data in, string out.
 * Every format lists a section's items in the same order: added, changed, removed, then unchanged.
 */
import { inline } from '../handbook/neutralise.js';
import { SECTIONS, SECTION_TITLES, type SkillsRequirement } from '../core/model.js';
import type { ResolvedItem } from '../core/resolve.js';
import { diffJson, type Delta, type FieldChange, type ItemChange, type RoleDiff, type SectionDiff } from '../core/diff/index.js';
import type { WordChange } from '../core/diff/words.js';
import type { Paint } from './paint.js';
import { printable } from './table.js';
import { pushAll } from '../core/arrays.js';

const FIELD_LABELS: Record<FieldChange['field'], string> = {
  title: 'title',
  family: 'family',
  ladder: 'ladder',
  level: 'level',
  grade: 'grade',
  reports_to: 'reports to',
};

const none = (v: unknown) => (v === null || v === undefined ? 'none' : String(v));

function skillsText(s: SkillsRequirement | null): string {
  if (!s) return 'none';
  const parts: string[] = [];
  if (s.any) parts.push(`any of ${s.any.join(', ')}`);
  if (s.all) parts.push(`all of ${s.all.join(', ')}`);
  return parts.join(' and ');
}

/** A structured delta in words: "years 5 → 7", "moved from Nice to haves". */
export function deltaText(d: Delta): string {
  switch (d.field) {
    case 'section':
      return `moved from ${SECTION_TITLES[d.from]} to ${SECTION_TITLES[d.to]}`;
    case 'skills':
      return `skills ${skillsText(d.from)} → ${skillsText(d.to)}`;
    default:
      return `${d.field} ${none(d.from)} → ${none(d.to)}`;
  }
}

function counts(x: SectionDiff): string {
  const parts: string[] = [];
  if (x.added.length) parts.push(`${x.added.length} added`);
  if (x.changed.length) parts.push(`${x.changed.length} changed`);
  if (x.removed.length) parts.push(`${x.removed.length} removed`);
  if (x.unchanged.length) parts.push(`${x.unchanged.length} unchanged`);
  return parts.join(', ');
}

const isEmpty = (x: SectionDiff) => x.added.length + x.removed.length + x.changed.length + x.unchanged.length === 0;
const hasChanges = (d: RoleDiff) =>
  d.fields.length > 0 || SECTIONS.some((s) => d.sections[s].added.length + d.sections[s].removed.length + d.sections[s].changed.length > 0);

// ---------------------------------------------------------------------------------------------
// Table (terminal)

export interface DiffTableOptions {
  paint: Paint;
  /** With colour off, changed words are marked [-old-]{+new+} so the change stays visible. */
  color: boolean;
  width: number;
  /** List unchanged items too. */
  all: boolean;
}

const visibleLength = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;

/**
 * Greedy word wrap of painted words; `visible` lengths exclude colour codes. A `glue` word continues
 * the previous one (a piece of a word broken after a hyphen, or of a very long word): no space before.
 */
function wrapWords(words: Word[], width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let len = visibleLength(first);
  let empty = true;
  for (const w of words) {
    const sep = empty || w.glue ? 0 : 1;
    if (!empty && len + sep + w.visible > width) {
      lines.push(line);
      line = rest + w.text;
      len = rest.length + w.visible;
    } else {
      line += (sep ? ' ' : '') + w.text;
      len += sep + w.visible;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

interface Word {
  text: string;
  visible: number;
  glue?: boolean;
}

/** A piece of a word is never longer than this, so a long URL still fits the narrowest table (40 columns). */
const MAX_PIECE = 30;

/** A word's pieces: after each hyphen, and long runs cut at MAX_PIECE. */
function wordPieces(word: string): string[] {
  const out: string[] = [];
  for (const part of word.split(/(?<=-)(?=.)/)) {
    for (let i = 0; i < part.length; i += MAX_PIECE) out.push(part.slice(i, i + MAX_PIECE));
  }
  return out;
}

const plainWords = (text: string, style: (s: string) => string = (s) => s): Word[] =>
  printable(text)
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => wordPieces(w).map((p, i) => ({ text: style(p), visible: p.length, glue: i > 0 })));

/** The words of a changed item, each painted; markers around runs when colour is off. */
function changeWords(words: WordChange[], o: DiffTableOptions): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    if (w.op === 'same' || o.color) {
      pushAll(out, plainWords(w.text, w.op === 'removed' ? o.paint.red : w.op === 'added' ? o.paint.green : undefined));
      continue;
    }
    const [open, close] = w.op === 'removed' ? ['[-', '-]'] : ['{+', '+}'];
    const run = plainWords(w.text);
    run[0] = { ...run[0], text: open + run[0].text, visible: run[0].visible + 2 };
    run[run.length - 1] = { ...run[run.length - 1], text: run[run.length - 1].text + close, visible: run[run.length - 1].visible + 2 };
    pushAll(out, run);
  }
  return out;
}

export function diffTable(d: RoleDiff, o: DiffTableOptions): string {
  const { paint, width } = o;
  const out: string[] = [
    ...wrapWords(plainWords(`${d.from.role.title} → ${d.to.role.title}`, paint.bold), width, '', '  '),
    ...wrapWords(plainWords(`${d.from.role.id} → ${d.to.role.id}`, paint.dim), width, '', '  '),
  ];
  if (d.fields.length) {
    out.push('');
    for (const f of d.fields) {
      const words = [...plainWords(none(f.from), paint.red), { text: '→', visible: 1 }, ...plainWords(none(f.to), paint.green)];
      pushAll(out, wrapWords(words, width, `  ${paint.dim(FIELD_LABELS[f.field].padEnd(12))}`, ' '.repeat(14)));
    }
  }
  const item = (marker: string, text: string, style: (s: string) => string) => wrapWords(plainWords(text, style), width, `  ${marker} `, '    ');
  for (const s of SECTIONS) {
    const x = d.sections[s];
    if (isEmpty(x)) continue;
    const heading = `${SECTION_TITLES[s]} (${counts(x)})`;
    out.push('');
    pushAll(
      out,
      heading.length <= width
        ? [`${paint.bold(SECTION_TITLES[s])} ${paint.dim(`(${counts(x)})`)}`]
        : [paint.bold(SECTION_TITLES[s]), paint.dim(`(${counts(x)})`)],
    );
    for (const i of x.added) pushAll(out, item(paint.green('+'), i.text, paint.green));
    for (const c of x.changed) {
      pushAll(out, wrapWords(changeWords(c.words, o), width, `  ${paint.yellow('~')} `, '    '));
      const notes = c.deltas.map(deltaText);
      if (notes.length) pushAll(out, wrapWords(plainWords(notes.join('; '), paint.dim), width, '    ', '    '));
    }
    for (const i of x.removed) pushAll(out, item(paint.red('-'), i.text, paint.red));
    if (o.all) for (const i of x.unchanged) pushAll(out, item(paint.dim('='), i.text, paint.dim));
  }
  if (!hasChanges(d)) out.push('', 'No differences.');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Markdown (for a promotion document)

const md = (s: string) => inline(s);
const cell = (s: string) => md(s).replace(/\|/g, '\\|');

/** ~~removed~~ **added**, so the change reads without colour. */
function changeMarkdown(words: WordChange[]): string {
  return words.map((w) => (w.op === 'removed' ? `~~${w.text}~~` : w.op === 'added' ? `**${w.text}**` : w.text)).join(' ');
}

function fieldMarkdown(f: FieldChange, d: RoleDiff): [string, string] {
  if (f.field === 'reports_to') {
    const ref = (r: typeof d.from.reportsTo) => (r ? `${md(r.title)} (\`${r.id}\`)` : 'none');
    return [ref(d.from.reportsTo), ref(d.to.reportsTo)];
  }
  return [none(f.from), none(f.to)];
}

export function diffMarkdown(d: RoleDiff, all: boolean): string {
  const out: string[] = [`# ${md(d.from.role.title)} → ${md(d.to.role.title)}`, '', `From \`${d.from.role.id}\` to \`${d.to.role.id}\`.`];
  if (d.fields.length) {
    out.push('', '| | From | To |', '|---|---|---|');
    for (const f of d.fields) {
      const [a, b] = fieldMarkdown(f, d);
      const label = FIELD_LABELS[f.field];
      out.push(`| ${label[0].toUpperCase()}${label.slice(1)} | ${cell(a)} | ${cell(b)} |`);
    }
  }
  const list = (title: string, items: string[]) => {
    if (items.length) out.push('', `### ${title}`, '', ...items.map((i) => `- ${i}`));
  };
  for (const s of SECTIONS) {
    const x = d.sections[s];
    if (isEmpty(x)) continue;
    out.push('', `## ${SECTION_TITLES[s]}`, '', `${counts(x)[0].toUpperCase()}${counts(x).slice(1)}.`);
    list(
      'Added',
      x.added.map((i) => md(i.text)),
    );
    list(
      'Changed',
      x.changed.map((c: ItemChange) => changeMarkdown(c.words) + (c.deltas.length ? ` _(${c.deltas.map(deltaText).join('; ')})_` : '')),
    );
    list(
      'Removed',
      x.removed.map((i: ResolvedItem) => md(i.text)),
    );
    if (all)
      list(
        'Unchanged',
        x.unchanged.map((i) => md(i.text)),
      );
  }
  if (!hasChanges(d)) out.push('', 'No differences.');
  return out.join('\n') + '\n';
}

export function diffJsonText(d: RoleDiff): string {
  return JSON.stringify(diffJson(d), null, 2) + '\n';
}
