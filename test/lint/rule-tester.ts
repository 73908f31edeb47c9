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
    if (ex.errors.length === 0) problems.push(`${rule.id}: invalid example ${i + 1} expects no finding`);
    for (const e of ex.errors)
      if (!(e.messageId in rule.meta.messages)) problems.push(`${rule.id}: invalid example ${i + 1} expects unknown message id ${e.messageId}`);
    // Exactly the expected findings, in the engine's order: count, rule, message id, file, line, column.
    const found = lintExample(rule, ex.yaml, schemas);
    const got = found.map((f) => `${f.ruleId}/${f.messageId} ${f.file}:${f.line}:${f.column}`);
    const want = ex.errors.map((e) => `${rule.id}/${e.messageId} example-${e.file ?? 1}.yaml:${e.line}:${e.column}`);
    if (found.length === 0) problems.push(`${rule.id}: invalid example ${i + 1} reports nothing`);
    else if (got.join('; ') !== want.join('; '))
      problems.push(`${rule.id}: invalid example ${i + 1} expects [${want.join('; ')}], got [${got.join('; ')}] (${found.map((f) => f.message).join(' | ')})`);
  });
  for (const id of Object.keys(rule.meta.messages)) if (!/^[a-z][A-Za-z0-9]*$/.test(id)) problems.push(`${rule.id}: message id ${id} is not camelCase`);
  return problems;
}
