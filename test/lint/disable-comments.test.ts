/** The scan for `# ladder-disable-next-line` comments (core/yaml-source.ts). */
import { expect, test } from '@jest/globals';
import { LineIndex } from '../../src/core/yaml/index.js';
import { scanDisableComments } from '../../src/core/yaml/index.js';

const scan = (text: string) => scanDisableComments(text, new LineIndex(text));

test('maps the next line to the listed rule ids; text after -- is a reason', () => {
  const text = 'a: 1\n  # ladder-disable-next-line redundant-item, duplicate-item -- restated on purpose\nb: 2\n';
  expect(scan(text)).toEqual(new Map([[3, ['redundant-item', 'duplicate-item']]]));
});

test('without ids the next line is suppressed for every rule', () => {
  expect(scan('#ladder-disable-next-line\nb: 2\n')).toEqual(new Map([[2, []]]));
});

test('only a comment alone on its line counts; files without comments cost nothing', () => {
  expect(scan('a: 1 # ladder-disable-next-line schema\nb: "# ladder-disable-next-line schema"\n')).toBeUndefined();
  expect(scan('a: 1\n')).toBeUndefined();
});
