/** Every lint rule, in the order of the rules table (docs/rules/ and SARIF follow it). */
import type { Rule, Severity } from './types.js';
import { rule as yamlSyntax } from './rules/yaml-syntax.js';
import { rule as schema } from './rules/schema.js';
import { rule as unresolvedReference } from './rules/unresolved-reference.js';
import { rule as duplicateId } from './rules/duplicate-id.js';
import { rule as inheritanceCycle } from './rules/inheritance-cycle.js';
import { rule as gradeOrder } from './rules/grade-order.js';
import { rule as reportsToGrade } from './rules/reports-to-grade.js';
import { rule as duplicateItem } from './rules/duplicate-item.js';
import { rule as redundantItem } from './rules/redundant-item.js';
import { rule as unknownRemove } from './rules/unknown-remove.js';
import { rule as yearsRegression } from './rules/years-regression.js';
import { rule as levelRegression } from './rules/level-regression.js';
import { rule as unknownSkill } from './rules/unknown-skill.js';
import { rule as externalExtends } from './rules/external-extends.js';
import { rule as emptyRole } from './rules/empty-role.js';
import { rule as nearDuplicateTitle } from './rules/near-duplicate-title.js';
import { rule as handbookStyle } from './rules/handbook-style.js';
import { rule as placeholderItem } from './rules/placeholder-item.js';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  unresolvedReference,
  duplicateId,
  inheritanceCycle,
  gradeOrder,
  reportsToGrade,
  duplicateItem,
  redundantItem,
  unknownRemove,
  yearsRegression,
  levelRegression,
  unknownSkill,
  externalExtends,
  emptyRole,
  nearDuplicateTitle,
  handbookStyle,
  placeholderItem,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** Default severities, overridden by config then by `--rule`. */
export function defaultSeverities(): Map<string, Severity> {
  return new Map(RULES.map((r) => [r.id, r.defaultSeverity]));
}
