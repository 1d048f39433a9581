import { geoMercator, type GeoProjection } from 'd3-geo';
import type { Point } from './geometry';

/**
 * Pan and zoom over the fitted map, pure: no Phaser, no DOM. A view is a zoom `k` and an offset
 * `t`: a point the fitted projection puts at p is shown at k·p + t (all in canvas pixels).
 */
export interface View {
  k: number;
  tx: number;
  ty: number;
}

export const HOME: View = { k: 1, tx: 0, ty: 0 };
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 10;

/** The fitted projection seen through a view: Mercator is linear in scale and translation, so this is exact. */
export function viewProjection(fitted: GeoProjection, v: View): GeoProjection {
  const [x0, y0] = fitted.translate();
  return geoMercator()
    .rotate(fitted.rotate())
    .scale(fitted.scale() * v.k)
    .translate([v.k * x0 + v.tx, v.k * y0 + v.ty]);
}

export const apply = (v: View, p: Point): Point => ({ x: v.k * p.x + v.tx, y: v.k * p.y + v.ty });
export const invert = (v: View, p: Point): Point => ({ x: (p.x - v.tx) / v.k, y: (p.y - v.ty) / v.k });

/** The box the map's extent fills in fitted pixels, and the screen it is shown on. */
export interface Frame {
  width: number;
  height: number;
  padding: number;
  /** The extent's box in fitted pixels. */
  box: { x0: number; y0: number; x1: number; y1: number };
}

function clampAxis(k: number, t: number, size: number, pad: number, b0: number, b1: number): number {
  // Larger than the screen: its edges may not come inside the padding.
  const lo = size - pad - k * b1;
  const hi = pad - k * b0;
  if (lo <= hi) return Math.min(hi, Math.max(lo, t));
  // Smaller: it may move about inside the screen, and the less zoomed in, the less, so that at
  // zoom 1 the whole region stays centred where the fitted map put it.
  const centred = (lo + hi) / 2;
  const slack = ((lo - hi) / 2) * Math.min(1, (k - 1) / 0.5);
  return Math.min(centred + slack, Math.max(centred - slack, t));
}

/** The nearest view within bounds: zoom between MIN_ZOOM and MAX_ZOOM, and no panning the region off the screen. */
export function clampView(v: View, f: Frame): View {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(v.k) ? v.k : 1));
  return {
    k,
    tx: clampAxis(k, Number.isFinite(v.tx) ? v.tx : 0, f.width, f.padding, f.box.x0, f.box.x1),
    ty: clampAxis(k, Number.isFinite(v.ty) ? v.ty : 0, f.height, f.padding, f.box.y0, f.box.y1),
  };
}

/** Zoom by `factor` keeping the screen point `at` where it is. */
export function zoomAbout(v: View, factor: number, at: Point, f: Frame): View {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
  const r = k / v.k;
  return clampView({ k, tx: at.x - r * (at.x - v.tx), ty: at.y - r * (at.y - v.ty) }, f);
}

export function panBy(v: View, dx: number, dy: number, f: Frame): View {
  return clampView({ k: v.k, tx: v.tx + dx, ty: v.ty + dy }, f);
}

/**
 * Camera settings that show what was drawn through view `drawn` as view `now` would show it:
 * with the camera's origin at its top-left corner, screen = zoom · (world − scroll).
 */
export function cameraFor(drawn: View, now: View): { zoom: number; scrollX: number; scrollY: number } {
  const zoom = now.k / drawn.k;
  return { zoom, scrollX: drawn.tx - now.tx / zoom, scrollY: drawn.ty - now.ty / zoom };
}

export const sameView = (a: View, b: View): boolean => Math.abs(a.k - b.k) < 1e-9 && Math.abs(a.tx - b.tx) < 1e-6 && Math.abs(a.ty - b.ty) < 1e-6;
