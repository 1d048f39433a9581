import { geoMercator, type GeoProjection } from 'd3-geo';

/** A map extent in degrees. `west` may be greater than `east` when the map crosses 180° (west 140, east -150). */
export interface Extent {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** Degrees from `west` eastward to `east`, 0 < width ≤ 360 (crossing 180° if it must). */
export function extentWidth(e: Pick<Extent, 'west' | 'east'>): number {
  const w = (((e.east - e.west) % 360) + 360) % 360;
  return w === 0 ? 360 : w;
}

/** The longitude halfway across the extent, in -180..180. */
export function centreLongitude(e: Pick<Extent, 'west' | 'east'>): number {
  const c = e.west + extentWidth(e) / 2;
  return ((((c + 180) % 360) + 360) % 360) - 180;
}

/**
 * A Mercator projection rotated so that the extent's centre longitude (near 170°E for the Pacific)
 * is the centre of the map, scaled and translated so the whole extent fits inside the
 * width × height box (less `padding` pixels on each side) and is centred in it. Pure: no DOM, no Phaser.
 */
export function makeProjection(extent: Extent, width: number, height: number, padding = 0): GeoProjection {
  const centre = centreLongitude(extent);
  const half = extentWidth(extent) / 2;
  // The corners, written relative to the centre so that d3 never has to guess which way round 180° they lie.
  const west = centre - half;
  const east = centre + half;
  const pad = Math.max(0, Math.min(padding, width / 2 - 1, height / 2 - 1));
  return geoMercator()
    .rotate([-centre, 0])
    .fitExtent(
      [
        [pad, pad],
        [Math.max(pad + 1, width - pad), Math.max(pad + 1, height - pad)],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [west, extent.south],
          [east, extent.north],
          [west, extent.north],
          [east, extent.south],
        ],
      },
    );
}

/** Where a longitude/latitude lands on the map, in the projection's pixels. */
export function project(p: GeoProjection, lon: number, lat: number): { x: number; y: number } {
  const xy = p([lon, lat]);
  return xy ? { x: xy[0], y: xy[1] } : { x: Number.NaN, y: Number.NaN };
}
