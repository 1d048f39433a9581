import { geoContains } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { greatCircleKm, type LonLat } from './geometry';

/** A place that may belong to an island seat: a capital, or a landing (island null for Sydney or Guam). */
export interface Place extends LonLat {
  island: string | null;
}

/** How far from its nearest place a point of land may be and still count as that island's. */
export const LAND_REACH_KM = 350;

/**
 * Which island seat a point of land belongs to: the land must be there, and the nearest capital or
 * landing point must be that island's and within reach. Pure: d3-geo over the land's polygons.
 */
export class LandHitter {
  private readonly polygons: { box: [number, number, number, number]; geometry: Polygon }[];

  constructor(land: MultiPolygon) {
    this.polygons = land.coordinates.map((rings) => {
      let w = Infinity;
      let e = -Infinity;
      let s = Infinity;
      let n = -Infinity;
      for (const [x = 0, y = 0] of (rings[0] ?? []) as Position[]) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
      return { box: [w, s, e, n], geometry: { type: 'Polygon', coordinates: rings } };
    });
  }

  isLand(p: LonLat): boolean {
    const lon = ((((p.lon + 180) % 360) + 360) % 360) - 180;
    return this.polygons.some(({ box: [w, s, e, n], geometry }) => lon >= w && lon <= e && p.lat >= s && p.lat <= n && geoContains(geometry, [lon, p.lat]));
  }

  islandAt(p: LonLat, places: readonly Place[]): string | null {
    if (!this.isLand(p)) return null;
    let best: Place | null = null;
    let dist = LAND_REACH_KM;
    for (const place of places) {
      const d = greatCircleKm(p, place);
      if (d < dist) {
        dist = d;
        best = place;
      }
    }
    return best?.island ?? null;
  }
}
