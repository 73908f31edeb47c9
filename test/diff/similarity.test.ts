import { describe, expect, test } from '@jest/globals';
import { SIMILARITY_THRESHOLD, contentWords, similarity } from '../../src/core/diff/similarity.js';
import { diffText } from '../../src/core/diff/words.js';

describe('contentWords', () => {
  test.each([
    ['5+ years of experience in IT', ['5', 'years', 'experience', 'it']],
    ['Knowledge of container and microservice technologies', ['knowledge', 'container', 'microservice', 'technologies']],
    ['(SaaS) cloud-first', ['saas', 'cloud', 'first']],
    ['', []],
  ])('%j', (text, words) => {
    expect(contentWords(text)).toEqual(words);
  });
});

describe('similarity', () => {
  test.each<[string, string, string, number]>([
    ['identical texts', 'Ability to use GitLab', 'Ability to use GitLab', 1],
    ['case and punctuation do not count', 'Ability to use GitLab.', 'ability to use gitlab', 1],
    ['nothing in common', 'Ability to use GitLab', 'Excellent team player', 0],
    // 3 of 5 content words shared on both sides: 2·3 / (5 + 5)
    ['three of five words', 'alpha beta gamma delta epsilon', 'alpha beta gamma zeta eta', 0.6],
    // a repeated word counts as often as it is shared
    ['multisets', 'gitlab gitlab ci', 'gitlab ci ci', (2 * 2) / 6],
  ])('%s', (_name, a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 10);
    expect(similarity(b, a)).toBeCloseTo(expected, 10);
  });

  test('the senior rewording of the IT SaaS requirement is over the threshold', () => {
    const s = similarity(
      '5+ years of experience in IT in a high growth Software as a service (SaaS) environment',
      '7+ years of experience in IT in a high growth SaaS environment',
    );
    expect(s).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
  });

  test('two years requirements about different areas stay under the threshold', () => {
    const s = similarity(
      '7+ years of experience in IT in a high growth SaaS environment',
      '5+ years of experience in user support in a cloud-first modern IT environment',
    );
    expect(s).toBeLessThan(SIMILARITY_THRESHOLD);
  });
});

describe('diffText', () => {
  test('whole words change, punctuation included', () => {
    expect(
      diffText(
        '5+ years of experience in IT in a high growth Software as a service (SaaS) environment',
        '7+ years of experience in IT in a high growth SaaS environment',
      ),
    ).toEqual([
      { op: 'removed', text: '5+' },
      { op: 'added', text: '7+' },
      { op: 'same', text: 'years of experience in IT in a high growth' },
      { op: 'removed', text: 'Software as a service (SaaS)' },
      { op: 'added', text: 'SaaS' },
      { op: 'same', text: 'environment' },
    ]);
  });

  test('equal texts are one unchanged run; extra whitespace is ignored', () => {
    expect(diffText('Ability  to use GitLab', 'Ability to use  GitLab ')).toEqual([{ op: 'same', text: 'Ability to use GitLab' }]);
  });

  test('an addition at the end', () => {
    expect(diffText('Knowledge of IAM', 'Knowledge of IAM for GCP')).toEqual([
      { op: 'same', text: 'Knowledge of IAM' },
      { op: 'added', text: 'for GCP' },
    ]);
  });
});
