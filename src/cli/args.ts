import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;
import { POLICY_NAMES } from '../ai';
import { loadScenarioFile, resolveScenario } from '../scenario/files';
import { formatScenarioError } from '../scenario/load';
import type { Scenario } from '../scenario/schema';

/** Parse options; on a mistake print the usage and exit 2 (no stack trace). */
export function options<const T extends OptionSpec>(spec: T, usage: string, argv = process.argv.slice(2)) {
  try {
    return parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (e) {
    fail(`${(e as Error).message}\n\n${usage}`, 2);
  }
}

export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** The --bots option: a computer player by name ('simple' unless given), or exit 2 naming the known ones. */
export function botsOption(value: string | undefined): string {
  const bots = value ?? 'simple';
  if (!(POLICY_NAMES as readonly string[]).includes(bots)) fail(`--bots ${bots}: there is no such computer player (known: ${POLICY_NAMES.join(', ')}).`, 2);
  return bots;
}

/** Load a scenario named by path or shipped id, or exit 1 with its errors. */
export function scenarioOrExit(nameOrPath: string): { scenario: Scenario; hash: string; path: string } {
  const path = resolveScenario(nameOrPath);
  const r = loadScenarioFile(path);
  if (!r.ok) fail(r.errors.map(formatScenarioError).join('\n'));
  return { scenario: r.scenario, hash: r.hash, path };
}

export function intOption(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 0) fail(`--${name} takes a whole number, not "${String(value)}".`, 2);
  return n;
}
