import Phaser from 'phaser';
import type { GameView } from '../engine';
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
  /** The size of the map's labels now, in CSS pixels. */
  labelPx(): { capital: number; landing: number };
  /** Where a cable is drawn now, leg by leg, in CSS pixels. */
  cablePath(id: string): { x: number; y: number }[][];
}

declare global {
  interface Window {
    __landingRights?: LandingRightsTestHook;
  }
}

/** What the map scene may offer beyond drawing the scenario (added by the map's own work). */
interface GameAwareScene {
  showGame?: (view: GameView) => void;
}

export function mapDataOf(s: Scenario): MapData {
  return {
    extent: s.map,
    capitals: s.islands.map((i) => ({ id: i.id, name: i.capital.name, lat: i.capital.lat, lon: i.capital.lon })),
    landings: s.landings.map((l) => ({ id: l.id, name: l.name, lat: l.lat, lon: l.lon })),
  };
}

/**
 * What a view holds that a map may draw: the viewer, the round and phase, offers, agreements,
 * cables, events and each island's figures. Views are rebuilt on every redraw; the map only
 * hears of the ones that differ.
 */
function signatureOf(v: GameView): string {
  return JSON.stringify([
    v.viewer,
    v.round,
    v.phase,
    v.log.length,
    v.events.length,
    v.offers.map((o) => `${o.id}:${o.status}`),
    v.agreements.map((a) => `${a.id}:${a.status}:${a.clauses.length}`),
    v.cables.map((c) => `${c.id}:${c.status}:${c.readyRound ?? ''}`),
    Object.values(v.islands).map((i) => [i.connectivity, i.routes, i.alignment]),
    Object.values(v.powers).map((p) => p?.influence),
  ]);
}

/** Canvas pixels per CSS pixel: the screen's density, at most 2 (a 4K canvas costs more than it shows). */
function pixelRatio(): number {
  return Math.min(2, Math.max(1, window.devicePixelRatio || 1));
}

const SCENE_KEY = 'map';

/**
 * The Phaser map in its element: one game for the page, one map scene per scenario. The page
 * feeds it views (showGame) and hears island clicks; the scene computes no rules.
 */
export class MapHost {
  private game: Phaser.Game | null = null;
  private scene: (MapScene & GameAwareScene) | null = null;
  private scenarioId: string | null = null;
  private lastView: GameView | null = null;
  private clickHandlers: ((island: string) => void)[] = [];
  private cableHandlers: ((cable: string) => void)[] = [];
  private readonly wired = new WeakSet<MapScene>();
  private shownScene: MapScene | null = null;
  private shownSignature = '';

  constructor(
    private readonly host: HTMLElement,
    private readonly wantCanvas: boolean,
  ) {
    // The projector setting scales the map's labels with the page's text.
    new MutationObserver(() => this.scene?.restyle()).observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  }

  /** Draw a scenario's region (a new scene if it is another scenario). */
  showScenario(id: string, scenario: Scenario): void {
    if (this.scenarioId === id && this.scene) return;
    this.scenarioId = id;
    const scene = new MapScene(mapDataOf(scenario), { onDrawn: (s) => this.drawn(s) }) as MapScene & GameAwareScene;
    const previous = this.scene;
    this.scene = scene;
    if (!this.game) {
      this.game = this.start(scene);
      return;
    }
    if (previous) this.game.scene.remove(previous.sys.settings.key);
    this.game.scene.add(SCENE_KEY, scene, true);
  }

  /** Hand the scene the view to draw (cables, influence…), if it knows how, and if it changed. */
  showGame(view: GameView | null): void {
    this.lastView = view;
    const scene = this.scene;
    if (!view || !scene || typeof scene.showGame !== 'function' || !scene.sys?.settings?.active) return;
    const signature = signatureOf(view);
    if (scene === this.shownScene && signature === this.shownSignature) return;
    this.shownScene = scene;
    this.shownSignature = signature;
    try {
      scene.showGame(view);
    } catch (e) {
      console.error('The map could not draw the game:', e);
    }
  }

  onIslandClick(handler: (island: string) => void): void {
    this.clickHandlers.push(handler);
  }

  /** A cable clicked on the map: its id, or "offer:<id>" for an offered one. */
  onCableClick(handler: (cable: string) => void): void {
    this.cableHandlers.push(handler);
  }

  private drawn(scene: MapScene & GameAwareScene): void {
    // The scene's event emitter exists once the scene runs: listen for island clicks then, and draw the game.
    if (!this.wired.has(scene)) {
      this.wired.add(scene);
      scene.events.on('island-click', (island: unknown) => {
        if (typeof island === 'string') for (const h of this.clickHandlers) h(island);
      });
      scene.events.on('cable-click', (cable: unknown) => {
        if (typeof cable === 'string') for (const h of this.cableHandlers) h(cable);
      });
      if (this.lastView && scene === this.scene) this.showGame(this.lastView);
    }
    const game = this.game;
    window.__landingRights = {
      ready: true,
      project: (lon, lat) => scene.project(lon, lat),
      renderer: game?.renderer?.type === Phaser.WEBGL ? 'webgl' : 'canvas',
      draws: (window.__landingRights?.draws ?? 0) + 1,
      labelPx: () => ({ ...scene.labelPx }),
      cablePath: (id) => scene.cablePath(id),
    };
  }

  /**
   * Start Phaser in the element. The game runs at the screen's pixel density (its size is the
   * element's CSS size × the ratio, shown at zoom 1 / ratio) so coasts and labels stay sharp, and
   * follows the element's size as the window and the panels change.
   */
  private start(scene: MapScene): Phaser.Game {
    const host = this.host;
    const sizeOf = () => {
      const ratio = pixelRatio();
      return { ratio, width: Math.max(1, Math.round(host.clientWidth * ratio)), height: Math.max(1, Math.round(host.clientHeight * ratio)) };
    };
    const first = sizeOf();
    const game = new Phaser.Game({
      type: this.wantCanvas ? Phaser.CANVAS : Phaser.AUTO,
      parent: host,
      backgroundColor: MAP_COLOURS.oceanEdge,
      banner: false,
      scale: { mode: Phaser.Scale.NONE, width: first.width, height: first.height, zoom: 1 / first.ratio },
      render: { preserveDrawingBuffer: true, antialias: true },
      scene: [scene],
    });
    let pending = 0;
    const follow = () => {
      pending = 0;
      const next = sizeOf();
      const scale = game.scale;
      if (!scale || next.width <= 1 || next.height <= 1) return;
      if (Math.abs(scale.zoom - 1 / next.ratio) > 1e-6) scale.setZoom(1 / next.ratio);
      if (next.width !== Math.round(scale.width) || next.height !== Math.round(scale.height)) scale.resize(next.width, next.height);
    };
    new ResizeObserver(() => {
      if (!pending) pending = requestAnimationFrame(follow);
    }).observe(host);
    return game;
  }
}
