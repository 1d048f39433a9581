import { readFileSync } from 'node:fs';
import { geoInterpolate } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { landOf } from '../../src/ui/land';
import { makeProjection, project } from '../../src/ui/projection';
import { dashes, lineLength, linePrefix, offsetLine, pointAlong, routeLine, separate, smooth, type Point } from '../../src/ui/map/geometry';
import { LandHitter } from '../../src/ui/map/hit';
import { SeaRouter } from '../../src/ui/map/searoute';
import { apply, cameraFor, clampView, HOME, MAX_ZOOM, panBy, zoomAbout, type Frame } from '../../src/ui/map/viewport';

const land = landOf(JSON.parse(readFileSync(new URL('../../assets/map/land.json', import.meta.url), 'utf8')));
const line: Point[] = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
  { x: 100, y: 50 },
];

describe('polylines', () => {
  it('measures, walks and cuts a polyline', () => {
    expect(lineLength(line)).toBe(150);
    expect(pointAlong(line, 120)).toMatchObject({ x: 100, y: 20 });
    expect(pointAlong(line, 999)).toMatchObject({ x: 100, y: 50 });
    expect(lineLength(linePrefix(line, 125))).toBeCloseTo(125, 9);
  });

  it('dashes a line in its pattern, bending round corners, and marches with the offset', () => {
    const d = dashes(line, 12, 8);
    const drawn = d.reduce((s, p) => s + lineLength(p), 0);
    // 150 px at 12 on, 8 off: 7 whole periods (140 px, 84 drawn) and 10 px of the next dash.
    expect(drawn).toBeCloseTo(94, 6);
    expect(d[0]?.[0]).toEqual({ x: 0, y: 0 });
    // Shifted back 10 px, a dash runs from 90 to 102 px: round the corner at 100.
    const bent = dashes(line, 12, 8, -10);
    expect(bent.some((p) => p.length === 3)).toBe(true);
    // Marching: 5 px further on, the first dash starts 5 px in.
    const moved = dashes(line, 12, 8, 5);
    expect(moved[0]?.[0]).toEqual({ x: 5, y: 0 });
    expect(lineLength(moved[0] ?? [])).toBeCloseTo(12, 6);
  });

  it('offsets to the left of travel, and sets lines that share a way side by side, keeping their ends', () => {
    expect(offsetLine([{ x: 0, y: 0 }, { x: 10, y: 0 }], 3)).toEqual([
      { x: 0, y: -3 },
      { x: 10, y: -3 },
    ]);
    const a = Array.from({ length: 21 }, (_, i) => ({ x: i * 10, y: 0 }));
    const [first, second] = separate([a, a.map((p) => ({ ...p }))], 6);
    expect(first).toEqual(a);
    expect(second?.[0]).toEqual({ x: 0, y: 0 });
    expect(second?.[20]).toEqual({ x: 200, y: 0 });
    expect(Math.abs(second?.[10]?.y ?? 0)).toBeCloseTo(6, 6);
    const rounded = smooth(line, new Set([0, 2]), 3);
    expect(rounded[0]).toEqual(line[0]);
    expect(rounded[2]).toEqual(line[2]);
    expect(rounded[1]?.x).toBeLessThan(100);
  });

  it('draws a leg across 180° in one piece, as a great circle bends on the map', () => {
    const p = makeProjection({ west: 140, east: -150, south: -30, north: 10 }, 1000, 600, 20);
    const suva = { lon: 178.42, lat: -18.13 };
    const apia = { lon: -171.77, lat: -13.82 };
    const pts = routeLine(p, [suva, apia], 20);
    expect(pts.length).toBeGreaterThan(10);
    for (let i = 1; i < pts.length; i++) {
      expect(pts[i]!.x).toBeGreaterThan(pts[i - 1]!.x);
      expect(Math.hypot(pts[i]!.x - pts[i - 1]!.x, pts[i]!.y - pts[i - 1]!.y)).toBeLessThan(20);
    }
    expect(pts[0]).toEqual(project(p, suva.lon, suva.lat));
  });
});

describe('pan and zoom', () => {
  const fitted = makeProjection({ west: 138, east: 168, south: -36, north: 4 }, 1000, 800, 40);
  const nw = project(fitted, 138, 4);
  const se = project(fitted, 168, -36);
  const frame: Frame = { width: 1000, height: 800, padding: 40, box: { x0: nw.x, y0: nw.y, x1: se.x, y1: se.y } };

  it('keeps the whole region centred at zoom 1', () => {
    expect(clampView(HOME, frame).tx).toBeCloseTo(0, 6);
    expect(clampView({ k: 1, tx: 300, ty: -200 }, frame)).toEqual(clampView(HOME, frame));
    expect(clampView({ k: 0.2, tx: 0, ty: 0 }, frame).k).toBe(1);
    expect(clampView({ k: 99, tx: 0, ty: 0 }, frame).k).toBe(MAX_ZOOM);
  });

  it('zooms about a point, which stays put, and pans within bounds', () => {
    const at = { x: 500, y: 380 };
    const v = zoomAbout(HOME, 2, at, frame);
    expect(v.k).toBe(2);
    // At zoom 1 the fitted point under `at` is `at` itself; zoomed, it is still under it.
    expect(apply(v, at).x).toBeCloseTo(at.x, 6);
    expect(apply(v, at).y).toBeCloseTo(at.y, 6);
    // Other points move away from it, twice as far.
    const q = { x: at.x + 50, y: at.y - 20 };
    expect(apply(v, q).x - at.x).toBeCloseTo(100, 6);
    const far = panBy(v, 1e6, 1e6, frame);
    // The region's edge stops at the padding.
    expect(far.k * frame.box.y0 + far.ty).toBeCloseTo(frame.padding, 6);
  });

  it('gives the camera that shows one drawing at another view', () => {
    const drawn = { k: 2, tx: -300, ty: -100 };
    const now = { k: 3, tx: -700, ty: -250 };
    const c = cameraFor(drawn, now);
    const p = { x: 410, y: 270 };
    const world = apply(drawn, p);
    expect(c.zoom * (world.x - c.scrollX)).toBeCloseTo(apply(now, p).x, 9);
    expect(c.zoom * (world.y - c.scrollY)).toBeCloseTo(apply(now, p).y, 9);
    expect(cameraFor(drawn, drawn)).toEqual({ zoom: 1, scrollX: 0, scrollY: 0 });
  });
});

describe('routes by sea', () => {
  const router = new SeaRouter(land);
  const hitter = new LandHitter(land);
  const landAlong = (w: { lon: number; lat: number }[], skipKm: number) => {
    let hits = 0;
    for (let i = 1; i < w.length; i++) {
      const f = geoInterpolate([w[i - 1]!.lon, w[i - 1]!.lat], [w[i]!.lon, w[i]!.lat]);
      for (let s = 0; s <= 50; s++) {
        const [lon = 0, lat = 0] = f(s / 50);
        const nearEnd = [w[0]!, w[w.length - 1]!].some((e) => Math.hypot((e.lon - lon) * 111 * Math.cos((lat * Math.PI) / 180), (e.lat - lat) * 111) < skipKm);
        if (!nearEnd && hitter.isLand({ lon, lat })) hits++;
      }
    }
    return hits;
  };
  const sydney = { lon: 151.207047, lat: -33.869697 };
  const madang = { lon: 145.784761, lat: -5.233685 };

  it('takes Sydney to Madang round Queensland and New Guinea, not across them', () => {
    expect(landAlong([sydney, madang], 30)).toBeGreaterThan(20);
    const w = router.route(sydney, madang);
    expect(w.length).toBeGreaterThan(2);
    expect(w[0]).toEqual(sydney);
    expect(w[w.length - 1]).toEqual(madang);
    expect(landAlong(w, 30)).toBeLessThanOrEqual(2);
    // Cached, and the same backwards.
    expect(router.route(sydney, madang)).toBe(w);
    expect(router.route(madang, sydney)).toEqual([...w].reverse());
  });

  it('leaves a leg over open sea as it is', () => {
    // (Far from any reef or cay: a leg that passes within a few km of an islet is taken round it.)
    expect(router.route({ lon: 160, lat: -25 }, { lon: 165, lat: -28 })).toEqual([
      { lon: 160, lat: -25 },
      { lon: 165, lat: -28 },
    ]);
  });
});

describe('clicking land', () => {
  const hitter = new LandHitter(land);
  const places = [
    { island: 'SLB', lon: 159.95, lat: -9.43 },
    { island: 'PNG', lon: 147.18, lat: -9.45 },
    { island: 'PNG', lon: 145.784761, lat: -5.233685 },
    { island: null, lon: 151.207047, lat: -33.869697 },
  ];
  it("finds the island whose land it is, and nothing at sea or on a non-seat's land", () => {
    expect(hitter.islandAt({ lon: 160.2, lat: -9.6 }, places)).toBe('SLB');
    expect(hitter.islandAt({ lon: 144.5, lat: -6.0 }, places)).toBe('PNG');
    expect(hitter.islandAt({ lon: 155.5, lat: -15 }, places)).toBeNull();
    expect(hitter.islandAt({ lon: 150.5, lat: -33 }, places)).toBeNull();
  });
});
