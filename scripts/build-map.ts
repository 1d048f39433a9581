/**
 * Builds assets/map/land.json, the coastlines the map draws, from Natural Earth 1:50m land
 * (the `world-atlas` package, TopoJSON) clipped to a Pacific extent that covers every scenario.
 *
 *   node --import tsx scripts/build-map.ts
 *
 * Polygons are kept whole (never cut): a polygon stays if any vertex of its outer ring lies inside
 * the extent; d3-geo projects and clips them on screen. Longitudes stay in -180..180, so land on
 * both sides of the antimeridian (Fiji, Samoa, Tonga) is kept. The output is committed, so
 * `npm start` does not need to run this.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

type Position = [number, number];
type Ring = Position[];
type Polygon = Ring[];

/** The Pacific the scenarios use: 125°E eastward across 180° to 140°W, 40°S to 25°N. */
export const EXTENT = { west: 125, east: -140, south: -40, north: 25 } as const;

/**
 * A polygon is kept if a vertex of its outer ring lies in one of these boxes. They reach beyond
 * EXTENT because a map fitted to a scenario's extent in a window of another shape shows more than
 * the extent, and land must not stop short there (Flores, Borneo, New Zealand's South Island). They
 * are drawn so as never to touch mainland Asia, which is one ring with Europe and Africa: nothing
 * at or east of 110°E and south of 18°N, nor at or east of 125°E and south of 30°N, is mainland.
 */
export const KEEP = [
  { west: 125, east: -120, south: -48, north: 30 },
  { west: 110, east: 125, south: -48, north: 18 },
] as const;

/** Pacific capitals (from the fact pack) that must have land drawn near them (within 0.5°). */
const CHECKS: { name: string; lat: number; lon: number }[] = [
  { name: 'Honiara', lat: -9.43, lon: 159.95 },
  { name: 'Port Moresby', lat: -9.45, lon: 147.18 },
  { name: 'Funafuti', lat: -8.52, lon: 179.22 },
  { name: 'Yaren', lat: -0.55, lon: 166.92 },
  { name: "Nuku'alofa", lat: -21.13, lon: -175.2 },
  { name: 'Suva', lat: -18.13, lon: 178.42 },
  { name: 'Port Vila', lat: -17.73, lon: 168.32 },
  { name: 'Apia', lat: -13.82, lon: -171.77 },
  { name: 'South Tarawa', lat: 1.33, lon: 172.98 },
  { name: 'Ngerulmud', lat: 7.5, lon: 134.62 },
  { name: 'Majuro', lat: 7.1, lon: 171.38 },
  { name: 'Palikir', lat: 6.92, lon: 158.15 },
  { name: 'Avarua', lat: -21.2, lon: -159.77 },
  { name: 'Alofi', lat: -19.02, lon: -169.92 },
  { name: 'Nouméa', lat: -22.27, lon: 166.45 },
  { name: 'Papeetē', lat: -17.53, lon: -149.56 },
  { name: 'Hagåtña', lat: 13.48, lon: 144.75 },
  { name: 'Pago Pago', lat: -14.27, lon: -170.7 },
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(root, 'node_modules/world-atlas/land-50m.json');
const OUT = join(root, 'assets/map/land.json');

/** Longitude measured eastward from the extent's west edge, 0..360. */
function eastOfWest(lon: number, west: number): number {
  return (((lon - west) % 360) + 360) % 360;
}

export function insideExtent([lon, lat]: Position, e: { west: number; east: number; south: number; north: number }): boolean {
  const width = eastOfWest(e.east, e.west) || 360;
  return lat >= e.south && lat <= e.north && eastOfWest(lon, e.west) <= width;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Round to 3 decimals and drop the repeated points that rounding creates; closes the ring. */
function roundRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const p: Position = [round3(lon), round3(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

/** Shortest distance in degrees from a point to a ring's edges (longitude differences wrapped to ±180, scaled by cos(lat)). */
function distanceToRing(lon: number, lat: number, ring: Ring): number {
  const k = Math.cos((lat * Math.PI) / 180);
  const local = ([x, y]: Position): Position => {
    let dx = x - lon;
    if (dx > 180) dx -= 360;
    if (dx < -180) dx += 360;
    return [dx * k, y - lat];
  };
  let best = Infinity;
  for (let i = 1; i < ring.length; i++) {
    const a = local(ring[i - 1] as Position);
    const b = local(ring[i] as Position);
    const vx = b[0] - a[0];
    const vy = b[1] - a[1];
    const len2 = vx * vx + vy * vy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(a[0] * vx + a[1] * vy) / len2));
    best = Math.min(best, Math.hypot(a[0] + t * vx, a[1] + t * vy));
  }
  return best;
}

/** Even-odd point-in-ring test in plain longitude/latitude (fine for small rings away from the poles). */
function ringContains(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function landDistance(lon: number, lat: number, polygons: Polygon[]): number {
  let best = Infinity;
  for (const poly of polygons) {
    const outer = poly[0];
    if (!outer) continue;
    if (ringContains(lon, lat, outer) && !poly.slice(1).some((hole) => ringContains(lon, lat, hole))) return 0;
    for (const ring of poly) best = Math.min(best, distanceToRing(lon, lat, ring));
  }
  return best;
}

function main(): void {
  const topology = JSON.parse(readFileSync(SOURCE, 'utf8')) as Topology<{ land: GeometryCollection }>;
  const land = feature(topology, topology.objects.land);
  const polygons: Polygon[] = [];
  for (const f of land.features) {
    const g = f.geometry;
    const all: Polygon[] = g.type === 'Polygon' ? [g.coordinates as Polygon] : g.type === 'MultiPolygon' ? (g.coordinates as Polygon[]) : [];
    for (const poly of all) {
      const outer = poly[0];
      if (!outer || !outer.some((p) => KEEP.some((box) => insideExtent(p, box)))) continue;
      // A ring needs 4 positions (3 distinct + closing); an outer ring that rounds away takes its holes with it.
      const [first, ...holes] = poly.map(roundRing);
      if (!first || first.length < 4) continue;
      polygons.push([first, ...holes.filter((r) => r.length >= 4)]);
    }
  }

  const out = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          name: 'land',
          source: 'Natural Earth 1:50m land (public domain), via the world-atlas npm package 2.x (ISC); built by scripts/build-map.ts',
          extent: EXTENT,
          keep: KEEP,
        },
        geometry: { type: 'MultiPolygon', coordinates: polygons },
      },
    ],
  };
  mkdirSync(dirname(OUT), { recursive: true });
  const text = JSON.stringify(out);
  writeFileSync(OUT, text);

  // Mainland Asia is one ring with Europe and Africa; if a box ever takes it in, the file balloons.
  const huge = polygons.filter((p) => (p[0]?.length ?? 0) > 5000);
  if (huge.length > 0) {
    console.error(`a kept polygon has ${huge[0]?.[0]?.length} points: a KEEP box reaches a continent it should not`);
    process.exitCode = 1;
  }
  const points = polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
  console.log(`wrote ${OUT}: ${polygons.length} polygons, ${points} points, ${text.length} bytes (${(text.length / 1024).toFixed(1)} KB)`);
  let failed = false;
  for (const c of CHECKS) {
    const d = landDistance(c.lon, c.lat, polygons);
    const ok = d <= 0.5;
    if (!ok) failed = true;
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${c.name} (${c.lat}, ${c.lon}): land ${d === 0 ? 'under the point' : `${d.toFixed(3)}° away`}`);
  }
  if (failed) {
    console.error('some capitals have no land within 0.5°');
    process.exitCode = 1;
  }
}

main();
