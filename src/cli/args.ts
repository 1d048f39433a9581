import { accessSync, constants, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { POLICY_NAMES } from '../ai';
import { loadScenarioFile, resolveScenario, scenarioFiles } from '../scenario/files';
import { clip, escapeControls, problemLines } from '../scenario/load';
import { applyLesson } from '../scenario/lesson';
import type { Scenario } from '../scenario/schema';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** The most games (or pairs) one batch or tournament plays. */
export const MAX_GAMES = 1_000_000;
/** The most worker threads a batch or tournament starts. */
export const MAX_WORKERS = 64;

const command = basename(process.argv[1] ?? 'command').replace(/\.[cm]?[jt]s$/, '');

/**
 * No command prints a stack trace: an error no check foresaw prints one line and exits 1.
 * DEBUG=1 prints the trace. Every command imports this module first, so this holds from its first line.
 */
function unexpected(e: unknown): never {
  if (process.env.DEBUG && process.env.DEBUG !== '0') process.stderr.write(`${escapeControls(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
  else {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    process.stderr.write(`${command}: ${clip(message, 240)} (an unexpected error; DEBUG=1 shows where it happened)\n`);
  }
  process.exit(1);
}
process.on('uncaughtException', unexpected);
process.on('unhandledRejection', unexpected);

/** Text for the terminal: control characters (ANSI escape codes among them) escaped, never acted on. */
export const printable = escapeControls;

/** An argument echoed in a message: quoted, cut to about 80 characters and escaped. */
export const quote = (value: string): string => `"${clip(value)}"`;

/** Where the usage is, for a one-line message about a mistake. */
export const usageHint = `(npm run ${command} -- --help shows the usage)`;

/**
 * Parse options; on a mistake print one line and exit 2 (no stack trace). Unexpected positional
 * arguments are a mistake too unless `positionals` is set. --help prints the usage and exits 0.
 */
export function options<const T extends OptionSpec>(spec: T, usage: string, { positionals = false, argv = process.argv.slice(2) }: { positionals?: boolean; argv?: string[] } = {}) {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (e) {
    fail(`${(e as Error).message.split('\n')[0] ?? ''} ${usageHint}`, 2);
  }
  if ((parsed.values as Record<string, unknown>).help) {
    console.log(usage);
    process.exit(0);
  }
  if (!positionals && parsed.positionals.length) fail(`${quote(parsed.positionals[0] ?? '')}: an argument this command does not take (options start with --) ${usageHint}`, 2);
  return parsed;
}

/** The options a command cannot run without, or exit 2 naming the missing ones. */
export function required(values: Record<string, unknown>, names: string[]): void {
  const missing = names.filter((n) => values[n] === undefined);
  if (missing.length) fail(`${missing.map((n) => `--${n}`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} needed ${usageHint}`, 2);
}

/** Print a message (escaped) and exit: 2 for a mistake in the arguments, 1 otherwise. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`${printable(message)}\n`);
  process.exit(code);
}

/** The --bots option: a computer player by name ('simple' unless given), or exit 2 naming the known ones. */
export function botsOption(value: string | undefined): string {
  const bots = value ?? 'simple';
  if (!(POLICY_NAMES as readonly string[]).includes(bots)) fail(`--bots ${clip(bots)}: there is no such computer player (known: ${POLICY_NAMES.join(', ')}).`, 2);
  return bots;
}

/** Load a scenario named by path or shipped id, or exit 1 with its problems (2 when there is no such scenario at all). */
export function scenarioOrExit(nameOrPath: string): { scenario: Scenario; hash: string; path: string } {
  const path = resolveScenario(nameOrPath);
  if (path === nameOrPath && !existsSync(path))
    fail(`--scenario ${quote(nameOrPath)}: there is no such file, and no shipped scenario has that id (shipped: ${Object.keys(scenarioFiles()).join(', ')}).`, 2);
  const r = loadScenarioFile(path);
  if (!r.ok) fail(problemLines(r).join('\n'));
  return { scenario: r.scenario, hash: r.hash, path };
}

/**
 * The scenario to play, or its lesson cut when `--lesson` names one (exit 2 for a cut it does not
 * have). Worker threads load a file, so a cut is written to a temporary one (JSON is YAML);
 * `done` removes it once the games are played.
 */
export function scenarioOrCutOrExit(nameOrPath: string, lesson: string | boolean | undefined): { scenario: Scenario; path: string; done: () => void } {
  const full = scenarioOrExit(nameOrPath);
  if (typeof lesson !== 'string') return { scenario: full.scenario, path: full.path, done: () => undefined };
  const cut = applyLesson(full.scenario, lesson);
  if (!cut.ok) fail(cut.message, 2);
  const dir = mkdtempSync(join(tmpdir(), 'landing-rights-cut-'));
  const path = join(dir, `${full.scenario.id}-${lesson}.json`);
  writeFileSync(path, JSON.stringify(cut.scenario));
  return { scenario: cut.scenario, path, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** A whole-number option within bounds (digits only: "", "1e9", "-3" and "0x10" are refused), or exit 2. */
export function intOption(value: string | boolean | undefined, name: string, fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {}): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : NaN;
  const range = max >= 1e12 ? (min > 0 ? ` of ${grouped(min)} or more` : '') : ` from ${grouped(min)} to ${grouped(max)}`;
  if (!Number.isSafeInteger(n) || n < min || n > max) fail(`--${name} takes a whole number${range}, not ${quote(String(value))}.`, 2);
  return n;
}

/** --games, --seed and --workers of a batch of games, each within its bounds (exit 2 otherwise). */
export function batchSize(values: { games?: string | boolean; seed?: string | boolean; workers?: string | boolean }, defaultGames: number): { games: number; seed: number; workers: number } {
  const games = intOption(values.games, 'games', defaultGames, { min: 1, max: MAX_GAMES });
  const seed = intOption(values.seed, 'seed', 1, { max: Number.MAX_SAFE_INTEGER - games });
  const workers = Math.min(intOption(values.workers, 'workers', Math.min(availableParallelism(), MAX_WORKERS), { min: 1, max: MAX_WORKERS }), games);
  return { games, seed, workers };
}

/** A file to write at the end (such as --record): its folder must exist and be writable now, before any work. */
export function outputFileOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value === '') fail(`--${name} needs a file name.`, 2);
  const dir = dirname(resolve(value));
  let folder;
  try {
    folder = statSync(dir);
  } catch {
    fail(`--${name} ${quote(value)}: there is no folder ${quote(dir)} to write it in.`, 2);
  }
  if (!folder.isDirectory()) fail(`--${name} ${quote(value)}: ${quote(dir)} is not a folder.`, 2);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    fail(`--${name} ${quote(value)}: the folder ${quote(dir)} cannot be written to.`, 2);
  }
  try {
    if (statSync(value).isDirectory()) fail(`--${name} ${quote(value)}: that is a folder; give a file name.`, 2);
  } catch {
    // No such file yet: it will be created.
  }
  return value;
}
