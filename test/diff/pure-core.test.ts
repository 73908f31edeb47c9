import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

// diff and gap are pure: data in, data out. Their core modules may import other core modules and
// the `diff` package, and nothing that reads files, the process or paints output.
const CORE = join(ROOT, 'src', 'core');
const files = [...readdirSync(join(CORE, 'diff')).map((f) => `diff/${f}`), ...readdirSync(join(CORE, 'gap')).map((f) => `gap/${f}`)];

const importsOf = (text: string) => [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'/gm)].map((m) => m[1] ?? m[2]);

describe('diff and gap core modules stay pure', () => {
  test('the import scan sees imports', () => {
    expect(importsOf(readFileSync(join(CORE, 'gap', 'index.ts'), 'utf8'))).toContain('../resolve.js');
    expect(importsOf(readFileSync(join(CORE, 'diff', 'words.ts'), 'utf8'))).toEqual(['diff/lib/diff/array.js', '../arrays.js']);
  });

  test.each(files)('%s', (file) => {
    const text = readFileSync(join(CORE, file), 'utf8');
    const imports = importsOf(text);
    for (const spec of imports) expect(spec).toMatch(/^(\.{1,2}\/[\w./-]+\.js|diff(\/lib\/[\w./-]+\.js)?)$/);
    expect(text).not.toMatch(/\bprocess\.|\bconsole\./);
  });
});
