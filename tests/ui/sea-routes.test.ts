import { readFileSync } from 'node:fs';
import { geoContains, geoInterpolate } from 'd3-geo';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { landOf } from '../../src/ui/land';
import { greatCircleKm, type LonLat } from '../../src/ui/map/geometry';
import { ASHORE_KM, SeaRouter } from '../../src/ui/map/searoute';
import { scenarioFiles } from '../../src/scenario/files';
import { loadScenario } from '../helpers';

/** The land the map draws (assets/map/land.json), polygon by polygon with its box. */
const land = landOf(JSON.parse(readFileSync(new URL('../../assets/map/land.json', import.meta.url), 'utf8')));
const polygons = land.coordinates.map((rings) => {
  const xs = (rings[0] ?? []).map((p: Position) => p[0] ?? 0);
  const ys = (rings[0] ?? []).map((p: Position) => p[1] ?? 0);
  return { box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], polygon: { type: 'Polygon', coordinates: rings } as Polygon };
});
const onLand = (p: LonLat): boolean =>
  polygons.some(({ box, polygon }) => p.lon >= (box[0] ?? 0) && p.lon <= (box[2] ?? 0) && p.lat >= (box[1] ?? 0) && p.lat <= (box[3] ?? 0) && geoContains(polygon, [p.lon, p.lat]));

const router = new SeaRouter(land);
const REACH_KM = ASHORE_KM;

/**
 * Points of a leg as the map draws it (great circles between the router's waypoints, from where
 * the cable comes ashore at each end) on land farther than 10 km from those ends.
 */
function landCrossings(from: LonLat, to: LonLat): LonLat[] {
  const landings = [router.landfall(from), router.landfall(to)];
  const stops = router.route(landings[0]!, landings[1]!);
  const out: LonLat[] = [];
  for (let i = 1; i < stops.length; i++) {
    const p = stops[i - 1] as LonLat;
    const q = stops[i] as LonLat;
    const along = geoInterpolate([p.lon, p.lat], [q.lon, q.lat]);
    const n = Math.max(2, Math.ceil(greatCircleKm(p, q) / 2));
    for (let j = 0; j <= n; j++) {
      const [lon = 0, lat = 0] = along(j / n);
      const at = { lon, lat };
      if (landings.some((l) => greatCircleKm(l, at) <= REACH_KM)) continue;
      if (onLand(at)) out.push(at);
    }
  }
  return out;
}

describe('cables are drawn by sea', () => {
  it('no cable of any scenario, nor the legs the first hour showed across New Guinea, crosses land more than 10 km from its landings', () => {
    const bad: string[] = [];
    for (const id of Object.keys(scenarioFiles())) {
      const { scenario } = loadScenario(id);
      const at = new Map(scenario.landings.map((l) => [l.id, { lon: l.lon, lat: l.lat }]));
      const legs: [string, string, string][] = [];
      for (const c of scenario.cables ?? []) for (let i = 1; i < c.route.length; i++) legs.push([c.name, c.route[i - 1] ?? '', c.route[i] ?? '']);
      if (id === 'coral-sea')
        for (const [a, b] of [['jayapura', 'honiara'], ['sydney', 'honiara'], ['sydney', 'port-moresby'], ['sydney', 'madang'], ['madang', 'piti'], ['wewak', 'honiara'], ['lae', 'honiara'], ['port-moresby', 'honiara']] as const) legs.push([`${a}–${b}`, a, b]);
      for (const [name, from, to] of legs) {
        const a = at.get(from);
        const b = at.get(to);
        if (!a || !b) continue;
        const crossing = landCrossings(a, b);
        if (crossing.length) bad.push(`${id}: ${name} (${from}–${to}) crosses land at ${crossing.length} points, e.g. ${crossing[0]?.lon.toFixed(2)}, ${crossing[0]?.lat.toFixed(2)}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('a landing inland is reached by an onshore link, not by the cable across land', () => {
  it('only Kikori (up its river, which this land data does not have) has one; every other landing is reached by sea', () => {
    const inland = new Map<string, number>();
    for (const id of Object.keys(scenarioFiles())) {
      const { scenario } = loadScenario(id);
      for (const l of scenario.landings) {
        const at = router.landfall({ lon: l.lon, lat: l.lat });
        if (at.lon !== l.lon || at.lat !== l.lat) inland.set(l.id, greatCircleKm(l, at));
        // Where the cable comes ashore is at sea, within reach of the landing.
        expect(onLand(at) && (at.lon !== l.lon || at.lat !== l.lat)).toBe(false);
      }
    }
    expect([...inland.keys()]).toEqual(['kikori']);
    expect(inland.get('kikori')).toBeGreaterThan(ASHORE_KM);
    expect(inland.get('kikori')).toBeLessThan(45);
  });
});
