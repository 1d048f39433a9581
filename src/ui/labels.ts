/** Map label placement: pure geometry in pixels, no Phaser, so it can be tested on its own. */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A label to place beside a marker of radius `r` at (x, y); `w` × `h` is the label's size. */
export interface LabelRequest {
  id: string;
  /** How important the marker is (a capital above a landing); 0 unless told. */
  rank?: number;
  x: number;
  y: number;
  r: number;
  w: number;
  h: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelPlacement {
  id: string;
  box: Box;
  /** A line from the marker's edge to the label, for a label that had to move away from its marker. */
  leader: Segment | null;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether the segment (x1, y1)–(x2, y2) passes through the box (Liang–Barsky clipping). */
export function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x1 - b.x],
    [dx, b.x + b.w - x1],
    [-dy, y1 - b.y],
    [dy, b.y + b.h - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Distance from a point to the nearest point of a box (0 inside it). */
export function distanceToBox(px: number, py: number, b: Box): number {
  const dx = Math.max(b.x - px, 0, px - (b.x + b.w));
  const dy = Math.max(b.y - py, 0, py - (b.y + b.h));
  return Math.hypot(dx, dy);
}

/** Whether segments a and b cross (touching ends count). */
export function segmentsCross(a: Segment, b: Segment): boolean {
  const side = (p: Segment, x: number, y: number) => Math.sign((p.x2 - p.x1) * (y - p.y1) - (p.y2 - p.y1) * (x - p.x1));
  return side(a, b.x1, b.y1) * side(a, b.x2, b.y2) <= 0 && side(b, a.x1, a.y1) * side(b, a.x2, a.y2) <= 0;
}

/** How far out the label may go, in label heights beyond the nearest ring; beyond the first, it gets a leader. */
const RINGS = [0, 0.9, 1.8, 2.7];

/** Where a label goes for a point at `gap` from the marker in direction `angle`: beside it, above, below or on a corner. */
function spotAt(x: number, y: number, gap: number, angle: number, w: number, h: number): { x: number; y: number } {
  const cx = Math.cos(angle);
  const cy = Math.sin(angle);
  const px = x + gap * cx;
  const py = y + gap * cy;
  return {
    x: cx > 0.38 ? px : cx < -0.38 ? px - w : px - w / 2,
    y: cy > 0.38 ? py : cy < -0.38 ? py - h : py - h / 2,
  };
}

/** Right, left, above, below, then the corners (the order a reader expects), then the directions in between. */
const NEAR_ANGLES = [0, 180, 270, 90, 315, 45, 225, 135].map((d) => (d * Math.PI) / 180);
const FAR_ANGLES = [...NEAR_ANGLES, ...[337.5, 22.5, 202.5, 157.5, 292.5, 247.5, 67.5, 112.5].map((d) => (d * Math.PI) / 180)];

/**
 * Places labels so that none covers a marker, another label, a leader line or the edge of the area.
 * Call `add` with the most important labels first: each call places its labels (nearest spots first,
 * for all of them, before any is pushed further out) around what earlier calls placed. A label
 * that finds no room is left out, and missing from the result.
 */
export class LabelLayout {
  private readonly boxes: Box[];
  private readonly leaders: Segment[] = [];
  private readonly markers: { x: number; y: number; rank: number }[];

  /**
   * `markers` are the boxes of every marker on the map (each centred on its point, with its rank):
   * no label covers one, and a label beside its marker is nearer it than any other marker of the
   * same rank or above, so that it cannot be misread.
   */
  constructor(
    private readonly area: { width: number; height: number; margin: number; gap: number },
    markers: (Box & { rank?: number })[],
  ) {
    this.boxes = markers.map(({ x, y, w, h }) => ({ x, y, w, h }));
    this.markers = markers.map((b) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2, rank: b.rank ?? 0 }));
  }

  add(requests: LabelRequest[]): LabelPlacement[] {
    const placed = new Map<string, LabelPlacement>();
    for (const ring of RINGS) {
      for (const req of requests) {
        if (placed.has(req.id)) continue;
        const p = this.tryRing(req, ring);
        if (p) {
          placed.set(req.id, p);
          this.boxes.push(p.box);
          if (p.leader) this.leaders.push(p.leader);
        }
      }
    }
    return requests.flatMap((r) => placed.get(r.id) ?? []);
  }

  private tryRing(req: LabelRequest, ring: number): LabelPlacement | null {
    const { x, y, r, w, h } = req;
    const gap = r + this.area.gap + ring * h;
    for (const angle of ring === 0 ? NEAR_ANGLES : FAR_ANGLES) {
      const box = { ...spotAt(x, y, ring === 0 ? gap : gap * 1.06, angle, w, h), w, h };
      if (!this.free(box)) continue;
      // Beside its marker, a label must be nearer it than any other marker; further out, where a
      // leader line says whose it is, it must keep clear of the other markers.
      const rank = req.rank ?? 0;
      const near = distanceToBox(x, y, box) + this.area.gap;
      const clear = Math.max(4 * this.area.gap, h / 2);
      const misread = (m: { x: number; y: number; rank: number }) =>
        (m.x !== x || m.y !== y) && distanceToBox(m.x, m.y, box) <= (ring > 0 ? clear : m.rank >= rank ? near : 0);
      if (this.markers.some(misread)) continue;
      if (ring === 0) return { id: req.id, box, leader: null };
      const leader = this.leaderTo(req, box);
      // The marker's own box is the one centred on it; any other box or leader in the way rules the spot out.
      const own = (b: Box) => Math.abs(b.x + b.w / 2 - x) < 0.5 && Math.abs(b.y + b.h / 2 - y) < 0.5;
      if (this.boxes.some((b) => !own(b) && segmentHitsBox(leader.x1, leader.y1, leader.x2, leader.y2, b))) continue;
      if (this.leaders.some((l) => segmentsCross(l, leader))) continue;
      return { id: req.id, box, leader };
    }
    return null;
  }

  private free(box: Box): boolean {
    const { width, height, margin } = this.area;
    if (box.x < margin || box.y < margin || box.x + box.w > width - margin || box.y + box.h > height - margin) return false;
    if (this.boxes.some((b) => boxesOverlap(box, b))) return false;
    return !this.leaders.some((l) => segmentHitsBox(l.x1, l.y1, l.x2, l.y2, box));
  }

  /** From the marker's edge to the nearest point of the label (kept a little inside it). */
  private leaderTo(req: LabelRequest, box: Box): Segment {
    const inset = Math.min(2, box.w / 2, box.h / 2);
    const x2 = Math.max(box.x + inset, Math.min(req.x, box.x + box.w - inset));
    const y2 = Math.max(box.y + inset, Math.min(req.y, box.y + box.h - inset));
    const len = Math.hypot(x2 - req.x, y2 - req.y) || 1;
    return { x1: req.x + ((x2 - req.x) / len) * req.r, y1: req.y + ((y2 - req.y) / len) * req.r, x2, y2 };
  }
}
