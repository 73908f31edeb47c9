/**
 * The sample data set of the CI checks (test/fixtures/ci/merge-request/data), copied to `dest/data`,
 * plus a file with two equal YAML syntax findings (tabs), written here so the fixtures folder holds only
 * files the YAML fast path's test expects to parse.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './run-cli.js';

export function copyCiSample(dest: string): void {
  cpSync(join(FIXTURES, 'ci', 'merge-request', 'data'), join(dest, 'data'), { recursive: true });
  writeFileSync(join(dest, 'data', 'tabs.yaml'), 'kind: family\nid: tabs\ntitle: Tabs\nroles:\n  a:\n\ttitle: A\n\tgrade: 6\n');
}
