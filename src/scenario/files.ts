import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_SCENARIO_BYTES, clip, decodeScenarioBytes, parseScenarioText, tooBig, type ScenarioResult } from './load';

/** The scenarios folder of this checkout. */
export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** Read and check a scenario file from disk. Never throws for a bad or missing file. */
export function loadScenarioFile(path: string): ScenarioResult {
  const shown = clip(relative(process.cwd(), path) || path, 320);
  let bytes: Uint8Array;
  try {
    // The size is checked before a byte is read, so a huge file costs nothing.
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, errors: [{ file: shown, path: '', expected: 'a scenario file', found: 'a folder' }] };
    if (stat.size > MAX_SCENARIO_BYTES) return tooBig(shown, stat.size);
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, errors: [{ file: shown, path: '', expected: 'a readable scenario file', found: code === 'ENOENT' ? 'no such file' : clip(String(code ?? e)) }] };
  }
  const decoded = decodeScenarioBytes(bytes, shown);
  return decoded.ok ? parseScenarioText(decoded.text, shown) : decoded;
}

/** The shipped scenarios by id (a null-prototype object: an id such as "constructor" finds nothing). */
export function scenarioFiles(): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const f of readdirSync(SCENARIO_DIR).sort()) if (f.endsWith('.yaml')) out[f.replace(/\.yaml$/, '')] = join(SCENARIO_DIR, f);
  return out;
}

/** A scenario given as a path or as the id of a shipped scenario. */
export function resolveScenario(nameOrPath: string): string {
  const files = scenarioFiles();
  return Object.hasOwn(files, nameOrPath) ? (files[nameOrPath] as string) : nameOrPath;
}
