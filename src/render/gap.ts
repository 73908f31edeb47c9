/**
 * Renders a gap result as a list for the terminal, markdown or JSON. Pure: data in, string out.
 * The list and markdown put what is left to do first: missing, then unverified, then met (met
 * collapsed to a count unless `all`); each group keeps page order. JSON keeps page order.
 */
import { inline } from '../handbook/neutralise.js';
import { gapJson, type GapEntry, type GapResult, type GapStatus } from '../core/gap/index.js';
import type { Paint } from './paint.js';
import { printable } from './table.js';
import { markdownText } from './markdown-text.js';
import { wrap } from './show.js';
import { pushAll } from '../core/arrays.js';

/** "12 of 17 met, 1 missing, 4 unverified" */
export function summaryText(r: GapResult): string {
  const s = r.summary;
  return `${s.met} of ${s.total} met, ${s.missing} missing, ${s.unverified} unverified`;
}

const who = (r: GapResult) => r.profile.name ?? r.profile.file;

/** The order of the groups in the list and markdown views. */
export const GROUP_ORDER: readonly GapStatus[] = ['missing', 'unverified', 'met'];

/** Requirements of one status, in page order. */
export const withStatus = (r: GapResult, s: GapStatus): GapEntry[] => r.requirements.filter((e) => e.status === s);

const metCount = (n: number) => `${n} requirement${n === 1 ? '' : 's'} met (--all lists ${n === 1 ? 'it' : 'them'})`;

function indentLines(text: string, width: number, first: string, rest: string): string[] {
  return wrap(printable(text), Math.max(20, width - rest.length))
    .split('\n')
    .map((l, i) => (i === 0 ? first : rest) + l);
}

export function gapTable(r: GapResult, paint: Paint, width: number, all = false): string {
  const style: Record<GapStatus, (s: string) => string> = { met: paint.green, missing: paint.red, unverified: paint.yellow };
  const out: string[] = [
    ...indentLines(`${r.role.role.title} (${r.role.role.id})`, width, '', '  ').map((l) => paint.bold(l)),
    ...indentLines(`profile ${who(r)}${r.profile.name ? ` (${r.profile.file})` : ''}`, width, '', '  ').map((l) => paint.dim(l)),
    '',
  ];
  const pad = ' '.repeat(14);
  for (const status of GROUP_ORDER) {
    const group = withStatus(r, status);
    if (status === 'met' && !all) {
      if (group.length) {
        const lines = indentLines(metCount(group.length), width, pad, pad);
        lines[0] = `  ${style.met('met'.padEnd(10))}  ${lines[0].slice(pad.length)}`;
        pushAll(out, lines);
      }
      continue;
    }
    for (const e of group) {
      const lines = indentLines(e.item.text, width, pad, pad);
      lines[0] = `  ${style[e.status](e.status.padEnd(10))}  ${lines[0].slice(pad.length)}`;
      pushAll(out, lines);
      pushAll(
        out,
        indentLines(e.detail, width, pad, pad).map((l) => pad + paint.dim(l.slice(pad.length))),
      );
    }
  }
  if (r.requirements.length === 0) out.push('  (this role has no requirements)');
  const s = r.summary;
  const colored = `${s.met} of ${s.total} met, ${s.missing ? paint.red(`${s.missing} missing`) : '0 missing'}, ${s.unverified ? paint.yellow(`${s.unverified} unverified`) : '0 unverified'}`;
  out.push('', summaryText(r).length + 9 <= width ? `${paint.bold('Summary:')} ${colored}` : `${paint.bold('Summary:')}\n${colored}`);
  return out.join('\n') + '\n';
}

const cell = (s: string) => inline(s).replace(/\|/g, '\\|');
const STATUS_MD: Record<GapStatus, string> = { met: 'met', missing: '**missing**', unverified: '_unverified_' };

export function gapMarkdown(r: GapResult, all = false): string {
  const out: string[] = [
    `# ${markdownText(who(r))}: ${markdownText(r.role.role.title)}`,
    '',
    `Profile \`${r.profile.file}\` against \`${r.role.role.id}\`: **${summaryText(r)}**.`,
    '',
    '| Status | Requirement | Detail |',
    '|---|---|---|',
  ];
  for (const status of GROUP_ORDER) {
    const group = withStatus(r, status);
    if (status === 'met' && !all) continue;
    for (const e of group) out.push(`| ${STATUS_MD[e.status]} | ${cell(e.item.text)} | ${cell(e.detail)} |`);
  }
  if (!all && r.summary.met) out.push('', `${metCount(r.summary.met)}.`);
  return out.join('\n') + '\n';
}

export function gapJsonText(r: GapResult): string {
  return JSON.stringify(gapJson(r), null, 2) + '\n';
}
