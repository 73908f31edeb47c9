/**
 * The `$schema` line that init, import and profile write: a relative path to the installed schemas
 * when ladder is installed inside the project the file is written in, else the published schemas'
 * address, never a path of this machine (ladder run by npx from its cache, or installed globally).
 */
import { describe, expect, test } from '@jest/globals';
import { join, resolve } from 'node:path';
import { projectRoot, publishedSchemaDir, schemaDirReference } from '../../src/io/schemas.js';
import { VERSION } from '../../src/cli/version.js';

const at = (...parts: string[]) => resolve('/', ...parts);
/** A file system that has exactly these paths. */
const having =
  (...paths: string[]) =>
  (p: string) =>
    paths.map((x) => resolve(x)).includes(resolve(p));

describe('schemaDirReference', () => {
  test('ladder installed in the project (a dev dependency): the relative path, from a folder at any depth', () => {
    const exists = having(at('team', '.git'), at('team', 'package.json'));
    const schemas = at('team', 'node_modules', 'career-ladder-cli', 'schemas');
    expect(schemaDirReference(at('team', 'ladder'), VERSION, schemas, exists)).toBe('../node_modules/career-ladder-cli/schemas');
    expect(schemaDirReference(at('team'), VERSION, schemas, exists)).toBe('node_modules/career-ladder-cli/schemas');
    expect(schemaDirReference(at('team', 'docs', 'ladder', 'sub'), VERSION, schemas, exists)).toBe('../../../node_modules/career-ladder-cli/schemas');
  });

  test('a monorepo: installed at the root of the repository, written in a package with its own package.json', () => {
    const exists = having(at('mono', '.git'), at('mono', 'package.json'), at('mono', 'packages', 'hr', 'package.json'));
    const schemas = at('mono', 'node_modules', 'career-ladder-cli', 'schemas');
    expect(schemaDirReference(at('mono', 'packages', 'hr', 'ladder'), VERSION, schemas, exists)).toBe('../../../node_modules/career-ladder-cli/schemas');
  });

  test("ladder's own clone: its schemas/ folder", () => {
    const exists = having(at('src', 'ladder', '.git'));
    expect(schemaDirReference(at('src', 'ladder', 'data'), VERSION, at('src', 'ladder', 'schemas'), exists)).toBe('../schemas');
  });

  test('no repository yet: the folder itself, or the nearest package.json, is the project', () => {
    const schemas = at('new', 'node_modules', 'career-ladder-cli', 'schemas');
    expect(schemaDirReference(at('new'), VERSION, schemas, having())).toBe('node_modules/career-ladder-cli/schemas');
    expect(schemaDirReference(at('new', 'ladder'), VERSION, schemas, having(at('new', 'package.json')))).toBe('../node_modules/career-ladder-cli/schemas');
  });

  test("ladder outside the project (npx's cache, a global install): the published schemas, no machine path", () => {
    const exists = having(at('home', 'me', 'team', '.git'));
    for (const schemas of [
      at('home', 'me', '.npm', '_npx', '1f2e3d', 'node_modules', 'career-ladder-cli', 'schemas'),
      at('usr', 'lib', 'node_modules', 'career-ladder-cli', 'schemas'),
      at('home', 'me', 'node_modules', 'career-ladder-cli', 'schemas'),
    ]) {
      expect(schemaDirReference(at('home', 'me', 'team', 'ladder'), VERSION, schemas, exists)).toBe(publishedSchemaDir(VERSION));
    }
    expect(publishedSchemaDir(VERSION)).toBe(`https://unpkg.com/career-ladder-cli@${VERSION}/schemas`);
  });
});

describe('projectRoot', () => {
  test('the nearest .git wins over a nearer package.json; without either, the folder itself', () => {
    const exists = having(at('r', '.git'), at('r', 'a', 'package.json'));
    expect(projectRoot(at('r', 'a', 'b'), exists)).toBe(at('r'));
    expect(projectRoot(at('r', 'a', 'b'), having(at('r', 'a', 'package.json')))).toBe(at('r', 'a'));
    expect(projectRoot(join(at('x'), 'y'), having())).toBe(at('x', 'y'));
  });
});
