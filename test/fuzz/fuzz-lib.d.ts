import type { Arbitrary } from 'fast-check';

export interface FuzzCase {
  families: Record<string, unknown>[];
  repair: boolean;
  skills: boolean;
  modelMutations: Record<string, unknown>[];
  textMutations: { file: number; mutation: Record<string, unknown> }[];
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const caseArb: Arbitrary<FuzzCase>;
export const PROFILE_YAML: string;
export function filesOf(c: FuzzCase): [string, Buffer][];
export function targetsOf(c: FuzzCase): { roleA: string; roleB: string; family: string };
export function writeCaseFiles(dir: string, c: FuzzCase): Map<string, Buffer>;
export function commandsFor(c: FuzzCase): string[][];
export function violation(argv: string[], r: RunResult, files: Map<string, Uint8Array>): string | null;
export function compareYamlPaths(
  text: string,
  modules: {
    jsYaml: unknown;
    parseFast: (jsYaml: never, text: string, maxDepth: number) => unknown;
    parse: (text: string, file: string, options: { fast: boolean }) => unknown;
    maxDepth: number;
    parseValues?: (jsYaml: never, text: string, maxDepth: number) => unknown;
  },
): { taken: boolean; fast?: string; full?: string; values?: string; fullValues?: string };
export function compareOutline(
  text: string,
  modules: {
    jsYaml: unknown;
    parseValues: unknown;
    parseFast: unknown;
    Outline: unknown;
    Locator: unknown;
    LineIndex: unknown;
    subjectOf: unknown;
    maxDepth: number;
  },
): { outlined: boolean; unsure: number; paths: number; fastTakes?: boolean; problem?: string };
export const HOSTILE_TEXTS: string[];
export function roundTripProblem(original: Record<string, any>, imported: Record<string, any> | undefined): string | null;
export function exportProblem(
  argv: string[],
  r: RunResult,
  files: Map<string, Uint8Array>,
  importPages: (inputs: { file: string; text: string }[]) => { families: { family: Record<string, any> }[] },
): string | null;
export function rawControlProblem(argv: string[], r: RunResult): string | null;
