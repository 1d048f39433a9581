import type { ScenarioError } from '../scenario/load';
import type { Scenario } from '../scenario/schema';

/**
 * The scenarios bundled with the game. Each file is its own small chunk, and the parser (zod and
 * yaml) loads only when the first one is read, so none of it weighs on the first screen.
 */
const files = import.meta.glob<string>('../../scenarios/*.yaml', { query: '?raw', import: 'default' });

const idOf = (path: string): string => path.replace(/^.*\//, '').replace(/\.yaml$/, '');

export interface LoadedScenario {
  id: string;
  file: string;
  scenario: Scenario;
  hash: string;
  /** A scenario file a teacher opened in this browser (src/ui/authoring/): its name and text travel with the game. */
  opened?: { fileName: string; text: string };
}

export type ScenarioLoad = { ok: true; loaded: LoadedScenario } | { ok: false; file: string; errors: ScenarioError[]; lines: string[] };

/** Ids of the bundled scenarios, sorted. */
export function scenarioIds(): string[] {
  return Object.keys(files).map(idOf).sort();
}

const cache = new Map<string, Promise<ScenarioLoad>>();

/** Read and check a bundled scenario; null when the build has no scenario of that id. */
export function loadScenario(id: string): Promise<ScenarioLoad> | null {
  const entry = Object.entries(files).find(([path]) => idOf(path) === id);
  if (!entry) return null;
  let p = cache.get(id);
  if (!p) {
    const [path, read] = entry;
    const file = `scenarios/${path.replace(/^.*\//, '')}`;
    p = Promise.all([read(), import('../scenario/load')]).then(
      ([text, { parseScenarioText, problemLines }]): ScenarioLoad => {
        const r = parseScenarioText(text, file);
        return r.ok ? { ok: true, loaded: { id, file, scenario: r.scenario, hash: r.hash } } : { ok: false, file, errors: r.errors, lines: problemLines(r) };
      },
      // A chunk that fails to load (or anything else) marks this one scenario broken, never the whole list.
      (e: unknown): ScenarioLoad => {
        const found = String((e as Error)?.message ?? e).split('\n')[0]?.slice(0, 80) ?? '';
        const error: ScenarioError = { file, path: '', expected: 'a scenario the game can read', found };
        return { ok: false, file, errors: [error], lines: [`${file}: expected ${error.expected}, found ${found}`] };
      },
    );
    cache.set(id, p);
  }
  return p;
}

/** Every bundled scenario that loads, in id order; broken ones are reported beside them. */
export async function loadAllScenarios(): Promise<{ loaded: LoadedScenario[]; broken: Extract<ScenarioLoad, { ok: false }>[] }> {
  const all = await Promise.all(scenarioIds().map((id) => loadScenario(id) as Promise<ScenarioLoad>));
  // The tutorial first, then the rest in the order of their history.
  const rank = (s: LoadedScenario) => (s.id === 'tutorial' ? '0' : `1${s.scenario.start}${s.id}`);
  return {
    loaded: all.flatMap((r) => (r.ok ? [r.loaded] : [])).sort((a, b) => rank(a).localeCompare(rank(b))),
    broken: all.flatMap((r) => (r.ok ? [] : [r])),
  };
}
