/** The atomic-write helpers in-process: what a failure in the middle of a set leaves, and refusals. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isReservedName, writeFileAtomic, writeFilesAtomic } from '../../src/io/atomic.js';
import { DataError } from '../../src/core/errors.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-atomic-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeFilesAtomic', () => {
  test('with force, a failure after some files were replaced puts the old ones back', async () => {
    const dir = join(tmp, 'force');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yaml'), 'old a\n');
    writeFileSync(join(dir, 'b.yaml'), 'old b\n');
    const files = [
      { name: 'a.yaml', text: 'new a\n' },
      { name: 'b.yaml', text: 'new b\n' },
      { name: 'c'.repeat(300) + '.yaml', text: 'too long a name\n' },
    ];
    await expect(writeFilesAtomic(dir, files, { force: true, cwd: tmp })).rejects.toThrow(
      new DataError('cannot write to force: the file name is too long; nothing was written'),
    );
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('old a\n');
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe('old b\n');
  });

  test('the whole set is written, and nothing else is left', async () => {
    const dir = join(tmp, 'whole', 'deep');
    await writeFilesAtomic(
      dir,
      Array.from({ length: 20 }, (_, i) => ({ name: `f-${i}.yaml`, text: `${i}\n` })),
      { force: false, cwd: tmp },
    );
    expect(readdirSync(dir)).toHaveLength(20);
    expect(readFileSync(join(dir, 'f-7.yaml'), 'utf8')).toBe('7\n');
  });

  test('without force an existing file is not replaced, and a new directory is removed again', async () => {
    const dir = join(tmp, 'exists');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yaml'), 'mine\n');
    await expect(writeFilesAtomic(dir, [{ name: 'a.yaml', text: 'theirs\n' }], { force: false, cwd: tmp })).rejects.toThrow(
      /exists\/a\.yaml exists; pass --force/,
    );
    expect(readdirSync(dir)).toEqual(['a.yaml']);
    await expect(writeFilesAtomic(join(tmp, 'fresh', 'sub'), [{ name: 'x'.repeat(300), text: '' }], { force: false, cwd: tmp })).rejects.toThrow(
      /nothing was written/,
    );
    expect(readdirSync(tmp)).not.toContain('fresh');
  });

  test.each([['con.yaml'], ['AUX.yaml'], ['lpt1'], ['a/b.yaml'], ['.hidden.yaml']])('refuses the file name %s', async (name) => {
    await expect(writeFilesAtomic(join(tmp, 'names'), [{ name, text: '' }], { force: true, cwd: tmp })).rejects.toThrow(/nothing was written/);
  });
});

describe('writeFileAtomic', () => {
  test('a symbolic link is refused and left pointing where it did', async () => {
    writeFileSync(join(tmp, 'target.txt'), 'kept\n');
    symlinkSync(join(tmp, 'target.txt'), join(tmp, 'link.txt'));
    await expect(writeFileAtomic('link.txt', 'report', tmp)).rejects.toThrow('link.txt: is a symbolic link; write the output to a regular file or a new path');
    expect(readFileSync(join(tmp, 'link.txt'), 'utf8')).toBe('kept\n');
  });

  test('replaces a regular file and leaves no temporary file', async () => {
    const dir = join(tmp, 'one');
    mkdirSync(dir);
    writeFileSync(join(dir, 'r.json'), 'old');
    await writeFileAtomic('one/r.json', 'new', tmp);
    expect(readdirSync(dir)).toEqual(['r.json']);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('new');
  });
});

test('Windows-reserved names', () => {
  expect(['con', 'CON.yaml', 'nul.txt', 'com1.yaml', 'lpt9', 'aux.tar.gz', 'name.'].every(isReservedName)).toBe(true);
  expect(['console.yaml', 'con-family.yaml', 'auxiliary.yaml', 'com10.yaml', 'a.yaml'].some(isReservedName)).toBe(false);
});
