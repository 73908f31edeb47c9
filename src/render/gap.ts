/** Renders a gap result as a list for the terminal, markdown or JSON. Pure: data in, string out. */
import { gapJson, type GapResult, type GapStatus } from '../core/gap/index.js';
import type { Paint } from './paint.js';
import { printable } from './table.js';
import { wrap } from './show.js';
import { pushAll } from '../core/arrays.js';

/** "12 of 17 met, 1 missing, 4 unverified" */
export function summaryText(r: GapResult): string {
  const s = r.summary;
  return `${s.met} of ${s.total} met, ${s.missing} missing, ${s.unverified} unverified`;
}

const who = (r: GapResult) => r.profile.name ?? r.profile.file;

function indentLines(text: string, width: number, first: string, rest: string): string[] {
  return wrap(printable(text), Math.max(20, width - rest.length))
    .split('\n')
    .map((l, i) => (i === 0 ? first : rest) + l);
}

export function gapTable(r: GapResult, paint: Paint, width: number): string {
  const style: Record<GapStatus, (s: string) => string> = { met: paint.green, missing: paint.red, unverified: paint.yellow };
  const out: string[] = [
    ...indentLines(`${r.role.role.title} (${r.role.role.id})`, width, '', '  ').map((l) => paint.bold(l)),
    ...indentLines(`profile ${who(r)}${r.profile.name ? ` (${r.profile.file})` : ''}`, width, '', '  ').map((l) => paint.dim(l)),
    '',
  ];
  const pad = ' '.repeat(14);
  for (const e of r.requirements) {
    const lines = indentLines(e.item.text, width, pad, pad);
    lines[0] = `  ${style[e.status](e.status.padEnd(10))}  ${lines[0].slice(pad.length)}`;
    pushAll(out, lines);
    pushAll(out, indentLines(e.detail, width, pad, pad).map((l) => pad + paint.dim(l.slice(pad.length))));
  }
  if (r.requirements.length === 0) out.push('  (this role has no requirements)');
  const s = r.summary;
  const colored = `${s.met} of ${s.total} met, ${s.missing ? paint.red(`${s.missing} missing`) : '0 missing'}, ${s.unverified ? paint.yellow(`${s.unverified} unverified`) : '0 unverified'}`;
  out.push('', `${paint.bold('Summary:')} ${colored}`);
  return out.join('\n') + '\n';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const STATUS_MD: Record<GapStatus, string> = { met: 'met', missing: '**missing**', unverified: '_unverified_' };

export function gapMarkdown(r: GapResult): string {
  const out: string[] = [
    `# ${who(r)}: ${r.role.role.title}`,
    '',
    `Profile \`${r.profile.file}\` against \`${r.role.role.id}\`: **${summaryText(r)}**.`,
    '',
    '| Status | Requirement | Detail |',
    '|---|---|---|',
  ];
  for (const e of r.requirements) out.push(`| ${STATUS_MD[e.status]} | ${cell(e.item.text)} | ${cell(e.detail)} |`);
  return out.join('\n') + '\n';
}

export function gapJsonText(r: GapResult): string {
  return JSON.stringify(gapJson(r), null, 2) + '\n';
}
