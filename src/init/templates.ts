/**
 * What `ladder init` writes: a small data set that shows every authoring feature (family items,
 * `extends`, an override by id, a `remove`, structured requirements, a skills vocabulary), a profile
 * template, the config and a CI job. Pure: the command decides where the files go.
 */

export const CI_KINDS = ['gitlab', 'github'] as const;
export type CiKind = (typeof CI_KINDS)[number];

export interface InitFile {
  /** Path relative to the target directory, with `/`. */
  path: string;
  text: string;
}

export interface InitOptions {
  /**
   * What the schema line of a file in `dir` (a folder of the target directory) names as `schemas/`:
   * a relative path with `/`, or the published schemas' address (src/io/schemas.ts `schemaDirReference`).
   */
  schemaDir: (dir: string) => string;
  ci?: CiKind;
}

/** The data directory the config points at, relative to the target directory. */
export const INIT_DATA_DIR = 'ladder';

const schemaLine = (schemaDir: string, kind: string) => `# yaml-language-server: $schema=${schemaDir}/${kind}.schema.json\n`;

export const FAMILY_YAML = `kind: family
id: engineering
title: Engineering
summary: >-
  Engineers build, ship and run the product. Replace this family with your own: the ids are what
  \`ladder show\`, \`diff\` and \`gap\` take, the titles are what people read.
# Items of the family apply to every role of it, before the role's own.
responsibilities:
  - id: code-review
    text: Review merge requests from other engineers
requirements:
  - id: gitlab-usage
    text: Ability to use GitLab
    skills: {all: [gitlab]}
roles:
  engineer:
    title: Engineer (Intermediate)
    level: Intermediate
    grade: 6
    reports_to: engineering-manager
    responsibilities:
      - id: ship-features
        text: Ship small features with guidance from a senior engineer
      - id: on-call
        text: Take part in the on-call rotation
    requirements:
      - id: experience-years
        text: 2+ years of professional software development
        years: 2
        area: software-development
      - id: language
        text: Working knowledge of TypeScript or Go
        skills: {any: [typescript, go]}
      - id: written-decisions
        text: Explains technical decisions in writing
  senior-engineer:
    title: Senior Engineer
    level: Senior
    grade: 7
    reports_to: engineering-manager
    # Everything of the Intermediate level, minus what \`remove\` names, plus what follows.
    extends: engineer
    remove: [ship-features]
    responsibilities:
      - id: lead-features
        text: Lead features from design to release
      - Mentor intermediate engineers
    requirements:
      # Same id as an inherited item: replaces it in place.
      - id: experience-years
        text: 5+ years of professional software development
        years: 5
        area: software-development
  staff-engineer:
    title: Staff Engineer
    level: Staff
    grade: 8
    reports_to: engineering-manager
    extends: senior-engineer
    responsibilities:
      - Set the technical direction of a group of teams
    requirements:
      - id: language
        text: Deep knowledge of TypeScript and Go
        skills: {all: [typescript, go]}
# Roles this data set names but does not define.
external:
  engineering-manager:
    title: Engineering Manager
`;

export const SKILLS_YAML = `kind: skills
# The vocabulary that structured requirements and profiles use. A profile may name a skill or an
# area by its id, its title or an alias, in any case.
skills:
  gitlab: {title: GitLab}
  go: {title: Go, aliases: [golang]}
  typescript: {title: TypeScript, aliases: [ts]}
areas:
  software-development: {title: Professional software development}
`;

export const PROFILE_YAML = `kind: profile
# A person, for \`ladder gap <role> --profile profiles/example.yaml\`. \`ladder profile <role>\` prints
# a skeleton with every requirement of a role as a key to fill.
name: Alex Example
role: engineer
experience:
  software-development: 3
skills: [typescript, gitlab]
evidence:
  # Free-text requirements met, by item id, with a note.
  written-decisions: Wrote the design document for the billing rewrite
`;

export const CONFIG_YAML = `# ladder configuration, found from the working directory upwards.
# \`data\` is the data set every command reads (relative to this file).
data: ${INIT_DATA_DIR}
rules:
  handbook-style: off
`;

const GITLAB_CI = `# Lints the ladder on every merge request; findings appear in the merge request widget.
ladder-lint:
  stage: test
  image: node:20
  script:
    - npm ci
    - npx ladder lint --format junit --output-file ladder-junit.xml || true
    - npx ladder lint --format gitlab --output-file gl-code-quality.json
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality.json
      junit: ladder-junit.xml
`;

const GITHUB_CI = `# Lints the ladder on every push and pull request; findings appear as annotations.
name: ladder
on: [push, pull_request]
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npx ladder lint --format github
`;

/** The files `ladder init` writes, in the order it writes them. */
export function initFiles(options: InitOptions): InitFile[] {
  const files: InitFile[] = [
    { path: '.ladderrc.yaml', text: CONFIG_YAML },
    { path: `${INIT_DATA_DIR}/engineering.yaml`, text: schemaLine(options.schemaDir(INIT_DATA_DIR), 'family') + FAMILY_YAML },
    { path: `${INIT_DATA_DIR}/skills.yaml`, text: schemaLine(options.schemaDir(INIT_DATA_DIR), 'skills') + SKILLS_YAML },
    { path: 'profiles/example.yaml', text: schemaLine(options.schemaDir('profiles'), 'profile') + PROFILE_YAML },
  ];
  if (options.ci === 'gitlab') files.push({ path: '.gitlab-ci.yml', text: GITLAB_CI });
  if (options.ci === 'github') files.push({ path: '.github/workflows/ladder.yml', text: GITHUB_CI });
  return files;
}
