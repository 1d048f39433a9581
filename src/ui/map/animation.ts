import type Phaser from 'phaser';
import { POWERS, type IslandId, type PowerId } from '../../engine/types';
import { easeInOut, easeOutCubic, type Point } from './geometry';
import type { MapChanges, MapModel } from './model';
import { DANGER_NUMBER, DURATION, HALO, WHITE } from './style';
import { toNumber } from '../palette';

/**
 * What the map animates when a new view arrives, and nothing else: a cable drawing itself, a cable
 * coming into service, a cut cable's flash, an eruption's ripple, a pulse where something happened,
 * influence shifting. Pure timing here; the scene draws what `frame` returns.
 */
export type Effect =
  | { kind: 'drawIn' | 'light' | 'flash'; cable: string; start: number; duration: number }
  | { kind: 'ripple' | 'pulse'; island: IslandId; start: number; duration: number }
  | { kind: 'influence'; island: IslandId; from: Record<PowerId, number>; start: number; duration: number };

export interface EffectFrame {
  drawIn: Map<string, number>;
  light: Map<string, number>;
  flash: Map<string, number>;
  /** Rings to draw: centre island, radius in CSS pixels, alpha, and whether it marks danger. */
  rings: { island: IslandId; radius: number; alpha: number; width: number; danger: boolean }[];
  /** Islands whose influence ring is between two values. */
  alignment: Map<IslandId, Record<PowerId, number>>;
}

/** Time between the effects of successive events, so that several at once can still be told apart. */
const STAGGER = 220;

/** The effects for a set of changes, starting at `now` (ms). */
export function plan(changes: MapChanges, next: MapModel, now: number): Effect[] {
  const out: Effect[] = [];
  const cut = new Set(changes.cut);
  const flashed = new Set<string>();
  let at = now;
  for (const e of changes.events) {
    if (e.kind === 'eruption' && e.island) out.push({ kind: 'ripple', island: e.island, start: at, duration: DURATION.ripple });
    else if (e.island && !(e.cable && cut.has(e.cable))) out.push({ kind: 'pulse', island: e.island, start: at, duration: DURATION.pulse });
    if (e.cable && cut.has(e.cable)) {
      flashed.add(e.cable);
      out.push({ kind: 'flash', cable: e.cable, start: at, duration: DURATION.flash });
    }
    if (e.kind === 'eruption') {
      // An eruption cuts every cable landing on the island: flash each one the event names or the view shows cut.
      for (const c of changes.cut)
        if (!flashed.has(c)) {
          flashed.add(c);
          out.push({ kind: 'flash', cable: c, start: at, duration: DURATION.flash });
        }
    }
    at += STAGGER;
  }
  for (const c of changes.cut) if (!flashed.has(c)) out.push({ kind: 'flash', cable: c, start: now, duration: DURATION.flash });
  for (const c of changes.appeared) out.push({ kind: 'drawIn', cable: c, start: now, duration: DURATION.drawIn });
  for (const c of changes.lit) out.push({ kind: 'light', cable: c, start: now, duration: DURATION.light });
  for (const [island, from] of Object.entries(changes.alignmentFrom))
    if (next.islands.some((i) => i.id === island)) out.push({ kind: 'influence', island, from, start: now, duration: DURATION.influence });
  return out;
}

/** Where every running effect is at `now`; effects that have not started hold their first frame. */
export function frameAt(effects: readonly Effect[], model: MapModel, now: number): EffectFrame {
  const f: EffectFrame = { drawIn: new Map(), light: new Map(), flash: new Map(), rings: [], alignment: new Map() };
  for (const e of effects) {
    const t = Math.max(0, Math.min(1, (now - e.start) / e.duration));
    switch (e.kind) {
      case 'drawIn':
        f.drawIn.set(e.cable, easeInOut(t));
        break;
      case 'light':
        f.light.set(e.cable, easeInOut(t));
        break;
      case 'flash':
        // Three blinks (under 2 a second, well below the 3 a second that can harm), fading out.
        f.flash.set(e.cable, now < e.start || t >= 1 ? 0 : (0.35 + 0.65 * (0.5 + 0.5 * Math.cos(t * Math.PI * 6))) * Math.sqrt(1 - t));
        break;
      case 'ripple':
        if (now < e.start) break;
        for (const lag of [0, 0.22, 0.44]) {
          const q = (t - lag) / 0.56;
          if (q <= 0 || q >= 1) continue;
          f.rings.push({ island: e.island, radius: 14 + 78 * easeOutCubic(q), alpha: (1 - q) ** 1.4, width: 3.5 - 2 * q, danger: true });
        }
        break;
      case 'pulse':
        if (now < e.start) break;
        for (const lag of [0, 0.3]) {
          const q = (t - lag) / 0.7;
          if (q <= 0 || q >= 1) continue;
          f.rings.push({ island: e.island, radius: 16 + 34 * easeOutCubic(q), alpha: (1 - q) ** 1.2, width: 3, danger: false });
        }
        break;
      case 'influence': {
        const to = model.islands.find((i) => i.id === e.island)?.alignment;
        if (!to) break;
        const s = easeInOut(t);
        const mid = { ...to };
        for (const p of POWERS) mid[p] = e.from[p] + (to[p] - e.from[p]) * s;
        f.alignment.set(e.island, mid);
        break;
      }
    }
  }
  return f;
}

/** Effects still running (or waiting to start) at `now`. */
export const running = (effects: readonly Effect[], now: number): Effect[] => effects.filter((e) => now < e.start + e.duration);

/** Draw the rings of this frame round their islands' capitals. */
export function drawRings(g: Phaser.GameObjects.Graphics, rings: EffectFrame['rings'], at: (island: IslandId) => Point | null, k: number): void {
  for (const r of rings) {
    const c = at(r.island);
    if (!c) continue;
    g.lineStyle((r.width + 2) * k, toNumber(HALO), 0.5 * r.alpha);
    g.strokeCircle(c.x, c.y, r.radius * k);
    g.lineStyle(r.width * k, r.danger ? DANGER_NUMBER : toNumber(WHITE), r.alpha);
    g.strokeCircle(c.x, c.y, r.radius * k);
  }
}
