import Phaser from 'phaser';
import { geoGraticule, geoPath, type GeoProjection } from 'd3-geo';
import type { MultiLineString, MultiPolygon } from 'geojson';
import landUrl from '../../assets/map/land.json?url';
import { LabelLayout } from './labels';
import { coastlines, landOf } from './land';
import { makeProjection, project } from './projection';

/** What the map draws: the scenario's extent, each island seat's capital and the landing points. */
export interface MapData {
  extent: { west: number; east: number; south: number; north: number };
  capitals: { id: string; name: string; lat: number; lon: number }[];
  landings: { id: string; name: string; lat: number; lon: number }[];
}

export interface MapSceneOptions {
  /** Called after every full draw (the first one and each one after a resize), once the frame is on the canvas. */
  onDrawn?: (scene: MapScene) => void;
}

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

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Open Sans", sans-serif';
const LAND_KEY = 'land';
const BASE_KEY = 'map-base';

/**
 * The region map: a calm ocean with a 10° graticule, Natural Earth land, the island seats' capitals
 * (a circled dot) and the landing points (a small diamond), with labels placed so they do not overlap.
 * It reads the data it is given and draws it; it computes no rules.
 */
export class MapScene extends Phaser.Scene {
  private readonly mapData: MapData;
  private readonly options: MapSceneOptions;
  private projection: GeoProjection | null = null;
  private land: MultiPolygon | null = null;
  private coast: MultiLineString | null = null;
  private base: Phaser.GameObjects.Image | null = null;
  private markers: Phaser.GameObjects.Graphics | null = null;
  private labels: Phaser.GameObjects.Text[] = [];

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
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this));
    this.draw();
  }

  /**
   * Canvas pixels per CSS pixel. The page may run the game at the screen's pixel density (game
   * size = CSS size × ratio, Phaser zoom = 1 / ratio) so that coasts and text stay sharp.
   */
  get pixelRatio(): number {
    const zoom = this.scale.zoom;
    return zoom > 0 ? 1 / zoom : 1;
  }

  /** Where a longitude/latitude is on the canvas now, in CSS pixels from its top-left corner. */
  project(lon: number, lat: number): { x: number; y: number } {
    const p = this.projectGame(lon, lat);
    const k = this.pixelRatio;
    return { x: p.x / k, y: p.y / k };
  }

  /** The same in the game's own (canvas) pixels. */
  private projectGame(lon: number, lat: number): { x: number; y: number } {
    return this.projection ? project(this.projection, lon, lat) : { x: Number.NaN, y: Number.NaN };
  }

  private onResize(gameSize: Phaser.Structs.Size): void {
    this.cameras.main.setSize(gameSize.width, gameSize.height);
    this.draw();
  }

  private draw(): void {
    const k = this.pixelRatio;
    const width = Math.max(1, Math.round(this.scale.width));
    const height = Math.max(1, Math.round(this.scale.height));
    const padding = Math.round(Math.max(24 * k, Math.min(width, height) * 0.05));
    this.projection = makeProjection(this.mapData.extent, width, height, padding);
    this.drawBase(width, height, k);
    this.drawMarkersAndLabels(width, height, k);
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => this.options.onDrawn?.(this));
  }

  /** Ocean, graticule and land, painted with d3-geo on a 2D canvas that Phaser shows as one texture. */
  private drawBase(width: number, height: number, k: number): void {
    const projection = this.projection;
    if (!projection) return;
    this.base?.destroy();
    if (this.textures.exists(BASE_KEY)) this.textures.remove(BASE_KEY);
    const texture = this.textures.createCanvas(BASE_KEY, width, height);
    if (!texture) return;
    const ctx = texture.getContext();
    const c = MAP_COLOURS;

    const ocean = ctx.createRadialGradient(width / 2, height / 2, 0, width / 2, height / 2, Math.hypot(width, height) / 1.6);
    ocean.addColorStop(0, c.oceanCentre);
    ocean.addColorStop(1, c.oceanEdge);
    ctx.fillStyle = ocean;
    ctx.fillRect(0, 0, width, height);

    const path = geoPath(projection.clipExtent([[-16 * k, -16 * k], [width + 16 * k, height + 16 * k]]), ctx);
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
    texture.refresh();
    this.base = this.add.image(0, 0, BASE_KEY).setOrigin(0, 0).setDepth(0);
  }

  private drawMarkersAndLabels(width: number, height: number, k: number): void {
    this.markers?.destroy();
    this.labels.forEach((t) => t.destroy());
    this.labels = [];
    const g = this.add.graphics().setDepth(1);
    this.markers = g;
    const c = MAP_COLOURS;
    const colour = (hex: string) => Phaser.Display.Color.HexStringToColor(hex).color;

    const capitals = this.mapData.capitals.map((p) => ({ ...p, ...this.projectGame(p.lon, p.lat) }));
    const landings = this.mapData.landings.map((p) => ({ ...p, ...this.projectGame(p.lon, p.lat) }));
    // Smaller marks and type on a narrow map (a phone), never under 16 CSS pixels.
    const compact = width / k < 640;
    const capitalR = (compact ? 6.5 : 8) * k;
    const landingR = (compact ? 5 : 6) * k;

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

    // Labels never cover a marker, another label or the edge of the map; capitals are placed first,
    // so where there is no room it is a landing's label that is left out.
    const layout = new LabelLayout({ width, height, margin: 4 * k, gap: 3 * k }, [
      ...capitals.map((p) => ({ x: p.x - capitalR - 2 * k, y: p.y - capitalR - 2 * k, w: 2 * capitalR + 4 * k, h: 2 * capitalR + 4 * k, rank: 1 })),
      ...landings.map((p) => ({ x: p.x - landingR - k, y: p.y - landingR - k, w: 2 * landingR + 2 * k, h: 2 * landingR + 2 * k, rank: 0 })),
    ]);
    const capitalStyle = { fontFamily: FONT, fontSize: `${Math.round((compact ? 17 : 19) * k)}px`, fontStyle: '600', color: c.label, stroke: c.halo, strokeThickness: (compact ? 4 : 5) * k };
    const landingStyle = { fontFamily: FONT, fontSize: `${Math.round(16 * k)}px`, color: c.minorLabel, stroke: c.halo, strokeThickness: 4 * k };
    const onMap = (p: { x: number; y: number }) => p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height;
    const capitalLabels = capitals.filter(onMap).map((p, i) => ({ id: `capital-${i}`, rank: 1, p, r: capitalR + 2 * k, style: capitalStyle, depth: 3 }));
    const landingLabels = landings
      // A landing at a capital of the same name needs no second label.
      .filter((l) => onMap(l) && !capitals.some((cap) => cap.name === l.name && Math.hypot(cap.x - l.x, cap.y - l.y) < 24 * k))
      .map((p, i) => ({ id: `landing-${i}`, rank: 0, p, r: landingR, style: landingStyle, depth: 2 }));
    const labelled = [...capitalLabels, ...landingLabels].map((item) => ({
      ...item,
      text: this.add.text(0, 0, item.p.name, item.style).setDepth(item.depth),
    }));
    const request = (item: (typeof labelled)[number]) => ({ id: item.id, rank: item.rank, x: item.p.x, y: item.p.y, r: item.r, w: item.text.width, h: item.text.height });
    const placements = [
      ...layout.add(labelled.filter((l) => l.rank === 1).map(request)),
      ...layout.add(labelled.filter((l) => l.rank === 0).map(request)),
    ];
    const byKey = new Map(placements.map((pl) => [pl.id, pl]));
    for (const item of labelled) {
      const pl = byKey.get(item.id);
      if (!pl) {
        item.text.destroy();
        continue;
      }
      item.text.setPosition(Math.round(pl.box.x), Math.round(pl.box.y));
      this.labels.push(item.text);
      if (pl.leader) {
        const { x1, y1, x2, y2 } = pl.leader;
        // Thin and pale: a leader must not be mistaken for a cable.
        g.lineStyle(k, colour(c.minorLabel), 0.6);
        g.lineBetween(x1, y1, x2, y2);
      }
    }
  }
}
