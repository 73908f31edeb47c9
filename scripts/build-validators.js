// Compiles the JSON Schemas into one standalone validator module at build time, so the CLI does not
// pay for compiling them with ajv on every start. Written as .cjs: ajv's standalone code uses require.
import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kinds = ['family', 'skills', 'profile', 'config'];
const schemas = Object.fromEntries(kinds.map((k) => [k, JSON.parse(readFileSync(join(root, 'schemas', `${k}.schema.json`), 'utf8'))]));
const ajv = new Ajv2020.default({ allErrors: true, strict: true, strictRequired: false, code: { source: true } });
// Editor help (yaml-language-server) in the schemas: not a validation keyword.
ajv.addKeyword('markdownDescription');
for (const k of kinds) ajv.addSchema(schemas[k], k);
const code = standaloneCode.default(ajv, Object.fromEntries(kinds.map((k) => [k, k])));
const out = join(root, 'dist', 'validators.cjs');
mkdirSync(dirname(out), { recursive: true });
const schemaKeys = `\nmodule.exports.schemas = ${JSON.stringify(schemas)};\n`;
writeFileSync(out + '.tmp', code + schemaKeys);
renameSync(out + '.tmp', out);
