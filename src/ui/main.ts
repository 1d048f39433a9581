import Phaser from 'phaser';
import { formatScenarioError, parseScenarioText } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { MapScene, MAP_COLOURS, type MapData } from './map-scene';

/** What the page exposes for browser tests once the map is on screen. */
export interface LandingRightsTestHook {
  ready: true;
  /** Where a longitude/latitude is drawn, in CSS pixels from the canvas's top-left corner. */
  project(lon: number, lat: number): { x: number; y: number };
  renderer: 'webgl' | 'canvas';
  /** How many times the map has been drawn (once, then once per resize). */
  draws: number;
}

declare global {
  interface Window {
    __landingRights?: LandingRightsTestHook;
  }
}

const DEFAULT_SCENARIO = 'coral-sea';

/** Every scenario file, bundled as text; only the one asked for is loaded. */
const scenarioFiles = import.meta.glob<string>('../../scenarios/*.yaml', { query: '?raw', import: 'default' });

function scenarioIdOf(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.yaml$/, '');
}

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el as T;
}

/** Show what went wrong as plain text in place of the map: the person reading it edits a file, not code. */
function showProblem(heading: string, lines: string[]): void {
  const box = element<HTMLElement>('problem');
  box.replaceChildren();
  const h = document.createElement('h2');
  h.textContent = heading;
  box.append(h);
  const list = document.createElement('ul');
  for (const line of lines) {
    const li = document.createElement('li');
    li.textContent = line;
    list.append(li);
  }
  box.append(list);
  box.hidden = false;
  element<HTMLElement>('map').hidden = true;
}

function mapDataOf(s: Scenario): MapData {
  return {
    extent: s.map,
    capitals: s.islands.map((i) => ({ id: i.id, name: i.capital.name, lat: i.capital.lat, lon: i.capital.lon })),
    landings: s.landings.map((l) => ({ id: l.id, name: l.name, lat: l.lat, lon: l.lon })),
  };
}

/** Canvas pixels per CSS pixel: the screen's density, at most 2 (a 4K canvas costs more than it shows). */
function pixelRatio(): number {
  return Math.min(2, Math.max(1, window.devicePixelRatio || 1));
}

/**
 * Start Phaser in the #map element. The game runs at the screen's pixel density (its size is the
 * element's CSS size × the ratio, shown at zoom 1 / ratio) so coasts and labels stay sharp, and
 * follows the element's size as the window changes.
 */
function startMap(data: MapData, wantCanvas: boolean): Phaser.Game {
  const host = element<HTMLElement>('map');
  const sizeOf = () => {
    const ratio = pixelRatio();
    return {
      ratio,
      width: Math.max(1, Math.round(host.clientWidth * ratio)),
      height: Math.max(1, Math.round(host.clientHeight * ratio)),
    };
  };
  const first = sizeOf();
  const game = new Phaser.Game({
    type: wantCanvas ? Phaser.CANVAS : Phaser.AUTO,
    parent: host,
    backgroundColor: MAP_COLOURS.oceanEdge,
    banner: false,
    scale: { mode: Phaser.Scale.NONE, width: first.width, height: first.height, zoom: 1 / first.ratio },
    render: { preserveDrawingBuffer: true, antialias: true },
    scene: [
      new MapScene(data, {
        onDrawn: (scene) => {
          window.__landingRights = {
            ready: true,
            project: (lon, lat) => scene.project(lon, lat),
            renderer: game.renderer?.type === Phaser.WEBGL ? 'webgl' : 'canvas',
            draws: (window.__landingRights?.draws ?? 0) + 1,
          };
        },
      }),
    ],
  });

  let pending = 0;
  const follow = () => {
    pending = 0;
    const next = sizeOf();
    const scale = game.scale;
    if (!scale) return;
    if (Math.abs(scale.zoom - 1 / next.ratio) > 1e-6) scale.setZoom(1 / next.ratio);
    if (next.width !== Math.round(scale.width) || next.height !== Math.round(scale.height)) scale.resize(next.width, next.height);
  };
  new ResizeObserver(() => {
    if (!pending) pending = requestAnimationFrame(follow);
  }).observe(host);
  return game;
}

async function main(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const id = params.get('scenario') ?? DEFAULT_SCENARIO;
  const entry = Object.entries(scenarioFiles).find(([path]) => scenarioIdOf(path) === id);
  if (!entry) {
    const known = Object.keys(scenarioFiles).map(scenarioIdOf).sort();
    showProblem(`There is no scenario named "${id}".`, [
      known.length > 0 ? `Scenarios in this build: ${known.join(', ')}.` : 'This build has no scenarios: add a file to scenarios/.',
    ]);
    return;
  }
  const [path, load] = entry;
  const fileName = `scenarios/${path.replace(/^.*\//, '')}`;
  const result = parseScenarioText(await load(), fileName);
  if (!result.ok) {
    showProblem(`The scenario file ${fileName} has ${result.errors.length === 1 ? 'a problem' : `${result.errors.length} problems`}.`, result.errors.map(formatScenarioError));
    return;
  }
  const scenario = result.scenario;
  document.title = `${scenario.title} · Landing Rights`;
  element<HTMLElement>('scenario-title').textContent = scenario.title;
  startMap(mapDataOf(scenario), params.get('renderer') === 'canvas');
}

main().catch((e: unknown) => {
  showProblem('The game could not start.', [e instanceof Error ? e.message : String(e)]);
});
