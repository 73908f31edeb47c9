// Shared by the quick fuzz run in `npm test` (test/fuzz/fuzz.test.ts, through the sources) and the
// long one (`npm run fuzz`, scripts/fuzz.js, through dist/): what a generated case looks like, how it
// is mutated and written, and the invariants every command must keep on it.
//
// A case is a few valid-ish families (roles, extends, items with structure), then model mutations
// (deleted keys, broken references, cycles, reordered keys) and byte-level mutations of the YAML text
// (random bytes, truncation, duplicated/deleted/swapped lines, tabs, YAML-significant tokens).
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROLE_IDS = ['a-role', 'b-role', 'c-role', 'd-role', 'e-role', 'f-role', 'g-role', 'constructor'];
const ITEM_IDS = ['x-item', 'y-item', 'z-item', 'it-saas-years'];
const SKILLS = ['gcp', 'aws', 'terraform', 'unknown-skill'];
const AREAS = ['it-saas', 'ops', 'unknown-area'];

/**
 * A family. `sound` families pass the schema (their references, grades and items may still be
 * inconsistent, which is lint's business), so the commands get past the loader into resolve, diff,
 * gap and export; the others sometimes carry wrong values.
 */
function familyArb(sound) {
  const rarely = (good, bad) => (sound ? good : fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: bad }));
  const REF = rarely(fc.constantFrom(...ROLE_IDS, 'fam-one', 'fam-two', 'ext-one', 'missing-role'), fc.constantFrom('Bad Id', ''));
  const text = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'Ability to use GitLab',
        '5+ years of experience in IT',
        'Build labs',
        'Own the roadmap',
        'Techincal Instructor',
        'Technical Instructor',
      ),
    },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
    { weight: 1, arbitrary: rarely(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 })) },
  );
  const item = fc.oneof(
    text,
    fc.record(
      {
        id: fc.constantFrom(...ITEM_IDS),
        text,
        years: rarely(fc.nat(15), fc.constant(-1)),
        area: fc.constantFrom(...AREAS),
        skills: rarely(
          fc.oneof(
            fc.record({ any: fc.array(fc.constantFrom(...SKILLS), { minLength: 1, maxLength: 3 }) }),
            fc.record({ all: fc.array(fc.constantFrom(...SKILLS), { minLength: 1, maxLength: 3 }) }),
          ),
          fc.constant({ all: [] }),
        ),
      },
      { requiredKeys: ['text'] },
    ),
  );
  const items = fc.array(item, { maxLength: 3 });
  const role = fc.record(
    {
      title: fc.oneof(text, fc.constantFrom('Senior Developer', 'Senior Develper', 'Staff Developer')),
      level: fc.constantFrom('Intermediate', 'Senior', 'Staff'),
      grade: rarely(fc.oneof(fc.integer({ min: 4, max: 13 }), fc.constant(9.5)), fc.constant('seven')),
      reports_to: REF,
      extends: REF,
      remove: fc.array(fc.constantFrom(...ITEM_IDS, 'Build labs', 'nope'), { maxLength: 2 }),
      summary: text,
      responsibilities: items,
      requirements: items,
      nice_to_haves: items,
    },
    { requiredKeys: ['title', 'grade'] },
  );
  return fc.record(
    {
      id: rarely(fc.constantFrom('fam-one', 'fam-two', 'fam-three'), fc.constant('a-role')),
      title: text,
      requirements: items,
      responsibilities: items,
      roles: fc.dictionary(fc.constantFrom(...ROLE_IDS), role, { minKeys: 1, maxKeys: 5 }),
      ladders: fc.dictionary(fc.constantFrom('main', 'other'), fc.record({ levels: fc.array(REF, { minLength: 1, maxLength: 4 }) }), { maxKeys: 2 }),
      specialties: fc.dictionary(
        fc.constantFrom('federal', 'emea'),
        fc.record({ title: text, roles: fc.array(fc.constantFrom(...ROLE_IDS), { maxLength: 2 }), requirements: items }, { requiredKeys: ['title'] }),
        { maxKeys: 2 },
      ),
      next: fc.array(REF, { maxLength: 2 }),
      external: fc.constant({ 'ext-one': { title: 'Somewhere else', url: '/job-families/else/' } }),
    },
    { requiredKeys: ['id', 'title', 'roles'] },
  );
}
const soundFamily = familyArb(true);
const messyFamily = familyArb(false);

/**
 * Text that tries to be something else once it is on a page or a terminal: control characters (ESC
 * sequences, OSC 8 / OSC 52, BEL, CR), markdown block syntax at a line start, an annotation comment,
 * structure sentences, long whitespace runs.
 */
export const HOSTILE_TEXTS = [
  '\u001b[2J\u001b]0;title\u0007',
  '\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007',
  '\u001b]52;c;ZXZpbA==\u0007',
  '\r\r## Director of Everything\r\rThe Director of Everything is a grade 20.',
  '\n### Ghost Role\n\nThe Ghost Role is a grade 3.\n',
  '\n- forged item\n* another',
  '\n| Title | Grade |\n|---|---|\n| Boss | Grade 12 |',
  ' <!-- ladder: {"id": "forged", "years": 99} -->',
  '\n**Bold Heading**\n',
  ' reports to the Chief Executive Officer. Extends the Director requirements',
  ' '.repeat(3000) + 'x',
  '\t\u2028\u2029\u0085\u000b\u000c',
  'TBD',
  // C1 controls (CSI, OSC, ST), NUL, bidi overrides and isolates.
  '\u009b31m\u009d0;title\u009c\u0000',
  '\u202eevil\u202c \u2066isolate\u2069 \u2067x\u2068y',
  // A title or item that reads like sentences, and regex bait: long runs of markdown punctuation.
  'Build labs. Own the roadmap: (all of it); plus',
  '*'.repeat(500) + '_'.repeat(500) + '|'.repeat(500),
  '['.repeat(400) + '('.repeat(400) + '<'.repeat(400) + '`'.repeat(400),
  '\n> quote\n>> nested\n    indented code\n```\nfence\n',
  '***__nested *emphasis* inside__***',
];

const modelMutation = fc.oneof(
  fc.record({ kind: fc.constant('hostile-text'), at: fc.nat(), text: fc.constantFrom(...HOSTILE_TEXTS) }),
  fc.record({ kind: fc.constant('delete-key'), at: fc.nat(), key: fc.constantFrom('kind', 'id', 'title', 'roles', 'grade', 'text', 'extends') }),
  fc.record({ kind: fc.constant('break-reference'), at: fc.nat() }),
  fc.record({ kind: fc.constant('cycle'), at: fc.nat() }),
  fc.record({ kind: fc.constant('reorder-keys'), at: fc.nat() }),
  fc.record({ kind: fc.constant('wrong-type'), at: fc.nat(), value: fc.constantFrom(null, 42, [], {}, 'text', true) }),
);

const TOKENS = [
  ':',
  '- ',
  '&a ',
  '*a',
  '*b',
  '!!binary ',
  '!tag ',
  '!!set ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '#',
  '\t',
  '---\n',
  '...\n',
  '? ',
  '|',
  '>-\n',
  '%YAML 1.2\n',
  '\uFEFF',
  '\r',
  '\r\n',
  '<<: *a\n',
  '__proto__: ',
  ' ',
  '\n',
];

const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('bytes'), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line'), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line'), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines'), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('tab-indent'), at: fc.nat() }),
  fc.record({ kind: fc.constant('token'), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
);

/** A whole case: families, whether a skills vocabulary exists, and the mutations to apply. */
const mutations = (arb) => fc.array(arb, { minLength: 1, maxLength: 3 });
const textMutations = mutations(fc.record({ file: fc.nat(), mutation: textMutation }));
export const caseArb = fc.oneof(
  // Sound families, their references repaired, untouched: everything past the loader runs.
  fc.record({
    families: fc.array(soundFamily, { minLength: 1, maxLength: 3 }),
    repair: fc.constant(true),
    skills: fc.boolean(),
    modelMutations: fc.constant([]),
    textMutations: fc.constant([]),
  }),
  // Repaired sound families with hostile text in every text field: they still load, so the
  // raw-control and export → import invariants see the text go through every command.
  fc.record({
    families: fc.array(soundFamily, { minLength: 1, maxLength: 3 }),
    repair: fc.constant(true),
    skills: fc.boolean(),
    modelMutations: mutations(fc.record({ kind: fc.constant('hostile-text'), at: fc.nat(), text: fc.constantFrom(...HOSTILE_TEXTS) })),
    textMutations: fc.constant([]),
  }),
  // Sound families with structural mutations (deleted keys, broken references, cycles, wrong types).
  fc.record({
    families: fc.array(soundFamily, { minLength: 1, maxLength: 3 }),
    repair: fc.boolean(),
    skills: fc.boolean(),
    modelMutations: mutations(modelMutation),
    textMutations: fc.constant([]),
  }),
  // Anything, then bytes mutated.
  fc.record({
    families: fc.array(messyFamily, { minLength: 1, maxLength: 3 }),
    repair: fc.constant(false),
    skills: fc.boolean(),
    modelMutations: fc.oneof(fc.constant([]), mutations(modelMutation)),
    textMutations,
  }),
);

const SKILLS_YAML =
  'kind: skills\nskills:\n  gcp: {title: Google Cloud Platform, aliases: [GCP]}\n  aws: {title: Amazon Web Services}\n  terraform: {title: Terraform}\nareas:\n  it-saas: {title: IT in a high-growth SaaS environment}\n  ops: {title: Operations}\n';
export const PROFILE_YAML =
  'kind: profile\nname: Fuzz Person\nrole: a-role\nexperience: {it-saas: 6, ops: 1}\nskills: [gcp, terraform]\nevidence:\n  x-item: Did it\n';

/** Every object (map) reachable in the model, in a stable order. */
function mapsOf(value, out = []) {
  if (value && typeof value === 'object') {
    if (!Array.isArray(value)) out.push(value);
    for (const v of Object.values(value)) mapsOf(v, out);
  }
  return out;
}

function applyModelMutation(families, m) {
  const fams = families.map((f) => ({ kind: 'family', ...f }));
  const roles = fams.flatMap((f) =>
    (f.roles && typeof f.roles === 'object' ? Object.entries(f.roles) : [])
      .filter(([, r]) => r && typeof r === 'object' && !Array.isArray(r))
      .map(([id, r]) => ({ id, r, f })),
  );
  const pick = (arr) => arr[m.at % arr.length];
  switch (m.kind) {
    case 'delete-key': {
      const holders = mapsOf(fams).filter((o) => Object.prototype.hasOwnProperty.call(o, m.key));
      if (holders.length) delete pick(holders)[m.key];
      break;
    }
    case 'break-reference':
      if (roles.length) pick(roles).r.extends = 'no-such-role';
      break;
    case 'cycle':
      // The first role extends the last and the last extends the first (or itself).
      if (roles.length) {
        roles[0].r.extends = roles[roles.length - 1].id;
        roles[roles.length - 1].r.extends = roles[0].id;
      }
      break;
    case 'reorder-keys': {
      const o = pick(mapsOf(fams));
      if (!o) break;
      const entries = Object.entries(o).reverse();
      for (const k of Object.keys(o)) delete o[k];
      for (const [k, v] of entries) o[k] = v;
      break;
    }
    case 'hostile-text': {
      // Into every text field: titles, summaries, items (string or `text`), hiring steps.
      const put = (t) => (m.at % 3 === 0 ? m.text + t : m.at % 3 === 1 ? t + m.text : t.slice(0, t.length >> 1) + m.text + t.slice(t.length >> 1));
      const visit = (o) => {
        if (!o || typeof o !== 'object') return;
        for (const [k, v] of Object.entries(o)) {
          if (typeof v === 'string' && ['title', 'summary', 'text', 'career_ladder'].includes(k)) o[k] = put(v);
          else if (Array.isArray(v) && ['responsibilities', 'requirements', 'nice_to_haves', 'performance_indicators', 'hiring_process'].includes(k))
            o[k] = v.map((x) => (typeof x === 'string' ? put(x) : (visit(x), x)));
          else if (v && typeof v === 'object' && k !== 'external') visit(v);
        }
      };
      for (const f of fams) visit(f);
      break;
    }
    case 'wrong-type': {
      const o = pick(mapsOf(fams));
      if (!o) break;
      const keys = Object.keys(o);
      // A copy: the generated constant is shared by every case.
      if (keys.length) o[keys[m.at % keys.length]] = structuredClone(m.value);
      break;
    }
  }
  return fams;
}

function lines(buf) {
  const out = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 10) {
      out.push(buf.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < buf.length) out.push(buf.subarray(start));
  return out;
}

function applyTextMutation(buf, m) {
  const at = buf.length ? m.at % (buf.length + 1) : 0;
  switch (m.kind) {
    case 'bytes':
      return Buffer.concat([buf.subarray(0, at), Buffer.from(m.bytes), buf.subarray(at)]);
    case 'truncate':
      return buf.subarray(0, at);
    case 'token':
      return Buffer.concat([buf.subarray(0, at), Buffer.from(m.token), buf.subarray(at)]);
  }
  const ls = lines(buf);
  if (!ls.length) return buf;
  const i = m.at % ls.length;
  if (m.kind === 'duplicate-line') ls.splice(i, 0, ls[i]);
  else if (m.kind === 'delete-line') ls.splice(i, 1);
  else if (m.kind === 'swap-lines') {
    const j = m.with % ls.length;
    [ls[i], ls[j]] = [ls[j], ls[i]];
  } else if (m.kind === 'tab-indent') {
    const s = ls[i].toString('latin1');
    ls[i] = Buffer.from(s.replace(/^ +/, '\t'), 'latin1');
  }
  return Buffer.concat(ls);
}

/**
 * Makes generated families load: ids unique across the case (families, roles, item ids), references
 * to ids the case has (a dangling `reports_to`, `next`, ladder level or specialty role dropped), and
 * `extends` only to an earlier role of no higher grade (no cycle). Without it nearly every case is
 * refused at load (exit 2) and never reaches resolve, diff, gap or export.
 */
function repaired(families) {
  const fams = structuredClone(families);
  const taken = new Set(['ext-one']);
  const fresh = (id) => {
    let x = id;
    for (let n = 2; taken.has(x); n++) x = `${id}-${n}`;
    taken.add(x);
    return x;
  };
  const roleGrade = new Map();
  for (const f of fams) {
    f.id = fresh(f.id);
    const roles = {};
    for (const [id, r] of Object.entries(f.roles)) {
      const nid = fresh(id);
      roles[nid] = r;
    }
    f.roles = roles;
  }
  const itemIds = new Set();
  const visitItems = (list) =>
    Array.isArray(list)
      ? list.map((i) => {
          if (i && typeof i === 'object' && typeof i.id === 'string') {
            let x = i.id;
            for (let n = 2; itemIds.has(x); n++) x = `${i.id}-${n}`;
            itemIds.add(x);
            return { ...i, id: x };
          }
          return i;
        })
      : list;
  const sectionsOf = (o) => {
    for (const k of ['responsibilities', 'requirements', 'nice_to_haves']) if (o[k] !== undefined) o[k] = visitItems(o[k]);
  };
  const known = new Set(taken);
  for (const f of fams) {
    sectionsOf(f);
    for (const [id, r] of Object.entries(f.roles)) {
      sectionsOf(r);
      if (r.reports_to !== undefined && (!known.has(r.reports_to) || r.reports_to === id)) delete r.reports_to;
      const parent = r.extends;
      if (parent !== undefined && !(roleGrade.has(parent) && roleGrade.get(parent) <= r.grade)) {
        delete r.extends;
        delete r.remove;
      }
      roleGrade.set(id, r.grade);
    }
    const ids = new Set(Object.keys(f.roles));
    if (f.next) f.next = f.next.filter((x) => known.has(x) && x !== f.id);
    if (f.ladders) for (const l of Object.values(f.ladders)) l.levels = l.levels.filter((x) => ids.has(x));
    if (f.ladders) for (const [k, l] of Object.entries(f.ladders)) if (!l.levels.length) delete f.ladders[k];
    if (f.specialties) for (const sp of Object.values(f.specialties)) if (sp.roles) sp.roles = sp.roles.filter((x) => ids.has(x));
  }
  return fams;
}

/** The families of a case before its mutations (repaired when the case asks for it). */
const familiesOf = (c) => (c.repair ? repaired(c.families) : structuredClone(c.families));

/** The files of a case: name -> bytes. */
export function filesOf(c) {
  // Generated values are shared with the shrinker: mutate a copy.
  let fams = familiesOf(c);
  for (const m of c.modelMutations) fams = applyModelMutation(fams, m);
  const files = fams.map((f, i) => [`f${i}.yaml`, Buffer.from(stringify({ kind: 'family', ...f }, { lineWidth: 0 }))]);
  if (c.skills) files.push(['skills.yaml', Buffer.from(SKILLS_YAML)]);
  for (const { file, mutation } of c.textMutations) {
    const k = file % files.length;
    files[k][1] = applyTextMutation(files[k][1], mutation);
  }
  return files;
}

/** Role ids and family ids a case mentions, to aim show/diff/gap/export at. */
export function targetsOf(c) {
  const fams = familiesOf(c);
  const roles = fams.flatMap((f) => Object.keys(f.roles));
  return { roleA: roles[0] ?? 'a-role', roleB: roles[roles.length - 1] ?? 'b-role', family: fams[0]?.id ?? 'fam-one' };
}

/** Writes a case under `dir/data` and the profile at `dir/profile.yaml`; returns what was written. */
export function writeCaseFiles(dir, c) {
  rmSync(join(dir, 'data'), { recursive: true, force: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  const files = filesOf(c);
  for (const [name, bytes] of files) writeFileSync(join(dir, 'data', name), bytes);
  writeFileSync(join(dir, 'profile.yaml'), PROFILE_YAML);
  return new Map(files.map(([name, bytes]) => [`data/${name}`, bytes]));
}

/** The command lines run on every case (cwd: the case directory). */
export function commandsFor(c) {
  const { roleA, roleB, family } = targetsOf(c);
  const data = ['--data', 'data', '--no-color'];
  return [
    ['lint', 'data', '--format', 'json'],
    [...data, 'list'],
    [...data, 'show', roleB],
    [...data, 'show', roleB, '--format', 'json'],
    [...data, 'diff', roleA, roleB],
    [...data, 'gap', roleB, '--profile', 'profile.yaml'],
    [...data, 'export', family],
  ];
}

const STACK = /^\s{4}at \S/m;

/**
 * The invariants. Returns a description of the first violation, or null.
 * `files`: display path -> bytes, to check that every finding points inside its file.
 */
export function violation(argv, r, files) {
  const where = `ladder ${argv.join(' ')}`;
  if (![0, 1, 2].includes(r.code)) return `${where}: exit code ${r.code}`;
  if (STACK.test(r.stderr) || STACK.test(r.stdout)) return `${where}: stack trace:\n${r.stderr.slice(0, 1500)}`;
  if (/internal error/.test(r.stderr)) return `${where}: internal error:\n${r.stderr.slice(0, 1500)}`;
  // Exit 2 explains itself on stderr; exit 1 (lint findings, gap's missing requirements) reports on stdout.
  if (r.code === 2 && r.stderr.trim() === '') return `${where}: exit 2 without a message`;
  if (r.code === 1 && r.stdout.trim() === '' && r.stderr.trim() === '') return `${where}: exit 1 with no output`;
  if (argv[0] === 'lint' && argv.includes('json') && r.code !== 2) {
    let findings;
    try {
      findings = JSON.parse(r.stdout);
    } catch {
      return `${where}: --format json printed something that is not JSON: ${r.stdout.slice(0, 300)}`;
    }
    if (!Array.isArray(findings)) return `${where}: --format json is not an array`;
    if ((r.code === 0) !== !findings.some((f) => f.severity === 'error') && r.code !== 1) return `${where}: exit ${r.code} does not match the findings`;
    for (const f of findings) {
      const bad = positionProblem(f, files);
      if (bad) return `${where}: ${bad}: ${JSON.stringify(f)}`;
      for (const rel of f.related ?? []) {
        const badRel = positionProblem(rel, files);
        if (badRel) return `${where}: related ${badRel}: ${JSON.stringify(rel)}`;
      }
    }
  }
  return null;
}

function positionProblem(f, files) {
  if (typeof f.file !== 'string' || !f.file) return 'finding without a file';
  const bytes = files.get(f.file);
  if (!bytes) return `finding in an unknown file ${f.file}`;
  if (!Number.isInteger(f.line) || !Number.isInteger(f.column) || f.line < 1 || f.column < 1) return 'line/column not 1-based integers';
  const text = new TextDecoder('utf-8').decode(bytes);
  const ls = text.split('\n');
  if (f.line > ls.length) return `line ${f.line} beyond the ${ls.length} lines of the file`;
  if (f.column > ls[f.line - 1].length + 1) return `column ${f.column} beyond the end of line ${f.line} (${ls[f.line - 1].length} characters)`;
  if (f.endLine !== undefined && (f.endLine < f.line || f.endLine > ls.length)) return `endLine ${f.endLine} outside ${f.line}..${ls.length}`;
  return null;
}

/** Every value of a parsed file and every container's recorded offsets, as one string. */
function dumpParsed(v, offsets) {
  if (typeof v !== 'object' || v === null) return `${typeof v}:${String(v)}`;
  const o = offsets.get(v);
  const head = o ? `@${o.start}#${o.at}x${o.len}${o.names ? `[${o.names.join('|')}]` : ''}` : '@none';
  if (Array.isArray(v)) return `${head}[${v.map((x) => dumpParsed(x, offsets)).join(',')}]`;
  return `${head}{${Object.keys(v)
    .map((k) => `${JSON.stringify(k)}:${dumpParsed(v[k], offsets)}`)
    .join(',')}}`;
}

/**
 * The fast YAML path against yaml's full pipeline on one text (modules passed in: the sources in
 * tests, dist/ in the long run). `taken`: whether the fast path accepted the text; `fast` and `full`:
 * what each made of it (values, container offsets, offset pool, syntax errors), equal when all is well.
 * With `parseValues`, `values` and `fullValues` too, when the values-only path took the text.
 */
export function compareYamlPaths(text, { jsYaml, parseFast, parse, maxDepth, parseValues }) {
  const out = { taken: false };
  let full;
  // The values-only path (what lint reads with), when given: its values against the full pipeline's.
  const values = parseValues ? parseValues(jsYaml, text, maxDepth) : undefined;
  if (values !== undefined) {
    full = parse(text, 'file.yaml', { fast: false });
    out.values = JSON.stringify({ syntax: [], value: dumpValue(values) });
    out.fullValues = JSON.stringify({ syntax: full.syntax, value: dumpValue(full.value) });
  }
  const fast = parseFast(jsYaml, text, maxDepth);
  if (!fast || 'tooDeep' in fast) return out;
  full ??= parse(text, 'file.yaml', { fast: false });
  return {
    ...out,
    taken: true,
    fast: JSON.stringify({ syntax: [], value: dumpParsed(fast.value, fast.offsets), pool: Array.from(fast.pool) }),
    full: JSON.stringify({ syntax: full.syntax, value: dumpParsed(full.value, full.locator.offsets), pool: Array.from(full.locator.pool) }),
  };
}

/**
 * The outline of a text the values-only path took (src/core/yaml/outline.ts, how lint locates its
 * findings without parsing again) against the fast path's positions of the same text: for every path
 * into the values (and, under each collection, a key or an index that is not there), its key's and its
 * value's offsets, and the subject of a finding there (src/core/subject.ts), must be the same.
 * `outlined`: whether an outline was made; `unsure`: the paths it left to a second parse; `problem`:
 * the first difference.
 */
export function compareOutline(text, { jsYaml, parseValues, parseFast, Outline, Locator, LineIndex, subjectOf, maxDepth }) {
  const keep = {};
  if (parseValues(jsYaml, text, maxDepth, keep) === undefined) return { outlined: false, unsure: 0, paths: 0 };
  const outline = Outline.of(jsYaml, keep.text, keep.log);
  const fast = parseFast(jsYaml, keep.text, maxDepth, false);
  const fastTakes = fast !== undefined && !('tooDeep' in fast);
  if (!outline) return { outlined: false, unsure: 0, paths: 0, fastTakes };
  if (!fastTakes) return { outlined: true, unsure: 0, paths: 0, problem: 'the outline takes a text the fast path refuses' };
  const locator = new Locator(fast.value, fast.offsets, new LineIndex(keep.text), fast.pool);
  let unsure = 0;
  let paths = 0;
  const visit = (v, path) => {
    paths++;
    for (const at of ['key', 'value']) {
      const a = outline.offsetsOf(path, at);
      if (a === undefined) {
        unsure++;
        continue;
      }
      const b = locator.offsetsOf(path, at);
      if (a[0] !== b[0] || a[1] !== b[1]) return `${JSON.stringify(path)} (${at}): the outline says ${a}, the fast path ${b}`;
    }
    const spine = outline.spine(path);
    if (spine === undefined) unsure++;
    else if (subjectOf(spine, path) !== subjectOf(fast.value, path))
      return `${JSON.stringify(path)}: the outline's subject is ${JSON.stringify(subjectOf(spine, path))}, the fast path's ${JSON.stringify(subjectOf(fast.value, path))}`;
    if (v === null || typeof v !== 'object') return null;
    const entries = Array.isArray(v)
      ? v.map((x, i) => [i, x]).concat([[v.length, undefined]])
      : Object.keys(v)
          .map((k) => [k, v[k]])
          .concat([['not-a-key', undefined]]);
    for (const [k, x] of entries) {
      const problem =
        x === undefined && !(Array.isArray(v) ? k < v.length : Object.prototype.hasOwnProperty.call(v, k))
          ? visitMissing([...path, k])
          : visit(x, [...path, k]);
      if (problem) return problem;
    }
    return null;
  };
  const visitMissing = (path) => {
    paths++;
    const a = outline.offsetsOf(path, 'value');
    const b = locator.offsetsOf(path, 'value');
    if (a !== undefined && (a[0] !== b[0] || a[1] !== b[1])) return `${JSON.stringify(path)} (missing): the outline says ${a}, the fast path ${b}`;
    const spine = outline.spine(path);
    if (spine !== undefined && subjectOf(spine, path) !== subjectOf(fast.value, path)) return `${JSON.stringify(path)} (missing): the subjects differ`;
    return null;
  };
  const problem = visit(fast.value, []);
  return problem ? { outlined: true, unsure, paths, problem } : { outlined: true, unsure, paths };
}

/** A value written out with key order, NaN, infinities and -0 (what JSON loses). */
function dumpValue(v) {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v !== 'object' || v === null) return `${typeof v}:${String(v)}`;
  if (Array.isArray(v)) return `[${v.map(dumpValue).join(',')}]`;
  return `{${Object.keys(v)
    .map((k) => `${JSON.stringify(k)}:${dumpValue(v[k])}`)
    .join(',')}}`;
}

/**
 * Export → import never creates a role, an item or a field the data did not have: `original` is the
 * family as loaded (`ladder export … --format json` shape is not needed: the model is enough),
 * `imported` the family object `importPages` made of the exported page.
 */
export function roundTripProblem(original, imported) {
  if (!imported) return null;
  const roles = original.roles && typeof original.roles === 'object' ? original.roles : {};
  for (const [id, role] of Object.entries(imported.roles ?? {})) {
    const before = roles[id];
    if (!before) return `export → import created role \`${id}\` (${JSON.stringify(role.title).slice(0, 80)})`;
    for (const k of Object.keys(role)) {
      if (k === 'summary' && before.reports_to !== undefined) continue;
      if (k === 'level' || k === 'title') continue;
      if (before[k] === undefined) return `export → import gave role \`${id}\` a field \`${k}\` it did not have: ${JSON.stringify(role[k]).slice(0, 120)}`;
    }
    for (const k of ['responsibilities', 'requirements', 'nice_to_haves', 'performance_indicators', 'hiring_process']) {
      const n = Array.isArray(role[k]) ? role[k].length : 0;
      const m = Array.isArray(before[k]) ? before[k].length : 0;
      if (n > m) return `export → import gave role \`${id}\` ${n} ${k} for ${m}`;
    }
    if (role.grade !== before.grade) return `export → import changed the grade of \`${id}\` from ${before.grade} to ${role.grade}`;
  }
  for (const k of ['responsibilities', 'requirements', 'nice_to_haves', 'performance_indicators']) {
    const n = Array.isArray(imported[k]) ? imported[k].length : 0;
    const m = Array.isArray(original[k]) ? original[k].length : 0;
    if (n > m) return `export → import gave the family ${n} ${k} for ${m}`;
  }
  return null;
}

/**
 * For `export <family>` that succeeded: imports the page again (`importPages` from the importer) and
 * checks `roundTripProblem` against the family as written in the case's files.
 */
export function exportProblem(argv, r, files, importPages) {
  if (argv[argv.length - 2] !== 'export' || r.code !== 0) return null;
  const id = argv[argv.length - 1];
  const families = [];
  for (const bytes of files.values()) {
    try {
      const v = parse(Buffer.from(bytes).toString('utf8'));
      if (v && v.kind === 'family') families.push(v);
    } catch {
      // a mutated file that does not parse is not the one exported
    }
  }
  // Ids defined twice are lint's business (the data set keeps the first): the original is then unclear.
  const ids = families.flatMap((f) => [f.id, ...Object.keys(f.roles && typeof f.roles === 'object' ? f.roles : {})]);
  if (new Set(ids).size !== ids.length) return null;
  const original = families.find((f) => f.id === id);
  if (!original) return null;
  const result = importPages([{ file: `${id}.md`, text: r.stdout }]);
  const problem = roundTripProblem(original, result.families[0]?.family);
  return problem ? `ladder ${argv.join(' ')}: ${problem}` : null;
}

/** No control character from data reaches the terminal raw (newlines and tabs of the layout aside). */
export function rawControlProblem(argv, r) {
  // JSON may carry U+0085/U+2028/U+2029 as they are (valid JSON); every other output must not.
  // Elsewhere C1 controls (U+009B is CSI) and bidi overrides/isolates are escaped too.
  const raw = argv.includes('json') ? /[\u0000-\u0008\u000b-\u001f\u007f]/ : /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  for (const [name, out] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ]) {
    const at = out.search(raw);
    if (at >= 0)
      return `ladder ${argv.join(' ')}: raw control character U+${out.charCodeAt(at).toString(16).padStart(4, '0')} on ${name}: ${JSON.stringify(out.slice(Math.max(0, at - 60), at + 20))}`;
  }
  return null;
}
