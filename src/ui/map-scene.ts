import Phaser from 'phaser';
import { geoGraticule, geoPath, type GeoProjection } from 'd3-geo';
import type { MultiLineString, MultiPolygon } from 'geojson';
import landUrl from '../../assets/map/land.json?url';
import type { GameView } from '../engine/view';
import { LabelLayout } from './labels';
import { coastlines, landOf } from './land';
import { centreLongitude, extentWidth, makeProjection, project } from './projection';
import { drawRings, frameAt, plan, running, type Effect, type EffectFrame } from './map/animation';
import { drawCables, layoutCables, type CableShape } from './map/cables';
import type { Point } from './map/geometry';
import { LandHitter, type Place } from './map/hit';
import { SeaRouter } from './map/searoute';
import { barsWidth, drawBars, drawMarker, drawRing, markerPlaces, ringOuter, ringRadius } from './map/influence';
import { MapInput } from './map/input';
import { diffModels, mapModel, type MapModel } from './map/model';
import { INK, MARKER } from './map/style';
import { apply, cameraFor, clampView, HOME, invert, sameView, viewProjection, type Frame, type View } from './map/viewport';

/** What the map draws: the scenario's extent, each island seat's capital and the landing points. */
export interface MapData {
  extent: { west: number; east: number; south: number; north: number };
  capitals: { id: string; name: string; lat: number; lon: number }[];
  landings: { id: string; name: string; lat: number; lon: number }[];
}

export interface MapSceneOptions {
  /** Called after every full draw (the first one, each one after a resize, and each one after the view pans or zooms), once the frame is on the canvas. */
  onDrawn?: (scene: MapScene) => void;
  /** Turn animation off (true) or on (false); by default the scene follows the reader's prefers-reduced-motion. */
  reducedMotion?: boolean;
  /**
   * Stop the game loop while nothing on the map moves, and start it again when something changes
   * (a view, a pan or zoom, a resize): a still map then costs no power. True unless told; turn it
   * off if other scenes in the same game must keep running.
   */
  sleepWhenIdle?: boolean;
}

/** The scene's events, for the app: `scene.events.on(MAP_EVENTS.islandClick, (id: string) => …)` once the scene has started (Phaser gives a scene `events` only then; before it, use `onIslandClick`). */
export const MAP_EVENTS = { islandClick: 'island-click', cableClick: 'cable-click' } as const;

/** The map's neutral palette: islands keep these tones; colours that mean something belong to the powers. */
export const MAP_COLOURS = {
  oceanCentre: '#1d4a6b',
  oceanEdge: '#123049',
  graticule: 'rgba(190, 220, 240, 0.13)',
  shelfWide: 'rgba(110, 175, 205, 0.20)',
  shelfNarrow: 'rgba(150, 205, 228, 0.35)',
  land: '#ddd2b7',
  coast: '#6d6250',
  marker: '#fbfaf5',
  markerEdge: '#0f2231',
  label: '#ffffff',
  minorLabel: '#e3edf3',
  halo: '#0d1f2d',
} as const;

/** The game's bundled font (the page loads @fontsource/inter) first, then the system's. */
const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Open Sans", sans-serif';
const LAND_KEY = 'land';
const BASE_KEY = 'map-base';
/** How long input must rest before the map is drawn again, sharp, at the new view. */
const SETTLE_MS = 140;
/** Frames drawn after the last change before the loop sleeps. */
const IDLE_FRAMES = 3;

const DEPTH = { base: 0, cables: 1, badgeText: 1.5, markers: 2, influence: 2.5, effects: 2.8, landingLabel: 3, capitalLabel: 3.2, labelMarks: 3.3 } as const;

const colour = (hex: string) => Phaser.Display.Color.HexStringToColor(hex).color;

/**
 * Animation time, ms: the page's clock, not the scene's, which stands still while the loop sleeps
 * and would start an effect in the past.
 */
const clock = (): number => window.performance.now();

/**
 * The region map: a calm ocean with a 10° graticule, Natural Earth land, the island seats' capitals
 * (a circled dot) and the landing points (a small diamond), with labels placed so they do not overlap.
 * Given a game view (`showGame`), it also draws the cables, each island's influence ring,
 * connectivity and agreements, and animates what changed since the last view. It pans and zooms
 * by mouse, touch and keyboard. It reads what it is given and draws it; it computes no rules.
 */
export class MapScene extends Phaser.Scene {
  private readonly mapData: MapData;
  private readonly options: MapSceneOptions;
  /** The projection that fits the extent to the canvas (view HOME). */
  private fitted: GeoProjection | null = null;
  /** The projection of the last full draw: the fitted one seen through `drawnView`. */
  private projection: GeoProjection | null = null;
  private frameBox: Frame = { width: 1, height: 1, padding: 0, box: { x0: 0, y0: 0, x1: 1, y1: 1 } };
  private view: View = HOME;
  private drawnView: View = HOME;
  private land: MultiPolygon | null = null;
  private coast: MultiLineString | null = null;
  private hitter: LandHitter | null = null;
  private router: SeaRouter | null = null;
  private base: Phaser.GameObjects.Image | null = null;
  private markers: Phaser.GameObjects.Graphics | null = null;
  private labelMarks: Phaser.GameObjects.Graphics | null = null;
  private cableLayer: Phaser.GameObjects.Graphics | null = null;
  private influenceLayer: Phaser.GameObjects.Graphics | null = null;
  private effectsLayer: Phaser.GameObjects.Graphics | null = null;
  private labels: Phaser.GameObjects.Text[] = [];
  private badgeTexts: Phaser.GameObjects.Text[] = [];
  private cableShapes: CableShape[] = [];
  private capitalAt = new Map<string, Point>();
  private capitalReach = 0;
  private model: MapModel | null = null;
  private modelKey = '';
  private landingIslands = new Map<string, string | null>();
  private effects: Effect[] = [];
  private motion = true;
  private input_: MapInput | null = null;
  private settleTimer: number | null = null;
  private created = false;
  private idleFrames = 0;
  private clickHandlers: ((island: string) => void)[] = [];
  private placedMarkers: ReturnType<typeof markerPlaces> = [];

  constructor(data: MapData, options: MapSceneOptions = {}) {
    super({ key: 'map' });
    this.mapData = data;
    this.options = options;
  }

  preload(): void {
    this.load.json(LAND_KEY, landUrl);
  }

  create(): void {
    this.land = landOf(this.cache.json.get(LAND_KEY));
    this.coast = coastlines(this.land);
    this.hitter = new LandHitter(this.land);
    this.router = new SeaRouter(this.land);
    this.cameras.main.setOrigin(0, 0);
    this.followMotionPreference();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.input_ = new MapInput(this.game.canvas, {
      view: () => this.view,
      frame: () => this.frameBox,
      setView: (v) => this.setView(v),
      islandAt: (p, precise) => this.islandAt(p, precise),
      click: (id) => this.emitIslandClick(id),
      cableAt: (p) => this.cableAt(p),
      clickCable: (id) => this.events.emit(MAP_EVENTS.cableClick, id),
    });
    // Stopped or removed: let go of the canvas's listeners and timers, and leave the loop running,
    // as another scene may follow this one in the same game.
    let cleaned = false;
    const cleanUp = () => {
      if (cleaned) return;
      cleaned = true;
      this.game.loop.wake(true);
      this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this);
      this.input_?.destroy();
      this.input_ = null;
      if (this.settleTimer !== null) window.clearTimeout(this.settleTimer);
      this.settleTimer = null;
    };
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, cleanUp);
    this.events.once(Phaser.Scenes.Events.DESTROY, cleanUp);
    this.created = true;
    this.draw();
    this.whenFontsLoad();
  }

  /** Canvas text uses a web font only once it has loaded: draw the labels again when the page's Inter arrives. */
  private whenFontsLoad(): void {
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    if (!fonts || typeof fonts.load !== 'function') return;
    const k = this.pixelRatio;
    Promise.all([fonts.load(`600 ${Math.round(19 * k)}px Inter`), fonts.load(`${Math.round(16 * k)}px Inter`), fonts.load(`700 ${Math.round(12 * k)}px Inter`)])
      .then((faces) => {
        if (faces.some((f) => f.length > 0) && this.sys.isActive()) {
          this.wakeLoop();
          this.drawOverlays();
          this.drawDynamic(clock());
        }
      })
      .catch(() => undefined);
  }

  /**
   * Draw the game as this viewer sees it, and animate what changed since the last call: new cables
   * draw themselves, cables coming into service light up, a newly cut cable flashes, an eruption
   * ripples out from its island, other new events pulse at theirs, influence rings shift. With
   * reduced motion the map simply shows the new state.
   */
  showGame(view: GameView): void {
    const next = mapModel(view);
    // The same picture again (a view after an action that changed nothing on the map): nothing to do.
    const key = JSON.stringify(next);
    if (this.model && key === this.modelKey) return;
    this.modelKey = key;
    const changes = diffModels(this.model, next);
    this.model = next;
    this.landingIslands = new Map(Object.values(view.landings).map((l) => [l.id, l.island]));
    if (!this.created) return;
    this.wakeLoop();
    const now = clock();
    this.effects = this.motion ? [...running(this.effects, now), ...plan(changes, next, now)] : [];
    this.drawOverlays();
    this.drawDynamic(now);
  }

  /** True while an animation runs or the map is about to be drawn again after a pan or zoom. */
  get busy(): boolean {
    return this.effects.length > 0 || this.settleTimer !== null || !sameView(this.view, this.drawnView);
  }

  /** The current zoom: 1 shows the whole region. */
  get zoom(): number {
    return this.view.k;
  }

  /** Whether the map animates (false under prefers-reduced-motion, or when told). */
  get animated(): boolean {
    return this.motion;
  }

  /**
   * Canvas pixels per CSS pixel. The page may run the game at the screen's pixel density (game
   * size = CSS size × ratio, Phaser zoom = 1 / ratio) so that coasts and text stay sharp.
   */
  get pixelRatio(): number {
    const zoom = this.scale.zoom;
    return zoom > 0 ? 1 / zoom : 1;
  }

  /** Where a longitude/latitude is on the canvas now (panned and zoomed as it is), in CSS pixels from its top-left corner. */
  project(lon: number, lat: number): { x: number; y: number } {
    if (!this.fitted) return { x: Number.NaN, y: Number.NaN };
    const p = apply(this.view, project(this.fitted, lon, lat));
    const k = this.pixelRatio;
    return { x: p.x / k, y: p.y / k };
  }

  /**
   * Hear island clicks, from now on, even before the scene has started (Phaser gives a scene its
   * `events` only once it is added to a game). Returns a function that stops listening.
   */
  onIslandClick(handler: (island: string) => void): () => void {
    this.clickHandlers.push(handler);
    return () => {
      this.clickHandlers = this.clickHandlers.filter((h) => h !== handler);
    };
  }

  /**
   * Where a cable (or a proposed one, `offer:<offer id>`) is drawn now, leg by leg from landing to
   * landing, in CSS pixels from the canvas's top-left corner; empty if it is not on the map.
   */
  cablePath(id: string): { x: number; y: number }[][] {
    const shape = this.cableShapes.find((s) => s.model.id === id);
    if (!shape) return [];
    const k = this.pixelRatio;
    const c = cameraFor(this.drawnView, this.view);
    const toCss = (p: Point) => ({ x: (c.zoom * (p.x - c.scrollX)) / k, y: (c.zoom * (p.y - c.scrollY)) / k });
    const legs: { x: number; y: number }[][] = [];
    for (let i = 1; i < shape.landings.length; i++) legs.push(shape.line.slice(shape.landings[i - 1], (shape.landings[i] ?? 0) + 1).map(toCss));
    return legs;
  }

  /** Where a cable is drawn, read back as longitudes and latitudes through the map's projection (for tests against the land). */
  cableLonLat(id: string): { lon: number; lat: number }[] {
    const shape = this.cableShapes.find((s) => s.model.id === id);
    const projection = this.projection;
    if (!shape || !projection?.invert) return [];
    return shape.line.flatMap((p) => {
      const geo = projection.invert?.([p.x, p.y]);
      return geo ? [{ lon: geo[0], lat: geo[1] }] : [];
    });
  }

  /** Show the whole region again. */
  resetView(): void {
    this.setView(HOME);
  }

  /** Where a longitude/latitude was drawn in the last full draw, in canvas pixels. */
  private projectGame(lon: number, lat: number): { x: number; y: number } {
    return this.projection ? project(this.projection, lon, lat) : { x: Number.NaN, y: Number.NaN };
  }

  private followMotionPreference(): void {
    if (this.options.reducedMotion !== undefined) {
      this.motion = !this.options.reducedMotion;
      return;
    }
    const query = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
    if (!query) return;
    this.motion = !query.matches;
    const change = () => {
      this.motion = !query.matches;
      if (!this.motion) this.effects = [];
      this.wakeLoop();
      this.drawDynamic(clock());
    };
    query.addEventListener('change', change);
    const stop = () => query.removeEventListener('change', change);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
    this.events.once(Phaser.Scenes.Events.DESTROY, stop);
  }

  private onResize(gameSize: Phaser.Structs.Size): void {
    this.cameras.main.setSize(gameSize.width, gameSize.height);
    this.draw();
  }

  // ------------------------------------------------------------------ pan and zoom

  private setView(v: View): void {
    const next = clampView(v, this.frameBox);
    if (sameView(next, this.view)) return;
    this.view = next;
    this.wakeLoop();
    this.applyCamera();
    if (this.settleTimer !== null) window.clearTimeout(this.settleTimer);
    this.settleTimer = window.setTimeout(() => {
      this.settleTimer = null;
      if (this.sys.isActive() && !sameView(this.view, this.drawnView)) this.draw();
    }, SETTLE_MS);
  }

  /** Show what was drawn at `drawnView` as `view` would show it, until the next full draw. */
  private applyCamera(): void {
    const c = cameraFor(this.drawnView, this.view);
    this.cameras.main.setZoom(c.zoom).setScroll(c.scrollX, c.scrollY);
  }

  private emitIslandClick(id: string): void {
    for (const h of [...this.clickHandlers]) h(id);
    this.events.emit(MAP_EVENTS.islandClick, id);
    this.game.canvas.parentElement?.dispatchEvent(new CustomEvent('island-click', { detail: { id }, bubbles: true }));
  }

  /** The cable drawn nearest a canvas point (within a finger's width), or null. */
  private cableAt(p: Point): string | null {
    const c = cameraFor(this.drawnView, this.view);
    const reach = 9 * this.pixelRatio;
    let best: string | null = null;
    let dist = reach;
    for (const shape of this.cableShapes) {
      for (let i = 1; i < shape.line.length; i++) {
        const a = shape.line[i - 1];
        const b = shape.line[i];
        if (!a || !b) continue;
        const ax = c.zoom * (a.x - c.scrollX);
        const ay = c.zoom * (a.y - c.scrollY);
        const bx = c.zoom * (b.x - c.scrollX);
        const by = c.zoom * (b.y - c.scrollY);
        const len = (bx - ax) ** 2 + (by - ay) ** 2;
        const t = len > 0 ? Math.max(0, Math.min(1, ((p.x - ax) * (bx - ax) + (p.y - ay) * (by - ay)) / len)) : 0;
        const d = Math.hypot(p.x - (ax + t * (bx - ax)), p.y - (ay + t * (by - ay)));
        if (d <= dist) {
          dist = d;
          best = shape.model.id;
        }
      }
    }
    return best;
  }

  /** The island at a canvas point: its capital's marker (and ring), or, when `precise`, its land near its capital or landings. */
  private islandAt(p: Point, precise: boolean): string | null {
    if (!this.fitted) return null;
    const scale = this.view.k / this.drawnView.k;
    const reach = this.capitalReach * scale + 4 * this.pixelRatio;
    let best: string | null = null;
    let dist = reach;
    for (const cap of this.mapData.capitals) {
      const s = apply(this.view, project(this.fitted, cap.lon, cap.lat));
      const d = Math.hypot(s.x - p.x, s.y - p.y);
      if (d <= dist) {
        dist = d;
        best = cap.id;
      }
    }
    if (best || !precise || !this.hitter) return best;
    const q = invert(this.view, p);
    const geo = this.fitted.invert?.([q.x, q.y]);
    if (!geo) return null;
    const places: Place[] = [
      ...this.mapData.capitals.map((c) => ({ island: c.id, lon: c.lon, lat: c.lat })),
      ...this.mapData.landings.map((l) => ({ island: this.landingIslands.get(l.id) ?? null, lon: l.lon, lat: l.lat })),
    ];
    return this.hitter.islandAt({ lon: geo[0], lat: geo[1] }, places);
  }

  // ------------------------------------------------------------------ drawing

  private draw(): void {
    this.wakeLoop();
    const k = this.pixelRatio;
    const width = Math.max(1, Math.round(this.scale.width));
    const height = Math.max(1, Math.round(this.scale.height));
    const padding = Math.round(Math.max(24 * k, Math.min(width, height) * 0.05));
    // Keep the same place in the middle of the screen across a resize.
    const middle = invert(this.view, { x: this.frameBox.width / 2, y: this.frameBox.height / 2 });
    const before = this.fitted?.invert?.([middle.x, middle.y]);
    this.fitted = makeProjection(this.mapData.extent, width, height, padding);
    this.frameBox = { width, height, padding, box: this.extentBox(this.fitted) };
    if (this.view.k > 1 && before) {
      const c = project(this.fitted, before[0], before[1]);
      this.view = { k: this.view.k, tx: width / 2 - this.view.k * c.x, ty: height / 2 - this.view.k * c.y };
    }
    this.view = clampView(this.view, this.frameBox);
    this.drawnView = this.view;
    this.projection = viewProjection(this.fitted, this.view);
    this.applyCamera();
    this.drawBase(width, height, k);
    this.drawOverlays();
    this.drawDynamic(clock());
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => this.options.onDrawn?.(this));
  }

  /** The extent's box in the fitted projection's pixels. */
  private extentBox(p: GeoProjection): Frame['box'] {
    const e = this.mapData.extent;
    const centre = centreLongitude(e);
    const half = extentWidth(e) / 2;
    const nw = project(p, centre - half, e.north);
    const se = project(p, centre + half, e.south);
    return { x0: Math.min(nw.x, se.x), x1: Math.max(nw.x, se.x), y0: Math.min(nw.y, se.y), y1: Math.max(nw.y, se.y) };
  }

  /**
   * Ocean, graticule and land, painted with d3-geo on a 2D canvas that Phaser shows as one texture.
   * Zoomed in, it reaches a margin beyond the screen, so that a pan shows land until the next draw.
   */
  private drawBase(width: number, height: number, k: number): void {
    const viewProj = this.projection;
    if (!viewProj) return;
    const margin = this.view.k > 1.001 ? Math.round(Math.min(width * 0.25, height * 0.25, 260 * k)) : 0;
    const [tx, ty] = viewProj.translate();
    const projection = viewProj.translate([tx + margin, ty + margin]);
    const w = width + 2 * margin;
    const h = height + 2 * margin;
    this.base?.destroy();
    if (this.textures.exists(BASE_KEY)) this.textures.remove(BASE_KEY);
    const texture = this.textures.createCanvas(BASE_KEY, w, h);
    if (!texture) {
      projection.translate([tx, ty]);
      return;
    }
    const ctx = texture.getContext();
    const c = MAP_COLOURS;

    const ocean = ctx.createRadialGradient(w / 2, h / 2, 0, w / 2, h / 2, Math.hypot(width, height) / 1.6);
    ocean.addColorStop(0, c.oceanCentre);
    ocean.addColorStop(1, c.oceanEdge);
    ctx.fillStyle = ocean;
    ctx.fillRect(0, 0, w, h);

    const path = geoPath(projection.clipExtent([[-16 * k, -16 * k], [w + 16 * k, h + 16 * k]]), ctx);
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';

    ctx.beginPath();
    path(geoGraticule().step([10, 10])());
    ctx.strokeStyle = c.graticule;
    ctx.lineWidth = k;
    ctx.stroke();

    if (this.land && this.coast) {
      // A pale shelf around every coast, so that atolls a few hundred metres wide still show.
      ctx.beginPath();
      path(this.land);
      ctx.strokeStyle = c.shelfWide;
      ctx.lineWidth = 9 * k;
      ctx.stroke();
      ctx.strokeStyle = c.shelfNarrow;
      ctx.lineWidth = 4 * k;
      ctx.stroke();
      ctx.fillStyle = c.land;
      ctx.fill('evenodd');

      ctx.beginPath();
      path(this.coast);
      ctx.strokeStyle = c.coast;
      ctx.lineWidth = k;
      ctx.stroke();
    }
    projection.clipExtent(null);
    projection.translate([tx, ty]);
    texture.refresh();
    this.base = this.add.image(-margin, -margin, BASE_KEY).setOrigin(0, 0).setDepth(DEPTH.base);
  }

  /** Label sizes drawn last, in CSS pixels (for tests and the projector check). */
  labelPx = { capital: 0, landing: 0 };

  /** Draw the labels again at the page's text scale (the projector setting changed). */
  restyle(): void {
    if (!this.created || !this.sys.isActive()) return;
    this.wakeLoop();
    this.drawOverlays();
    this.drawDynamic(clock());
  }

  /** Everything above the base that stays put between full draws: markers, labels, cables' layout, badges. */
  private drawOverlays(): void {
    if (!this.projection) return;
    const k = this.pixelRatio;
    // Projector: type read from the back of a room, half as large again (labels at least 24 CSS pixels).
    const ts = typeof document !== 'undefined' && document.documentElement.classList.contains('projector') ? 1.5 : 1;
    const width = this.frameBox.width;
    const height = this.frameBox.height;
    for (const o of [this.markers, this.labelMarks, this.cableLayer, this.influenceLayer, this.effectsLayer]) o?.destroy();
    this.labels.forEach((t) => t.destroy());
    this.badgeTexts.forEach((t) => t.destroy());
    this.labels = [];
    this.badgeTexts = [];
    const g = this.add.graphics().setDepth(DEPTH.markers);
    this.markers = g;
    const marks = this.add.graphics().setDepth(DEPTH.labelMarks);
    this.labelMarks = marks;
    this.cableLayer = this.add.graphics().setDepth(DEPTH.cables);
    this.influenceLayer = this.add.graphics().setDepth(DEPTH.influence);
    this.effectsLayer = this.add.graphics().setDepth(DEPTH.effects);
    const c = MAP_COLOURS;
    const model = this.model;

    const capitals = this.mapData.capitals.map((p) => ({ ...p, ...this.projectGame(p.lon, p.lat) }));
    const landings = this.mapData.landings.map((p) => ({ ...p, ...this.projectGame(p.lon, p.lat) }));
    this.capitalAt = new Map(capitals.map((p) => [p.id, { x: p.x, y: p.y }]));
    // Smaller marks and type on a narrow map (a phone), never under 16 CSS pixels.
    const compact = width / k < 640;
    const capitalR = (compact ? 6.5 : 8) * k;
    const landingR = (compact ? 5 : 6) * k;
    const capitalOuter = model ? ringOuter(capitalR + 2 * k, k) : capitalR + 2 * k;
    this.capitalReach = capitalOuter;

    // Agreement markers sit outside each ring, in their power's slot.
    const islandMarkers = model
      ? model.islands.flatMap((i) => {
          const at = this.capitalAt.get(i.id);
          return at ? markerPlaces(at, capitalOuter, i.markers, k) : [];
        })
      : [];
    this.placedMarkers = islandMarkers;

    // Cables first: their badges must keep clear of the markers, and labels of the badges.
    const onScreen = (p: Point, r: number) => p.x > -r && p.y > -r && p.x < width + r && p.y < height + r;
    this.cableShapes = model
      ? layoutCables(model.cables, this.projection, k, { width, height }, [
          ...capitals.map((p) => ({ x: p.x, y: p.y, r: capitalOuter })),
          ...landings.map((p) => ({ x: p.x, y: p.y, r: landingR + k })),
          ...islandMarkers.map((m) => ({ x: m.x, y: m.y, r: (MARKER.size / 2 + 2) * k })),
        ], this.router ? (a, b) => this.router!.route(a, b) : undefined, this.router ? (p) => this.router!.landfall(p) : undefined)
      : [];
    for (const s of this.cableShapes) {
      if (!s.badge) continue;
      const t = this.add
        .text(Math.round(s.badge.x), Math.round(s.badge.y), s.model.vendorMark, { fontFamily: FONT, fontSize: `${Math.round(12 * k * Math.min(ts, 1.25))}px`, fontStyle: '700', color: INK })
        .setOrigin(0.5, 0.5)
        .setDepth(DEPTH.badgeText);
      this.badgeTexts.push(t);
    }

    // Landings first, so a capital's marker sits on top of a landing at the same place.
    g.fillStyle(colour(c.marker), 1);
    g.lineStyle(2 * k, colour(c.markerEdge), 1);
    for (const l of landings) {
      const pts = [
        new Phaser.Math.Vector2(l.x, l.y - landingR),
        new Phaser.Math.Vector2(l.x + landingR, l.y),
        new Phaser.Math.Vector2(l.x, l.y + landingR),
        new Phaser.Math.Vector2(l.x - landingR, l.y),
      ];
      g.fillPoints(pts, true, true);
      g.strokePoints(pts, true, true);
    }
    // A capital is the map-maker's circled dot: a white disc with a dark rim and a dark centre.
    for (const cap of capitals) {
      g.fillStyle(colour(c.markerEdge), 1);
      g.fillCircle(cap.x, cap.y, capitalR + 2 * k);
      g.fillStyle(colour(c.marker), 1);
      g.fillCircle(cap.x, cap.y, capitalR);
      g.fillStyle(colour(c.markerEdge), 1);
      g.fillCircle(cap.x, cap.y, capitalR * 0.42);
    }

    // Labels never cover a marker, a badge, another label or the edge of the map; capitals are placed
    // first, then landings where cables land, then the rest, so where there is no room a lesser label is left out.
    const markerBox = (x: number, y: number, r: number, rank: number) => ({ x: x - r, y: y - r, w: 2 * r, h: 2 * r, rank });
    const layout = new LabelLayout({ width, height, margin: 4 * k, gap: 3 * k }, [
      ...capitals.map((p) => markerBox(p.x, p.y, capitalOuter, 2)),
      ...landings.map((p) => markerBox(p.x, p.y, landingR + k, 0)),
      ...this.cableShapes.flatMap((s) => (s.badge ? [markerBox(s.badge.x, s.badge.y, 10 * k, -1)] : [])),
      ...islandMarkers.map((m) => markerBox(m.x, m.y, (MARKER.size / 2 + 2) * k, -1)),
    ]);
    const cabled = new Set(model ? model.cables.filter((cb) => cb.status !== 'proposed').flatMap((cb) => cb.route) : []);
    const capitalStyle = { fontFamily: FONT, fontSize: `${Math.round((compact ? 17 : 19) * k * ts)}px`, fontStyle: '600', color: c.label, stroke: c.halo, strokeThickness: (compact ? 4 : 5) * k * ts };
    const landingStyle = { fontFamily: FONT, fontSize: `${Math.round(16 * k * ts)}px`, color: c.minorLabel, stroke: c.halo, strokeThickness: 4 * k * ts };
    this.labelPx = { capital: Math.round((compact ? 17 : 19) * k * ts) / k, landing: Math.round(16 * k * ts) / k };
    const onMap = (p: { x: number; y: number }) => p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height;
    const connectivity = new Map(model ? model.islands.map((i) => [i.id, i.connectivity]) : []);
    const barsGap = 5 * k;
    const capitalLabels = capitals.filter(onMap).map((p) => ({ id: `capital-${p.id}`, rank: 2, p, r: capitalOuter, style: capitalStyle, depth: DEPTH.capitalLabel, bars: connectivity.get(p.id) }));
    const landingLabels = landings
      // A landing at a capital of the same name needs no second label.
      .filter((l) => onMap(l) && !capitals.some((cap) => cap.name === l.name && Math.hypot(cap.x - l.x, cap.y - l.y) < 24 * k))
      .map((p) => ({ id: `landing-${p.id}`, rank: cabled.has(p.id) ? 1 : 0, p, r: landingR, style: landingStyle, depth: DEPTH.landingLabel, bars: undefined as number | undefined }));
    const labelled = [...capitalLabels, ...landingLabels].map((item) => ({
      ...item,
      text: this.add.text(0, 0, item.p.name, item.style).setDepth(item.depth),
    }));
    const extra = (item: (typeof labelled)[number]) => (item.bars === undefined ? 0 : barsGap + barsWidth(k));
    const request = (item: (typeof labelled)[number]) => ({ id: item.id, rank: item.rank, x: item.p.x, y: item.p.y, r: item.r, w: item.text.width + extra(item), h: item.text.height });
    const placements = [2, 1, 0].flatMap((rank) => layout.add(labelled.filter((l) => l.rank === rank).map(request)));
    const byKey = new Map(placements.map((pl) => [pl.id, pl]));
    for (const item of labelled) {
      const pl = byKey.get(item.id);
      if (!pl || !onScreen(pl.box, 0)) {
        item.text.destroy();
        continue;
      }
      item.text.setPosition(Math.round(pl.box.x), Math.round(pl.box.y));
      this.labels.push(item.text);
      if (item.bars !== undefined) {
        // Connectivity: signal bars after the capital's name.
        drawBars(marks, pl.box.x + item.text.width + barsGap, pl.box.y, item.text.height, item.bars, k);
      }
      if (pl.leader) {
        const { x1, y1, x2, y2 } = pl.leader;
        // Thin and pale: a leader must not be mistaken for a cable.
        marks.lineStyle(k, colour(c.minorLabel), 0.6);
        marks.lineBetween(x1, y1, x2, y2);
      }
    }
  }

  /** What moves: cables (building ones march), influence rings (when they shift) and event effects. Called each frame while anything moves. */
  private drawDynamic(now: number): void {
    const cables = this.cableLayer;
    const influence = this.influenceLayer;
    const effects = this.effectsLayer;
    if (!cables || !influence || !effects) return;
    const k = this.pixelRatio;
    const model = this.model;
    const frame: EffectFrame = this.motion && model ? frameAt(this.effects, model, now) : { drawIn: new Map(), light: new Map(), flash: new Map(), rings: [], alignment: new Map() };
    cables.clear();
    drawCables(cables, this.cableShapes, { k, time: this.motion ? now : 0, drawIn: frame.drawIn, light: frame.light, flash: frame.flash });
    influence.clear();
    if (model) {
      const radius = ringRadius(((this.frameBox.width / k < 640 ? 6.5 : 8) + 2) * k, k);
      for (const i of model.islands) {
        const at = this.capitalAt.get(i.id);
        if (at) drawRing(influence, at, radius, frame.alignment.get(i.id) ?? i.alignment, k);
      }
      for (const m of this.placedMarkers) drawMarker(influence, m, m.marker, k);
    }
    effects.clear();
    drawRings(effects, frame.rings, (id) => this.capitalAt.get(id) ?? null, k);
  }

  override update(): void {
    const now = clock();
    const had = this.effects.length > 0;
    if (had) this.effects = running(this.effects, now);
    const marching = this.motion && this.cableShapes.some((s) => s.model.status === 'building');
    // One more frame after the last effect ends, so that the map rests in its final state.
    if (this.model && this.cableLayer && (had || marching)) this.drawDynamic(now);
    if (had || marching || this.settleTimer !== null) this.idleFrames = 0;
    else if (this.options.sleepWhenIdle !== false && ++this.idleFrames > IDLE_FRAMES) this.game.loop.sleep();
  }

  /** Start the game loop again if the map had let it sleep. */
  private wakeLoop(): void {
    this.idleFrames = 0;
    const loop = this.game?.loop;
    if (loop && !loop.running) loop.wake(true);
  }
}
