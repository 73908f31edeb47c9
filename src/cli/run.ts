/**
 * The testable entry point: `run(argv, io)` returns the exit code and never throws.
 * 0 success, 1 findings, 2 usage error, bad data or internal error (SPEC §3).
 */
import { CommanderError } from '@commander-js/extra-typings';
import { buildProgram, type Outcome } from './program.js';
import { wantColor, type Context, type Io } from './io.js';
import { DataError, UsageError } from '../core/errors.js';
import { formatFindingLine } from './report.js';
import { escapeText } from '../core/escape-text.js';
import { VERSION } from './version.js';

export async function run(argv: string[], io: Io): Promise<number> {
  const outcome: Outcome = { code: 0 };
  let debug = argv.includes('--debug');
  const makeContext = (g: { data?: string; color?: boolean; debug?: boolean }): Context => {
    debug = Boolean(g.debug);
    return { io, color: wantColor(colorFlag(argv), io.env, io.stdout), debug, data: g.data };
  };
  const program = buildProgram(VERSION, makeContext, outcome);
  // Subcommands copied the program's settings when they were created: configure each one.
  // commander's own parse errors then end up in the catch below.
  for (const c of [program, ...program.commands]) {
    c.exitOverride();
    c.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Every error message is one line, whatever it quotes (a path, a config value, the argument
      // commander refuses): control characters, line breaks and bidi controls are shown as escapes,
      // so it cannot forge a line; commander's suggestion stays on the same line.
      outputError: (s, write) =>
        write(
          escapeText(
            s
              .replace(/^error: /, 'ladder: ')
              .replace(/\n$/, '')
              .replace(/\n\(Did you mean (.*)\?\)$/, ' (Did you mean $1?)'),
          ) + '\n',
        ),
    });
  }
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return outcome.code;
  } catch (e) {
    return report(e, io, debug);
  }
}

/** `--color` / `--no-color` anywhere on the command line (last one wins). */
function colorFlag(argv: string[]): boolean | undefined {
  let flag: boolean | undefined;
  for (const a of argv) {
    if (a === '--color') flag = true;
    else if (a === '--no-color') flag = false;
  }
  return flag;
}

function report(e: unknown, io: Io, debug: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    io.stderr.write(`Run 'ladder --help' or 'ladder <command> --help' for usage.\n`);
    return 2;
  }
  if (e instanceof UsageError) {
    io.stderr.write(`ladder: ${escapeText(e.message)}\n`);
    return 2;
  }
  if (e instanceof DataError) {
    for (const f of e.findings) io.stderr.write(formatFindingLine(f) + '\n');
    io.stderr.write(`ladder: ${escapeText(e.message)}\n`);
    return 2;
  }
  const err = e as Error;
  if (debug) io.stderr.write(`${err?.stack ?? String(e)}\n`);
  io.stderr.write(
    `ladder: internal error: ${escapeText(err?.message ?? String(e))}\nThis is a bug in ladder.${debug ? '' : ' Run again with --debug for details.'}\n`,
  );
  return 2;
}
