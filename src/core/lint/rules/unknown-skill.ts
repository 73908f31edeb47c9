import type { RawFinding } from '../../findings.js';
import type { VocabularyEntry } from '../../model.js';
import { didYouMean } from '../../suggest.js';
import { unknownLevelMessage } from '../../gap/profile.js';
import type { LintContext, Rule } from '../types.js';
import { itemLists } from '../walk.js';

/** Lower-cased id, title and aliases -> id, so `GCP` suggests `gcp`. */
function spellings(entries: Map<string, VocabularyEntry>): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entries.values()) for (const s of [e.id, e.title, ...e.aliases]) if (!out.has(s.toLowerCase())) out.set(s.toLowerCase(), e.id);
  return out;
}

export const rule: Rule = {
  id: 'unknown-skill',
  defaultSeverity: 'warn',
  summary: 'a skill or area not in the `kind: skills` vocabulary (when one exists)',
  description:
    'When the linted files include a `kind: skills` vocabulary, every id in a requirement\'s `skills: {any|all}` must be one of its `skills`, every `area` one of its `areas` and every `level` a name of its `levels` scale; `gap` can only match a profile against ids it knows. The message suggests the closest id, or the id whose title or alias is what was written. Without a vocabulary the rule is silent.',
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - text: Uses Git daily\n        skills: {all: [git]}\n---\nkind: skills\nskills:\n  git: {title: Git}\n',
    ],
    invalid: [
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - text: Uses Git daily\n        skills: {all: [gti]}\n---\nkind: skills\nskills:\n  git: {title: Git}\n',
        line: 10,
        column: 24,
      },
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - text: Advanced Git\n        skills: {all: [git], level: advnced}\n---\nkind: skills\nlevels: [working, advanced]\nskills:\n  git: {title: Git}\n',
        line: 10,
        column: 37,
      },
    ],
  },
  check(ctx: LintContext): RawFinding[] {
    const vocab = ctx.ds.vocabulary;
    if (!vocab) return [];
    const out: RawFinding[] = [];
    let skillNames: Map<string, string> | undefined;
    let areaNames: Map<string, string> | undefined;
    let levelSet: Set<string> | undefined;
    const hint = (id: string, entries: Map<string, VocabularyEntry>, names: Map<string, string>) => {
      const byName = names.get(id.toLowerCase()) ?? names.get(id.replace(/-/g, ' ').toLowerCase());
      return byName ? ` (did you mean \`${byName}\`?)` : didYouMean(id, entries.keys());
    };
    for (const list of itemLists(ctx.ds)) {
      for (const item of list.items) {
        if (item.skills) {
          const mode = item.skills.all ? 'all' : 'any';
          (item.skills[mode] ?? []).forEach((id, j) => {
            if (vocab.skills.has(id)) return;
            skillNames ??= spellings(vocab.skills);
            out.push({ ruleId: 'unknown-skill', message: `unknown skill \`${id}\`${hint(id, vocab.skills, skillNames)}; add it to the skills vocabulary or fix the id`, file: list.file, path: [...item.path, 'skills', mode, j] });
          });
          const level = item.skills.level;
          if (level !== undefined && !(levelSet ??= new Set(vocab.levels)).has(level)) {
            out.push({ ruleId: 'unknown-skill', message: unknownLevelMessage(level, vocab.levels, vocab.levels.length ? 'fix the name' : 'add `levels: [...]` to it'), file: list.file, path: [...item.path, 'skills', 'level'] });
          }
        }
        if (item.area !== undefined && !vocab.areas.has(item.area)) {
          areaNames ??= spellings(vocab.areas);
          out.push({ ruleId: 'unknown-skill', message: `unknown experience area \`${item.area}\`${hint(item.area, vocab.areas, areaNames)}; add it to the areas of the skills vocabulary or fix the id`, file: list.file, path: [...item.path, 'area'] });
        }
      }
    }
    return out;
  },
};
