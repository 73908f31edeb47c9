/**
 * Permalink anchors of a role's items: `<section>-<item id>` when the item has an id, else a slug of
 * its text. An item keeps its anchor on every page that shows it (the role that wrote it, the roles
 * that inherit it, compare pages), so a link written in a review keeps pointing at it.
 */
import { SECTIONS, type Section } from '../core/model.js';
import type { ResolvedItem, ResolvedRole } from '../core/resolve.js';
import { slugify } from './text.js';

const PREFIX: Record<Section, string> = { responsibilities: 'resp', requirements: 'req', nice_to_haves: 'nice', performance_indicators: 'pi' };

export type Anchors = Map<ResolvedItem, string>;

/** The anchor an item would get on its own, before ties in one page are broken. */
export function itemAnchor(section: Section, item: ResolvedItem): string {
  return `${PREFIX[section]}-${item.id ?? slugify(item.text)}`;
}

/** Anchors of every item of a resolved role, unique in the page (a tie gets `-2`, `-3`, … in page order). */
export function roleAnchors(r: ResolvedRole): Anchors {
  const out: Anchors = new Map();
  const used = new Set<string>();
  for (const s of SECTIONS) {
    for (const item of r.sections[s]) {
      const base = itemAnchor(s, item);
      let a = base;
      for (let n = 2; used.has(a); n++) a = `${base}-${n}`;
      used.add(a);
      out.set(item, a);
    }
  }
  return out;
}
