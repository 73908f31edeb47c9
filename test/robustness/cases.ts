/**
 * Hostile inputs. Each case is a small data set written into a temporary directory: one good family
 * (so every command has roles to work on) plus the hostile file(s). `valid` cases must work (exit 0);
 * the others must be refused with findings or a one-line error.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const GOOD_FAMILY = `kind: family
id: good
title: Good Family
roles:
  good-one:
    title: Good One
    grade: 5
    responsibilities: [Do the first thing]
    requirements:
      - id: first-years
        text: 2+ years of experience in the first thing
        years: 2
        area: first
  good-two:
    title: Good Two
    grade: 6
    extends: good-one
    responsibilities: [Do the second thing]
    requirements: [Know the second thing]
`;

export const GOOD_PROFILE = `kind: profile
name: Pat Example
role: good-one
experience: {first: 3}
skills: [yaml]
`;

/** A family with the given body after the header lines (kind, id, title). */
export const fam = (id: string, body: string) => `kind: family\nid: ${id}\ntitle: ${id}\n${body}`;
const oneRole = 'roles:\n  x-role:\n    title: X\n    grade: 5\n    responsibilities: [Do x]\n';

export interface HostileCase {
  name: string;
  /** Relative path -> content. The good family is added as good.yaml unless `alone`. */
  files: Record<string, string | Uint8Array>;
  /** True: the data set is fine and every command must succeed; false: it must be refused; 'either': both are defensible. */
  valid: boolean | 'either';
  /** Roles to show (default good-two) and a pair to diff (default good-one → good-two). */
  show?: string[];
  diff?: [string, string];
  /** The hostile file, also fed to `gap --profile` and `import` (default: the first file). */
  main?: string;
}

function billionLaughs(): string {
  let y = fam('bomb', '');
  y += 'summary: &a "lol"\n';
  let prev = 'a';
  for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) {
    y += `nice_${name}: &${name} [${Array(10)
      .fill('*' + prev)
      .join(', ')}]\n`;
    prev = name;
  }
  return y + oneRole;
}

const DEPTH = 10_000;

export const CASES: HostileCase[] = [
  { name: 'alias bomb (billion laughs)', files: { 'bomb.yaml': billionLaughs() }, valid: false },
  {
    name: 'alias bomb inside an item list',
    files: {
      'bomb2.yaml':
        fam('bomb2', `responsibilities: &r [${Array(50).fill('"x"').join(',')}]\n`) +
        'roles:\n' +
        Array.from({ length: 300 }, (_, i) => `  r-${i}: {title: R${i}, grade: 5, responsibilities: *r}\n`).join(''),
    },
    valid: false,
  },
  { name: `${DEPTH}-deep flow nesting`, files: { 'deep-flow.yaml': fam('deep-flow', 'roles: ' + '['.repeat(DEPTH) + ']'.repeat(DEPTH) + '\n') }, valid: false },
  {
    name: `${DEPTH}-deep flow mappings`,
    files: { 'deep-map.yaml': fam('deep-map', 'roles: ' + '{a: '.repeat(DEPTH) + '1' + '}'.repeat(DEPTH) + '\n') },
    valid: false,
  },
  {
    name: `${DEPTH}-deep block nesting`,
    files: { 'deep-block.yaml': fam('deep-block', 'roles:\n  x:\n    responsibilities:\n      ' + '- '.repeat(DEPTH) + 'x\n') },
    valid: false,
  },
  {
    name: '1000-deep indented block mappings',
    files: {
      'deep-indent.yaml': fam(
        'deep-indent',
        'roles:\n' + Array.from({ length: 1000 }, (_, i) => ' '.repeat(i + 1) + `k${i}:\n`).join('') + ' '.repeat(1001) + 'v\n',
      ),
    },
    valid: false,
  },
  { name: 'duplicate top-level key', files: { 'dup.yaml': fam('dup', 'title: again\n' + oneRole) }, valid: false },
  { name: 'duplicate role id', files: { 'dup-role.yaml': fam('dup-role', oneRole + '  x-role:\n    title: Y\n    grade: 6\n') }, valid: false },
  { name: 'tab indentation', files: { 'tabs.yaml': fam('tabs', 'roles:\n\tx-role:\n\t\ttitle: X\n\t\tgrade: 5\n') }, valid: false },
  { name: 'byte order mark', files: { 'bom.yaml': '\uFEFF' + fam('bom', oneRole) }, valid: true },
  { name: 'CRLF line ends', files: { 'crlf.yaml': fam('crlf', oneRole).replace(/\n/g, '\r\n') }, valid: true },
  {
    name: 'invalid UTF-8',
    files: {
      'bad-utf8.yaml': Buffer.concat([Buffer.from(fam('bad-utf8', 'summary: caf')), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('\n' + oneRole)]),
    },
    valid: false,
  },
  { name: 'binary file', files: { 'binary.yaml': Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256) }, valid: false },
  { name: 'empty file', files: { 'empty.yaml': '' }, valid: false },
  { name: 'only a comment', files: { 'comment.yaml': '# nothing but a comment\n' }, valid: false },
  { name: 'only whitespace', files: { 'blank.yaml': '\n   \n\t\n' }, valid: false },
  { name: 'two documents', files: { 'multi.yaml': fam('multi-a', oneRole) + '---\n' + fam('multi-b', oneRole.replace('x-role', 'y-role')) }, valid: false },
  { name: 'a scalar document', files: { 'scalar.yaml': 'just a string\n' }, valid: false },
  { name: 'a list document', files: { 'list.yaml': '- kind: family\n- id: x\n' }, valid: false },
  { name: '!!binary tag', files: { 'binary-tag.yaml': fam('binary-tag', 'summary: !!binary aGVsbG8gd29ybGQ=\n' + oneRole) }, valid: 'either' },
  { name: 'custom tag', files: { 'custom-tag.yaml': fam('custom-tag', 'summary: !js/function "function(){}"\n' + oneRole) }, valid: false },
  { name: '!!set and !!omap tags', files: { 'set-tag.yaml': fam('set-tag', 'next: !!set {a, b}\nsource: !!omap [a: 1]\n' + oneRole) }, valid: false },
  {
    name: '__proto__, constructor and prototype keys',
    files: {
      'proto.yaml':
        fam('proto', '__proto__: {polluted: yes}\nconstructor: {polluted: yes}\n') +
        'roles:\n  __proto__:\n    title: P\n    grade: 5\n    polluted: yes\n  constructor:\n    title: C\n    grade: 5\n    __proto__: {polluted: yes}\n',
    },
    valid: false,
  },
  {
    name: 'roles named constructor, prototype, to-string and has-own-property',
    files: {
      'proto-ok.yaml': fam(
        'proto-ok',
        'roles:\n  constructor:\n    title: Constructor\n    grade: 5\n    responsibilities: [Build]\n    requirements:\n      - {id: prototype, text: Prototype things, years: 1, area: constructor}\n' +
          '  prototype:\n    title: Prototype\n    grade: 6\n    extends: constructor\n    reports_to: to-string\n    remove: [prototype]\n    responsibilities: [Shape]\n' +
          '  to-string:\n    title: To String\n    grade: 7\n    extends: prototype\n    responsibilities: [Print]\n' +
          '  has-own-property:\n    title: Has Own Property\n    grade: 8\n    extends: to-string\n    responsibilities: [Own]\n',
      ),
    },
    valid: true,
    show: ['constructor', 'prototype', 'to-string', 'has-own-property'],
    diff: ['constructor', 'has-own-property'],
  },
  {
    name: 'ids that differ only by case',
    files: {
      'case.yaml': fam(
        'case',
        'roles:\n  senior-dev:\n    title: Senior Dev\n    grade: 6\n  Senior-Dev:\n    title: Senior Dev\n    grade: 6\n    extends: SENIOR-DEV\n',
      ),
    },
    valid: false,
  },
  {
    name: 'unicode titles and items',
    files: {
      'unicode.yaml': fam(
        'unicode',
        'summary: "Équipe 教育 — ﷽ — 👩🏽‍💻 — e\u0301 — \u202Eright-to-left\u202C"\nroles:\n  uni-role:\n    title: "Ingénieure 日本語 👩🏽‍💻 \u0645\u0647\u0646\u062F\u0633"\n    grade: 5\n    responsibilities:\n      - "Ζ̸̡͎a̷l̵g̴o̶ text and \u200B zero width"\n      - "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral plane ✓"\n',
      ),
    },
    valid: true,
  },
  {
    name: 'very long text item (1 MB, one line)',
    files: {
      'long.yaml': fam(
        'long',
        `roles:\n  long-role:\n    title: Long\n    grade: 5\n    responsibilities:\n      - "${'Lorem ipsum dolor sit amet '.repeat(40_000)}"\n      - ${'x'.repeat(100_000)}\n`,
      ),
    },
    valid: true,
  },
  { name: 'path with spaces and unicode', files: { 'my ladders/é 日本 (copy).yaml': fam('spaces', oneRole) }, valid: true },
  { name: 'deep directory nesting', files: { [Array(60).fill('d').join('/') + '/deep.yaml']: fam('deep-dir', oneRole) }, valid: true },
  { name: 'a .yml file next to .yaml', files: { 'other.yml': fam('other', oneRole) }, valid: true },
  { name: 'an unknown kind', files: { 'kind.yaml': 'kind: familly\nid: x\n' }, valid: false },
  { name: 'a skills file that is a family in disguise', files: { 'skills.yaml': 'kind: skills\nskills: [a, b]\nroles: {}\n' }, valid: false },
  {
    name: 'unresolved extends and a 3-role cycle',
    files: {
      'cyc.yaml': fam(
        'cyc',
        'roles:\n  a-r: {title: A, grade: 5, extends: b-r}\n  b-r: {title: B, grade: 5, extends: c-r}\n  c-r: {title: C, grade: 5, extends: a-r}\n  d-r: {title: D, grade: 5, extends: nowhere}\n',
      ),
    },
    valid: 'either',
    show: ['good-two', 'a-r', 'd-r'],
  },
  {
    name: 'numbers, nulls and booleans where strings belong',
    files: { 'types.yaml': 'kind: family\nid: 12\ntitle: null\nroles:\n  true: {title: 5, grade: "five", extends: [a], responsibilities: {a: b}}\n  1e3: ~\n' },
    valid: false,
  },
  {
    name: 'huge integers and special floats',
    files: {
      'nums.yaml': fam(
        'nums',
        'roles:\n  n-role: {title: N, grade: 99999999999999999999999999999999999}\n  m-role: {title: M, grade: .nan}\n  o-role: {title: O, grade: -.inf}\n',
      ),
    },
    valid: 'either',
    show: ['n-role', 'm-role'],
  },
  {
    name: 'anchors and merge keys',
    files: { 'merge.yaml': fam('merge', 'roles:\n  a-r: &base {title: A, grade: 5, responsibilities: [x]}\n  b-r:\n    <<: *base\n    title: B\n') },
    valid: false,
  },
  {
    name: 'control characters',
    files: { 'ctrl.yaml': fam('ctrl', 'summary: "bell \\a esc \\e nul-free \\x7f"\n' + oneRole) + '\u0007\u001b[31m\n' },
    valid: 'either',
  },
  {
    name: 'control characters quoted back in findings',
    files: {
      'ctrl-values.yaml': fam(
        'ctrl-values',
        'roles:\n  c-role:\n    title: "Bell\\a \\e[31mred\\x00"\n    grade: 5\n    extends: "bad\\aid\\x1b]8;;"\n    reports_to: "nul\\x00here"\n',
      ),
    },
    valid: false,
  },
  { name: 'unterminated quote (truncated file)', files: { 'trunc.yaml': fam('trunc', 'roles:\n  x-role:\n    title: "never ends\n') }, valid: false },
];
// Kept in one place so the child-process cases can reference them.
export const CASE_BY_NAME = new Map(CASES.map((c) => [c.name, c]));

/** Writes a case into `dir` (plus good.yaml unless the case provides it). Returns the main file's path. */
export function writeCase(dir: string, c: HostileCase, options: { withGood?: boolean } = {}): string {
  if (options.withGood !== false) writeFileSync(join(dir, 'good.yaml'), GOOD_FAMILY);
  for (const [rel, content] of Object.entries(c.files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return join(dir, c.main ?? Object.keys(c.files)[0]);
}

/** A temp directory with a valid data set (`goodDir`) and a profile, for cases that need a sound neighbour. */
export function makeWorkspace(prefix: string): { root: string; goodDir: string; profile: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const goodDir = join(root, 'good-data');
  mkdirSync(goodDir);
  writeFileSync(join(goodDir, 'good.yaml'), GOOD_FAMILY);
  const profile = join(root, 'profile.yaml');
  writeFileSync(profile, GOOD_PROFILE);
  return { root, goodDir, profile };
}
