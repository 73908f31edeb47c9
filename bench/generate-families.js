// Generates a realistic data set for benchmarks: N family files (~4 KB each, 5-10 roles chained with
// `extends`, structured requirements, ladders, external references) plus one skills vocabulary.
// Deterministic: the same seed gives the same bytes. Usage: node bench/generate-families.js <dir> [count]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const LEVELS = [
  ['associate', 'Associate', 5],
  ['', 'Intermediate', 6],
  ['senior', 'Senior', 7],
  ['staff', 'Staff', 8],
  ['principal', 'Principal', 9],
  ['distinguished', 'Distinguished', 10],
  ['fellow', 'Fellow', 11],
  ['chief', 'Chief', 12],
  ['executive', 'Executive', 12],
  ['emeritus', 'Emeritus', 12],
];
const NOUNS = ['Engineer', 'Designer', 'Analyst', 'Instructor', 'Developer', 'Consultant', 'Architect', 'Specialist', 'Scientist', 'Writer'];
const FIELDS = ['Backend', 'Frontend', 'Data', 'Security', 'Support', 'Education', 'Infrastructure', 'Product', 'Platform', 'Quality', 'Reliability', 'Billing'];
const VERBS = ['Design', 'Build', 'Maintain', 'Review', 'Document', 'Automate', 'Improve', 'Monitor', 'Coordinate', 'Evaluate', 'Plan', 'Deliver'];
const OBJECTS = ['services used by customers', 'internal tooling for the team', 'the release process', 'training material', 'observability dashboards', 'incident reviews', 'the public documentation', 'onboarding guides', 'capacity plans', 'security controls'];
const SKILLS = ['git', 'gitlab', 'terraform', 'ansible', 'kubernetes', 'aws', 'gcp', 'python', 'go', 'ruby', 'sql', 'linux', 'docker', 'prometheus', 'postgres'];
const AREAS = ['it-saas', 'user-support', 'software-engineering', 'team-leadership', 'technical-writing', 'operations'];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One family file's YAML text. */
export function familyYaml(n, random = rng(n + 1)) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const field = FIELDS[n % FIELDS.length];
  const noun = NOUNS[Math.floor(n / FIELDS.length) % NOUNS.length];
  const base = `${field} ${noun}`;
  const fid = `${field}-${noun}-${n}`.toLowerCase();
  const roleCount = 5 + Math.floor(random() * 6);
  const lines = [
    '# yaml-language-server: $schema=../schemas/family.schema.json',
    'kind: family',
    `id: ${fid}-family`,
    `title: ${base} ${n}`,
    `source: https://example.com/job-families/${fid}/`,
    'summary: >-',
    `  What the ${base} ${n} family expects at every level.`,
    'requirements:',
    '  - id: gitlab-usage',
    '    text: Ability to use GitLab',
    '    skills: {all: [gitlab]}',
    'roles:',
  ];
  const ids = [];
  for (let r = 0; r < roleCount; r++) {
    const [prefix, level, grade] = LEVELS[r];
    const id = `${prefix ? prefix + '-' : ''}${fid}`;
    ids.push(id);
    lines.push(`  ${id}:`, `    title: ${prefix ? level + ' ' : ''}${base}${prefix ? '' : ' (Intermediate)'}`, `    level: ${level}`, `    grade: ${grade}`);
    if (r > 0) lines.push(`    extends: ${ids[r - 1]}`);
    lines.push(`    reports_to: ${r < roleCount - 1 ? `manager-${fid}` : `director-${fid}`}`);
    lines.push('    responsibilities:');
    for (let i = 0; i < 2; i++) lines.push(`      - ${pick(VERBS)} ${pick(OBJECTS)} (${r}.${i})`);
    lines.push('    requirements:');
    const area = AREAS[n % AREAS.length];
    lines.push(`      - id: ${area}-years`, `        text: ${2 + r}+ years in ${area.replace(/-/g, ' ')}`, `        years: ${2 + r}`, `        area: ${area}`);
    lines.push(`      - id: tools-${r}`, `        text: Works with ${pick(SKILLS)} or ${pick(SKILLS)}`, `        skills: {any: [${pick(SKILLS)}, ${pick(SKILLS)}]}`);
  }
  lines.push('ladders:', `  ${fid}:`, `    title: ${base}`, `    levels: [${ids.join(', ')}]`);
  lines.push('external:', `  manager-${fid}:`, `    title: Manager, ${base}`, `  director-${fid}:`, `    title: Director, ${base}`);
  return lines.join('\n') + '\n';
}

export function skillsYaml() {
  const lines = ['kind: skills', 'skills:'];
  for (const s of SKILLS) lines.push(`  ${s}: {title: ${s[0].toUpperCase()}${s.slice(1)}}`);
  lines.push('areas:');
  for (const a of AREAS) lines.push(`  ${a}: {title: ${a.replace(/-/g, ' ')}}`);
  return lines.join('\n') + '\n';
}

/** Writes `count` family files and the vocabulary into `dir`; returns the total bytes written. */
export function generate(dir, count) {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const text = familyYaml(n);
    bytes += text.length;
    writeFileSync(join(dir, `family-${String(n).padStart(4, '0')}.yaml`), text);
  }
  const skills = skillsYaml();
  writeFileSync(join(dir, 'skills.yaml'), skills);
  return bytes + skills.length;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, count = '1000'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/generate-families.js <dir> [count]');
    process.exitCode = 2;
  } else {
    const bytes = generate(dir, Number(count));
    console.log(`wrote ${count} families (${(bytes / 1024).toFixed(0)} KB) to ${dir}`);
  }
}
