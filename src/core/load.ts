/**
 * Loading: files (bytes or text) -> checked documents -> a data set. Never throws on user data:
 * every problem becomes a finding with a path, located to a line and column when reported.
 */
import { decodeText, parse, Locator, LineIndex, type ParsedSource } from './yaml/index.js';
import { schemaFindings, type SchemaKind, type SchemaSupport } from './schema-errors.js';
import { compareFindings, toPointer, type Finding, type RawFinding } from './findings.js';
import { subjectOf } from './subject.js';
import { messageText, type MessageLookup } from './messages.js';
import { rule as yamlSyntaxRule } from './lint/rules/yaml-syntax.js';
import { rule as schemaRule } from './lint/rules/schema.js';
import {
  SECTIONS,
  emptySections,
  normaliseText,
  type DataSet,
  type ExternalDef,
  type FamilyDef,
  type ItemDef,
  type LadderDef,
  type Path,
  type RoleDef,
  type Section,
  type SpecialtyDef,
  type Vocabulary,
  type VocabularyEntry,
} from './model.js';
import { pushAll } from './arrays.js';

export const KINDS = ['family', 'skills', 'profile'] as const;
export type Kind = (typeof KINDS)[number];

export interface LoadedFile extends ParsedSource {
  kind: Kind | null;
  /** What a family file declares, kept when its values are let go (see `releaseValues`); else null. */
  declares: Declarations | null;
  /** The file's findings so far (`yaml-syntax`, `schema`), as paths. */
  findings: RawFinding[];
  /** False when YAML or schema errors make the content unsafe to use. */
  valid: boolean;
}

/** The ids a family file declares: its own (as written), its roles' and its external roles'. */
export interface Declarations {
  id: unknown;
  roles: string[];
  external: string[];
}

/** What a family document declares (see Declarations). */
export function declarationsOf(value: unknown): Declarations {
  const v = obj(value) ?? {};
  const keys = (x: unknown) => {
    const o = obj(x);
    return o ? Object.keys(o) : [];
  };
  return { id: v.id, roles: keys(v.roles), external: keys(v.external) };
}

export interface SourceInput {
  file: string;
  /** Raw bytes (decoded and checked here) or already-decoded text. */
  bytes?: Uint8Array;
  text?: string;
}

/** Parses and schema-checks one file. `expect` restricts the kind (a `--profile` must be a profile). */
/** A file that could not be read, as a loaded file with one `yaml-syntax` finding giving the reason. */
export function unreadableFile(file: string, reason: string): LoadedFile {
  const f = loadedFile({ file, value: null, locator: new Locator(null, new Map(), new LineIndex('')), findings: [], syntax: [] }, false);
  f.findings.push({ ruleId: 'yaml-syntax', messageId: 'unreadable', data: { reason }, file, path: [] });
  return f;
}

/**
 * A loaded file from what was parsed, with no finding yet. Every loaded file is made here, with its
 * fields in one order, so that they all share one shape: code that reads many files stays
 * monomorphic (a spread of the parsed source made a shape per file).
 */
function loadedFile(parsed: ParsedSource, valid: boolean): LoadedFile {
  return {
    file: parsed.file,
    value: parsed.value,
    locator: parsed.locator,
    syntax: parsed.syntax,
    disabled: parsed.disabled,
    kind: null,
    declares: null,
    valid,
    findings: [],
  };
}

export interface LoadOptions {
  /**
   * 'later': positions are worked out only when something is located in the file (a finding), for
   * `lint`, whose clean files never need them. The data set's item and role lines are then 0: lint
   * locates by path, and shows no item line (a test compares its findings with both settings).
   */
  positions?: 'now' | 'later';
}

export function loadFile(input: SourceInput, schemas: SchemaSupport, expect?: Kind, options: LoadOptions = {}): LoadedFile {
  let text = input.text;
  if (text === undefined) {
    const decoded = decodeText(input.bytes ?? new Uint8Array());
    if (!('text' in decoded)) {
      // Located at the first bad byte (in the text before it), like any other syntax error.
      const lines = new LineIndex(decoded.prefix ?? '');
      const at = decoded.prefix === undefined ? 0 : decoded.offset;
      const parsed: ParsedSource = {
        file: input.file,
        value: null,
        locator: new Locator(null, new Map(), lines),
        findings: [],
        syntax: [{ start: at, end: at, messageId: decoded.messageId }],
      };
      return loadedFile(parsed, false);
    }
    text = decoded.text;
  }
  const parsed = parse(text, input.file, { positions: options.positions });
  const loaded = loadedFile(parsed, parsed.syntax.length === 0);
  if (!loaded.valid) return loaded;

  const value = parsed.value;
  if (value === null || value === undefined) {
    loaded.findings.push({ ruleId: 'schema', messageId: 'emptyFile', file: input.file, path: [] });
    loaded.valid = false;
    return loaded;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    loaded.findings.push({
      ruleId: 'schema',
      messageId: 'notMapping',
      data: { found: Array.isArray(value) ? 'list' : typeof value },
      file: input.file,
      path: [],
    });
    loaded.valid = false;
    return loaded;
  }
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    const allowed = expect ? `\`kind: ${expect}\`` : '`kind: family`, `kind: skills` or `kind: profile`';
    loaded.findings.push({
      ruleId: 'schema',
      messageId: kind === undefined ? 'missingKind' : 'unknownKind',
      data: { kind: String(kind), allowed },
      file: input.file,
      path: kind === undefined ? [] : ['kind'],
    });
    loaded.valid = false;
    return loaded;
  }
  if (expect && kind !== expect) {
    loaded.findings.push({ ruleId: 'schema', messageId: 'wrongKind', data: { expected: expect, kind }, file: input.file, path: ['kind'] });
    loaded.valid = false;
    return loaded;
  }
  loaded.kind = kind as Kind;
  if (kind === 'family') loaded.declares = declarationsOf(value);
  const errors = schemas.validate[kind as SchemaKind](value);
  if (errors) {
    pushAll(loaded.findings, schemaFindings(input.file, value, errors, schemas.knownKeys(kind as SchemaKind)));
    loaded.valid = false;
  }
  return loaded;
}

/** The words of the loader's own findings (`yaml-syntax`, `schema`). */
export const loaderMessages: MessageLookup = (ruleId, messageId) =>
  ruleId === 'yaml-syntax' ? yamlSyntaxRule.meta.messages[messageId] : ruleId === 'schema' ? schemaRule.meta.messages[messageId] : undefined;

/** Turns a file's raw findings (paths) and syntax problems (offsets) into positioned findings. */
export function locateFindings(
  file: LoadedFile,
  raw: RawFinding[],
  level: (ruleId: string) => 'error' | 'warning' | 'off' = defaultLevel,
  lookup: MessageLookup = loaderMessages,
): Finding[] {
  const out: Finding[] = [];
  for (const s of file.syntax) {
    const lv = level('yaml-syntax');
    if (lv === 'off') continue;
    out.push({
      file: file.file,
      ...file.locator.lines.range(s.start, s.end),
      level: lv,
      ruleId: 'yaml-syntax',
      messageId: s.messageId,
      message: messageText(lookup, 'yaml-syntax', s.messageId, s.data),
      pointer: '',
      subject: '',
      ...(s.data ? { data: s.data } : {}),
    });
  }
  for (const r of raw) {
    const lv = level(r.ruleId);
    if (lv === 'off') continue;
    out.push(locateOne(file, r, lv, undefined, lookup));
  }
  return out.sort(compareFindings);
}

/** One finding, located in its file (and its related places in theirs), with its words made. */
export function locateOne(
  file: LoadedFile,
  r: RawFinding,
  lv: 'error' | 'warning',
  others?: (name: string) => LoadedFile | undefined,
  lookup: MessageLookup = loaderMessages,
): Finding {
  const finding: Finding = {
    file: r.file,
    ...file.locator.locate(r.path, r.at),
    level: lv,
    ruleId: r.ruleId,
    messageId: r.messageId,
    message: messageText(lookup, r.ruleId, r.messageId, r.data),
    pointer: toPointer(r.path),
    // A file whose values were let go (releaseValues) has what the subject reads of them from its locator.
    subject: subjectOf(file.value ?? file.locator.valuesAlong(r.path), r.path),
  };
  if (r.data) finding.data = r.data;
  if (r.related?.length) {
    finding.related = r.related.map((rel) => {
      const target = rel.file === file.file ? file : others?.(rel.file);
      const range = target ? target.locator.locate(rel.path, rel.at) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
      return { file: rel.file, ...range, messageId: rel.messageId, message: messageText(lookup, r.ruleId, rel.messageId, rel.data) };
    });
  }
  return finding;
}

function defaultLevel(ruleId: string): 'error' | 'warning' {
  return ruleId === 'yaml-syntax' || ruleId === 'schema' ? 'error' : 'warning';
}

// ---------------------------------------------------------------------------------------------
// Data set

export interface LoadedDataSet extends DataSet {
  files: Map<string, LoadedFile>;
}

/**
 * Builds the model from loaded files. Files that failed YAML or schema checks are left out (their
 * findings say why); a role or family id defined twice keeps its first definition (lint reports it).
 */
export function buildDataSet(files: LoadedFile[]): LoadedDataSet {
  const ds = emptyDataSet();
  for (const f of files) addToDataSet(ds, f);
  return ds;
}

export function emptyDataSet(): LoadedDataSet {
  return { families: [], familyById: new Map(), roles: new Map(), vocabulary: null, files: new Map() };
}

/** Adds one loaded file to a data set (`buildDataSet` one file at a time, for loaders that stream). */
export function addToDataSet(ds: LoadedDataSet, f: LoadedFile): void {
  ds.files.set(f.file, f);
  if (!f.valid) return;
  if (f.kind === 'family') addFamily(ds, f);
  else if (f.kind === 'skills') addVocabulary(ds, f);
}

const NO_SOURCE = new Locator(null, new Map(), new LineIndex(''));

/**
 * Lets go of what a file was parsed into (its values and the positions in it) once the data set has
 * what it needs; the commands that print the data set instead of checking it load this way. The data
 * set keeps its own copy of everything, item lines included.
 */
export function releaseSource(f: LoadedFile): void {
  f.value = null;
  f.locator = NO_SOURCE;
}

/**
 * Lets go of a file's values once the data set has what it needs, keeping where things were written
 * (`lint`, which parses with positions later): a finding's subject is then read from the values its
 * positions are worked out with. Values that die as soon as their file is in the data set cost the
 * garbage collector far less than values that live to the end of the run.
 */
export function releaseValues(f: LoadedFile): void {
  if (f.locator.pending) f.value = null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
/** A mapping's entries; built with `push` (V8's optimised `map` makes arrays of another kind, see near-duplicate-title). */
const own = (o: Obj): [string, unknown][] => {
  const out: [string, unknown][] = [];
  for (const k of Object.keys(o)) out.push([k, o[k]]);
  return out;
};

/**
 * The line of entry `i` of `raw` (a list of the file's value) at `p`; 0 for a file loaded with
 * positions later (`lint`: its findings are located by path, and item lines are never shown).
 */
function lineOf(f: LoadedFile, raw: unknown[], i: number, p: Path): number {
  return f.locator.pending ? 0 : (f.locator.entryLine(raw, i) ?? f.locator.line(p));
}

function readItems(raw: unknown, from: string, f: LoadedFile, path: Path): ItemDef[] {
  const file = f.file;
  if (!Array.isArray(raw)) return [];
  const out: ItemDef[] = [];
  raw.forEach((entry, i) => {
    // Exactly sized (a spread keeps spare capacity): one of these per item of the data set.
    const p = new Array<string | number>(path.length + 1);
    for (let j = 0; j < path.length; j++) p[j] = path[j];
    p[path.length] = i;
    if (typeof entry === 'string') {
      out.push({
        id: null,
        text: entry,
        identity: 'text:' + normaliseText(entry),
        from,
        file,
        line: lineOf(f, raw, i, p),
        path: p,
      });
      return;
    }
    const o = obj(entry);
    if (!o || typeof o.text !== 'string') return;
    const id = str(o.id) ?? null;
    const item: ItemDef = {
      id,
      text: o.text,
      identity: id ? 'id:' + id : 'text:' + normaliseText(o.text),
      from,
      file,
      line: lineOf(f, raw, i, p),
      path: p,
    };
    if (typeof o.years === 'number') item.years = o.years;
    if (typeof o.area === 'string') item.area = o.area;
    const sk = obj(o.skills);
    if (sk) {
      item.skills = Array.isArray(sk.all) ? { all: strs(sk.all) } : { any: strs(sk.any) };
      if (typeof sk.level === 'string') item.skills.level = sk.level;
    }
    out.push(item);
  });
  return out;
}

function readSections(o: Obj, from: string, f: LoadedFile, path: Path): Record<Section, ItemDef[]> {
  const s = emptySections<ItemDef>();
  for (const name of SECTIONS) s[name] = readItems(o[name], from, f, [...path, name]);
  return s;
}

function addFamily(ds: LoadedDataSet, f: LoadedFile): void {
  const v = obj(f.value)!;
  const id = str(v.id)!;
  if (ds.familyById.has(id)) return;
  const fam: FamilyDef = {
    id,
    title: str(v.title) ?? id,
    source: str(v.source),
    summary: str(v.summary),
    sections: readSections(v, id, f, []),
    roleIds: [],
    ladders: [],
    specialties: [],
    careerLadder: str(v.career_ladder),
    next: strs(v.next),
    hiringProcess: Array.isArray(v.hiring_process) ? strs(v.hiring_process) : undefined,
    external: new Map(),
    file: f.file,
  };
  for (const [rid, rv] of own(obj(v.roles) ?? {})) {
    const r = obj(rv);
    if (!r || ds.roles.has(rid)) continue;
    const path = ['roles', rid];
    const role: RoleDef = {
      id: rid,
      title: str(r.title) ?? rid,
      level: str(r.level),
      grade: typeof r.grade === 'number' ? r.grade : undefined,
      reportsTo: str(r.reports_to),
      extends: str(r.extends),
      remove: strs(r.remove),
      summary: str(r.summary),
      hiringProcess: Array.isArray(r.hiring_process) ? strs(r.hiring_process) : undefined,
      sections: readSections(r, rid, f, path),
      family: id,
      file: f.file,
      line: f.locator.pending ? 0 : f.locator.line(path, 'key'),
      path,
    };
    ds.roles.set(rid, role);
    fam.roleIds.push(rid);
  }
  const ladders = obj(v.ladders);
  if (ladders) {
    for (const [lid, lv] of own(ladders)) {
      const l = obj(lv);
      if (l) fam.ladders.push({ id: lid, title: str(l.title) ?? lid, levels: strs(l.levels), declared: true, path: ['ladders', lid] });
    }
  } else if (fam.roleIds.length) {
    const byGrade = [...fam.roleIds].sort((a, b) => (ds.roles.get(a)!.grade ?? 0) - (ds.roles.get(b)!.grade ?? 0));
    fam.ladders.push({ id, title: fam.title, levels: byGrade, declared: false, path: ['roles'] } satisfies LadderDef);
  }
  for (const [sid, sv] of own(obj(v.specialties) ?? {})) {
    const s = obj(sv);
    if (!s) continue;
    const path = ['specialties', sid];
    const spec: SpecialtyDef = {
      id: sid,
      title: str(s.title) ?? sid,
      summary: str(s.summary),
      roles: Array.isArray(s.roles) ? strs(s.roles) : undefined,
      sections: readSections(s, `${id}/${sid}`, f, path),
      path,
    };
    fam.specialties.push(spec);
  }
  for (const [eid, ev] of own(obj(v.external) ?? {})) {
    const e = obj(ev);
    if (e) fam.external.set(eid, { id: eid, title: str(e.title) ?? eid, url: str(e.url), family: id, path: ['external', eid] } satisfies ExternalDef);
  }
  ds.families.push(fam);
  ds.familyById.set(id, fam);
}

function addVocabulary(ds: LoadedDataSet, f: LoadedFile): void {
  const v = obj(f.value)!;
  const vocab: Vocabulary = ds.vocabulary ?? { skills: new Map(), areas: new Map(), levels: [] };
  // The first file that declares a scale sets it (one scale per data set).
  if (vocab.levels.length === 0 && Array.isArray(v.levels)) {
    vocab.levels = strs(v.levels);
    vocab.levelsFile = f.file;
  }
  for (const section of ['skills', 'areas'] as const) {
    for (const [id, ev] of own(obj(v[section]) ?? {})) {
      const e = obj(ev);
      if (!e || vocab[section].has(id)) continue;
      vocab[section].set(id, { id, title: str(e.title) ?? id, aliases: strs(e.aliases), file: f.file, path: [section, id] } satisfies VocabularyEntry);
    }
  }
  ds.vocabulary = vocab;
}
