/**
 * A table-driven rule tester (after ESLint's RuleTester): runs a rule's own examples and returns the
 * problems found, so a test can assert there are none and the tester itself can be tested.
 */
import { buildDataSet, loadFile } from '../../src/core/load.js';
import type { Finding } from '../../src/core/findings.js';
import type { SchemaSupport } from '../../src/core/schema-errors.js';
import { runLint } from '../../src/core/lint/engine.js';
import type { Rule } from '../../src/core/lint/types.js';

/** Splits an example into files at `---` lines and lints them with only `rule` enabled (at least as a warning). */
export function lintExample(rule: Rule, yaml: string, schemas: SchemaSupport): Finding[] {
  const files = yaml.split(/^---\n/m).map((text, i) => loadFile({ file: `example-${i + 1}.yaml`, text }, schemas));
  const ds = buildDataSet(files);
  const severity = rule.defaultSeverity === 'off' ? 'warn' : rule.defaultSeverity;
  return runLint(files, ds, { rules: [rule], severities: new Map([[rule.id, severity]]) });
}

/** Every way the rule's examples disagree with what it reports; empty when the rule is right. */
export function checkRule(rule: Rule, schemas: SchemaSupport): string[] {
  const problems: string[] = [];
  if (rule.examples.valid.length === 0) problems.push(`${rule.id}: no valid example`);
  if (rule.examples.invalid.length === 0) problems.push(`${rule.id}: no invalid example`);
  rule.examples.valid.forEach((yaml, i) => {
    const found = lintExample(rule, yaml, schemas);
    for (const f of found) problems.push(`${rule.id}: valid example ${i + 1} reports ${f.file}:${f.line}:${f.column} ${f.message}`);
  });
  rule.examples.invalid.forEach((ex, i) => {
    const found = lintExample(rule, ex.yaml, schemas).filter((f) => f.file === `example-${ex.file ?? 1}.yaml`);
    if (found.length === 0) problems.push(`${rule.id}: invalid example ${i + 1} reports nothing`);
    else if (!found.some((f) => f.line === ex.line && f.column === ex.column)) {
      problems.push(`${rule.id}: invalid example ${i + 1} expects ${ex.line}:${ex.column}, got ${found.map((f) => `${f.line}:${f.column} (${f.message})`).join('; ')}`);
    }
    for (const f of found) if (f.ruleId !== rule.id) problems.push(`${rule.id}: invalid example ${i + 1} reports another rule: ${f.ruleId}`);
  });
  return problems;
}
