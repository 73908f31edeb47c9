/**
 * A family → a handbook page in GitLab's "Job Family Template 1" layout: front matter, overview,
 * family-wide sections, Levels (Job Grade, Responsibilities, Requirements, … per role), Specialties,
 * Performance Indicators, Career Ladder, Hiring Process. Written so that `ladder import` reads it
 * back to the same roles, grades, references and item texts.
 */
import { SECTIONS, type DataSet, type FamilyDef, type RoleDef, type Section } from '../core/model.js';
import { readLinks, readReportsTo } from './sentences.js';
import { linkKey } from './place.js';
import { anchorOf, levelOf, normaliseTitle, roleIdOf } from './titles.js';
import { writeAnnotation, type ItemFields } from './annotation.js';
import { inline, prose, type WordKind } from './neutralise.js';
import { readGrade, readInherit } from './sentences.js';
import { classifyHeading } from './read-page.js';
import { resolveRole } from '../core/resolve.js';
import { RAW_UNSAFE_CLASS, unicodeEscape } from '../core/escape-text.js';

const GRADE_LINK = '/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades';

const HEADINGS: Record<Section, string> = {
  responsibilities: 'Responsibilities',
  requirements: 'Requirements',
  nice_to_haves: 'Nice to have',
  performance_indicators: 'Performance Indicators',
};

/** The title a reference is written with on the page (a role, a family or an `external` entry). */
function titleOf(ds: DataSet, fam: FamilyDef, id: string): { title: string; url?: string } {
  const role = ds.roles.get(id);
  if (role) {
    // A role on another page links to it, so the page reads well and an import without that page keeps the reference.
    const home = role.family !== fam.id ? ds.familyById.get(role.family)?.source : undefined;
    return home ? { title: role.title, url: `${home.replace(/#.*$/, '')}#${anchorOf(role.title)}` } : { title: role.title };
  }
  const f = ds.familyById.get(id);
  if (f) return { title: f.title, url: f.source };
  const ext = fam.external.get(id) ?? ds.families.map((x) => x.external.get(id)).find((e) => e !== undefined);
  return ext ? { title: ext.title, url: ext.url } : { title: id };
}

const RAW_UNSAFE_ALL = new RegExp(`[${RAW_UNSAFE_CLASS}]`, 'g');

/** A reference: the title written as in the heading it names (so the importer matches it), linked when it has a page. */
const link = (r: { title: string; url?: string }) =>
  r.url
    ? `[${heading(r.title).replace(/[[\]]/g, (c) => `&#${c.charCodeAt(0)};`)}](${r.url.replace(/[()\s<>\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, encodeURIComponent)})`
    : heading(r.title);

/**
 * A family summary's "… reports to X" is read as the manager of every role without one of its own:
 * it may stay as written only when every role has a `reports_to` (the others would gain one).
 */
function familyReportsStays(ds: DataSet, fam: FamilyDef): boolean {
  return fam.roleIds.every((id) => ds.roles.get(id)!.reportsTo !== undefined);
}

/** Texts the importer would read as structure: a grade, "reports to", an inheritance phrase. */
const kinds = (t: string, reports = true): WordKind[] => [
  ...(readGrade(t, true) !== null ? (['grade'] as const) : []),
  ...(readInherit(t) !== null ? (['inherit'] as const) : []),
  ...(reports && readReportsTo(t) !== null ? (['reports'] as const) : []),
];
const structural = (t: string) => kinds(t);
/** Items are one line on a handbook page (a line break would end the list item), text only. */
const bullets = (items: readonly ({ text: string } & ItemFields)[]) => items.map((i) => `* ${inline(i.text, structural)}${writeAnnotation(i)}`).join('\n');
/** A title in a heading: one line; a title that reads as a section name ("… Job Grade") encoded. */
const heading = (t: string) => {
  // Headings and the sentences naming the role write the title the same way, structure words encoded.
  const x = inline(t, () => ['grade', 'inherit', 'reports']);
  // A blank title still has a heading text: its characters as references.
  if (x.trim() === '') return [...t].map((c) => `&#${c.codePointAt(0)};`).join('') || '&#32;';
  // The last letter as a reference: "Senior X Requirements" as a title is then not a section heading.
  const last = /[a-z0-9](?=\s*$)/i.exec(x);
  // Asked of the heading as written too: line breaks and trailing controls (`…Requirements\u2028\f`) are gone there.
  const section = classifyHeading(t).kind !== 'title' || classifyHeading(x).kind !== 'title';
  return section && last ? x.slice(0, last.index) + `&#${x.charCodeAt(last.index)};` + x.slice(last.index + 1) : x;
};
/** Summaries and other prose: paragraphs kept, nothing in them read as structure. */
const para = (t: string, lists = false) => prose(t, structural, { lists });

/**
 * A role's `remove` ids by the section of the inherited item each one removes (the parent's resolved
 * items); an id that names no inherited item is listed under responsibilities with itself as text.
 */
function removedBySection(ds: DataSet, role: RoleDef): Map<Section, { id: string; text: string }[]> {
  const out = new Map<Section, { id: string; text: string }[]>();
  if (!role.remove.length || role.extends === undefined || !ds.roles.has(role.extends)) return out;
  let parent: ReturnType<typeof resolveRole> | null;
  try {
    parent = resolveRole(ds, ds.roles.get(role.extends)!);
  } catch {
    parent = null;
  }
  for (const id of role.remove) {
    let section: Section = 'responsibilities';
    let text = id;
    for (const s of SECTIONS) {
      const hit = parent?.sections[s].find((i) => i.id === id);
      if (hit) {
        section = s === 'requirements' ? 'requirements' : 'responsibilities';
        text = hit.text;
        break;
      }
    }
    out.set(section, [...(out.get(section) ?? []), { id, text }]);
  }
  return out;
}

function sectionBlock(heading: string, lines: string[]): string[] {
  return lines.length ? [heading, '', ...lines, ''] : [];
}

function roleBlock(ds: DataSet, fam: FamilyDef, role: RoleDef): string[] {
  const out: string[] = [`### ${heading(role.title)}`, ''];
  // An id or level the title does not imply travels in a comment under the heading.
  const hint: ItemFields = {};
  if (role.id !== roleIdOf(role.title)) hint.id = role.id;
  if (role.level !== undefined && role.level !== levelOf(role.title)) hint.level = role.level;
  // A parent in another family carries its id, so importing the families together finds it whatever
  // the titles (the text says the same for a reader); so does the manager of the sentence below.
  const elsewhere = (id: string | undefined) => id !== undefined && ds.roles.has(id) && ds.roles.get(id)!.family !== fam.id;
  if (elsewhere(role.extends)) hint.extends = role.extends;
  const reports = role.reportsTo !== undefined ? titleOf(ds, fam, role.reportsTo) : null;
  // The importer reads "reports to" from the text: write the sentence unless the summary has one.
  // A family summary saying "This job family reports to X" covers every role reporting to X.
  const familyWide = fam.summary && familyReportsStays(ds, fam) ? readReportsTo(fam.summary) : null;
  const covered = reports !== null && familyWide !== null && normaliseTitle(familyWide.name) === normaliseTitle(reports.title);
  // A summary sentence naming whom the role reports to is kept as it is (the importer reads it);
  // any other structure in the summary is encoded, so it cannot forge a reference or a grade.
  const own = role.summary ? readReportsTo(role.summary) : null;
  const carries = reports !== null && own !== null;
  // The sentence written here is marked by the reference's id in the comment, so the importer takes
  // it as the reference and not as a summary.
  const sentence = reports !== null && !covered && !carries;
  if (sentence) hint.reports_to = role.reportsTo;
  if (hint.id || hint.level || hint.extends || hint.reports_to) out.push(writeAnnotation(hint).trim(), '');
  if (sentence) out.push(`The ${heading(role.title)} reports to the ${link(reports)}.`, '');
  if (role.summary)
    out.push(
      prose(role.summary, (t) => kinds(t, !carries)),
      '',
    );
  if (role.grade !== undefined)
    out.push(`#### ${heading(role.title)} Job Grade`, '', `The ${heading(role.title)} is a [grade ${role.grade}](${GRADE_LINK}).`, '');
  const parent = role.extends !== undefined ? titleOf(ds, fam, role.extends) : null;
  const removed = removedBySection(ds, role);
  for (const s of SECTIONS) {
    const lines: string[] = [];
    if (parent && (s === 'responsibilities' || s === 'requirements')) {
      // `remove` is written where a reader sees it: "…, except: <the items>", the ids in the comment.
      // The comment also carries the parent's id: the importer knows the line by it, whatever the
      // parent's title reads like (a title with a full stop or a colon is not parsed out of the sentence).
      const gone = removed.get(s) ?? [];
      const except = gone.length ? `, except: ${gone.map((g) => `"${inline(g.text, structural)}"`).join('; ')}` : '';
      lines.push(`* Extends the ${link(parent)} ${s}${except}${writeAnnotation({ extends: role.extends, remove: gone.map((g) => g.id) })}`);
    }
    if (role.sections[s].length) lines.push(bullets(role.sections[s]));
    out.push(...sectionBlock(`#### ${heading(role.title)} ${HEADINGS[s]}`, lines));
  }
  if (role.hiringProcess?.length)
    out.push(...sectionBlock(`#### ${heading(role.title)} Hiring Process`, [bullets(role.hiringProcess.map((text) => ({ text })))]));
  return out;
}

/** Renders one family of a data set as a handbook page. */
export function familyMarkdown(ds: DataSet, fam: FamilyDef): string {
  // `family_id` keeps the id through a round trip when it is not the kebab-case of the title.
  const place = fam.source ? linkKey(fam.source) : null;
  const out: string[] = [
    '---',
    'layout: job_family_page',
    // JSON escapes C0 controls only: C1 controls (U+009B is CSI), separators and bidi controls as `\uXXXX` too (YAML reads them back).
    `title: ${JSON.stringify(fam.title).replace(RAW_UNSAFE_ALL, unicodeEscape)}`,
    `family_id: ${fam.id}`,
  ];
  // GitLab's own key for where the page lives; the importer reads it back as the page's place (with
  // the host for a page of the current handbook, so its source keeps it).
  const host = fam.source?.startsWith('https://handbook.gitlab.com/') ? 'https://handbook.gitlab.com' : '';
  if (place && !place.anchor) out.push(`canonical_path: ${JSON.stringify(`${host}/job-families/${place.key}/`)}`);
  out.push('---', '');
  // The family summary's "reports to" applies to every role without its own: kept only when it is true of all.
  if (fam.summary)
    out.push(
      prose(fam.summary, (t) => kinds(t, !familyReportsStays(ds, fam)), { lists: true }),
      '',
    );
  for (const s of SECTIONS) {
    if (s === 'performance_indicators') continue;
    out.push(...sectionBlock(`## ${HEADINGS[s]}`, fam.sections[s].length ? [bullets(fam.sections[s])] : []));
  }
  out.push('## Levels', '');
  for (const id of fam.roleIds) out.push(...roleBlock(ds, fam, ds.roles.get(id)!));
  if (fam.specialties.length) {
    out.push('## Specialties', '');
    for (const sp of fam.specialties) {
      out.push(`### ${heading(sp.title)}`, '');
      if (sp.summary) out.push(para(sp.summary), '');
      for (const s of SECTIONS) out.push(...sectionBlock(`#### ${heading(sp.title)} ${HEADINGS[s]}`, sp.sections[s].length ? [bullets(sp.sections[s])] : []));
    }
  }
  out.push(...sectionBlock('## Performance Indicators', fam.sections.performance_indicators.length ? [bullets(fam.sections.performance_indicators)] : []));
  const ladder: string[] = [];
  if (fam.careerLadder) ladder.push(prose(fam.careerLadder));
  // `next` entries the prose does not already link to.
  for (const id of fam.next) {
    const role = ds.roles.get(id);
    // A role of this page is linked by its anchor, so the import finds it again.
    const t = role && role.family === fam.id ? { title: role.title, url: `#${anchorOf(role.title)}` } : titleOf(ds, fam, id);
    const key = t.url ? linkKey(t.url)?.key : undefined;
    const linked = readLinks(fam.careerLadder ?? '').some(
      (l) => (l.url !== undefined && l.url === t.url) || (key !== undefined && l.url !== undefined && linkKey(l.url)?.key === key),
    );
    if (linked) continue;
    ladder.push(`The next step can be the ${link(t)} job family.`);
  }
  if (ladder.length) out.push('## Career Ladder', '', ladder.join('\n\n'), '');
  if (fam.hiringProcess?.length) out.push('## Hiring Process', '', bullets(fam.hiringProcess.map((text) => ({ text }))), '');
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n+$/, '\n');
}
