/**
 * The promotion packet (`ladder packet`): one markdown document a manager can paste into a promotion
 * case. The step (titles, grades, ladder), what changes between the two levels (the diff, word
 * changes shown as ~~removed~~ **added** so they read without colour), where the person stands (the
 * gap, missing first, evidence quoted), what remains, and absolute links to each role's handbook
 * section. Pure: data in, string out; every text from the data goes through markdownText.
 */
import { SECTIONS, SECTION_TITLES } from '../core/model.js';
import type { ResolvedRole } from '../core/resolve.js';
import type { ItemChange, RoleDiff, SectionDiff } from '../core/diff/index.js';
import type { GapEntry, GapResult, GapStatus } from '../core/gap/index.js';
import { anchorOf } from '../handbook/titles.js';
import { deltaText } from './diff.js';
import { markdownText, roleUrl } from './markdown-text.js';

export interface PacketInput {
  /** The person's current level and the level they are going for. */
  from: ResolvedRole;
  to: ResolvedRole;
  diff: RoleDiff;
  gap: GapResult;
}

const GROUPS: { status: GapStatus; title: string }[] = [
  { status: 'missing', title: 'Missing' },
  { status: 'unverified', title: 'Not yet evidenced' },
  { status: 'met', title: 'Met' },
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The base URL relative links of a role's texts resolve against: its family's page. */
const baseOf = (r: ResolvedRole) => r.family.source;
const urlOf = (r: ResolvedRole) => roleUrl(r.family.source, anchorOf(r.role.title));

function titleLink(r: ResolvedRole): string {
  const title = markdownText(r.role.title, { cell: true });
  const url = urlOf(r);
  return url ? `[${title}](${url})` : title;
}

function stepTable(p: PacketInput): string[] {
  const { from, to } = p;
  const cell = (s: string | number | undefined | null) => (s === undefined || s === null || s === '' ? '—' : markdownText(String(s), { cell: true }));
  const rows: [string, string, string][] = [
    ['Title', titleLink(from), titleLink(to)],
    ['Role id', `\`${from.role.id}\``, `\`${to.role.id}\``],
    ['Level', cell(from.role.level), cell(to.role.level)],
    ['Grade', cell(from.role.grade), cell(to.role.grade)],
    ['Ladder', cell(from.ladder?.title), cell(to.ladder?.title)],
    ['Family', cell(from.family.title), cell(to.family.title)],
    ['Reports to', cell(from.reportsTo?.title), cell(to.reportsTo?.title)],
  ];
  return ['| | Current | Proposed |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** ~~removed~~ **added**, each run of words made safe on its own. */
function wordsMarkdown(c: ItemChange, base: string | undefined): string {
  return c.words
    .map((w) => {
      const t = markdownText(w.text, { base });
      return w.op === 'removed' ? `~~${t}~~` : w.op === 'added' ? `**${t}**` : t;
    })
    .join(' ');
}

function diffSection(p: PacketInput): string[] {
  const out: string[] = [];
  const fromBase = baseOf(p.from);
  const toBase = baseOf(p.to);
  const items = (label: string, lines: string[]) => {
    if (lines.length) out.push('', `**${label}**`, '', ...lines.map((l) => `- ${l}`));
  };
  let any = false;
  for (const s of SECTIONS) {
    const x: SectionDiff = p.diff.sections[s];
    const changes = x.added.length + x.changed.length + x.removed.length;
    if (changes === 0) continue;
    any = true;
    const counts = [
      x.added.length ? `${x.added.length} added` : '',
      x.changed.length ? `${x.changed.length} changed` : '',
      x.removed.length ? `${x.removed.length} no longer listed` : '',
      x.unchanged.length ? `${x.unchanged.length} unchanged` : '',
    ].filter(Boolean);
    out.push(
      '',
      `### ${SECTION_TITLES[s]}`,
      '',
      `${plural(x.added.length + x.changed.length + x.removed.length + x.unchanged.length, 'item')}: ${counts.join(', ')}.`,
    );
    items(
      'Added',
      x.added.map((i) => markdownText(i.text, { base: toBase })),
    );
    items(
      'Changed',
      x.changed.map((c) => wordsMarkdown(c, toBase) + (c.deltas.length ? ` _(${c.deltas.map((d) => markdownText(deltaText(d))).join('; ')})_` : '')),
    );
    items(
      'No longer listed',
      x.removed.map((i) => markdownText(i.text, { base: fromBase })),
    );
  }
  if (!any) out.push('', 'The two levels list the same items.');
  return out;
}

/** The detail without its evidence part (gap appends `evidence: <note>`), which is quoted on its own. */
function withoutEvidence(e: GapEntry): string {
  if (e.evidence === undefined) return e.detail;
  const tail = `evidence: ${e.evidence}`;
  if (!e.detail.endsWith(tail)) return e.detail;
  return e.detail.slice(0, e.detail.length - tail.length).replace(/; $/, '');
}

/** What was found or is short, then the evidence note as a quotation. */
function standing(e: GapEntry): string {
  const detail = withoutEvidence(e);
  const parts = [detail ? markdownText(detail) : '', e.evidence !== undefined ? `evidence: “${markdownText(e.evidence)}”` : ''].filter(Boolean);
  return parts.length ? ` — ${parts.join('; ')}` : '';
}

function gapSection(p: PacketInput): string[] {
  const out: string[] = [];
  const base = baseOf(p.to);
  for (const g of GROUPS) {
    const entries = p.gap.requirements.filter((e) => e.status === g.status);
    if (!entries.length) continue;
    out.push('', `### ${g.title} (${entries.length})`, '');
    for (const e of entries) out.push(`- ${markdownText(e.item.text, { base })}${standing(e)}`);
  }
  if (!p.gap.requirements.length) out.push('', `${markdownText(p.to.role.title)} lists no requirements.`);
  return out;
}

function remainsSection(p: PacketInput): string[] {
  const base = baseOf(p.to);
  const missing = p.gap.requirements.filter((e) => e.status === 'missing');
  const unverified = p.gap.requirements.filter((e) => e.status === 'unverified');
  if (!missing.length && !unverified.length) return ['', `Nothing: every requirement of ${markdownText(p.to.role.title)} is met.`];
  return [
    '',
    ...missing.map((e) => `- [ ] ${markdownText(e.item.text, { base })} (${markdownText(withoutEvidence(e))})`),
    ...unverified.map((e) => `- [ ] Evidence for: ${markdownText(e.item.text, { base })}`),
  ];
}

function linksSection(p: PacketInput): string[] {
  const lines: string[] = [];
  for (const r of [p.from, p.to]) {
    const url = urlOf(r);
    lines.push(
      url
        ? `- ${markdownText(r.role.title)}: ${url}`
        : `- ${markdownText(r.role.title)}: no handbook page (the family \`${r.family.id}\` has no \`source\` URL)`,
    );
  }
  return ['', ...[...new Set(lines)]];
}

/** The whole packet as markdown. */
export function packetMarkdown(p: PacketInput): string {
  const who = markdownText(p.gap.profile.name ?? p.gap.profile.file);
  const s = p.gap.summary;
  const out: string[] = [
    `# Promotion case: ${who}`,
    '',
    `From **${markdownText(p.from.role.title)}** to **${markdownText(p.to.role.title)}**.`,
    '',
    `${who} meets ${s.met} of ${s.total} requirements of ${markdownText(p.to.role.title)}: ${s.missing} missing, ${s.unverified} not yet evidenced.`,
    '',
    '## The step',
    '',
    ...stepTable(p),
    '',
    '## What changes between the levels',
    ...diffSection(p),
    '',
    `## Where ${who} stands`,
    ...gapSection(p),
    '',
    '## What remains',
    ...remainsSection(p),
    '',
    '## Handbook pages',
    ...linksSection(p),
  ];
  return out.join('\n') + '\n';
}

/**
 * The packet as one HTML page: the markdown rendered by markdown-it with raw HTML off (so nothing
 * from the data becomes markup) and its default link check (no `javascript:` links), in a minimal
 * page with print-friendly styles.
 */
export async function packetHtml(p: PacketInput): Promise<string> {
  const { default: MarkdownIt } = await import('markdown-it');
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const body = md.render(packetMarkdown(p));
  const title = md.utils.escapeHtml(`Promotion case: ${p.gap.profile.name ?? p.gap.profile.file}`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f}table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}s{color:#a00}strong{color:#060}h1 strong,p>strong{color:inherit}</style>',
    '</head>',
    '<body>',
    body.trimEnd(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
