/** Renders `ladder skills` (table, markdown, JSON) and the profile skeleton of `ladder profile`. Pure. */
import type { ProfileSkeleton, SkillsView, VocabularyRow } from '../core/authoring.js';
import type { Paint } from './paint.js';
import { printable, renderTable } from './table.js';
import { cell } from './list.js';

export function skillsTable(v: SkillsView, paint: Paint, width: number): string {
  const out: string[] = [];
  const section = (title: string, rows: VocabularyRow[]) => {
    out.push(`${paint.bold(title)} ${paint.dim(`(${rows.length})`)}`);
    const body = rows.map((r) => [r.id, r.title, r.aliases.join(', '), String(r.used)]);
    out.push(renderTable({ head: ['id', 'title', 'aliases', 'used'], rows: body, width, flex: 2 }));
  };
  section('Skills', v.skills);
  out.push('');
  section('Experience areas', v.areas);
  return out.join('\n') + '\n';
}

export function skillsMarkdown(v: SkillsView): string {
  const out: string[] = [];
  for (const [title, rows] of [
    ['Skills', v.skills],
    ['Experience areas', v.areas],
  ] as const) {
    out.push(`## ${title}`, '', '| id | title | aliases | used by requirements |', '|---|---|---|---|');
    for (const r of rows) out.push(`| \`${r.id}\` | ${cell(r.title)} | ${cell(r.aliases.join(', '))} | ${r.used} |`);
    out.push('');
  }
  return out.join('\n');
}

export function skillsJsonText(v: SkillsView): string {
  return JSON.stringify(v, null, 2) + '\n';
}

/** A YAML scalar for any text: JSON strings are valid double-quoted YAML; \uXXXX escapes for every control character. */
const q = (s: string) => printable(JSON.stringify(s));
/** A comment line: one line, control characters shown as escapes. */
const comment = (s: string) => printable(s).replace(/\n/g, ' ');
/** A mapping key: plain when it is an id, else quoted. */
const key = (s: string) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) ? s : q(s));

/**
 * A profile to fill for a role: every structured requirement as a key (experience in years, skills to
 * keep), every free-text requirement as an evidence key, commented out. As printed it is a valid
 * profile that matches nothing yet.
 */
export function profileSkeletonYaml(s: ProfileSkeleton, schemaPath: string | null): string {
  const out: string[] = [];
  if (schemaPath) out.push(`# yaml-language-server: $schema=${schemaPath}`);
  out.push(
    `# Profile for ${comment(s.role.title)} (${s.role.id}).`,
    '# Fill in what applies (the comments say how), then run:',
    `#   ladder gap ${s.role.id} --profile <this file>`,
    'kind: profile',
    '# name: <the person>',
    '# role: <their current role id, for `ladder gap --next`>',
  );
  if (s.experience.length) {
    out.push('experience:  # years per area; the number each requirement asks for is in the comment');
    for (const e of s.experience) out.push(`  ${key(e.area)}: 0  # needs ${e.years}: ${comment(e.texts[0])}`);
  } else out.push('experience: {}');
  if (s.skills.length && s.skills.some((g) => g.level !== undefined) && s.levels.length) {
    // Some requirement asks a level: the skills are a map of skill -> level, prefilled with the level
    // asked (else the lowest), to be set to the person's own level.
    out.push(`skills: {}  # delete {} and uncomment the skills the person has, each with their level (${s.levels.map(comment).join(' < ')})`);
    // A key may appear once in a map: each skill is offered once, at the highest level any requirement asks.
    const rank = (level: string | undefined) => (level === undefined ? 0 : Math.max(0, s.levels.indexOf(level)));
    const highest = new Map<string, number>();
    for (const g of s.skills) for (const id of g.ids) highest.set(id, Math.max(highest.get(id) ?? 0, rank(g.level)));
    const offered = new Set<string>();
    for (const g of s.skills) {
      out.push(`  # ${g.mode === 'all' ? 'all of' : 'one of'}${g.level !== undefined ? ` at ${comment(g.level)} or above` : ''}: ${comment(g.text)}`);
      for (const id of g.ids) {
        if (offered.has(id)) out.push(`  #   (${key(id)}: above)`);
        else out.push(`  # ${key(id)}: ${key(s.levels[highest.get(id) ?? 0])}`);
        offered.add(id);
      }
    }
  } else if (s.skills.length) {
    out.push('skills: []  # delete [] and uncomment the skills the person has');
    for (const g of s.skills) {
      out.push(`  # ${g.mode === 'all' ? 'all of' : 'one of'}: ${comment(g.text)}`);
      for (const id of g.ids) out.push(`  # - ${id}`);
    }
  } else out.push('skills: []');
  if (s.evidence.length) {
    out.push('evidence: {}  # delete {} and uncomment the requirements met, each with a note on how');
    for (const e of s.evidence) out.push(e.byText ? `  # ${q(e.key)}: <how>` : `  # ${e.key}: <how>  (${comment(e.text)})`);
  } else out.push('evidence: {}');
  return out.join('\n') + '\n';
}
