import { yaml } from '../example.js';
import type { VocabularyEntry } from '../../model.js';
import { SuggestionIndex } from '../../suggest.js';
import { unknownLevel } from '../../gap/profile.js';
import type { LintContext, Rule } from '../types.js';
import { forEachItemList } from '../walk.js';

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
    "When the linted files include a `kind: skills` vocabulary, every id in a requirement's `skills: {any|all}` must be one of its `skills`, every `area` one of its `areas` and every `level` a name of its `levels` scale; `gap` can only match a profile against ids it knows. The message suggests the closest id, or the id whose title or alias is what was written. Without a vocabulary the rule is silent.",
  meta: {
    messages: {
      skill: 'unknown skill `{{id}}`{{hint}}; add it to the skills vocabulary or fix the id',
      area: 'unknown experience area `{{id}}`{{hint}}; add it to the areas of the skills vocabulary or fix the id',
      level: 'unknown level `{{level}}`{{hint}}; the levels are {{levels}}; fix the name',
      levelNoScale: 'unknown level `{{level}}`: the skills vocabulary declares no `levels`; add `levels: [...]` to it',
    },
  },
  examples: {
    valid: [
      yaml`
        kind: family
        id: demo
        title: Demo
        responsibilities: [Ship work]
        roles:
          engineer:
            title: Engineer
            grade: 6
            requirements:
              - text: Uses Git daily
                skills: {all: [git]}
        ---
        kind: skills
        skills:
          git: {title: Git}
      `,
    ],
    invalid: [
      {
        yaml: yaml`
        kind: family
        id: demo
        title: Demo
        roles:
          engineer:
            title: Engineer
            grade: 6
            requirements:
              - text: Uses Git daily
                skills: {all: [gti]}
        ---
        kind: skills
        skills:
          git: {title: Git}
      `,
        errors: [{ messageId: 'skill', line: 10, column: 24 }],
      },
      {
        yaml: yaml`
        kind: family
        id: demo
        title: Demo
        roles:
          engineer:
            title: Engineer
            grade: 6
            requirements:
              - text: Advanced Git
                skills: {all: [git], level: advnced}
        ---
        kind: skills
        levels: [working, advanced]
        skills:
          git: {title: Git}
      `,
        errors: [{ messageId: 'level', line: 10, column: 37 }],
      },
    ],
  },
  check(ctx: LintContext, report) {
    const vocab = ctx.ds.vocabulary;
    if (!vocab) return;
    const indexes = new Map<Map<string, VocabularyEntry>, SuggestionIndex>();
    let skillNames: Map<string, string> | undefined;
    let areaNames: Map<string, string> | undefined;
    let levelSet: Set<string> | undefined;
    const hint = (id: string, entries: Map<string, VocabularyEntry>, names: Map<string, string>) => {
      const byName = names.get(id.toLowerCase()) ?? names.get(id.replace(/-/g, ' ').toLowerCase());
      if (byName) return ` (did you mean \`${byName}\`?)`;
      let index = indexes.get(entries);
      if (!index) indexes.set(entries, (index = new SuggestionIndex([...entries.keys()])));
      return index.didYouMean(id);
    };
    forEachItemList(ctx.ds, (list) => {
      for (const item of list.items) {
        if (item.skills) {
          const mode = item.skills.all ? 'all' : 'any';
          (item.skills[mode] ?? []).forEach((id, j) => {
            if (vocab.skills.has(id)) return;
            skillNames ??= spellings(vocab.skills);
            report({ messageId: 'skill', data: { id, hint: hint(id, vocab.skills, skillNames) }, file: list.file, path: [...item.path, 'skills', mode, j] });
          });
          const level = item.skills.level;
          if (level !== undefined && !(levelSet ??= new Set(vocab.levels)).has(level)) {
            const u = unknownLevel(level, vocab.levels);
            report({ messageId: u.messageId, data: u.data, file: list.file, path: [...item.path, 'skills', 'level'] });
          }
        }
        if (item.area !== undefined && !vocab.areas.has(item.area)) {
          areaNames ??= spellings(vocab.areas);
          report({ messageId: 'area', data: { id: item.area, hint: hint(item.area, vocab.areas, areaNames) }, file: list.file, path: [...item.path, 'area'] });
        }
      }
    });
  },
};
