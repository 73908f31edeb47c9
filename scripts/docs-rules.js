// Writes docs/rules/ from the rule registry (run through `npm run docs:rules`, after a build).
// Files of rules that no longer exist are removed; every file is written atomically.
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../dist/core/lint/registry.js';
import { ruleDocFiles } from '../dist/render/rule-docs.js';
import { writeFileAtomic } from '../dist/io/files.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules');
const files = ruleDocFiles(RULES);
for (const [name, text] of files) await writeFileAtomic(join(dir, name), text, dir);
for (const name of await readdir(dir)) {
  if (name.endsWith('.md') && !files.has(name)) await rm(join(dir, name));
}
console.log(`docs/rules: ${files.size} files`);
