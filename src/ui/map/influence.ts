import type Phaser from 'phaser';
import { POWERS, type PowerId } from '../../engine/types';
import type { Point } from './geometry';
import type { MarkerModel } from './model';
import { BARS, barsLit, HALO, INK, MARKER, RING, SLOT_DEG, SLOT_START_DEG, sideNumber, WHITE } from './style';
import { toNumber } from '../palette';

/** Influence, connectivity and agreements around a capital. */

const rad = (deg: number) => (deg * Math.PI) / 180;

function fillPoly(g: Phaser.GameObjects.Graphics, pts: readonly Point[]): void {
  g.beginPath();
  pts.forEach((p, i) => (i === 0 ? g.moveTo(p.x, p.y) : g.lineTo(p.x, p.y)));
  g.closePath();
  g.fillPath();
}

/**
 * The influence ring: three slots (Beijing upper right, Canberra below, Washington upper left),
 * each a dark track filled in its power's colour by how far the island leans that way (alignment
 * above 0, out of 100). Position backs the colour: a slot is always in the same place.
 */
export function drawRing(g: Phaser.GameObjects.Graphics, c: Point, radius: number, alignment: Record<PowerId, number>, k: number): void {
  const w = RING.width * k;
  const gap = RING.slotGapDeg / 2;
  for (const p of POWERS) {
    const start = SLOT_START_DEG[p] + gap;
    const end = SLOT_START_DEG[p] + SLOT_DEG - gap;
    g.lineStyle(w + 2 * k, toNumber(HALO), 0.8);
    g.beginPath();
    g.arc(c.x, c.y, radius, rad(start - 1), rad(end + 1), false);
    g.strokePath();
    const share = Math.max(0, Math.min(100, alignment[p] ?? 0)) / 100;
    if (share <= 0.005) continue;
    g.lineStyle(w, sideNumber(p), 1);
    g.beginPath();
    g.arc(c.x, c.y, radius, rad(start), rad(start + (end - start) * share), false);
    g.strokePath();
  }
}

/** The outer radius of the ring, for a capital marker of radius `markerR` (all canvas pixels). */
export const ringRadius = (markerR: number, k: number): number => markerR + (RING.gap + RING.width / 2) * k;
export const ringOuter = (markerR: number, k: number): number => ringRadius(markerR, k) + (RING.width / 2 + 1) * k;

/** Where each marker goes: outside the ring in its power's slot, the second of a power further out. */
export function markerPlaces(c: Point, outer: number, markers: MarkerModel[], k: number): (Point & { marker: MarkerModel })[] {
  const counts: Partial<Record<PowerId, number>> = {};
  const size = MARKER.size * k;
  return markers.map((m) => {
    const n = counts[m.power] ?? 0;
    counts[m.power] = n + 1;
    const mid = rad(SLOT_START_DEG[m.power] + SLOT_DEG / 2);
    const d = outer + size * 0.62 + n * (size + MARKER.spacing * k);
    return { x: c.x + Math.cos(mid) * d, y: c.y + Math.sin(mid) * d, marker: m };
  });
}

/** A pact is a shield in the partner's colour with a sign of its kind; aid is a coin. */
export function drawMarker(g: Phaser.GameObjects.Graphics, p: Point, m: MarkerModel, k: number): void {
  const s = (MARKER.size * k) / 2;
  const colour = sideNumber(m.power);
  const halo = toNumber(HALO);
  const ink = toNumber(INK);
  if (m.kind === 'aid') {
    // A banknote: money given or lent.
    const w = s * 1.1;
    const h = s * 0.7;
    g.fillStyle(halo, 1);
    g.fillRect(p.x - w - 1.5 * k, p.y - h - 1.5 * k, 2 * w + 3 * k, 2 * h + 3 * k);
    g.fillStyle(colour, 1);
    g.fillRect(p.x - w, p.y - h, 2 * w, 2 * h);
    g.lineStyle(1.4 * k, ink, 1);
    g.strokeCircle(p.x, p.y, h * 0.6);
    g.strokeRect(p.x - w + 1.8 * k, p.y - h + 1.8 * k, 2 * w - 3.6 * k, 2 * h - 3.6 * k);
    return;
  }
  const u = s / 8;
  if (m.kind === 'telecom') {
    // A rounded square with a mast: a telecom project the power pays for.
    g.fillStyle(halo, 1);
    g.fillRoundedRect(p.x - s - 1.5 * k, p.y - s - 1.5 * k, 2 * s + 3 * k, 2 * s + 3 * k, 3 * k);
    g.fillStyle(colour, 1);
    g.fillRoundedRect(p.x - s, p.y - s, 2 * s, 2 * s, 2.5 * k);
    g.lineStyle(1.6 * k, ink, 1);
    g.lineBetween(p.x, p.y - 2 * u, p.x - 3 * u, p.y + 5 * u);
    g.lineBetween(p.x, p.y - 2 * u, p.x + 3 * u, p.y + 5 * u);
    g.beginPath();
    g.arc(p.x, p.y - 2 * u, 3.5 * u, rad(-150), rad(-30), false);
    g.strokePath();
    return;
  }
  const shield = (r: number) => [
    { x: p.x - r, y: p.y - r * 0.95 },
    { x: p.x + r, y: p.y - r * 0.95 },
    { x: p.x + r, y: p.y + r * 0.1 },
    { x: p.x, y: p.y + r * 1.1 },
    { x: p.x - r, y: p.y + r * 0.1 },
  ];
  g.fillStyle(halo, 1);
  fillPoly(g, shield(s + 1.5 * k));
  g.fillStyle(colour, 1);
  fillPoly(g, shield(s));
  g.lineStyle(1.6 * k, ink, 1);
  g.fillStyle(ink, 1);
  switch (m.pact) {
    case 'port':
    case 'naval': {
      // An anchor: where the partner's ships may call.
      g.lineBetween(p.x, p.y - 5 * u, p.x, p.y + 4 * u);
      g.lineBetween(p.x - 2.5 * u, p.y - 2.5 * u, p.x + 2.5 * u, p.y - 2.5 * u);
      g.beginPath();
      g.arc(p.x, p.y + 0.5 * u, 4 * u, rad(20), rad(160), false);
      g.strokePath();
      break;
    }
    case 'base': {
      // A flag on a pole: the partner's base.
      g.lineBetween(p.x - 2.5 * u, p.y - 5.5 * u, p.x - 2.5 * u, p.y + 5 * u);
      fillPoly(g, [
        { x: p.x - 2.5 * u, y: p.y - 5.5 * u },
        { x: p.x + 4 * u, y: p.y - 3.5 * u },
        { x: p.x - 2.5 * u, y: p.y - 1 * u },
      ]);
      break;
    }
    case 'cyber': {
      // A padlock.
      g.fillRect(p.x - 3.5 * u, p.y - 1 * u, 7 * u, 5 * u);
      g.beginPath();
      g.arc(p.x, p.y - 1 * u, 2.4 * u, Math.PI, 0, false);
      g.strokePath();
      break;
    }
    case 'policing': {
      // A star.
      const pts: Point[] = [];
      for (let i = 0; i < 10; i++) {
        const r = i % 2 === 0 ? 4.6 * u : 2 * u;
        const a = rad(-90 + i * 36);
        pts.push({ x: p.x + Math.cos(a) * r, y: p.y - 0.6 * u + Math.sin(a) * r });
      }
      fillPoly(g, pts);
      break;
    }
    default:
      g.fillCircle(p.x, p.y - 0.5 * u, 2.5 * u);
  }
}

/** Signal bars for connectivity, bottom-left corner at (x, y + height); returns their width. */
export function drawBars(g: Phaser.GameObjects.Graphics, x: number, y: number, height: number, connectivity: number, k: number): number {
  const lit = barsLit(connectivity);
  const w = BARS.width * k;
  const gap = BARS.gap * k;
  const maxH = Math.min(height, BARS.maxHeight * k);
  const bottom = y + height / 2 + maxH / 2;
  for (let i = 0; i < BARS.count; i++) {
    const h = BARS.minHeight * k + ((maxH - BARS.minHeight * k) * i) / (BARS.count - 1);
    const bx = x + i * (w + gap);
    g.fillStyle(toNumber(HALO), 0.95);
    g.fillRect(bx - 1.5 * k, bottom - h - 1.5 * k, w + 3 * k, h + 3 * k);
    g.fillStyle(toNumber(WHITE), i < lit ? 1 : 0.22);
    g.fillRect(bx, bottom - h, w, h);
  }
  return barsWidth(k);
}

export const barsWidth = (k: number): number => BARS.count * BARS.width * k + (BARS.count - 1) * BARS.gap * k;
