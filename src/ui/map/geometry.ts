import { geoInterpolate, type GeoProjection } from 'd3-geo';

/** Polyline geometry in pixels, pure: no Phaser, no DOM, so it can be tested on its own. */

export interface Point {
  x: number;
  y: number;
}

export interface LonLat {
  lon: number;
  lat: number;
}

/** About one point every `stepKm` along each great-circle leg, at least two per leg. */
const EARTH_KM = 6371;

/**
 * A cable's route as a projected polyline: each leg from landing to landing follows the great
 * circle (interpolated, so it bends as it should on a Mercator map). d3's projection is rotated to
 * the map's centre, so a leg across 180° stays in one piece.
 */
export function routeLine(projection: GeoProjection, stops: LonLat[], stepKm = 60): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1] as LonLat;
    const b = stops[i] as LonLat;
    const interp = geoInterpolate([a.lon, a.lat], [b.lon, b.lat]);
    const km = greatCircleKm(a, b);
    const n = Math.max(2, Math.ceil(km / stepKm));
    for (let j = i === 1 ? 0 : 1; j <= n; j++) {
      const xy = projection(interp(j / n));
      if (xy) out.push({ x: xy[0], y: xy[1] });
    }
  }
  return out;
}

/** Great-circle distance in km. */
export function greatCircleKm(a: LonLat, b: LonLat): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of a polyline in pixels. */
export function lineLength(line: readonly Point[]): number {
  let len = 0;
  for (let i = 1; i < line.length; i++) len += Math.hypot((line[i] as Point).x - (line[i - 1] as Point).x, (line[i] as Point).y - (line[i - 1] as Point).y);
  return len;
}

/** The point at `distance` pixels along the polyline (clamped to its ends), with the direction there. */
export function pointAlong(line: readonly Point[], distance: number): Point & { angle: number } {
  if (line.length === 0) return { x: Number.NaN, y: Number.NaN, angle: 0 };
  let left = Math.max(0, distance);
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Point;
    const b = line[i] as Point;
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= seg || i === line.length - 1) {
      const t = seg > 0 ? Math.min(1, left / seg) : 0;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, angle: Math.atan2(b.y - a.y, b.x - a.x) };
    }
    left -= seg;
  }
  const only = line[0] as Point;
  return { x: only.x, y: only.y, angle: 0 };
}

/** The first `distance` pixels of a polyline. */
export function linePrefix(line: readonly Point[], distance: number): Point[] {
  if (line.length < 2) return [...line];
  const out: Point[] = [line[0] as Point];
  let left = distance;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Point;
    const b = line[i] as Point;
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    if (left >= seg) {
      out.push(b);
      left -= seg;
      continue;
    }
    if (left > 0 && seg > 0) out.push({ x: a.x + ((b.x - a.x) * left) / seg, y: a.y + ((b.y - a.y) * left) / seg });
    break;
  }
  return out;
}

/**
 * Dashes along a polyline: `dash` pixels drawn, `gap` pixels left out, starting `offset` pixels
 * into the pattern (increase it over time for marching ants). Each dash is a short polyline of its own,
 * so a dash bends round a corner instead of cutting it.
 */
export function dashes(line: readonly Point[], dash: number, gap: number, offset = 0): Point[][] {
  const period = dash + gap;
  if (line.length < 2 || dash <= 0 || period <= 0) return [];
  const out: Point[][] = [];
  // Where in the pattern the line starts: phase 0..period, dash first.
  let phase = (((-offset % period) + period) % period);
  let current: Point[] | null = phase < dash ? [line[0] as Point] : null;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Point;
    const b = line[i] as Point;
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    let at = 0;
    while (at < seg) {
      const inDash = phase < dash;
      const toEdge = (inDash ? dash : period) - phase;
      const step = Math.min(toEdge, seg - at);
      at += step;
      phase += step;
      const p = { x: a.x + ((b.x - a.x) * at) / seg, y: a.y + ((b.y - a.y) * at) / seg };
      if (inDash) current?.push(p);
      if (phase >= period - 1e-9) {
        phase = 0;
        current = [p];
      } else if (inDash && phase >= dash - 1e-9) {
        if (current && current.length > 1) out.push(current);
        current = null;
      }
    }
  }
  if (current && current.length > 1) out.push(current);
  return out;
}

/** The polyline moved sideways by `by` pixels (positive to the left of its direction of travel). */
export function offsetLine(line: readonly Point[], by: number): Point[] {
  if (by === 0 || line.length < 2) return [...line];
  return line.map((p, i) => {
    const a = line[Math.max(0, i - 1)] as Point;
    const b = line[Math.min(line.length - 1, i + 1)] as Point;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    return { x: p.x + ((b.y - a.y) / len) * by, y: p.y - ((b.x - a.x) / len) * by };
  });
}

/** Distance from a point to a polyline. */
export function distanceToLine(p: Point, line: readonly Point[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Point;
    const b = line[i] as Point;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
    best = Math.min(best, Math.hypot(p.x - (a.x + dx * t), p.y - (a.y + dy * t)));
  }
  return best;
}

/** Easing for motion that settles: fast, then gently to rest. */
export const easeOutCubic = (t: number): number => 1 - (1 - Math.min(1, Math.max(0, t))) ** 3;
export const easeInOut = (t: number): number => {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
};

/** The nearest point of a polyline to p, with the direction of the segment it lies on. */
function nearestOn(p: Point, line: readonly Point[]): { d: number; x: number; y: number; dx: number; dy: number } {
  let best = { d: Number.POSITIVE_INFINITY, x: p.x, y: p.y, dx: 1, dy: 0 };
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Point;
    const b = line[i] as Point;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
    const x = a.x + dx * t;
    const y = a.y + dy * t;
    const d = Math.hypot(p.x - x, p.y - y);
    if (d < best.d) best = { d, x, y, dx, dy };
  }
  return best;
}

/**
 * Lines that run along the same way (two cables down the same coast) drawn side by side: each
 * line's points that lie within `spacing` of an earlier line, running the same way, move aside
 * to `spacing` from it. Points within `spacing` × 2 of the line's anchors (its landings) stay, so
 * that a cable still reaches them.
 */
export function separate(lines: Point[][], spacing: number, anchors: Point[][] = []): Point[][] {
  const out: Point[][] = [];
  lines.forEach((line, n) => {
    const moved = line.map((p) => ({ ...p }));
    const fixed = anchors[n] ?? [line[0], line[line.length - 1]].filter((p): p is Point => !!p);
    for (let i = 0; i < moved.length; i++) {
      const v = moved[i] as Point;
      if (fixed.some((f) => Math.hypot(v.x - f.x, v.y - f.y) < spacing * 2)) continue;
      const a = line[Math.max(0, i - 1)] as Point;
      const b = line[Math.min(line.length - 1, i + 1)] as Point;
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const nx = (b.y - a.y) / len;
      const ny = -(b.x - a.x) / len;
      for (const other of out) {
        const near = nearestOn(v, other);
        if (near.d >= spacing * 0.95) continue;
        const olen = Math.hypot(near.dx, near.dy) || 1;
        const parallel = Math.abs(((b.x - a.x) * near.dx + (b.y - a.y) * near.dy) / (len * olen));
        if (parallel < 0.9) continue;
        const side = (v.x - near.x) * nx + (v.y - near.y) * ny;
        const s = side < 0 ? -1 : 1;
        v.x = near.x + nx * s * spacing;
        v.y = near.y + ny * s * spacing;
      }
    }
    out.push(moved);
  });
  return out;
}

/** Round a polyline's corners: each pass moves every point but the fixed ones halfway to its neighbours' midpoint. */
export function smooth(line: readonly Point[], fixed: ReadonlySet<number>, passes = 3): Point[] {
  let cur = line.map((p) => ({ ...p }));
  for (let n = 0; n < passes; n++) {
    const next = cur.map((p) => ({ ...p }));
    for (let i = 1; i < cur.length - 1; i++) {
      if (fixed.has(i)) continue;
      const a = cur[i - 1] as Point;
      const b = cur[i + 1] as Point;
      const p = cur[i] as Point;
      next[i] = { x: p.x * 0.5 + (a.x + b.x) * 0.25, y: p.y * 0.5 + (a.y + b.y) * 0.25 };
    }
    cur = next;
  }
  return cur;
}
