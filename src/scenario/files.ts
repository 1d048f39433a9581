import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenarioText, type ScenarioResult } from './load';

/** The scenarios folder of this checkout. */
export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** Read and check a scenario file from disk. Never throws for a bad or missing file. */
export function loadScenarioFile(path: string): ScenarioResult {
  const shown = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, errors: [{ file: shown, path: '', expected: 'a readable scenario file', found: code === 'ENOENT' ? 'no such file' : String(code ?? e) }] };
  }
  return parseScenarioText(text, shown);
}

/** The shipped scenarios by id. */
export function scenarioFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(SCENARIO_DIR).sort()) if (f.endsWith('.yaml')) out[f.replace(/\.yaml$/, '')] = join(SCENARIO_DIR, f);
  return out;
}

/** A scenario given as a path or as the id of a shipped scenario. */
export function resolveScenario(nameOrPath: string): string {
  const files = scenarioFiles();
  // Own entries only: "constructor" is no shipped scenario, whatever a plain lookup finds.
  return (Object.hasOwn(files, nameOrPath) ? files[nameOrPath] : undefined) ?? nameOrPath;
}
