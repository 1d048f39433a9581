import type Phaser from 'phaser';
import type { GeoProjection } from 'd3-geo';
import { dashes, lineLength, linePrefix, offsetLine, pointAlong, routeLine, separate, smooth, type LonLat, type Point } from './geometry';
import type { CableModel } from './model';
import { ASHORE_STYLE, BADGE_R, CABLE_SPACING, CABLE_STYLES, DANGER_NUMBER, HALO, INK, MARCH_SPEED, sideNumber, WHITE } from './style';
import { toNumber } from '../palette';

/** A cable laid out on the map: its polyline in canvas pixels and where its vendor badge sits. */
export interface CableShape {
  model: CableModel;
  line: Point[];
  length: number;
  /** Centre of the vendor badge, or null where no room was found on screen. */
  badge: Point | null;
  /** Indices in `line` of the cable's landings, in route order (an inland landing's: where it comes ashore). */
  landings: number[];
  /** Onshore links, in canvas pixels: from where the cable comes ashore to a landing inland (Kikori). */
  ashore: Point[][];
}

/**
 * Lay out the cables: each leg follows its great circle, or the waypoints `route` gives round
 * land; cables that share a leg or a stretch of sea run side by side; a badge goes where it covers
 * no marker, no other badge and stays on screen. `k` is canvas pixels per CSS pixel; `avoid` are
 * the markers' centres and radii.
 */
export function layoutCables(
  cables: CableModel[],
  projection: GeoProjection,
  k: number,
  screen: { width: number; height: number },
  avoid: (Point & { r: number })[],
  /** Waypoints for a leg (both ends included): by sea round land, or just the ends. */
  route: (a: LonLat, b: LonLat) => LonLat[] = (a, b) => [a, b],
  /** Where the cable comes ashore for a landing: the landing itself, or the coast nearest one inland. */
  landfall: (p: LonLat) => LonLat = (p) => p,
): CableShape[] {
  const legKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const sharing = new Map<string, string[]>();
  for (const c of cables)
    for (let i = 1; i < c.route.length; i++) {
      const key = legKey(c.route[i - 1] ?? '', c.route[i] ?? '');
      const list = sharing.get(key) ?? [];
      if (!list.includes(c.id)) list.push(c.id);
      sharing.set(key, list);
    }
  const badges: (Point & { r: number })[] = [];
  const r = BADGE_R * k;
  const onScreen = (p: Point) => p.x > r * 2 && p.y > r * 2 && p.x < screen.width - r * 2 && p.y < screen.height - r * 2;
  const laid: { model: CableModel; line: Point[]; landings: number[]; ashore: Point[][] }[] = [];
  for (const c of cables) {
    if (c.stops.length < 2) continue;
    const line: Point[] = [];
    const landings = [0];
    const ashore: Point[][] = [];
    for (const stop of c.stops) {
      const at = landfall(stop);
      if (at !== stop && (at.lon !== stop.lon || at.lat !== stop.lat)) ashore.push(routeLine(projection, [stop, at], 5));
    }
    for (let i = 1; i < c.stops.length; i++) {
      const a = c.route[i - 1] ?? '';
      const b = c.route[i] ?? '';
      const key = legKey(a, b);
      const list = sharing.get(key) ?? [c.id];
      const slot = list.indexOf(c.id) - (list.length - 1) / 2;
      const leg = routeLine(projection, route(landfall(c.stops[i - 1]!), landfall(c.stops[i]!)));
      // Offsets are measured along the leg's canonical direction, so two cables running it opposite ways still sit apart.
      const sign = a < b ? 1 : -1;
      const moved = offsetLine(leg, slot * CABLE_SPACING * k * sign);
      line.push(...(i === 1 ? moved : moved.slice(1)));
      landings.push(line.length - 1);
    }
    laid.push({ model: c, line, landings, ashore });
  }
  // Cables that share a stretch of sea without sharing a leg (down the same coast) run side by side,
  // and their turns round headlands are rounded; landings stay where they are.
  const lines = separate(
    laid.map((l) => l.line),
    CABLE_SPACING * k,
    laid.map((l) => l.landings.map((i) => l.line[i]!)),
  ).map((line, n) => smooth(line, new Set(laid[n]?.landings ?? []), 4));
  const shapes: CableShape[] = [];
  laid.forEach(({ model: c, landings, ashore }, n) => {
    const line = lines[n] ?? [];
    const length = lineLength(line);
    // Badge: the middle of the cable, else a little either side, clear of markers and other badges.
    let badge: Point | null = null;
    for (const f of [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82]) {
      const p = pointAlong(line, length * f);
      const clear = (o: Point & { r: number }) => Math.hypot(o.x - p.x, o.y - p.y) > o.r + r + 3 * k;
      if (onScreen(p) && avoid.every(clear) && badges.every(clear)) {
        badge = { x: p.x, y: p.y };
        badges.push({ ...badge, r });
        break;
      }
    }
    shapes.push({ model: c, line, length, badge, landings, ashore });
  });
  return shapes;
}

export interface CableFrame {
  /** Canvas pixels per CSS pixel. */
  k: number;
  /** Milliseconds, for the marching dashes; constant when motion is off. */
  time: number;
  /** Cables drawing themselves in: id → 0..1 of their length drawn. */
  drawIn: Map<string, number>;
  /** Cables coming into service: id → 0..1 of their length lit. */
  light: Map<string, number>;
  /** Cables just cut: id → 0..1 brightness of the flash. */
  flash: Map<string, number>;
}

const strokeLine = (g: Phaser.GameObjects.Graphics, line: readonly Point[]) => {
  if (line.length < 2) return;
  g.beginPath();
  g.moveTo(line[0]!.x, line[0]!.y);
  for (let i = 1; i < line.length; i++) g.lineTo(line[i]!.x, line[i]!.y);
  g.strokePath();
};

/** One line in one style: the dark casing first, then the colour, solid or dashed. */
function drawStyled(
  g: Phaser.GameObjects.Graphics,
  line: readonly Point[],
  style: { width: number; casing: number; dash: [number, number] | null },
  colour: number,
  k: number,
  offset: number,
  alpha = 1,
): void {
  const pieces = style.dash ? dashes(line, style.dash[0] * k, style.dash[1] * k, offset) : [line as Point[]];
  g.lineStyle((style.width + 2 * style.casing) * k, toNumber(HALO), 0.85 * alpha);
  for (const p of pieces) strokeLine(g, p);
  g.lineStyle(style.width * k, colour, alpha);
  for (const p of pieces) strokeLine(g, p);
}

/** Draw every cable for this frame: proposed under building under active under cut, so damage is always on top. */
export function drawCables(g: Phaser.GameObjects.Graphics, shapes: CableShape[], f: CableFrame): void {
  const order = { proposed: 0, building: 1, active: 2, cut: 3 } as const;
  const sorted = [...shapes].sort((a, b) => order[a.model.status] - order[b.model.status]);
  const { k } = f;
  const march = (f.time / 1000) * MARCH_SPEED * k;
  for (const s of sorted) {
    const status = s.model.status;
    const colour = status === 'cut' ? DANGER_NUMBER : sideNumber(s.model.financier);
    // An onshore link to a landing inland: thin and dotted, not a cable across land.
    for (const link of s.ashore) drawStyled(g, link, ASHORE_STYLE, colour, k, 0, 0.9);
    const drawn = f.drawIn.get(s.model.id);
    const line = drawn === undefined ? s.line : linePrefix(s.line, s.length * drawn);
    if (status === 'cut') {
      drawCut(g, s, f);
      continue;
    }
    const lit = f.light.get(s.model.id);
    if (lit !== undefined) {
      // Coming into service: the dashes fill in from the first landing to the last.
      drawStyled(g, s.line, CABLE_STYLES.building, colour, k, march);
      drawStyled(g, linePrefix(s.line, s.length * lit), CABLE_STYLES.active, colour, k, 0);
      drawHead(g, pointAlong(s.line, s.length * lit), k);
      continue;
    }
    drawStyled(g, line, CABLE_STYLES[status], colour, k, status === 'building' ? march : 0);
    if (drawn !== undefined && drawn < 1) drawHead(g, pointAlong(s.line, s.length * drawn), k);
  }
  for (const s of sorted) drawBadge(g, s, k);
}

/** The bright tip of a cable being laid. */
function drawHead(g: Phaser.GameObjects.Graphics, p: Point, k: number): void {
  g.fillStyle(toNumber(HALO), 0.9);
  g.fillCircle(p.x, p.y, 5 * k);
  g.fillStyle(toNumber(WHITE), 1);
  g.fillCircle(p.x, p.y, 3.2 * k);
}

/** Where a cut cable's crosses go: one per ~140 CSS pixels, at least one, spread evenly along it. */
export function breakPoints(length: number, k: number): number[] {
  const n = Math.max(1, Math.round(length / (140 * k)));
  return Array.from({ length: n }, (_, i) => ((i + 0.5) / n) * length);
}

/** The polyline less a gap of `gap` pixels round each of the distances `at`. */
function splitAround(line: readonly Point[], length: number, at: number[], gap: number): Point[][] {
  const pieces: Point[][] = [];
  let from = 0;
  for (const d of [...at, length + gap]) {
    const to = Math.min(length, d - gap);
    if (to > from) pieces.push(linePrefix(linePrefix(line, to).reverse(), to - from).reverse());
    from = d + gap;
  }
  return pieces;
}

/** A cut cable: vermillion, broken by crosses along its length; it flashes when it is newly cut. */
function drawCut(g: Phaser.GameObjects.Graphics, s: CableShape, f: CableFrame): void {
  const { k } = f;
  const flash = f.flash.get(s.model.id) ?? 0;
  const at = breakPoints(s.length, k);
  const pieces = splitAround(s.line, s.length, at, 7 * k);
  if (flash > 0) {
    g.lineStyle(16 * k, DANGER_NUMBER, 0.55 * flash);
    strokeLine(g, s.line);
  }
  for (const part of pieces) drawStyled(g, part, CABLE_STYLES.cut, DANGER_NUMBER, k, 0);
  if (flash > 0) {
    g.lineStyle(2 * k, toNumber(WHITE), 0.9 * flash);
    for (const part of pieces) strokeLine(g, part);
  }
  // The breaks: crosses, dark-edged so they read on land and sea.
  const a = 5.5 * k;
  for (const d of at) {
    const { x, y } = pointAlong(s.line, d);
    for (const [w, c] of [
      [6 * k, toNumber(HALO)],
      [3 * k, DANGER_NUMBER],
    ] as const) {
      g.lineStyle(w, c, 1);
      g.lineBetween(x - a, y - a, x + a, y + a);
      g.lineBetween(x - a, y + a, x + a, y - a);
    }
  }
}

/** The vendor badge: a disc in the colour of the vendor's home power (its letter is a text object on top). */
function drawBadge(g: Phaser.GameObjects.Graphics, s: CableShape, k: number): void {
  if (!s.badge) return;
  const r = BADGE_R * k;
  g.fillStyle(toNumber(HALO), 1);
  g.fillCircle(s.badge.x, s.badge.y, r + 1.5 * k);
  g.fillStyle(sideNumber(s.model.vendorOrigin), 1);
  g.fillCircle(s.badge.x, s.badge.y, r);
  if (s.model.status === 'proposed') {
    // A proposed cable's badge is hollow in the middle: the vendor is only proposed too.
    g.lineStyle(1.5 * k, toNumber(INK), 0.9);
    g.strokeCircle(s.badge.x, s.badge.y, r - 2.5 * k);
  }
}
