/**
 * The pure core of `changes`: two versions loaded from memory (no git, no disk), compared.
 */
import { describe, expect, test } from '@jest/globals';
import { computeChanges, loadVersions, changesJson, type VersionFile } from '../../src/core/changes/index.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';
import { LAB, OPS, edit } from './fixture.js';

const enc = new TextEncoder();
const version = (rev: string, files: Record<string, string>): VersionFile[] =>
  Object.entries(files).map(([path, text]) => ({ file: `${rev}:${path}`, bytes: enc.encode(text) }));

describe('changes core', () => {
  test('a file unchanged between versions is shared, yet each version names its own files', async () => {
    const schemas = await loadSchemaSupport();
    const [a, b] = loadVersions(
      version('v1', { 'lab.yaml': LAB, 'ops.yaml': OPS }),
      version('v2', { 'lab.yaml': edit(LAB, 'Mentor junior staff', 'Mentor junior and new staff'), 'ops.yaml': OPS }),
      schemas,
    );
    expect([a.findings, b.findings]).toEqual([[], []]);
    expect(a.ds.roles.get('operator')!.file).toBe('v1:ops.yaml');
    expect(b.ds.roles.get('operator')!.file).toBe('v2:ops.yaml');
    expect(b.ds.roles.get('operator')!.sections.responsibilities[0].file).toBe('v2:ops.yaml');
    const report = computeChanges(a.ds, b.ds, { from: 'v1', to: 'v2' });
    expect(report.roles.map((r) => [r.id, r.status])).toEqual([
      ['senior-dev', 'changed'],
      ['staff-dev', 'changed'],
    ]);
    const json = changesJson(report);
    const change = json.roles[1].sections.responsibilities!.changed[0];
    expect([change.from.source.file, change.to.source.file, change.to.from]).toEqual(['v1:lab.yaml', 'v2:lab.yaml', 'senior-dev']);
    expect(change.words).toEqual([
      { op: 'same', text: 'Mentor junior' },
      { op: 'added', text: 'and new' },
      { op: 'same', text: 'staff' },
    ]);
  });

  test('a version with a broken file reports it under that version’s name only', async () => {
    const schemas = await loadSchemaSupport();
    const broken = 'kind: family\nid: ops\n  title: [\n';
    const [a, b] = loadVersions(version('v1', { 'ops.yaml': broken }), version('v2', { 'ops.yaml': broken }), schemas);
    expect(a.findings.map((f) => f.file)).toEqual(a.findings.map(() => 'v1:ops.yaml'));
    expect(b.findings.map((f) => f.file)).toEqual(b.findings.map(() => 'v2:ops.yaml'));
    expect(a.findings.length).toBeGreaterThan(0);
    expect(b.findings.length).toBe(a.findings.length);
  });

  test('a rename pairs only roles with the very same items; two identical gone roles pair in order', async () => {
    const schemas = await loadSchemaSupport();
    const two = (ids: [string, string]) =>
      `kind: family\nid: f\ntitle: F\nroles:\n  ${ids[0]}:\n    title: A\n    grade: 5\n    responsibilities: [Same work]\n  ${ids[1]}:\n    title: B\n    grade: 6\n    responsibilities: [Same work]\n`;
    const [a, b] = loadVersions(version('v1', { 'f.yaml': two(['a', 'b']) }), version('v2', { 'f.yaml': two(['c', 'd']) }), schemas);
    const report = computeChanges(a.ds, b.ds);
    expect(report.roles.map((r) => [r.id, r.status, r.renamedFrom, r.fields.map((f) => f.name)])).toEqual([
      ['c', 'renamed', 'a', []],
      ['d', 'renamed', 'b', []],
    ]);
  });
});
