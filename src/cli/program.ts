/**
 * The command-line grammar. Every action imports its command module lazily, so `ladder --help`
 * and each command load only what they use.
 */
import { Command, Option } from '@commander-js/extra-typings';
import type { Context } from './io.js';

import { EXPORT_FORMATS, LINT_FORMATS, PACKET_FORMATS, VIEW_FORMATS } from '../formats.js';

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
    .option('--data <dir>', 'data set directory (default: $LADDER_DATA, else `data:` of .ladderrc.yaml found upwards, else the bundled sample)')
    .option('--color', 'force coloured output')
    .option('--no-color', 'plain output (also: NO_COLOR=1)')
    .option('--debug', 'print stack traces of internal errors')
    .showSuggestionAfterError(true)
    // Each command's --help also lists the options every command takes (--data, --color, --debug).
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      'after',
      examples(
        'ladder list',
        'ladder show senior-lab-curriculum-developer',
        'ladder diff lab-curriculum-developer senior-lab-curriculum-developer',
        'ladder gap senior-lab-curriculum-developer --profile me.yaml',
        'ladder lint data/',
        'ladder init --ci gitlab',
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
    .option('--ids', 'add a column of item ids (what profiles give evidence by, and overrides and `remove` name)')
    .option('--next', 'show the level after <role> in its ladder instead')
    .addHelpText(
      'after',
      examples(
        'ladder show senior-lab-curriculum-developer',
        'ladder show senior-lab-curriculum-developer --own --ids',
        'ladder show technical-instructor --format json',
        'ladder show --next lab-curriculum-developer',
      ),
    )
    .action(async (role, opts) => done(await (await import('./commands/show.js')).show(ctx(), role, opts)));

  program
    .command('diff')
    .description('what changes between two levels: fields, and items added, removed and changed per section')
    .argument('<from>', 'role id of the current level')
    .argument('[to]', 'role id of the target level (or use --next)')
    .addOption(viewFormat())
    .option('--all', 'also list the unchanged items')
    .option('--next', 'compare <from> with the level after it in its ladder')
    .addHelpText(
      'after',
      examples(
        'ladder diff lab-curriculum-developer senior-lab-curriculum-developer',
        'ladder diff --next lab-curriculum-developer',
        'ladder diff technical-instructor senior-technical-instructor --format markdown > promotion.md',
      ),
    )
    .action(async (from, to, opts) => done(await (await import('./commands/diff.js')).diff(ctx(), from, to, opts)));

  program
    .command('gap')
    .description("which of a role's requirements a person meets, misses, or has no evidence for")
    .argument('[role]', 'role id (or use --next)')
    .requiredOption('-p, --profile <file>', 'profile YAML (kind: profile), or a filled worksheet CSV (`ladder worksheet`); - reads standard input')
    .option('--next', "target the next level of the profile's current role in its ladder")
    .option('--strict', 'exit 1 on unverified requirements too')
    .option('--all', 'list the met requirements too (default: their count)')
    .addOption(viewFormat())
    .addHelpText(
      'after',
      examples(
        'ladder gap senior-lab-curriculum-developer --profile examples/profiles/sam-rivera.yaml',
        'ladder gap --profile me.yaml --next --format markdown',
        'ladder gap senior-lab-curriculum-developer --profile sheet.csv',
      ),
    )
    .action(async (role, opts) => done(await (await import('./commands/gap.js')).gap(ctx(), role, opts)));

  program
    .command('packet')
    .description('a promotion packet in markdown: the step, what changes, where the person stands, what remains')
    .requiredOption('-p, --profile <file>', 'profile YAML (kind: profile) with the current `role`')
    .option('--next', "the level after the profile's current role in its ladder")
    .option('--to <role>', 'the target role')
    .addOption(new Option('-f, --format <format>', 'output format').choices(PACKET_FORMATS).default('markdown' as const))
    .option('-o, --out <file>', 'write the packet to a file instead of stdout')
    .option('--force', 'overwrite the --out file if it exists')
    .addHelpText(
      'after',
      examples(
        'ladder packet --next --profile examples/profiles/sam-rivera.yaml',
        'ladder packet --to senior-lab-curriculum-developer --profile me.yaml --out promotion.md',
        'ladder packet --next --profile me.yaml --format html --out promotion.html',
      ),
    )
    .action(async (opts) => done(await (await import('./commands/packet.js')).packet(ctx(), opts)));

  program
    .command('worksheet')
    .description('a self-assessment worksheet (CSV): one row per requirement of a role, read back by `gap --profile sheet.csv`')
    .argument('<role>', 'role id, e.g. senior-lab-curriculum-developer')
    .option('-p, --profile <file>', 'prefill the answers from a profile YAML')
    .option('-o, --out <file>', 'write the CSV to a file instead of stdout')
    .option('--force', 'overwrite the --out file if it exists')
    .addHelpText(
      'after',
      examples(
        'ladder worksheet senior-lab-curriculum-developer --out sheet.csv',
        'ladder worksheet senior-lab-curriculum-developer --profile me.yaml --out sheet.csv',
        'ladder gap senior-lab-curriculum-developer --profile sheet.csv',
      ),
    )
    .action(async (role, opts) => done(await (await import('./commands/worksheet.js')).worksheet(ctx(), role, opts)));

  program
    .command('lint')
    .description('validate ladder YAML files: syntax, schema and consistency rules')
    .argument('[paths...]', 'files or directories (default: the data set); - reads standard input')
    .option(
      '-f, --format <format[=file]>',
      `report format: ${LINT_FORMATS.join(', ')} (default: stylish); repeat with =<file> to write several reports in one run`,
      (v: string, acc: string[] | undefined) => [...(acc ?? []), v],
    )
    .option('-o, --out <file>', 'write the report to a file instead of stdout, atomically (the findings are also shown on stderr)')
    .addOption(new Option('--output-file <file>', 'same as --out (the eslint spelling)').hideHelp())
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)')
    .option('-c, --config <file>', 'config file (default: .ladderrc.yaml found from the current directory upwards)')
    .option('--rule <id=severity>', 'set a rule severity (error, warn or warning, off); repeatable', (v: string, acc: string[] | undefined) => [
      ...(acc ?? []),
      v,
    ])
    .addHelpText(
      'after',
      examples(
        'ladder lint',
        'ladder lint data/ --format gitlab -o gl-code-quality.json',
        'ladder lint --format gitlab=gl-code-quality-report.json --format junit=ladder-junit.xml',
        'ladder lint --rule handbook-style=warn --max-warnings 0',
      ),
    )
    .action(async (paths, opts) => done(await (await import('./commands/lint.js')).lint(ctx(), paths, opts)));

  program
    .command('import')
    .description('turn GitLab handbook job-family pages (markdown) into ladder YAML')
    .argument('<pages...>', 'page files (.md, .md.erb) or directories of them')
    .option('-o, --out <dir>', 'write one YAML file per family into this directory (default: stdout, one page only)')
    .option('--into [dir]', 'import into an existing data set (default: the configured one): references resolve to its roles, clashing ids are refused')
    .option('--force', 'overwrite existing files (with --into: exactly the files an earlier import of the same pages wrote)')
    .option('--rename-on-clash', 'with --into: give imported roles and families whose id exists a new id instead of refusing')
    .addHelpText(
      'after',
      examples(
        'ladder import index.html.md > family.yaml',
        'ladder import handbook/job-families/ --out data/',
        'ladder import senior.md manager.md --into data/',
      ),
    )
    .action(async (pages, opts) => done(await (await import('./commands/import.js')).importPages(ctx(), pages, opts)));

  program
    .command('export')
    .description('render a family as a handbook page (markdown) or as resolved JSON')
    .argument('[family]', 'family id, e.g. education-services')
    .option('--all', 'every family of the data set')
    .option('-o, --out <dir>', 'with --all: write one page per family into this directory')
    .option('--force', 'with --all --out: overwrite existing files')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).default('markdown' as const))
    .addHelpText(
      'after',
      examples('ladder export education-services > index.html.md', 'ladder export education-services --format json', 'ladder export --all --out pages/'),
    )
    .action(async (family, opts) => done(await (await import('./commands/export.js')).exportFamily(ctx(), family, opts)));

  program
    .command('init')
    .description("scaffold a team's ladder: .ladderrc.yaml, an example family, a skills vocabulary, a profile, a CI job")
    .argument('[dir]', 'where to write (default: the current directory)')
    .addOption(new Option('--ci <provider>', 'also write a CI job that lints the ladder').choices(['gitlab', 'github'] as const))
    .option('--force', 'overwrite files that exist (otherwise they are listed and nothing is written)')
    .addHelpText('after', examples('ladder init', 'ladder init handbook/ladder --ci gitlab', 'ladder init --ci github --force'))
    .action(async (dir, opts) => done(await (await import('./commands/init.js')).init(ctx(), dir, opts)));

  program
    .command('skills')
    .description('list the skills vocabulary: skills and experience areas, with aliases and how often requirements name them')
    .addOption(viewFormat())
    .addHelpText('after', examples('ladder skills', 'ladder skills --format json | jq -r ".skills[].id"'))
    .action(async (opts) => done(await (await import('./commands/skills.js')).skills(ctx(), opts)));

  program
    .command('profile')
    .description('print a profile skeleton for a role: each structured requirement as a key to fill, each free-text one as an evidence key')
    .argument('<role>', 'role id, e.g. senior-lab-curriculum-developer')
    .addHelpText('after', examples('ladder profile senior-lab-curriculum-developer > me.yaml', 'ladder gap senior-lab-curriculum-developer --profile me.yaml'))
    .action(async (role) => done(await (await import('./commands/profile.js')).profile(ctx(), role)));

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

  program
    .command('site')
    .description('build a static website of the data set: ladders, roles, level matrices and level comparisons')
    .option('-o, --out <dir>', 'folder to write the site into (replaced as a whole)', 'public')
    .option('--base-url <path>', 'path the site is served under (used by its 404 page), e.g. /ladder/ on GitHub Pages', '/')
    .option('--title <text>', 'site title', 'Career ladders')
    .option('--force', 'replace --out even when it holds files ladder did not build')
    .option('--changes-since <rev>', 'add a page of what changed for each level since this git revision (as `ladder changes <rev>`)')
    .addHelpText(
      'after',
      examples(
        'ladder site',
        'ladder site --out public --base-url /ladder/',
        'ladder --data data/ site --out _site --force',
        'ladder site --changes-since v1.0',
      ),
    )
    .action(async (opts) => done(await (await import('./commands/site.js')).site(ctx(), opts)));

  return program;
}
