import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';

describe('ladder CLI basics', () => {
  test('show resolves the senior lab curriculum developer with the 7+ years override', async () => {
    const r = await runCli(['show', 'senior-lab-curriculum-developer', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const texts = json.requirements.map((i: { text: string }) => i.text);
    expect(texts).toContain('7+ years of experience in IT in a high growth SaaS environment');
    expect(texts.some((t: string) => t.startsWith('5+ years of experience in IT'))).toBe(false);
  });

  test('an unknown role suggests the closest id and exits 2', async () => {
    const r = await runCli(['show', 'senior-lab-curiculum-developer']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('did you mean `senior-lab-curriculum-developer`');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
