import { relative, sep } from 'node:path';

/** A path as shown to users: relative to the working directory when near it, `/` separators. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  const shown = rel === '' ? '.' : rel.startsWith('..') && rel.split(sep).length > 4 ? abs : rel;
  return shown.split(sep).join('/');
}
