// Promotion features at growing sizes, with the ratio to the previous size (about 2 when linear):
// "did you mean" for unknown evidence keys (n keys against n item ids), and a worksheet of n
// requirements written, parsed and read back as a profile. In-process, on the built modules.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { opt, root } from './common.js';

const load = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const { loadFile, buildDataSet } = await load('core/load.js');
const { loadSchemaSupport } = await load('io/schemas.js');
const { profileFromValue, profileWarnings } = await load('core/gap/index.js');
const { resolveRole } = await load('core/resolve.js');
const { worksheetRows, profileFromWorksheet } = await load('core/worksheet.js');
const { worksheetCsv } = await load('render/worksheet.js');
const { parse } = await import('csv-parse/sync');

const sizes = (opt('--sizes', '2000,4000,8000') ?? '').split(',').map(Number);
const schemas = await loadSchemaSupport();

function dataSet(n) {
  const items = Array.from({ length: n }, (_, i) => `      - {id: item-number-${i}-of-the-role, text: 'Requirement ${i}', years: 2, area: it}`).join('\n');
  const text = `kind: family\nid: f\ntitle: F\nroles:\n  a:\n    title: A\n    grade: 6\n    requirements:\n${items}\n`;
  return buildDataSet([loadFile({ file: 'f.yaml', text }, schemas)]);
}

const best = (fn, times = 3) => {
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
};

console.log('size     evidence-suggest ms  ratio   worksheet write+read ms  ratio');
let prev = null;
for (const n of sizes) {
  const ds = dataSet(n);
  const evidence = Object.fromEntries(Array.from({ length: n }, (_, i) => [`item-nunber-${i}-of-the-role`, 'x']));
  const profile = profileFromValue('p.yaml', { evidence });
  const suggest = best(() => profileWarnings(profile, ds));
  const role = resolveRole(ds, ds.roles.get('a'));
  const sheet = best(() => {
    const csv = worksheetCsv(worksheetRows(role, profileFromValue('p.yaml', { experience: { it: 3 } }), ds.vocabulary));
    const records = parse(csv, { bom: true }).map((cells, i) => ({ cells, line: i + 1 }));
    profileFromWorksheet('sheet.csv', records, role, ds.vocabulary);
  });
  const r = (a, b) => (b ? (a / b).toFixed(2) : '   -');
  console.log(
    `${String(n).padEnd(8)} ${suggest.toFixed(0).padStart(16)}  ${r(suggest, prev?.suggest).padStart(5)}   ${sheet.toFixed(0).padStart(22)}  ${r(sheet, prev?.sheet).padStart(5)}`,
  );
  prev = { suggest, sheet };
}
