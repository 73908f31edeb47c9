/**
 * Which data set a command reads, the same for every command: `--data`, else `LADDER_DATA`, else the
 * `data:` of the nearest config file (from the working directory upwards), else the bundled sample.
 * A chosen directory that does not exist is an error naming where the choice came from.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { DataError } from '../core/errors.js';
import { loadConfig, type LintConfig } from './config.js';
import { BUNDLED_DATA } from './data.js';
import { displayPath } from './files.js';

export type DataOrigin = 'flag' | 'env' | 'config' | 'bundled';

export interface DataChoice {
  /** Absolute directory (or file, for `--data file.yaml`). */
  dir: string;
  origin: DataOrigin;
  /** How messages name the data set: "ladder (from .ladderrc.yaml)", "the bundled sample data". */
  label: string;
  /** The config file that was read, if any (lint also takes its rules). */
  config: LintConfig | null;
}

export interface ChooseOptions {
  flag?: string;
  env: Record<string, string | undefined>;
  cwd: string;
  /** `lint --config <file>`: this config instead of the nearest one. */
  configFile?: string;
  /** Rule ids to check the config's `rules` against (lint); other commands leave that to lint. */
  knownRules?: readonly string[];
}

export async function chooseDataSet(o: ChooseOptions): Promise<DataChoice> {
  const config = await loadConfig(o.configFile, o.cwd, o.knownRules ?? null);
  let choice: Omit<DataChoice, 'config'>;
  if (o.flag !== undefined) {
    choice = { dir: resolve(o.cwd, o.flag), origin: 'flag', label: `${o.flag} (--data)` };
    await mustExist(choice.dir, `--data ${o.flag}`, 'give the directory of your ladder files');
  } else if (o.env.LADDER_DATA) {
    choice = { dir: resolve(o.cwd, o.env.LADDER_DATA), origin: 'env', label: `${o.env.LADDER_DATA} (LADDER_DATA)` };
    await mustExist(choice.dir, `LADDER_DATA=${o.env.LADDER_DATA}`, 'point LADDER_DATA at the directory of your ladder files, or unset it');
  } else if (config?.data !== undefined) {
    const shown = displayPath(config.data, o.cwd);
    choice = { dir: config.data, origin: 'config', label: `${shown} (data: in ${config.file})` };
    await mustExist(choice.dir, `${config.file}: data: ${shown}`, 'fix `data:` (it is relative to the config file)');
  } else {
    choice = { dir: BUNDLED_DATA, origin: 'bundled', label: 'the bundled sample data set' };
  }
  return { ...choice, config };
}

async function mustExist(abs: string, what: string, fix: string): Promise<void> {
  try {
    await fs.stat(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(`${what}: ${code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? (e as Error).message})`}; ${fix}`);
  }
}
