import { geoInterpolate } from 'd3-geo';
import type { MultiPolygon, Position } from 'geojson';
import type { LonLat } from './geometry';

/**
 * Cables run by sea. A leg whose great circle crosses land (Sydney to Madang across Queensland)
 * is routed round it instead: a shortest path over a 0.1° grid of sea cells, straightened into a
 * few waypoints. Pure and deterministic: the same land and leg give the same waypoints, cached.
 */

/** Grid cell size, degrees. */
const CELL = 0.1;
/** How far round a leg's own box a detour may go, degrees; wider when no way is found within it (round New Guinea). */
const MARGIN = 6;
const WIDE_MARGIN = 14;
/** Grid cell size of the land mask lines are checked against, degrees: a quarter of a routing cell. */
const FINE = CELL / 4;
/**
 * Land this close to either end does not count (landings sit on the coast, some in a harbour or
 * up a river): the smallest reach that opens a way to sea is used, so that a cable crosses as
 * little land as its landing needs.
 */
const END_FREE_KM = 4;
/** How far from its landing a cable may look for open sea. */
const MAX_REACH_KM = 45;
/** A landing with open sea this close is reached by the cable itself; one farther inland, by an onshore link from its landfall. */
export const ASHORE_KM = 10;
/** Cells next to land cost this much more, so that cables keep a little offshore. */
const COAST_COST = 2;

interface LandPolygon {
  box: [number, number, number, number];
  /** The outer ring, then any holes (lakes). */
  rings: Position[][];
}

const KM_PER_DEG = 111.32;

/** Routes legs by sea round the land it was made with. */
export class SeaRouter {
  private readonly polygons: LandPolygon[] = [];
  private readonly cache = new Map<string, LonLat[]>();
  private readonly landfalls = new Map<string, LonLat>();

  constructor(land: MultiPolygon) {
    for (const rings of land.coordinates) {
      const outer = rings[0] ?? [];
      if (outer.length < 3) continue;
      let w = Infinity;
      let e = -Infinity;
      let s = Infinity;
      let n = -Infinity;
      for (const [x = 0, y = 0] of outer) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
      this.polygons.push({ box: [w, s, e, n], rings });
    }
  }

  /** The leg from a to b as waypoints (a and b included): the great circle's ends alone when it stays at sea. */
  route(a: LonLat, b: LonLat): LonLat[] {
    const key = `${a.lon},${a.lat}|${b.lon},${b.lat}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const back = this.cache.get(`${b.lon},${b.lat}|${a.lon},${a.lat}`);
    if (back) return [...back].reverse();
    const out = this.compute(a, b);
    this.cache.set(key, out);
    return out;
  }

  /**
   * Where a cable to a landing comes ashore: the landing itself when open sea lies within
   * ASHORE_KM of it, else the nearest sea (Kikori lies up its river, 31 km from the Gulf of Papua
   * in this land data, which has no rivers). The map draws the cable by sea to this point and the
   * rest as an onshore link.
   */
  landfall(p: LonLat): LonLat {
    const key = `${p.lon},${p.lat}`;
    const hit = this.landfalls.get(key);
    if (hit) return hit;
    const pad = MAX_REACH_KM / KM_PER_DEG + 0.2;
    const west = p.lon - pad / Math.max(0.2, Math.cos((p.lat * Math.PI) / 180));
    const south = p.lat - pad;
    const cols = Math.ceil((2 * (p.lon - west)) / FINE);
    const rows = Math.ceil((2 * pad) / FINE);
    const local = new Grid(west, south, cols, rows, FINE);
    for (const polygon of this.polygons)
      for (const shift of [-360, 0, 360]) {
        const [w, s, e, n] = polygon.box;
        if (e + shift < west || w + shift > west + cols * FINE || n < south || s > south + rows * FINE) continue;
        local.fillPolygon(polygon.rings, shift);
      }
    const near = local.nearestSea(p.lon, p.lat, ASHORE_KM);
    const far = near === null ? local.nearestSea(p.lon, p.lat, MAX_REACH_KM) : null;
    const out = far === null ? p : local.centreOf(far);
    this.landfalls.set(key, out);
    return out;
  }

  /** The turns of a short way round an islet between two nearby points at sea, on fine land in a small box round them. */
  private detour(p: LonLat, q: LonLat): LonLat[] {
    const pad = 0.5;
    const west = Math.min(p.lon, q.lon) - pad;
    const south = Math.min(p.lat, q.lat) - pad;
    const east = Math.max(p.lon, q.lon) + pad;
    const north = Math.max(p.lat, q.lat) + pad;
    const local = new Grid(west, south, Math.ceil((east - west) / FINE), Math.ceil((north - south) / FINE), FINE);
    for (const polygon of this.polygons)
      for (const shift of [-360, 0, 360]) {
        const [w, s, e, n] = polygon.box;
        if (e + shift < west || w + shift > east || n < south || s > north) continue;
        local.fillPolygon(polygon.rings, shift);
        local.fillCoast(polygon.rings, shift);
      }
    const from = local.cellOf(p.lon, p.lat);
    const to = local.cellOf(q.lon, q.lat);
    // A turn at sea on the routing grid may fall in a fine cell a coastline passes through (the
    // mouth of Kiritimati's bay): the way round starts from the turn itself.
    local.land[from] = 0;
    local.land[to] = 0;
    const path = local.shortestPath(from, to);
    return path ? local.straighten(path, (x, y) => local.clearArc(x, y)).slice(1, -1).map((c) => local.centreOf(c)) : [];
  }

  private compute(a: LonLat, b: LonLat, margin = MARGIN): LonLat[] {
    // Work in longitudes unwrapped round a's, so that a leg across 180° is one piece.
    const bLon = a.lon + ((((b.lon - a.lon + 540) % 360) + 360) % 360) - 180;
    const west = Math.min(a.lon, bLon) - margin;
    const east = Math.max(a.lon, bLon) + margin;
    const south = Math.max(-85, Math.min(a.lat, b.lat) - margin);
    const north = Math.min(85, Math.max(a.lat, b.lat) + margin);
    const grid = new Grid(west, south, Math.ceil((east - west) / CELL), Math.ceil((north - south) / CELL));
    // The same land at four times the detail, for what the map draws: the lines between turns.
    const fine = new Grid(west, south, Math.ceil((east - west) / FINE), Math.ceil((north - south) / FINE), FINE);
    for (const polygon of this.polygons)
      for (const shift of [-360, 0, 360]) {
        const [w, s, e, n] = polygon.box;
        if (e + shift < west || w + shift > east || n < south || s > north) continue;
        grid.fillPolygon(polygon.rings, shift);
        fine.fillPolygon(polygon.rings, shift);
        fine.fillCoast(polygon.rings, shift);
      }
    const wrap = (p: LonLat): LonLat => ({ lon: ((((p.lon + 180) % 360) + 360) % 360) - 180, lat: p.lat });
    const ends = [a, b];
    // Landings sit on the coast, some in a harbour or up a river: the line is checked from a little
    // way out, and the search starts at the nearest cell of open sea to each.
    for (const p of [{ lon: a.lon, lat: a.lat }, { lon: bLon, lat: b.lat }]) fine.freeNear(p.lon, p.lat, END_FREE_KM);
    if (fine.clearArc({ lon: a.lon, lat: a.lat }, { lon: bLon, lat: b.lat })) return ends;
    const start = grid.nearestSea(a.lon, a.lat, MAX_REACH_KM);
    const goal = grid.nearestSea(bLon, b.lat, MAX_REACH_KM);
    if (start === null || goal === null) return ends;
    const path = grid.shortestPath(start, goal);
    if (!path) return margin < WIDE_MARGIN ? this.compute(a, b, WIDE_MARGIN) : ends;
    const cells = grid.straighten(path, (p, q) => fine.clearArc(p, q));
    // Where two neighbouring cells still have an islet between them, that step goes round it on the finer land.
    const turns: LonLat[] = [];
    cells.forEach((c, i) => {
      const p = grid.centreOf(c);
      const prev = turns[turns.length - 1];
      if (i > 0 && prev && !fine.clearArc(prev, p)) {
        turns.push(...this.detour(prev, p));
      }
      turns.push(p);
    });
    // The ends join the route where a line from the landing reaches it at sea, not always at the nearest cell.
    const A = { lon: a.lon, lat: a.lat };
    const B = { lon: bLon, lat: b.lat };
    while (turns.length > 1 && fine.clearArc(A, turns[1] as LonLat)) turns.shift();
    while (turns.length > 1 && fine.clearArc(turns[turns.length - 2] as LonLat, B)) turns.pop();
    // A turn its neighbours can see past is no turn (a way round an islet can double back).
    for (let i = 1; i + 1 < turns.length; ) {
      if (fine.clearArc(turns[i - 1] as LonLat, turns[i + 1] as LonLat)) turns.splice(i, 1);
      else i++;
    }
    return [a, ...turns.map(wrap), b];
  }
}

/** The land and sea of a box, cell by cell (exported for tests). */
export class Grid {
  /** 1 for land, 0 for sea. */
  readonly land: Uint8Array;
  /** 1 for sea next to land. */
  private coast: Uint8Array | null = null;

  constructor(
    readonly west: number,
    readonly south: number,
    readonly cols: number,
    readonly rows: number,
    readonly cell: number = CELL,
  ) {
    this.land = new Uint8Array(cols * rows);
  }

  cellOf(lon: number, lat: number): number {
    const c = Math.min(this.cols - 1, Math.max(0, Math.floor((lon - this.west) / this.cell)));
    const r = Math.min(this.rows - 1, Math.max(0, Math.floor((lat - this.south) / this.cell)));
    return r * this.cols + c;
  }

  centreOf(cell: number): LonLat {
    return { lon: this.west + ((cell % this.cols) + 0.5) * this.cell, lat: this.south + (Math.floor(cell / this.cols) + 0.5) * this.cell };
  }

  /**
   * Mark the cells whose centres a polygon covers: even-odd across its rings, so its holes (lakes)
   * stay sea, and added to what is already land, so that polygons that overlap stay land.
   */
  fillPolygon(rings: Position[][], shift: number): void {
    const crossings: number[][] = Array.from({ length: this.rows }, () => []);
    for (const points of rings)
      for (let i = 0; i < points.length; i++) {
        const p = points[i] as Position;
        const q = points[(i + 1) % points.length] as Position;
        const x1 = (p[0] ?? 0) + shift;
        const y1 = p[1] ?? 0;
        const x2 = (q[0] ?? 0) + shift;
        const y2 = q[1] ?? 0;
        if (y1 === y2) continue;
        const lo = Math.min(y1, y2);
        const hi = Math.max(y1, y2);
        const r0 = Math.max(0, Math.ceil((lo - this.south) / this.cell - 0.5));
        const r1 = Math.min(this.rows - 1, Math.floor((hi - this.south) / this.cell - 0.5));
        for (let r = r0; r <= r1; r++) {
          const y = this.south + (r + 0.5) * this.cell;
          if (y < lo || y >= hi) continue;
          crossings[r]?.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
        }
      }
    for (let r = 0; r < this.rows; r++) {
      const xs = (crossings[r] ?? []).sort((m, n) => m - n);
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const c0 = Math.max(0, Math.ceil(((xs[i] ?? 0) - this.west) / this.cell - 0.5));
        const c1 = Math.min(this.cols - 1, Math.floor(((xs[i + 1] ?? 0) - this.west) / this.cell - 0.5));
        // (A span wholly off the grid must be skipped: fill() reads a negative end from the array's end.)
        if (c1 >= c0) this.land.fill(1, r * this.cols + c0, r * this.cols + c1 + 1);
      }
    }
    this.coast = null;
  }

  /** Mark every cell a coastline passes through as land, so that islets smaller than a cell still count. */
  fillCoast(rings: Position[][], shift: number): void {
    const east = this.west + this.cols * this.cell;
    const north = this.south + this.rows * this.cell;
    for (const points of rings)
      for (let i = 0; i + 1 < points.length; i++) {
        const p = points[i] as Position;
        const q = points[i + 1] as Position;
        const x1 = (p[0] ?? 0) + shift;
        const y1 = p[1] ?? 0;
        const x2 = (q[0] ?? 0) + shift;
        const y2 = q[1] ?? 0;
        if (Math.max(x1, x2) < this.west || Math.min(x1, x2) >= east || Math.max(y1, y2) < this.south || Math.min(y1, y2) >= north) continue;
        const n = Math.max(1, Math.ceil((Math.hypot(x2 - x1, y2 - y1) / this.cell) * 2));
        for (let k = 0; k <= n; k++) {
          const x = x1 + ((x2 - x1) * k) / n;
          const y = y1 + ((y2 - y1) * k) / n;
          if (x >= this.west && y >= this.south && x < east && y < north) this.land[this.cellOf(x, y)] = 1;
        }
      }
  }

  /** Make the land within `km` of a point passable: a landing's way out to sea. */
  freeNear(lon: number, lat: number, km: number): void {
    const dLat = km / KM_PER_DEG;
    const dLon = dLat / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
    const c0 = this.cellOf(lon - dLon, lat - dLat);
    const c1 = this.cellOf(lon + dLon, lat + dLat);
    for (let r = Math.floor(c0 / this.cols); r <= Math.floor(c1 / this.cols); r++)
      for (let c = c0 % this.cols; c <= c1 % this.cols; c++) this.land[r * this.cols + c] = 0;
    this.coast = null;
  }

  private coastMask(): Uint8Array {
    if (this.coast) return this.coast;
    const m = new Uint8Array(this.land.length);
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.cols; c++) {
        const i = r * this.cols + c;
        if (this.land[i]) continue;
        for (let dr = -1; dr <= 1 && !m[i]; dr++)
          for (let dc = -1; dc <= 1; dc++) {
            const rr = r + dr;
            const cc = c + dc;
            if (rr >= 0 && cc >= 0 && rr < this.rows && cc < this.cols && this.land[rr * this.cols + cc]) {
              m[i] = 1;
              break;
            }
          }
      }
    this.coast = m;
    return m;
  }

  /** A* over sea cells, 8 neighbours, distances shrunk by cos(latitude) east-west. */
  shortestPath(start: number, goal: number): number[] | null {
    const n = this.land.length;
    const coast = this.coastMask();
    const g = new Float64Array(n).fill(Infinity);
    const from = new Int32Array(n).fill(-1);
    const closed = new Uint8Array(n);
    const cosOf = (r: number) => Math.cos(((this.south + (r + 0.5) * this.cell) * Math.PI) / 180);
    let minCos = 1;
    for (let r = 0; r < this.rows; r++) minCos = Math.min(minCos, cosOf(r));
    const goalC = goal % this.cols;
    const goalR = Math.floor(goal / this.cols);
    const h = (i: number) => Math.hypot(((i % this.cols) - goalC) * minCos, Math.floor(i / this.cols) - goalR);
    const heap = new MinHeap();
    g[start] = 0;
    heap.push(start, h(start));
    while (heap.size > 0) {
      const i = heap.pop();
      if (i === goal) break;
      if (closed[i]) continue;
      closed[i] = 1;
      const r = Math.floor(i / this.cols);
      const c = i % this.cols;
      const cos = cosOf(r);
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          if (!dr && !dc) continue;
          const rr = r + dr;
          const cc = c + dc;
          if (rr < 0 || cc < 0 || rr >= this.rows || cc >= this.cols) continue;
          const j = rr * this.cols + cc;
          if (this.land[j] || closed[j]) continue;
          const step = Math.hypot(dc * cos, dr) * (coast[j] ? COAST_COST : 1);
          const next = (g[i] ?? Infinity) + step;
          if (next < (g[j] ?? Infinity)) {
            g[j] = next;
            from[j] = i;
            heap.push(j, next + h(j));
          }
        }
    }
    if (from[goal] === -1 && start !== goal) return null;
    const path = [goal];
    for (let i = goal; i !== start; ) {
      i = from[i] ?? start;
      path.push(i);
    }
    return path.reverse();
  }

  /** Whether the great circle between two points (longitudes unwrapped as the grid's) stays off land, sampled every half cell. */
  clearArc(p: LonLat, q: LonLat): boolean {
    const along = geoInterpolate([p.lon, p.lat], [q.lon, q.lat]);
    const steps = Math.max(1, Math.ceil((Math.hypot(q.lon - p.lon, q.lat - p.lat) / this.cell) * 2));
    for (let s = 0; s <= steps; s++) {
      const [lon = 0, lat = 0] = along(s / steps);
      if (this.land[this.cellOf(p.lon + ((((lon - p.lon + 540) % 360) + 360) % 360) - 180, lat)]) return false;
    }
    return true;
  }

  /** Whether the straight line between two cells' centres stays off land (and, strictly, off the coast). */
  clearLine(a: number, b: number, strict: boolean): boolean {
    const coast = strict ? this.coastMask() : null;
    const p = this.centreOf(a);
    const q = this.centreOf(b);
    const steps = Math.max(1, Math.ceil((Math.hypot(q.lon - p.lon, q.lat - p.lat) / this.cell) * 2));
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      const i = this.cellOf(p.lon + (q.lon - p.lon) * t, p.lat + (q.lat - p.lat) * t);
      if (this.land[i] || (coast && coast[i] && i !== a && i !== b)) return false;
    }
    return true;
  }

  resetCoast(): void {
    this.coast = null;
  }

  /** The sea cell whose centre is nearest a point, within `km`, or null. */
  nearestSea(lon: number, lat: number, km: number): number | null {
    const here = this.cellOf(lon, lat);
    if (!this.land[here]) return here;
    const cos = Math.max(0.2, Math.cos((lat * Math.PI) / 180));
    const span = Math.ceil(km / KM_PER_DEG / this.cell / cos);
    const r0 = Math.floor(here / this.cols);
    const c0 = here % this.cols;
    let best: number | null = null;
    let bestKm = km;
    for (let r = r0 - span; r <= r0 + span; r++)
      for (let c = c0 - span; c <= c0 + span; c++) {
        if (r < 0 || c < 0 || r >= this.rows || c >= this.cols) continue;
        const i = r * this.cols + c;
        if (this.land[i]) continue;
        const p = this.centreOf(i);
        const d = Math.hypot((p.lon - lon) * cos, p.lat - lat) * KM_PER_DEG;
        if (d < bestKm) {
          bestKm = d;
          best = i;
        }
      }
    return best;
  }

  /**
   * The fewest cells of the path that can be joined by lines at sea: by default straight lines on
   * this grid; `clear` may judge them instead (the drawn great circles, on finer land).
   */
  straighten(path: number[], clear?: (p: LonLat, q: LonLat) => boolean): number[] {
    const out = [path[0] as number];
    let at = 0;
    while (at < path.length - 1) {
      let next = at + 1;
      for (let j = path.length - 1; j > at + 1; j--)
        if (clear ? clear(this.centreOf(path[at] as number), this.centreOf(path[j] as number)) : this.clearLine(path[at] as number, path[j] as number, false)) {
          next = j;
          break;
        }
      out.push(path[next] as number);
      at = next;
    }
    return out;
  }
}

/** A binary min-heap of cell indices by priority. */
class MinHeap {
  private readonly items: number[] = [];
  private readonly keys: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: number, key: number): void {
    this.items.push(item);
    this.keys.push(key);
    let i = this.items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.keys[p] ?? 0) <= key) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): number {
    const top = this.items[0] as number;
    const lastItem = this.items.pop() as number;
    const lastKey = this.keys.pop() as number;
    if (this.items.length > 0) {
      this.items[0] = lastItem;
      this.keys[0] = lastKey;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.items.length && (this.keys[l] ?? 0) < (this.keys[m] ?? 0)) m = l;
        if (r < this.items.length && (this.keys[r] ?? 0) < (this.keys[m] ?? 0)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private swap(a: number, b: number): void {
    [this.items[a], this.items[b]] = [this.items[b] as number, this.items[a] as number];
    [this.keys[a], this.keys[b]] = [this.keys[b] as number, this.keys[a] as number];
  }
}
