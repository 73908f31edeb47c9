// Asks yaml-language-server (the server behind the VS Code YAML extension) what an editor shows on
// hover over keys of a YAML file, over the Language Server Protocol, as an editor would:
//   node scripts/schema-hover.js <file.yaml> <key>…      e.g. data/platform.yaml grade extends years
// The file names its schema on its first line (`# yaml-language-server: $schema=…`). The server is
// `$YAML_LANGUAGE_SERVER` (path to its bin/yaml-language-server) or, by default, fetched by npx.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, ...keys] = process.argv.slice(2);
if (!file || keys.length === 0) {
  process.stderr.write('usage: node scripts/schema-hover.js <file.yaml> <key>…\n');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(resolve(file)).href;
const server = process.env.YAML_LANGUAGE_SERVER
  ? spawn(process.execPath, [process.env.YAML_LANGUAGE_SERVER, '--stdio'])
  : spawn('npx', ['--yes', '--package', 'yaml-language-server@1', 'yaml-language-server', '--stdio']);

let buf = Buffer.alloc(0);
let nextId = 0;
const waiting = new Map();
const send = (m) => {
  const body = Buffer.from(JSON.stringify(m));
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
};
server.stdout.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  for (;;) {
    const head = buf.indexOf('\r\n\r\n');
    if (head < 0) return;
    const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString('latin1'))?.[1]);
    if (buf.length < head + 4 + len) return;
    const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString('utf8'));
    buf = buf.subarray(head + 4 + len);
    if (msg.method === 'workspace/configuration')
      send({ jsonrpc: '2.0', id: msg.id, result: msg.params.items.map(() => ({ validate: true, hover: true, completion: true })) });
    else if (msg.method && msg.id !== undefined) send({ jsonrpc: '2.0', id: msg.id, result: null });
    else if (waiting.has(msg.id)) {
      waiting.get(msg.id)(msg);
      waiting.delete(msg.id);
    }
  }
});
const request = (method, params) =>
  new Promise((done) => {
    const id = ++nextId;
    waiting.set(id, done);
    send({ jsonrpc: '2.0', id, method, params });
  });

await request('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } } });
send({ jsonrpc: '2.0', method: 'initialized', params: {} });
send({ jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params: { settings: { yaml: { validate: true, hover: true, completion: true } } } });
send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
// The server loads the schema named on the first line before it can answer.
await new Promise((r) => setTimeout(r, 1500));
const lines = text.split('\n');
for (const key of keys) {
  const line = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`));
  if (line === -1) {
    console.log(`--- ${key}: not in ${file}`);
    continue;
  }
  const hover = await request('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].indexOf(key) + 1 } });
  const shown = hover.result?.contents?.value ?? '(nothing)';
  console.log(`--- hover on \`${key}\` (line ${line + 1}):\n${shown.replace(/\n*Source: .*$/s, '').trim()}\n`);
}
server.kill();
