/**
 * What a finding is about, in words that survive edits elsewhere in the file: the document's id, then
 * the keys of the finding's path with every list index replaced by the identity of the entry there (its
 * `id`, else its normalised text, as SPEC §1.1 identifies items). Inserting or deleting items or lines
 * above a finding moves its line and its array index, never its subject; CI reports build their
 * fingerprints and test names from it.
 */
import { normaliseText, type Path } from './model.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const own = (o: Obj, k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** How one list entry is named: `[id]` for an item with an id, `["text"]` for one identified by its text. */
function entryName(entry: unknown, index: number): string {
  if (typeof entry === 'string') return `[${JSON.stringify(normaliseText(entry))}]`;
  if (typeof entry === 'number' || typeof entry === 'boolean') return `[${JSON.stringify(entry)}]`;
  const o = obj(entry);
  if (o) {
    const id = own(o, 'id');
    if (typeof id === 'string' && id !== '') return `[${id}]`;
    const text = own(o, 'text');
    if (typeof text === 'string') return `[${JSON.stringify(normaliseText(text))}]`;
  }
  // Nothing to identify it by (null, a nested list, a map without id or text): the index is all there is.
  return `[#${index}]`;
}

/**
 * The subject of a finding at `path` in the parsed document `value`: e.g.
 * `education-services roles.senior-x.requirements[it-saas-years].years`, or
 * `education-services roles.senior-x.requirements["ability to use gitlab"]`. Keys are joined with `.`;
 * the document's `id` (a family's id), else its `kind`, comes first. `''` for a finding with no path
 * into a document (a YAML syntax error).
 */
export function subjectOf(value: unknown, path: Path): string {
  const doc = obj(value);
  const docId = doc ? own(doc, 'id') : undefined;
  const docKind = doc ? own(doc, 'kind') : undefined;
  const head = typeof docId === 'string' ? docId : typeof docKind === 'string' ? docKind : '';
  let out = '';
  let node: unknown = value;
  for (const seg of path) {
    if (Array.isArray(node) && typeof seg === 'number') {
      const entry: unknown = node[seg];
      out += entryName(entry, seg);
      node = entry;
      continue;
    }
    const key = String(seg);
    out += (out ? '.' : '') + key;
    const o = obj(node);
    node = o ? own(o, key) : undefined;
  }
  return head && out ? `${head} ${out}` : head || out;
}
