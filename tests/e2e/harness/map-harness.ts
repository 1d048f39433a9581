/**
 * A page for the map's browser tests and bench: a MapScene for Coral Sea, shown game views made by
 * the real engine. The test drives it through `window.__mapHarness`.
 *
 *   ?motion=off       reduced motion (no animation)
 *   ?legend=0         no legend beside the map
 *   ?viewer=SLB       whose view to show (canberra unless told)
 *   ?renderer=canvas  Phaser's Canvas renderer instead of WebGL
 *   ?aa=0             no antialiasing (the app antialiases; SwiftShader pays dearly for it)
 */
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import Phaser from 'phaser';
import scenarioText from '../../../scenarios/coral-sea.yaml?raw';
import { createGame, step, view, type Action, type Deal, type GameState, type RoleId, type ViewerId } from '../../../src/engine';
import { parseScenarioText } from '../../../src/scenario/load';
import { MapScene, MAP_COLOURS, type MapData } from '../../../src/ui/map-scene';
import { renderLegend } from '../../../src/ui/map/legend';

export interface MapHarness {
  ready: boolean;
  /** The game states the harness can show, in order of play. */
  states: string[];
  /** Show a state through `showGame`, as `viewer` sees it. */
  show(state: string, viewer?: ViewerId): void;
  /** The ids of a state's offers, in the order they were made (ids are not numbered). */
  offers(state: string): string[];
  /** True while the map animates or is about to redraw after a pan or zoom. */
  busy(): boolean;
  zoom(): number;
  animated(): boolean;
  draws: number;
  /** Where a longitude/latitude is drawn now, in CSS pixels from the canvas's top-left corner. */
  project(lon: number, lat: number): { x: number; y: number };
  /** Where a cable is drawn now, leg by leg, in CSS pixels. */
  cablePath(id: string): { x: number; y: number }[][];
  /** Where a cable is drawn, as longitudes and latitudes. */
  cableLonLat(id: string): { lon: number; lat: number }[];
  /** The ids of the cables a state shows. */
  cables(state: string): string[];
  /** Where a landing point is, for routes. */
  landing(id: string): { lon: number; lat: number };
  /** Island ids from the scene's 'island-click' event and from the DOM event on the canvas's parent. */
  sceneClicks: string[];
  domClicks: string[];
  errors: string[];
}

declare global {
  interface Window {
    __mapHarness?: MapHarness;
  }
}

const params = new URLSearchParams(window.location.search);
const parsed = parseScenarioText(scenarioText, 'scenarios/coral-sea.yaml');
if (!parsed.ok) throw new Error(`coral-sea does not parse: ${JSON.stringify(parsed.errors)}`);
const scenario = structuredClone(parsed.scenario);
// No random events: only the ones scripted here, so every run shows the same map.
scenario.deck.chancePerRound = 0;
scenario.scripted = [
  { round: 4, kind: 'riots', island: 'PNG' },
  { round: 9, kind: 'anchorDrag', cable: 'cable-a1' },
  { round: 11, kind: 'eruption', island: 'SLB' },
];

/** The Coral Sea cable as Canberra funded it (tests/helpers.ts coralSeaCable). */
const coralSeaCable: Deal = {
  kind: 'cable',
  route: ['sydney', 'port-moresby', 'honiara', 'auki', 'noro', 'taro'],
  vendor: 'asn',
  financing: { kind: 'grant', by: 'canberra' },
  buildMonths: 18,
  stationOperator: 'island',
  dataAccess: false,
  exclusivity: false,
};

/** Play the scripted game and keep a state at each moment worth drawing. */
function playStates(): Map<string, GameState> {
  const states = new Map<string, GameState>();
  let g = createGame(scenario, parsed.ok ? parsed.hash : '', 'harness');
  const act = (a: Action) => {
    const r = step(g, a);
    if (!r.ok) throw new Error(`refused ${JSON.stringify(a)}: ${r.refusal.message}`);
    g = r.state;
  };
  const endPhase = () => {
    for (const role of g.seats) if (!g.ended.includes(role)) act({ type: 'endPhase', role });
  };
  const offer = (from: RoleId, to: RoleId[], deal: Deal, accept = true) => {
    act({ type: 'offer', role: from, to, deal });
    const id = g.offers[g.offers.length - 1]?.id ?? '';
    if (accept) for (const role of to) act({ type: 'accept', role, offer: id });
  };
  const until = (done: () => boolean) => {
    for (let i = 0; i < 60 && !done(); i++) endPhase();
    if (!done()) throw new Error('the scripted game never got there');
  };
  const cable = () => g.cables.find((c) => c.id === 'cable-a1');
  states.set('start', g);
  offer('canberra', ['SLB', 'PNG'], coralSeaCable, false);
  states.set('proposed', g);
  const open = g.offers[g.offers.length - 1]?.id ?? '';
  act({ type: 'accept', role: 'SLB', offer: open });
  act({ type: 'accept', role: 'PNG', offer: open });
  offer('beijing', ['PNG'], { kind: 'pact', island: 'PNG', power: 'beijing', pact: 'cyber', clauses: [] });
  offer('canberra', ['SLB'], { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'policing', clauses: [] });
  offer('washington', ['PNG'], { kind: 'pact', island: 'PNG', power: 'washington', pact: 'port', clauses: [] });
  offer('washington', ['SLB'], { kind: 'aid', island: 'SLB', amount: 5000, financing: { kind: 'grant', by: 'washington' } });
  until(() => cable()?.status === 'building' && g.phase === 'negotiation');
  states.set('building', g);
  until(() => g.round >= 4 && g.phase === 'negotiation');
  states.set('riots', g);
  until(() => cable()?.status === 'active' && g.phase === 'negotiation');
  states.set('active', g);
  until(() => cable()?.status === 'cut');
  states.set('cut', g);
  until(() => cable()?.status === 'active' && g.phase === 'negotiation');
  states.set('repaired', g);
  until(() => cable()?.status === 'cut' && g.events.some((e) => e.kind === 'eruption'));
  states.set('eruption', g);
  return states;
}

const errors: string[] = [];
window.addEventListener('error', (e) => errors.push(String(e.message)));

const states = playStates();
const data: MapData = {
  extent: scenario.map,
  capitals: scenario.islands.map((i) => ({ id: i.id, name: i.capital.name, lat: i.capital.lat, lon: i.capital.lon })),
  landings: scenario.landings.map((l) => ({ id: l.id, name: l.name, lat: l.lat, lon: l.lon })),
};

const host = document.getElementById('map') as HTMLElement;
const legend = document.getElementById('legend') as HTMLElement;
if (params.get('legend') === '0') legend.hidden = true;
else
  renderLegend(legend, {
    vendors: scenario.vendors.map((v) => ({ name: v.name, origin: v.origin })),
  });

const ratio = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
const motion = params.get('motion');
const viewerParam = (params.get('viewer') ?? 'canberra') as ViewerId;
const harness: MapHarness = {
  ready: false,
  states: [...states.keys()],
  show(name, viewer = viewerParam) {
    const g = states.get(name);
    if (!g) throw new Error(`no state ${name}`);
    scene.showGame(view(g, viewer));
  },
  offers: (name) => states.get(name)?.offers.map((o) => o.id) ?? [],
  busy: () => scene.busy,
  zoom: () => scene.zoom,
  animated: () => scene.animated,
  draws: 0,
  project: (lon, lat) => scene.project(lon, lat),
  cablePath: (id) => scene.cablePath(id),
  cableLonLat: (id) => scene.cableLonLat(id),
  cables: (name) => states.get(name)?.cables.map((c) => c.id) ?? [],
  landing(id) {
    const l = scenario.landings.find((x) => x.id === id);
    if (!l) throw new Error(`no landing ${id}`);
    return { lon: l.lon, lat: l.lat };
  },
  sceneClicks: [],
  domClicks: [],
  errors,
};
window.__mapHarness = harness;

const scene = new MapScene(data, {
  ...(motion === 'off' ? { reducedMotion: true } : motion === 'on' ? { reducedMotion: false } : {}),
  onDrawn: () => {
    harness.draws++;
    harness.ready = true;
  },
});
host.addEventListener('island-click', (e) => harness.domClicks.push(String((e as CustomEvent<{ id: string }>).detail.id)));

const game = new Phaser.Game({
  type: params.get('renderer') === 'canvas' ? Phaser.CANVAS : Phaser.AUTO,
  parent: host,
  backgroundColor: MAP_COLOURS.oceanEdge,
  banner: false,
  scale: { mode: Phaser.Scale.NONE, width: Math.round(host.clientWidth * ratio), height: Math.round(host.clientHeight * ratio), zoom: 1 / ratio },
  render: { preserveDrawingBuffer: true, antialias: params.get('aa') !== '0' },
  scene: [scene],
});
game.events.once(Phaser.Core.Events.READY, () => {
  scene.events.on('island-click', (id: string) => harness.sceneClicks.push(id));
});
new ResizeObserver(() => {
  const w = Math.round(host.clientWidth * ratio);
  const h = Math.round(host.clientHeight * ratio);
  if (game.scale && (w !== Math.round(game.scale.width) || h !== Math.round(game.scale.height))) game.scale.resize(w, h);
}).observe(host);
