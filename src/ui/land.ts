import type { FeatureCollection, Geometry, MultiLineString, MultiPolygon, Position } from 'geojson';

/** The map's land (assets/map/land.json) as plain GeoJSON, ready for d3-geo. Pure: no Phaser. */

/**
 * The land outline as lines, leaving out the edges that run along the 180° meridian: Natural Earth
 * cuts islands there (Taveuni, Vanua Levu), and stroking those edges would draw a seam across them.
 */
export function coastlines(land: MultiPolygon): MultiLineString {
  const onSeam = (a: Position, b: Position) => Math.abs(a[0] ?? 0) >= 179.999 && Math.abs(b[0] ?? 0) >= 179.999 && Math.sign(a[0] ?? 0) === Math.sign(b[0] ?? 0);
  const lines: Position[][] = [];
  for (const polygon of land.coordinates) {
    for (const ring of polygon) {
      let line: Position[] = [];
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i] as Position;
        const prev = ring[i - 1];
        if (prev && onSeam(prev, p)) {
          if (line.length > 1) lines.push(line);
          line = [];
        }
        line.push(p);
      }
      if (line.length > 1) lines.push(line);
    }
  }
  return { type: 'MultiLineString', coordinates: lines };
}

/** All land polygons of a GeoJSON document, as one MultiPolygon. */
export function landOf(doc: unknown): MultiPolygon {
  const polygons: Position[][][] = [];
  const visit = (g: Geometry | null | undefined) => {
    if (!g) return;
    if (g.type === 'Polygon') polygons.push(g.coordinates);
    else if (g.type === 'MultiPolygon') polygons.push(...g.coordinates);
    else if (g.type === 'GeometryCollection') g.geometries.forEach(visit);
  };
  const d = doc as FeatureCollection | Geometry | null;
  if (d && d.type === 'FeatureCollection') d.features.forEach((f) => visit(f.geometry));
  else if (d && 'coordinates' in d) visit(d);
  return { type: 'MultiPolygon', coordinates: polygons };
}

