/**
 * A family → a handbook page in GitLab's "Job Family Template 1" layout: front matter, overview,
 * family-wide sections, Levels (Job Grade, Responsibilities, Requirements, … per role), Specialties,
 * Performance Indicators, Career Ladder, Hiring Process. Written so that `ladder import` reads it
 * back to the same roles, grades, references and item texts.
 */
import { SECTIONS, type DataSet, type FamilyDef, type ItemDef, type RoleDef, type Section } from '../core/model.js';
import { readLinks, readReportsTo } from './sentences.js';
import { linkKey } from './place.js';
import { anchorOf, levelOf, normaliseTitle, roleIdOf } from './titles.js';
import { writeAnnotation, type ItemFields } from './annotation.js';

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

const link = (r: { title: string; url?: string }) => (r.url ? `[${r.title}](${r.url})` : r.title);
const bullets = (items: readonly ({ text: string } & ItemFields)[]) => items.map((i) => `* ${oneLine(i.text)}${writeAnnotation(i)}`).join('\n');
/** Items are one line on a handbook page; a line break inside one would end the list item. */
const oneLine = (t: string) => t.replace(/\s*\n\s*/g, ' ');

function sectionBlock(heading: string, lines: string[]): string[] {
  return lines.length ? [heading, '', ...lines, ''] : [];
}

function roleBlock(ds: DataSet, fam: FamilyDef, role: RoleDef): string[] {
  const out: string[] = [`### ${role.title}`, ''];
  // An id or level the title does not imply travels in a comment under the heading.
  const hint: ItemFields = {};
  if (role.id !== roleIdOf(role.title)) hint.id = role.id;
  if (role.level !== undefined && role.level !== levelOf(role.title)) hint.level = role.level;
  if (hint.id || hint.level) out.push(writeAnnotation(hint).trim(), '');
  const reports = role.reportsTo !== undefined ? titleOf(ds, fam, role.reportsTo) : null;
  // The importer reads "reports to" from the text: write the sentence unless the summary has one.
  // A family summary saying "This job family reports to X" covers every role reporting to X.
  const familyWide = fam.summary ? readReportsTo(fam.summary) : null;
  const covered = reports !== null && familyWide !== null && normaliseTitle(familyWide.name) === normaliseTitle(reports.title);
  if (reports && !covered && !/\breports?\s+(?:directly\s+)?(?:(?:in)?to|the)\b/i.test(role.summary ?? '')) out.push(`The ${role.title} reports to the ${link(reports)}.`, '');
  if (role.summary) out.push(role.summary, '');
  if (role.grade !== undefined) out.push(`#### ${role.title} Job Grade`, '', `The ${role.title} is a [grade ${role.grade}](${GRADE_LINK}).`, '');
  const parent = role.extends !== undefined ? titleOf(ds, fam, role.extends) : null;
  for (const s of SECTIONS) {
    const lines: string[] = [];
    if (parent && (s === 'responsibilities' || s === 'requirements')) lines.push(`* Extends the ${link(parent)} ${s}`);
    if (role.sections[s].length) lines.push(bullets(role.sections[s]));
    out.push(...sectionBlock(`#### ${role.title} ${HEADINGS[s]}`, lines));
  }
  if (role.hiringProcess?.length) out.push(...sectionBlock(`#### ${role.title} Hiring Process`, [bullets(role.hiringProcess.map((text) => ({ text })))]));
  return out;
}

/** Renders one family of a data set as a handbook page. */
export function familyMarkdown(ds: DataSet, fam: FamilyDef): string {
  // `family_id` keeps the id through a round trip when it is not the kebab-case of the title.
  const place = fam.source ? linkKey(fam.source) : null;
  const out: string[] = ['---', 'layout: job_family_page', `title: ${JSON.stringify(fam.title)}`, `family_id: ${fam.id}`];
  // GitLab's own key for where the page lives; the importer reads it back as the page's place.
  if (place && !place.anchor) out.push(`canonical_path: ${JSON.stringify(`/job-families/${place.key}/`)}`);
  out.push('---', '');
  if (fam.summary) out.push(fam.summary, '');
  for (const s of SECTIONS) {
    if (s === 'performance_indicators') continue;
    out.push(...sectionBlock(`## ${HEADINGS[s]}`, fam.sections[s].length ? [bullets(fam.sections[s])] : []));
  }
  out.push('## Levels', '');
  for (const id of fam.roleIds) out.push(...roleBlock(ds, fam, ds.roles.get(id)!));
  if (fam.specialties.length) {
    out.push('## Specialties', '');
    for (const sp of fam.specialties) {
      out.push(`### ${sp.title}`, '');
      if (sp.summary) out.push(sp.summary, '');
      for (const s of SECTIONS) out.push(...sectionBlock(`#### ${sp.title} ${HEADINGS[s]}`, sp.sections[s].length ? [bullets(sp.sections[s] as ItemDef[])] : []));
    }
  }
  out.push(...sectionBlock('## Performance Indicators', fam.sections.performance_indicators.length ? [bullets(fam.sections.performance_indicators)] : []));
  const ladder: string[] = [];
  if (fam.careerLadder) ladder.push(fam.careerLadder);
  // `next` entries the prose does not already link to.
  for (const id of fam.next) {
    const role = ds.roles.get(id);
    // A role of this page is linked by its anchor, so the import finds it again.
    const t = role && role.family === fam.id ? { title: role.title, url: `#${anchorOf(role.title)}` } : titleOf(ds, fam, id);
    const key = t.url ? linkKey(t.url)?.key : undefined;
    const linked = readLinks(fam.careerLadder ?? '').some((l) => (l.url !== undefined && l.url === t.url) || (key !== undefined && l.url !== undefined && linkKey(l.url)?.key === key));
    if (linked) continue;
    ladder.push(`The next step can be the ${link(t)} job family.`);
  }
  if (ladder.length) out.push('## Career Ladder', '', ladder.join('\n\n'), '');
  if (fam.hiringProcess?.length) out.push('## Hiring Process', '', bullets(fam.hiringProcess.map((text) => ({ text }))), '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '\n');
}
