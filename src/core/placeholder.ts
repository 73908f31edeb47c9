/**
 * Placeholder texts: a section's content that is only "TBD", "To be determined" or "Coming soon"
 * states nothing. The importer skips them and `placeholder-item` reports them in YAML.
 */

const PLACEHOLDERS = new Set([
  'tbd',
  'tba',
  'tbc',
  'to be determined',
  'to be defined',
  'to be decided',
  'to be announced',
  'to be confirmed',
  'coming soon',
  'more to come',
  'placeholder',
]);

/**
 * What every placeholder holds, as written: its first word, or its first two words with emphasis,
 * brackets or spaces between them (the characters `placeholderOf` reads as spaces). A text without
 * it is no placeholder, and most texts are dismissed by this one test.
 */
const MAY_HOLD = /tb[adc]|placeholder|(?:to|coming|more)[\s*_`[\](){}]+(?:be|soon|to)/i;

/** The placeholder a whole text is ("TBD", "_Coming soon…_", "Sales: TBD"), or null when it says something. */
export function placeholderOf(text: string): string | null {
  if (text.length > 60 || !MAY_HOLD.test(text)) return null;
  // Emphasis, brackets and trailing punctuation around the word do not make it content.
  const core = text
    .replace(/[*_`[\](){}]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!…:;,-]+$/, '')
    .trim();
  if (PLACEHOLDERS.has(core.toLowerCase())) return core;
  // "Marketing: TBD": a short label whose content is still a placeholder.
  const label = /^([^:]{1,40}): (.+)$/.exec(core);
  return label && label[1].split(' ').length <= 4 && PLACEHOLDERS.has(label[2].toLowerCase()) ? core : null;
}
