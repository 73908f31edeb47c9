// The lint report formatters on 50,000, 100,000 and 200,000 findings in one file: time per format
// and the ratio to the previous size (near 2.0 when doubling is linear). The findings are synthetic
// (one rule, distinct subjects); the formatters are run from dist/.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const dist = (p) => import(join(root, 'dist', p));
const [{ FORMATTERS }, { plain }, { RULES }] = [await dist('lint-formats/registry.js'), await dist('render/paint.js'), await dist('core/lint/registry.js')];

const SIZES = [50_000, 100_000, 200_000];
const finding = (i) => ({
  file: 'data/a.yaml',
  line: i + 1,
  column: 5,
  endLine: i + 1,
  endColumn: 9,
  level: i % 3 ? 'warning' : 'error',
  ruleId: 'unresolved-reference',
  message: `extends \`role-${i}x\` names no known role`,
  pointer: `/roles/role-${i}/extends`,
  subject: `a roles.role-${i}.extends`,
});
const ctx = { paint: plain, version: '0.0.0', rules: RULES, files: ['data/a.yaml'], cwd: root };

const rows = [];
for (const name of Object.keys(FORMATTERS)) {
  const row = [name];
  let previous;
  for (const n of SIZES) {
    const findings = Array.from({ length: n }, (_, i) => finding(i));
    const t = performance.now();
    const out = FORMATTERS[name](findings, ctx);
    const ms = performance.now() - t;
    if (out.length === 0) throw new Error(`${name} printed nothing`);
    row.push(`${ms.toFixed(0)} ms${previous ? ` (x${(ms / previous).toFixed(2)})` : ''}`);
    previous = ms;
  }
  rows.push(row);
}
const head = ['format', ...SIZES.map((n) => `${n.toLocaleString('en')} findings`)];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
