/** The structure sentences of real pages (wordings taken from the GitLab corpus), table-driven. */
import { describe, expect, test } from '@jest/globals';
import { readGrade, readInherit, readReportsTo } from '../../src/handbook/sentences.js';
import { classifyHeading } from '../../src/handbook/read-page.js';
import { kebab, levelOf, matchTitle, roleIdOf } from '../../src/handbook/titles.js';

const CALC = '(/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)';

describe('readGrade', () => {
  test.each([
    [`The Senior Lab Curriculum Developer is a [grade 7]${CALC}.`, 7, [], 'Senior Lab Curriculum Developer'],
    [`The Widget Operator is a [Grade 7]${CALC}.`, 7, [], 'Widget Operator'],
    [`The Backend Engineer is a [grade #7]${CALC}.`, 7, [], 'Backend Engineer'],
    [`The Staff Security Risk Engineer is a [8]${CALC}.`, 8, [], 'Staff Security Risk Engineer'],
    [`The Associate CSM is a job grade [level 5]${CALC}.`, 5, [], 'Associate CSM'],
    [`The Vice President of CSM is a job grade [12]${CALC}.`, 12, [], 'Vice President of CSM'],
    [`The Sr. Director, IT Operations is a [level 11]${CALC}.`, 11, [], 'Sr. Director, IT Operations'],
    ['The Senior Manager, Sales is a grade 9.5.', 9.5, [], 'Senior Manager, Sales'],
    ['The Director is a grade 11 or a grade 12 depending on scope.', 11, [12], 'Director'],
  ])('%s', (text, grade, alternatives, subject) => {
    expect(readGrade(text, false)).toEqual({ grade, alternatives, subject });
  });

  test('a grade merely mentioned in prose is not a grade sentence, except under a Job Grade heading', () => {
    const prose = 'Senior Managers are expected to perform at a Grade 10 (Director) level according to our framework.';
    expect(readGrade(prose, false)).toBeNull();
    expect(readGrade('Read more about grades at GitLab here.', true)).toBeNull();
    expect(readGrade('Grade 8', true)?.grade).toBe(8);
  });
});

describe('readInherit', () => {
  test.each([
    ['Extends the Technical Instructor (Intermediate) responsibilities', 'named', 'Technical Instructor (Intermediate)', ['responsibilities']],
    ['Extends that of the Technical Instructor (Intermediate) Requirements', 'named', 'Technical Instructor (Intermediate)', ['requirements']],
    [
      'Extends that the Professional Services Engagement Manager (Intermediate) requirements.',
      'named',
      'Professional Services Engagement Manager (Intermediate)',
      ['requirements'],
    ],
    ['Extends Security Analyst, Trust and Safety responsibilities, plus;', 'named', 'Security Analyst, Trust and Safety', ['responsibilities']],
    ['- Extends the responsibilities of Sr. Manager of Professional Services', 'named', 'Sr. Manager of Professional Services', ['responsibilities']],
    [
      'The Senior Backend Engineer role extends the [Backend Engineer](#backend-engineer) role.',
      'named',
      'Backend Engineer',
      ['responsibilities', 'requirements'],
    ],
    [
      'The Senior Lab Curriculum Developer has all the same responsibilities as the intermediate position plus the following:',
      'level',
      'intermediate',
      ['responsibilities'],
    ],
    [
      'The Senior Lab Curriculum Developer has all the same responsibilities as the ones outlined above plus the following:',
      'above',
      undefined,
      ['responsibilities'],
    ],
    ['The Lab Curriculum Developer shares the same responsibilities outlined above.', 'above', undefined, ['responsibilities']],
    ['In addition to the requirements for a Senior Incubation Engineer:', 'named', 'Senior Incubation Engineer', ['requirements']],
    ['The Senior Manager, Marketing Operations is a grade 9 and extends the responsibilities of the grade 8 manager level.', 'grade', 8, ['responsibilities']],
  ])('%s', (text, kind, name, sections) => {
    const p = readInherit(text)!;
    expect(p).not.toBeNull();
    expect(p.target.kind).toBe(kind);
    if (p.target.kind === 'named') expect(p.target.ref.name).toBe(name);
    if (p.target.kind === 'level') expect(p.target.level).toBe(name);
    if (p.target.kind === 'grade') expect(p.target.grade).toBe(name);
    expect(p.sections).toEqual(sections);
  });

  test('a requirement that merely says "in addition to" is content, not inheritance', () => {
    const p = readInherit(
      "In-depth experience with Ruby on Rails, Go, and/or Git, in addition to any experience required by the position's [specialty](#specialties)",
    );
    expect(p === null || !p.whole).toBe(true);
  });

  test('the phrase alone is structure (whole); a longer paragraph keeps its text', () => {
    expect(readInherit('Extends the Manager, Accounting responsibilities')!.whole).toBe(true);
    expect(
      readInherit(
        'The VP of Development is a grade 12. This role extends the [Senior Director, Development](#senior-director) role. It expands the role to cover full functional scope.',
      )!.whole,
    ).toBe(false);
  });
});

describe('readReportsTo', () => {
  test.each([
    ['The Senior Manager, Education Delivery reports to the Senior Director, Global Education.', 'Senior Director, Global Education', undefined],
    [
      'The Senior Techincal Instructor reports the Senior Manager, Professional Education Services',
      'Senior Manager, Professional Education Services',
      undefined,
    ],
    [
      'The Senior Manager of Education Curriculum Development reports into the Senior Director, Global Education.',
      'Senior Director, Global Education',
      undefined,
    ],
    [
      'This job family reports to the [Senior Manager of Education Curriculum Development](/job-families/sales/professional-services-education-services/).',
      'Senior Manager of Education Curriculum Development',
      '/job-families/sales/professional-services-education-services/',
    ],
    ['The Paralegal reports to the Director of Legal, or Senior Director of Legal.', 'Director of Legal', undefined],
    ['The Senior Manager, Revenue Accouting reports to the Director, Revenue Accounting or above.', 'Director, Revenue Accounting', undefined],
  ])('%s', (text, name, url) => {
    expect(readReportsTo(text)).toEqual(url ? { name, url } : { name });
  });
});

describe('headings', () => {
  test.each([
    ['Senior Lab Curriculum Developer Job Grade', 'grade', 'Senior Lab Curriculum Developer'],
    ['Job Grade', 'grade', ''],
    ['Technical Instructor (Intermediate) Responsibilities', 'responsibilities', 'Technical Instructor (Intermediate)'],
    ['Intermediate Requirements', 'requirements', 'Intermediate'],
    // Nice-to-haves, not requirements with a "Nice-to-have" prefix.
    ['Nice-to-have Requirements', 'nice_to_haves', ''],
    ['Preferred Requirements', 'nice_to_haves', ''],
    ['Requirements for IT Security Engineer roles', 'requirements', ''],
    ['Additional Responsibilities Unique to US Federal Include', 'responsibilities', ''],
    ['Senior level Requirements for US Public Sector', 'requirements', ''],
    ['Requirements (all levels)', 'requirements', ''],
    ['Requirements Engineer', 'title', ''],
    ['Performance Indicators (PI)', 'performance_indicators', ''],
    ['Segment', 'specialties', ''],
    ['Levels', 'levels', ''],
    ['Hiring Process', 'hiring', ''],
    ['Senior Technical Instructor', 'title', ''],
    ['Responsibilties', 'responsibilities', ''],
    ['Requirments', 'requirements', ''],
  ])('%s', (text, kind, prefix) => {
    expect(classifyHeading(text)).toMatchObject({ kind, prefix });
  });
  test('"Requirements for all levels" is family-wide', () =>
    expect(classifyHeading('Requirements for all levels')).toEqual({ kind: 'requirements', prefix: '', forAll: true }));
});

describe('titles and ids', () => {
  test('ids follow SPEC §1.1', () => {
    expect(roleIdOf('Senior Manager, Education Delivery')).toBe('senior-manager-education-delivery');
    expect(roleIdOf('Technical Instructor (Intermediate)')).toBe('technical-instructor');
    expect(kebab('Learning & Development Manager')).toBe('learning-development-manager');
    expect(kebab('Director, Customer Success’s Team')).toBe('director-customer-success-team');
  });
  test('levels from titles', () => {
    expect(levelOf('Senior Manager of Education Curriculum Development')).toBe('Senior Manager');
    expect(levelOf('Technical Instructor (Intermediate)')).toBe('Intermediate');
    expect(levelOf('Sr. Director, IT Operations')).toBe('Senior Director');
    expect(levelOf('Lab Curriculum Developer')).toBeUndefined();
  });
  const roles = [
    'Technical Instructor (Intermediate)',
    'Senior Technical Instructor',
    'Associate Customer Success Manager',
    'Security Incident Response Team Engineer',
    'Senior Security Incident Response Team Engineer',
    'Junior Technology Partner Manager',
    'Manager, Technology Partner Managers',
  ].map((title) => ({ title }));
  test.each([
    ['the Technical Instructor', 'Technical Instructor (Intermediate)'],
    ['Techincal Instructor', 'Technical Instructor (Intermediate)'],
    ['Sr. Technical Instructor', 'Senior Technical Instructor'],
    ['Associate CSM', 'Associate Customer Success Manager'],
    ['Security Incident Response Engineer', 'Security Incident Response Team Engineer'],
    ['Senior Security Incident Response Engineer', 'Senior Security Incident Response Team Engineer'],
    ['thet Junior Technology Partner Manager', 'Junior Technology Partner Manager'],
  ])('"%s" is %s', (name, title) => expect(matchTitle(name, roles)?.title).toBe(title));
  test('no match when nothing is close', () => expect(matchTitle('Chief Financial Officer', roles)).toBeNull());
  test('word order and ranks matter', () => {
    const page = ['Content Marketing Manager', 'Manager, Content Marketing', 'Stock Administrator'].map((title) => ({ title }));
    expect(matchTitle('the Manager, Content Marketing', page)?.title).toBe('Manager, Content Marketing');
    expect(matchTitle('Manager, Content Marketing', [{ title: 'Content Marketing Manager' }])).toBeNull();
    expect(matchTitle('Director, Stock Administrator', page)).toBeNull();
  });
});
