/**
 * The command-line grammar. Every action imports its command module lazily, so `ladder --help`
 * and each command load only what they use.
 */
import { Command, Option } from '@commander-js/extra-typings';
import type { Context } from './io.js';

import { EXPORT_FORMATS, LINT_FORMATS, VIEW_FORMATS } from '../formats.js';

export { EXPORT_FORMATS, LINT_FORMATS, VIEW_FORMATS };

/** Filled by the action that ran: the exit code it chose. */
export interface Outcome {
  code: number;
}

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
const viewFormat = () => new Option('-f, --format <format>', 'output format').choices(VIEW_FORMATS).default('table' as const);

export function buildProgram(version: string, makeContext: (globals: { data?: string; color?: boolean; debug?: boolean }) => Context, outcome: Outcome) {
  const program = new Command('ladder')
    .description('Career ladders as YAML: show, diff, gap, lint, import and export job families.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--data <dir>', 'data set directory (default: $LADDER_DATA, else the bundled GitLab Education Services family)')
    .option('--color', 'force coloured output')
    .option('--no-color', 'plain output (also: NO_COLOR=1)')
    .option('--debug', 'print stack traces of internal errors')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      examples(
        'ladder list',
        'ladder show senior-lab-curriculum-developer',
        'ladder diff lab-curriculum-developer senior-lab-curriculum-developer',
        'ladder gap senior-lab-curriculum-developer --profile me.yaml',
        'ladder lint data/',
      ) + '\nExit codes: 0 success, 1 findings (lint problems, gap with missing requirements), 2 usage or data error.\n',
    );

  const ctx = () => makeContext(program.opts());
  const done = (code: number) => {
    outcome.code = code;
  };

  program
    .command('list')
    .description('list families, their ladders and levels (id, title, grade, reports-to)')
    .addOption(viewFormat())
    .addHelpText('after', examples('ladder list', 'ladder list --format json | jq ".[].ladders"'))
    .action(async (opts) => done(await (await import('./commands/list.js')).list(ctx(), opts)));

  program
    .command('show')
    .description('show everything expected at a level, inheritance resolved, with where each line comes from')
    .argument('<role>', 'role id, e.g. senior-lab-curriculum-developer')
    .addOption(viewFormat())
    .option('--own', "only the role's own items, not inherited ones")
    .option('--specialty <id>', "layer a specialty's items on top")
    .addHelpText('after', examples('ladder show senior-lab-curriculum-developer', 'ladder show senior-lab-curriculum-developer --own', 'ladder show technical-instructor --format json'))
    .action(async (role, opts) => done(await (await import('./commands/show.js')).show(ctx(), role, opts)));

  program
    .command('diff')
    .description('what changes between two levels: fields, and items added, removed and changed per section')
    .argument('<from>', 'role id of the current level')
    .argument('<to>', 'role id of the target level')
    .addOption(viewFormat())
    .option('--all', 'also list the unchanged items')
    .addHelpText('after', examples('ladder diff lab-curriculum-developer senior-lab-curriculum-developer', 'ladder diff technical-instructor senior-technical-instructor --format markdown > promotion.md'))
    .action(async (from, to, opts) => done(await (await import('./commands/diff.js')).diff(ctx(), from, to, opts)));

  program
    .command('gap')
    .description("which of a role's requirements a person meets, misses, or has no evidence for")
    .argument('[role]', 'role id (or use --next)')
    .requiredOption('-p, --profile <file>', 'profile YAML (kind: profile)')
    .option('--next', "target the next level of the profile's current role in its ladder")
    .option('--strict', 'exit 1 on unverified requirements too')
    .addOption(viewFormat())
    .addHelpText('after', examples('ladder gap senior-lab-curriculum-developer --profile examples/profiles/sam-rivera.yaml', 'ladder gap --profile me.yaml --next --format markdown'))
    .action(async (role, opts) => done(await (await import('./commands/gap.js')).gap(ctx(), role, opts)));

  program
    .command('lint')
    .description('validate ladder YAML files: syntax, schema and consistency rules')
    .argument('[paths...]', 'files or directories (default: the data set)')
    .option(
      '-f, --format <format[=file]>',
      `report format: ${LINT_FORMATS.join(', ')} (default: stylish); repeat with =<file> to write several reports in one run`,
      (v: string, acc: string[] | undefined) => [...(acc ?? []), v],
    )
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout (the findings are also shown on stderr)')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-c, --config <file>', 'config file (default: .ladderrc.yaml found from the current directory upwards)')
    .option('--rule <id=severity>', 'set a rule severity (error, warn, off); repeatable', (v: string, acc: string[] | undefined) => [...(acc ?? []), v])
    .addHelpText('after', examples('ladder lint', 'ladder lint data/ --format gitlab --output-file gl-code-quality.json', 'ladder lint --format gitlab=gl-code-quality-report.json --format junit=ladder-junit.xml', 'ladder lint --rule handbook-style=warn --max-warnings 0'))
    .action(async (paths, opts) => done(await (await import('./commands/lint.js')).lint(ctx(), paths, opts)));

  program
    .command('import')
    .description('turn GitLab handbook job-family pages (markdown) into ladder YAML')
    .argument('<pages...>', 'page files (.md, .md.erb) or directories of them')
    .option('-o, --out <dir>', 'write one YAML file per family into this directory (default: stdout, one page only)')
    .option('--force', 'overwrite existing files')
    .addHelpText('after', examples('ladder import index.html.md > family.yaml', 'ladder import handbook/job-families/ --out data/'))
    .action(async (pages, opts) => done(await (await import('./commands/import.js')).importPages(ctx(), pages, opts)));

  program
    .command('export')
    .description('render a family as a handbook page (markdown) or as resolved JSON')
    .argument('<family>', 'family id, e.g. education-services')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).default('markdown' as const))
    .addHelpText('after', examples('ladder export education-services > index.html.md', 'ladder export education-services --format json'))
    .action(async (family, opts) => done(await (await import('./commands/export.js')).exportFamily(ctx(), family, opts)));

  program
    .command('changes')
    .description('what a new version of the data set changes for each role: git revisions, or two directories')
    .argument('[range]', '<from>[..<to>] git revisions of the data set (default: HEAD against the working tree)')
    .option('--from-data <dir>', 'compare two directories instead of git revisions: the older one')
    .option('--to-data <dir>', 'the newer directory (with --from-data)')
    .option('--own', 'only the changes each role wrote itself, not those it inherits')
    .option('--order', 'also report items that moved within their section')
    .option('--role <id>', 'only this role; repeatable', (v: string, acc: string[] | undefined) => [...(acc ?? []), v])
    .option('--family <id>', "only this family's roles; repeatable", (v: string, acc: string[] | undefined) => [...(acc ?? []), v])
    .addOption(viewFormat())
    .option('--exit-code', 'exit 1 when anything changed, 0 when nothing did (like git diff --exit-code)')
    .addHelpText(
      'after',
      examples(
        'ladder changes --data ladder/',
        'ladder changes HEAD~3 --role senior-lab-curriculum-developer',
        'ladder changes "$CI_MERGE_REQUEST_DIFF_BASE_SHA..HEAD" --format markdown > changes.md',
        'ladder changes --from-data old/ --to-data new/ --format json',
      ) + '\nThe data set (--data, $LADDER_DATA) must be inside a git repository unless --from-data/--to-data are given.\n',
    )
    .action(async (range, opts) => done(await (await import('./commands/changes.js')).changes(ctx(), range, opts)));

  return program;
}
