/**
 * Draft pages → `kind: family` objects: ids unique across the imported set, and every reference
 * (`extends`, `reports_to`, `next`) pointing at a role or family of the set or at an `external`
 * entry. Pages imported together resolve each other's roles.
 */
import { SECTIONS } from '../core/model.js';
import type { DraftItem, DraftPage, DraftRef, DraftRole, ImportReport, InheritNote } from '../handbook/draft.js';
import type { TextRef } from '../handbook/sentences.js';
import { anchorOf, kebab, matchTitle, normaliseTitle, roleIdOf, shortId } from '../handbook/titles.js';
import { linkKey } from '../handbook/place.js';
import { decodeText } from '../handbook/neutralise.js';

/** A family as written to YAML: keys in the order of SPEC §1.1. */
export type FamilyObject = Record<string, unknown> & { kind: 'family'; id: string; title: string; roles: Record<string, RoleObject> };
export type RoleObject = Record<string, unknown> & { title: string; grade: number };

export interface BuiltFamily {
  page: DraftPage;
  family: FamilyObject;
}

interface RoleSlot {
  id: string;
  draft: DraftRole;
  page: DraftPage;
  familyId: string;
}

/** A role or family already in the data set an import goes into (`ladder import --into`). */
export interface KnownEntry {
  id: string;
  title: string;
  kind: 'role' | 'family';
  file: string;
  grade?: number;
  /** For a family: its handbook page (`source`), so links to that page resolve to it. */
  source?: string;
}

export interface BuildOptions {
  /** Roles and families of the data set imported into: references resolve to them. */
  known?: readonly KnownEntry[];
  /** Suffix ids that exist in `known` instead of keeping them (the command then refuses the clash). */
  renameOnClash?: boolean;
}

/** Builds families from draft pages; decisions and unresolved references go to `reports`. */
export function buildFamilies(pages: DraftPage[], reports: ImportReport[], options: BuildOptions = {}): BuiltFamily[] {
  const known = options.known ?? [];
  const knownIds = new Set(known.map((k) => k.id));
  const knownRoles = known.filter((k) => k.kind === 'role');
  const knownFamilies = known.filter((k) => k.kind === 'family');
  const taken = new Set<string>(options.renameOnClash ? knownIds : []);
  const slotsByPage = new Map<DraftPage, RoleSlot[]>();
  const familyIds = new Map<DraftPage, string>();
  const note = (page: DraftPage, line: number, message: string) => reports.push({ file: page.file, line, message });

  const usable = pages.filter((p) => {
    if (p.roles.length) return true;
    note(p, 1, 'no role with a grade found on this page: nothing imported (a role needs a "… is a grade N" sentence or a grade table)');
    return false;
  });
  const unique = (base: string, alt: () => string) => {
    if (!taken.has(base)) return base;
    const a = alt();
    if (!taken.has(a)) return a;
    for (let n = 2; ; n++) if (!taken.has(`${a}-${n}`)) return `${a}-${n}`;
  };
  for (const p of usable) {
    const slots: RoleSlot[] = [];
    const pageSlug = kebab(p.key?.split('/').pop() ?? p.title);
    for (const r of p.roles) {
      const base = r.idHint ?? roleIdOf(decodeText(r.title));
      const id = unique(base, () => `${base}-${pageSlug}`);
      if (id !== base)
        note(p, r.line, `role id \`${base}\` is already used ${knownIds.has(base) ? 'in the data set' : 'in this import'}; "${r.title}" is \`${id}\``);
      taken.add(id);
      slots.push({ id, draft: r, page: p, familyId: '' });
    }
    slotsByPage.set(p, slots);
  }
  for (const p of usable) {
    let base = p.idHint ?? kebab(decodeText(p.title));
    if (slotsByPage.get(p)!.some((s) => s.id === base)) base += p.idHint && base.endsWith('-family') ? '-2' : '-family';
    const id = unique(base, () => `${base}-family`);
    if (id !== base && knownIds.has(base)) note(p, p.line, `family id \`${base}\` is already used in the data set; this family is \`${id}\``);
    taken.add(id);
    familyIds.set(p, id);
    for (const s of slotsByPage.get(p)!) s.familyId = id;
  }
  const allSlots = usable.flatMap((p) => slotsByPage.get(p)!);
  const nearSlots = candidateIndex(allSlots);
  const pageByKey = (key: string) => usable.find((p) => p.key !== undefined && (p.key === key || p.key.endsWith('/' + key) || key.endsWith('/' + p.key)));
  /**
   * Where a link points: its page's key and anchor. A link to a level file of a folder family
   * (`/job-families/<family>/senior/`, a page of its own in the handbook) is that family's page, at
   * the level's heading when the folder's level files are known, else at the one role whose level
   * the file is named after (`senior`, `senior-manager`), else found by the link's text (`sub`: it
   * never stands for the whole family).
   */
  const linkOf = (url: string): { key: string; anchor?: string; sub?: true } | null => {
    const k = linkKey(url);
    const cut = k ? k.key.lastIndexOf('/') : -1;
    if (!k || cut <= 0 || pageByKey(k.key)) return k;
    const parent = pageByKey(k.key.slice(0, cut));
    if (!parent?.key) return k;
    const name = k.key.slice(cut + 1);
    const title = parent.levelTitles?.[name];
    const byLevel = title === undefined ? slotsByPage.get(parent)!.filter((s) => s.draft.level !== undefined && kebab(s.draft.level) === name) : [];
    const anchor = k.anchor ?? (title !== undefined ? anchorOf(title) : byLevel.length === 1 ? byLevel[0].draft.anchor : undefined);
    return { key: parent.key, anchor, sub: true };
  };
  /** The family a link points to: by the page's place in the handbook, else by the link text. */
  const familyOf = (ref: TextRef, key: string): DraftPage | undefined =>
    pageByKey(key) ??
    matchTitle(
      ref.name,
      usable.map((p) => ({ title: p.title, p })),
    )?.p;
  /** A family of the data set imported into, by its page or its title. */
  const knownFamilyOf = (ref: TextRef, key: string): KnownEntry | undefined =>
    knownFamilies.find((f) => f.source !== undefined && linkKey(f.source)?.key === key) ?? matchTitle(ref.name, knownFamilies) ?? undefined;
  /** A role of the data set imported into: the same title first, then a near one. */
  const knownRole = (ref: TextRef): KnownEntry | null =>
    knownRoles.length ? (matchTitle(ref.name, knownRoles, 'strict') ?? matchTitle(ref.name, knownRoles, 'fuzzy')) : null;

  return usable.map((page) => {
    const slots = slotsByPage.get(page)!;
    const nearOnPage = candidateIndex(slots);
    const external = new Map<string, { title: string; url?: string }>();
    const addExternal = (ref: TextRef, idHint?: string): string => {
      let id = idHint ?? kebab(decodeText(ref.name));
      if (taken.has(id) && !external.has(id)) id = `${id}-external`;
      if (!external.has(id))
        external.set(id, ref.url && !ref.url.startsWith('#') ? { title: decodeText(ref.name), url: ref.url } : { title: decodeText(ref.name) });
      return id;
    };
    /** A named role: on the linked page, on this page, then anywhere in the set. */
    const findRole = (ref: TextRef, self: RoleSlot | null): RoleSlot | null => {
      const others = (list: RoleSlot[]) => list.filter((s) => s !== self);
      const byTitle = (list: RoleSlot[], mode: 'strict' | 'fuzzy' | 'all' = 'all') =>
        matchTitle(
          ref.name,
          others(list).map((s) => ({ title: s.draft.title, s })),
          mode,
        )?.s ?? null;
      if (ref.url?.startsWith('#')) {
        const a = ref.url.slice(1);
        const hit = others(slots).find((s) => s.draft.anchor === a || anchorOf(s.draft.title) === a);
        if (hit) return hit;
      }
      const link = ref.url ? linkOf(ref.url) : null;
      const target = link ? pageByKey(link.key) : undefined;
      if (link && target) {
        const list = slotsByPage.get(target)!;
        const exact = (link.anchor && others(list).find((s) => s.draft.anchor === link.anchor)) || byTitle(list, 'strict');
        if (exact) return exact;
        // A link to a page named by the page's own title is the family, not one of its roles.
        if (!link.sub && normaliseTitle(ref.name) === normaliseTitle(target.title)) return null;
        return byTitle(list, 'fuzzy');
      }
      // A link to a page that is not part of this import: only a role of the set with that very title.
      if (link)
        return (
          matchTitle(
            ref.name,
            others(nearSlots(ref.name)).map((s) => ({ title: s.draft.title, s })),
          )?.s ?? null
        );
      // The same title on the page, then in the set; only then near titles, earlier roles of the page
      // first (extends and reports-to usually point back up the page).
      const at = self ? slots.indexOf(self) : -1;
      // Across the whole set only the roles that can match at all are compared (see candidateIndex).
      const near = nearSlots(ref.name);
      const here = nearOnPage(ref.name);
      const before = at > 0 ? here.filter((s) => slots.indexOf(s) < at) : [];
      return (
        byTitle(here, 'strict') ??
        byTitle(near, 'strict') ??
        (before.length ? byTitle(before, 'fuzzy') : null) ??
        byTitle(here, 'fuzzy') ??
        byTitle(near, 'fuzzy')
      );
    };
    const refId = (r: DraftRef, self: RoleSlot | null, roleOnly = false): { id: string; external: boolean } | null => {
      // The role itself ("Extends that of the X (Intermediate) requirements" written in X): no reference.
      if (self && !r.ref.url && (roleIdOf(r.ref.name) === self.id || matchTitle(r.ref.name, [{ title: self.draft.title }], 'strict'))) return null;
      const hit = findRole(r.ref, self);
      // "Extends the Senior Engineer requirements" with no link: that very title in the data set
      // imported into wins over a near one of the import ("Senior Security Engineer").
      const exactThere = !r.ref.url && knownRoles.length ? matchTitle(r.ref.name, knownRoles, 'strict') : null;
      if (exactThere && (!hit || !matchTitle(r.ref.name, [{ title: hit.draft.title }], 'strict'))) return { id: exactThere.id, external: false };
      if (hit) return { id: hit.id, external: false };
      const link = r.ref.url ? linkOf(r.ref.url) : null;
      if (link && !link.anchor && !link.sub && !roleOnly) {
        const fam = familyOf(r.ref, link.key);
        if (fam) return { id: familyIds.get(fam)!, external: false };
      }
      // "reports to the Engineering Manager": a role already in the data set.
      const there = knownRole(r.ref);
      if (there) return { id: there.id, external: false };
      if (link && !link.anchor && !link.sub && !roleOnly) {
        const fam = knownFamilyOf(r.ref, link.key);
        if (fam) return { id: fam.id, external: false };
      }
      return { id: addExternal(r.ref), external: true };
    };

    const roles = Object.create(null) as Record<string, RoleObject>;
    const parents = new Map<string, string>();
    for (const slot of slots) {
      const d = slot.draft;
      const role = { title: decodeText(d.title) } as RoleObject;
      if (d.level) role.level = d.level;
      role.grade = d.grade;
      const rep = d.reportsTo ?? (page.familyReportsTo && !isSameRole(page.familyReportsTo, slot) ? page.familyReportsTo : undefined);
      // Ids written by `ladder export` for references to another family win when that id is here.
      const hinted = (id: string | undefined) =>
        id !== undefined && id !== slot.id && (allSlots.some((x) => x.id === id) || knownIds.has(id)) ? id : undefined;
      if (hinted(d.reportsToHint)) role.reports_to = d.reportsToHint;
      else if (rep) {
        const to = refId(rep, slot);
        if (to && to.id !== slot.id) role.reports_to = to.id;
      }
      const parent = hinted(d.extendsHint) ?? resolveExtends(slot, slots, (n) => refId({ ref: (n.target as { ref: TextRef }).ref, line: n.line }, slot, true));
      if (parent === d.extendsHint) for (const n of d.inherits) if (n.target.kind === 'named') Object.assign(n, { outcome: 'role', resolved: parent });
      if (parent) {
        role.extends = parent;
        parents.set(slot.id, parent);
      }
      if (d.remove?.length && parent) role.remove = [...new Set(d.remove)];
      if (d.summary.length) role.summary = decodeText(d.summary.join('\n\n'));
      for (const s of SECTIONS) if (d.sections[s].length) role[s] = texts(d.sections[s]);
      if (d.hiring.length) role.hiring_process = texts(d.hiring).map((t) => (typeof t === 'string' ? t : String(t.text)));
      roles[slot.id] = role;
    }
    const family = Object.create(null) as FamilyObject;
    Object.assign(family, { kind: 'family', id: familyIds.get(page)!, title: decodeText(page.title) });
    if (page.source) family.source = page.source;
    if (page.summary.length) family.summary = decodeText(page.summary.join('\n\n'));
    for (const s of SECTIONS) if (page.sections[s].length) family[s] = texts(page.sections[s]);
    family.roles = roles;
    if (page.specialties.length) {
      const specs = Object.create(null) as Record<string, unknown>;
      for (const sp of page.specialties) {
        let id = shortId(kebab(decodeText(sp.title)));
        for (let n = 2; id in specs; n++) id = `${shortId(kebab(decodeText(sp.title)))}-${n}`;
        const o: Record<string, unknown> = { title: decodeText(sp.title) };
        if (sp.summary.length) o.summary = decodeText(sp.summary.join('\n\n'));
        for (const s of SECTIONS) if (sp.sections[s].length) o[s] = texts(sp.sections[s]);
        specs[id] = o;
      }
      family.specialties = specs;
    }
    if (page.careerLadder.length) family.career_ladder = decodeText(page.careerLadder.join('\n\n'));
    const next: string[] = [];
    for (const link of page.careerLinks) {
      // "[Senior X](#senior-x)": a role of this page.
      const local = link.url?.startsWith('#') ? slots.find((s) => s.draft.anchor === link.url!.slice(1)) : undefined;
      if (local) {
        if (!next.includes(local.id)) next.push(local.id);
        continue;
      }
      const k = link.url ? linkOf(link.url) : null;
      if (!k) continue;
      const target = k.sub ? pageByKey(k.key) : familyOf(link, k.key);
      const list = target ? slotsByPage.get(target)! : [];
      // A level's own page: that level, by its heading or the link's text; never the whole family.
      const slot =
        (k.anchor ? list.find((s) => s.draft.anchor === k.anchor) : undefined) ??
        (k.sub
          ? matchTitle(
              link.name,
              list.map((s) => ({ title: s.draft.title, s })),
              'strict',
            )?.s
          : undefined);
      const id = slot?.id ?? (target && !k.sub ? familyIds.get(target)! : addExternal(link, kebab(linkKey(link.url!)!.key.split('/').pop()!)));
      if (id !== familyIds.get(page) && !next.includes(id)) next.push(id);
    }
    if (next.length) family.next = next;
    if (page.hiring.length) family.hiring_process = texts(page.hiring).map((t) => (typeof t === 'string' ? t : String(t.text)));
    if (external.size) {
      const ext = Object.create(null) as Record<string, unknown>;
      for (const [id, e] of external) ext[id] = e;
      family.external = ext;
    }
    return { page, family };
  });

  /** The parent of a role: a same-page level/above reference, else the first named target that resolves. */
  function resolveExtends(slot: RoleSlot, slots: RoleSlot[], named: (n: InheritNote) => { id: string; external: boolean } | null): string | undefined {
    const d = slot.draft;
    let parent: string | undefined = d.extendsIndex !== undefined ? slots[d.extendsIndex].id : undefined;
    for (const n of d.inherits) {
      if (n.target.kind !== 'named') {
        if (n.outcome === 'role') n.resolved = parent;
        if (!n.outcome) {
          n.outcome = 'ignored';
          note(slot.page, n.line, `"${clip(n.text)}": no earlier role matches (skipped)`);
        }
        continue;
      }
      const to = named(n);
      if (!to || to.id === slot.id) {
        n.outcome = 'ignored';
        note(slot.page, n.line, `"${clip(n.text)}": a role cannot extend itself (skipped)`);
        continue;
      }
      if (parent !== undefined && parent !== to.id) {
        n.outcome = 'ignored';
        note(slot.page, n.line, `"${clip(n.text)}": ${slot.id} already extends ${parent}; a role has one parent (skipped)`);
        continue;
      }
      const target = to.external ? undefined : allSlots.find((x) => x.id === to.id);
      const targetGrade = target?.draft.grade ?? (to.external ? undefined : knownRoles.find((k) => k.id === to.id)?.grade);
      if (targetGrade !== undefined && targetGrade > d.grade) {
        n.outcome = 'ignored';
        note(
          slot.page,
          n.line,
          `"${clip(n.text)}": matched ${to.id} (grade ${targetGrade}), above ${slot.id}'s grade ${d.grade}; not used as its parent (skipped)`,
        );
        continue;
      }
      parent = to.id;
      n.outcome = to.external ? 'external' : 'role';
      n.resolved = to.id;
    }
    return parent;
  }
}

/**
 * The roles of the whole set a name can match, found through an index instead of comparing the name
 * with every role (4,000 unresolvable references against 4,000 roles were 16 million comparisons):
 * roles sharing a word with the name (stems, abbreviations expanded), roles whose word initials
 * spell a word of the name ("CSM"), and roles of few words, which a few typos can change entirely.
 */
function candidateIndex(slots: readonly RoleSlot[]): (name: string) => RoleSlot[] {
  const stem = (w: string) => w.replace(/(?:ing|s)$/, '');
  const byWord = new Map<string, RoleSlot[]>();
  const byInitials = new Map<string, RoleSlot[]>();
  const short: RoleSlot[] = [];
  const order = new Map(slots.map((s, i) => [s, i]));
  const add = (m: Map<string, RoleSlot[]>, k: string, s: RoleSlot) => {
    const list = m.get(k);
    if (!list) m.set(k, [s]);
    else if (list[list.length - 1] !== s) list.push(s);
  };
  for (const s of slots) {
    const words = normaliseTitle(s.draft.title).split(' ').filter(Boolean);
    if (words.length <= 2) short.push(s);
    for (const w of words) add(byWord, stem(w), s);
    for (let i = 0; i < words.length; i++)
      for (let j = i + 2; j <= Math.min(words.length, i + 6); j++)
        add(
          byInitials,
          words
            .slice(i, j)
            .map((w) => w[0])
            .join(''),
          s,
        );
  }
  return (name) => {
    const words = normaliseTitle(name).split(' ').filter(Boolean);
    const found = new Set<RoleSlot>(short);
    for (const w of words) {
      for (const s of byWord.get(stem(w)) ?? []) found.add(s);
      if (w.length >= 2) for (const s of byInitials.get(w) ?? []) found.add(s);
    }
    // In the set's order, as a scan of every role would find them.
    return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
  };
}

function isSameRole(r: DraftRef, slot: RoleSlot): boolean {
  return matchTitle(r.ref.name, [{ title: slot.draft.title }]) !== null;
}

/** Items as written to YAML: plain strings, or maps when an annotation gave them an id or structure. */
function texts(items: DraftItem[]): (string | Record<string, unknown>)[] {
  const seen = new Set<string>();
  return items
    .filter((i) => i.text.trim() !== '')
    .map((i) => {
      if (!i.fields) return decodeText(i.text);
      const o: Record<string, unknown> = {};
      // An id must be unique within its section; a repeated one keeps only the text.
      if (i.fields.id && !seen.has(i.fields.id)) {
        o.id = i.fields.id;
        seen.add(i.fields.id);
      }
      o.text = decodeText(i.text);
      if (i.fields.years !== undefined) o.years = i.fields.years;
      if (i.fields.area !== undefined) o.area = i.fields.area;
      if (i.fields.skills !== undefined) o.skills = i.fields.skills;
      return Object.keys(o).length === 1 ? decodeText(i.text) : o;
    });
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 70 ? one.slice(0, 67) + '…' : one;
}

/**
 * Breaks `extends` cycles among the built families (a page may say A extends B and B extends A):
 * the link that closes a cycle is dropped and reported.
 */
export function breakCycles(built: BuiltFamily[], reports: ImportReport[]): void {
  const roles = new Map<string, { role: RoleObject; page: DraftPage; line: number }>();
  for (const b of built)
    for (const [id, r] of Object.entries(b.family.roles))
      roles.set(id, { role: r, page: b.page, line: b.page.roles.find((d) => d.title === r.title)?.line ?? 1 });
  for (const [id] of roles) {
    const seen = [id];
    let cur = roles.get(id)!.role.extends as string | undefined;
    while (cur !== undefined && roles.has(cur)) {
      if (seen.includes(cur)) {
        const last = roles.get(seen[seen.length - 1])!;
        reports.push({
          file: last.page.file,
          line: last.line,
          message: `extends cycle ${[...seen.slice(seen.indexOf(cur)), cur].join(' → ')}: dropped \`extends: ${cur}\` of ${seen[seen.length - 1]}`,
        });
        delete last.role.extends;
        break;
      }
      seen.push(cur);
      cur = roles.get(cur)!.role.extends as string | undefined;
    }
  }
}
