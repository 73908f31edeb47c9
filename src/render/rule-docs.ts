/**
 * The pages of docs/rules/: one per lint rule and an index, generated from the rule registry
 * (`npm run docs:rules`); a test keeps the committed files equal to this output.
 */
import type { Rule } from '../core/lint/types.js';

const NOTICE = '<!-- Generated from src/core/lint/rules/ by `npm run docs:rules`; edit the rule, not this file. -->';

const severityWord = (s: Rule['defaultSeverity']) => (s === 'warn' ? 'warning (`warn`)' : s === 'off' ? 'off (enable it in the config)' : 'error');

/** The files of one example: the tester's `---` separator line splits it into files. */
function exampleFiles(yaml: string): string[] {
  return yaml.split(/^---\n/m).map((f) => f.trimEnd());
}

function yamlBlocks(yaml: string, meant?: number): string {
  const files = exampleFiles(yaml);
  if (files.length === 1) return '```yaml\n' + files[0] + '\n```';
  return files.map((f, i) => `File ${i + 1}${meant === i + 1 ? ' (reported)' : ''}:\n\n\`\`\`yaml\n${f}\n\`\`\``).join('\n\n');
}

/** The page of one rule. */
export function ruleDoc(rule: Rule): string {
  const parts = [
    NOTICE,
    `# \`${rule.id}\``,
    `Default severity: ${severityWord(rule.defaultSeverity)}. Catches ${rule.summary}.`,
    rule.description,
    '## Invalid',
  ];
  for (const ex of rule.examples.invalid) {
    const several = exampleFiles(ex.yaml).length > 1;
    const at = ex.errors.map((e) => `line ${e.line}, column ${e.column}${several ? ` of file ${e.file ?? 1}` : ''}`);
    parts.push(`Reported at ${at.join('; ')}:`, yamlBlocks(ex.yaml, several ? (ex.errors[0]?.file ?? 1) : undefined));
  }
  parts.push('## Valid');
  if (rule.examples.valid.length === 0) parts.push('(No example.)');
  for (const ex of rule.examples.valid) parts.push(yamlBlocks(ex));
  parts.push(
    '## Configuring',
    'In `.ladderrc.yaml` (see [../lint.md](../lint.md#lint-configuration)), or for one run with `--rule`:',
    '```yaml\nrules:\n  ' + rule.id + ': ' + (rule.defaultSeverity === 'off' ? 'warn' : 'off') + '\n```',
    `To silence it on one line, put \`# ladder-disable-next-line ${rule.id}\` on the line above.`,
  );
  return parts.join('\n\n') + '\n';
}

/** The index: the rules table, each id linked to its page. */
export function rulesIndex(rules: readonly Rule[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.defaultSeverity} | ${r.summary.replace(/\|/g, '\\|')} |`);
  return (
    [
      NOTICE,
      '# Lint rules',
      'Rule ids are stable. `yaml-syntax` and `schema` are checked while files are loaded; a file with either kind of error is left out of the other rules, whose findings could not be trusted. How rules are configured and what they decide: [../lint.md](../lint.md).',
      '| id | default | what it catches |\n|---|---|---|\n' + rows.join('\n'),
    ].join('\n\n') + '\n'
  );
}

/** Every file of docs/rules/, by file name. */
export function ruleDocFiles(rules: readonly Rule[]): Map<string, string> {
  const files = new Map<string, string>([['README.md', rulesIndex(rules)]]);
  for (const r of rules) files.set(`${r.id}.md`, ruleDoc(r));
  return files;
}
