#!/usr/bin/env node
// Synthetic data-set generator for scale tests and benchmarks.
//
//   node scripts/generate.js --roles 10000 --out /tmp/ladder-10k [--seed 1] [--group 10] [--profile <file>]
//   node scripts/generate.js --families 1000 --out /tmp/ladder-1000-files
//
// Writes one `kind: family` file per family (5–10 roles each), a `kind: skills` vocabulary, and
// optionally a profile for `ladder gap`. Roles inside a family form an `extends` chain; the first role
// of a family extends the first role of the previous family of its group (cross-family inheritance),
// so the last role of the last family of a group sits at the end of a chain about `group + 9` deep.
// Requirements carry structure (years/area, skills any/all), some override inherited ones by id with
// more years, some roles `remove` an inherited item. Output is deterministic for a given seed and is
// meant to lint clean. Also importable: `import { generate } from './generate.js'`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Small deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVELS = ['Associate', 'Intermediate', 'Senior', 'Staff', 'Principal', 'Distinguished', 'Lead', 'Chief', 'Fellow', 'Head'];
const VERBS = ['Design', 'Build', 'Maintain', 'Review', 'Document', 'Automate', 'Coordinate', 'Evaluate', 'Deliver', 'Improve', 'Plan', 'Support'];
const OBJECTS = [
  'lab environments',
  'curriculum modules',
  'certification exams',
  'release pipelines',
  'customer trainings',
  'onboarding material',
  'infrastructure tooling',
  'partner enablement',
  'learning paths',
  'assessment rubrics',
];
const CONTEXTS = [
  'with engineering and security teams',
  'for enterprise customers',
  'across regions and time zones',
  'in a high growth SaaS environment',
  'using measurable goals',
  'with product management',
];
const WORDS = [
  'alpha',
  'bravo',
  'cedar',
  'delta',
  'ember',
  'fjord',
  'garnet',
  'harbor',
  'indigo',
  'juniper',
  'kelp',
  'lumen',
  'meadow',
  'nectar',
  'onyx',
  'prairie',
  'quartz',
  'raven',
  'sierra',
  'tundra',
  'umber',
  'vortex',
  'willow',
  'xenon',
  'yarrow',
  'zephyr',
];

/** A kebab-case word that is unique for n (base-26 over WORDS). */
function nameOf(n) {
  const parts = [];
  do {
    parts.push(WORDS[n % WORDS.length]);
    n = Math.floor(n / WORDS.length);
  } while (n > 0);
  return parts.join('-');
}
const titleCase = (kebab) =>
  kebab
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
const q = (s) => JSON.stringify(s); // a JSON string is a valid double-quoted YAML scalar

/**
 * Generates a data set.
 * @param {{roles?: number, families?: number, out: string, seed?: number, group?: number, skills?: number, areas?: number, profile?: string}} options
 * @returns {{files: number, bytes: number, roles: number, families: number, deepRole: string, deepDepth: number, diffFrom: string, diffTo: string, profile?: string}}
 */
export function generate(options) {
  const { out, seed = 1, group = 10, skills: nSkills = 200, areas: nAreas = 20 } = options;
  // With `families`, exactly that many family files (roles then follow from the 5–10 per family).
  const wanted = options.families ? Infinity : options.roles;
  const rnd = prng(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  mkdirSync(out, { recursive: true });

  const skillIds = Array.from({ length: nSkills }, (_, i) => `skill-${nameOf(i)}`);
  const areaIds = Array.from({ length: nAreas }, (_, i) => `area-${nameOf(i)}`);
  let bytes = 0;
  let files = 0;
  const write = (name, text) => {
    writeFileSync(join(out, name), text);
    bytes += Buffer.byteLength(text);
    files++;
  };

  // Vocabulary.
  let voc = '# yaml-language-server: $schema=../schemas/skills.schema.json\nkind: skills\nskills:\n';
  for (const s of skillIds) voc += `  ${s}: {title: ${q(titleCase(s.slice(6)) + ' Tooling')}, aliases: [${q(s.slice(6))}]}\n`;
  voc += 'areas:\n';
  for (const a of areaIds) voc += `  ${a}: {title: ${q('Experience in ' + titleCase(a.slice(5)))}}\n`;
  write('skills.yaml', voc);

  let made = 0;
  let fam = 0;
  let prevFirstRole = null; // first role of the previous family in the same group
  let deepRole = '';
  let deepDepth = 0;
  let diffFrom = '';
  let diffTo = '';
  const depth = new Map();
  while (made < wanted && !(options.families && fam >= options.families)) {
    const fid = `fam-${nameOf(fam)}`;
    const noun = titleCase(nameOf(fam));
    const n = Math.min(int(5, 10), wanted - made);
    if (fam % group === 0) prevFirstRole = null;
    const ids = Array.from({ length: n }, (_, k) => `${LEVELS[k].toLowerCase()}-${nameOf(fam)}-specialist`);
    const manager = `head-of-${nameOf(fam)}`;
    let y = `# yaml-language-server: $schema=../schemas/family.schema.json\nkind: family\nid: ${fid}\ntitle: ${q(noun + ' Specialists')}\n`;
    y += `source: https://example.com/job-families/${fid}/\n`;
    y += `summary: >-\n  The ${noun} Specialist ${pick(VERBS).toLowerCase()}s ${pick(OBJECTS)} ${pick(CONTEXTS)}. This job family reports to the Head of ${noun}.\n`;
    y += `requirements:\n  - id: ${fid}-values\n    text: ${q(`Share our values, and work in accordance with those values in ${noun}`)}\n  - id: ${fid}-gitlab\n    text: ${q(`Ability to use GitLab for ${noun} work`)}\n    skills:\n      all: [${skillIds[0]}]\n`;
    y += `performance_indicators:\n  - ${q(`${noun} satisfaction score per quarter`)}\n`;
    y += 'roles:\n';
    let parentYears = 0;
    let parentSkill = '';
    const area = areaIds[fam % areaIds.length];
    for (let k = 0; k < n; k++) {
      const id = ids[k];
      const parent = k > 0 ? ids[k - 1] : prevFirstRole;
      const d = parent ? (depth.get(parent) ?? 0) + 1 : 0;
      depth.set(id, d);
      if (d >= deepDepth) {
        deepDepth = d;
        deepRole = id;
        diffTo = id;
        diffFrom = parent ?? id;
      }
      y += `  ${id}:\n    title: ${q(`${LEVELS[k]} ${noun} Specialist`)}\n    level: ${LEVELS[k]}\n    grade: ${5 + k}\n`;
      y += `    reports_to: ${k + 1 < n ? ids[k + 1] : manager}\n`;
      if (parent) y += `    extends: ${parent}\n`;
      if (k >= 2 && k % 3 === 2) y += `    remove: [${ids[k - 2]}-extra]\n`;
      y += '    responsibilities:\n';
      for (let i = int(2, 4); i > 0; i--) y += `      - ${q(`${pick(VERBS)} ${pick(OBJECTS)} ${pick(CONTEXTS)} (${id} #${i})`)}\n`;
      y += '    requirements:\n';
      const years = parentYears + int(1, 3);
      y += `      - id: ${area}-years\n        text: ${q(`${years}+ years of experience in ${titleCase(area.slice(5))}`)}\n        years: ${years}\n        area: ${area}\n`;
      parentYears = years;
      const sk = [pick(skillIds), pick(skillIds), pick(skillIds)].filter((s, i, a) => a.indexOf(s) === i && s !== parentSkill);
      parentSkill = sk[0] ?? parentSkill;
      y += `      - id: ${id}-tools\n        text: ${q(`Hands-on experience with ${sk.map((s) => titleCase(s.slice(6))).join(', ')}`)}\n        skills:\n          ${rnd() < 0.5 ? 'any' : 'all'}: [${sk.join(', ')}]\n`;
      y += `      - id: ${id}-extra\n        text: ${q(`${pick(VERBS)} ${pick(OBJECTS)} independently at the ${LEVELS[k]} level`)}\n`;
      if (rnd() < 0.3) y += `    nice_to_haves:\n      - ${q(`Background in ${pick(OBJECTS)} (${id})`)}\n`;
    }
    y += `external:\n  ${manager}:\n    title: ${q('Head of ' + noun)}\n    url: /job-families/${fid}/head/\n`;
    write(`${fid}.yaml`, y);
    prevFirstRole = ids[0];
    made += n;
    fam++;
  }

  const result = { files, bytes, roles: made, families: fam, deepRole, deepDepth, diffFrom, diffTo };
  if (options.profile) {
    const prof =
      `kind: profile\nname: Synthetic Person\nrole: ${diffFrom}\n` +
      `experience: {${areaIds.map((a, i) => `${a}: ${(i * 7) % 12}`).join(', ')}}\n` +
      `skills: [${skillIds.filter((_, i) => i % 3 === 0).join(', ')}]\n` +
      `evidence:\n  fam-alpha-values: Peer feedback\n`;
    writeFileSync(options.profile, prof);
    result.profile = options.profile;
  }
  return result;
}

function parseArgs(argv) {
  const opts = { roles: 1000, out: '', seed: 1, group: 10 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--roles') ((opts.roles = Number(v)), i++);
    else if (a === '--out') ((opts.out = v), i++);
    else if (a === '--families') ((opts.families = Number(v)), i++);
    else if (a === '--seed') ((opts.seed = Number(v)), i++);
    else if (a === '--group') ((opts.group = Number(v)), i++);
    else if (a === '--profile') ((opts.profile = v), i++);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(
        'usage: node scripts/generate.js (--roles <n> | --families <n>) --out <dir> [--seed <n>] [--group <families per cross-family chain>] [--profile <file>]\n',
      );
      process.exit(0);
    } else {
      process.stderr.write(`generate: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  if (!opts.out || !(opts.roles > 0 || opts.families > 0)) {
    process.stderr.write('generate: --out <dir> and a positive --roles or --families are required\n');
    process.exit(2);
  }
  return opts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = generate(parseArgs(process.argv.slice(2)));
  process.stdout.write(JSON.stringify(result) + '\n');
}
