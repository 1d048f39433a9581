import type { GameView, RoleId } from '../engine';
import { h, svg } from './dom';
import { money, statusLabel } from './names';
import { POWER_COLOURS } from './palette';

/** A power's colour swatch (a square), or an island's neutral one (a circle): colour is never the only cue. */
export function swatch(v: Pick<GameView, 'islands'>, role: RoleId): HTMLElement {
  const island = Boolean(v.islands[role]);
  const colour = island ? 'var(--island)' : (POWER_COLOURS[role as keyof typeof POWER_COLOURS] ?? POWER_COLOURS.other);
  return h('span', { class: `swatch${island ? ' island' : ''}`, style: `background:${colour}`, 'aria-hidden': 'true' });
}

/** "▲ 3" / "▼ $2.5m" with words for screen readers; "–" in the first round. */
export function delta(value: number | null, isMoney = false): HTMLElement {
  if (value === null) return h('span', { class: 'delta none' }, h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'sr-only' }, 'no change recorded yet'));
  if (value === 0) return h('span', { class: 'delta none' }, h('span', { 'aria-hidden': 'true' }, '0'), h('span', { class: 'sr-only' }, 'unchanged since last round'));
  const text = isMoney ? money(Math.abs(value)) : String(Math.abs(value));
  return h(
    'span',
    { class: `delta ${value > 0 ? 'up' : 'down'}` },
    h('span', { 'aria-hidden': 'true' }, `${value > 0 ? '▲' : '▼'} ${text}`),
    h('span', { class: 'sr-only' }, `${value > 0 ? 'up' : 'down'} ${text} since last round`),
  );
}

/** A small line of the last rounds' values; hidden from screen readers (the numbers are beside it). */
export function sparkline(values: number[]): Element {
  const w = 72;
  const hgt = 26;
  if (values.length < 2) return h('span', { class: 'spark', 'aria-hidden': 'true' });
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const pts = values.map((v, i) => `${((i * (w - 4)) / (values.length - 1) + 2).toFixed(1)},${(hgt - 3 - ((v - lo) * (hgt - 6)) / span).toFixed(1)}`);
  const last = pts[pts.length - 1]?.split(',') ?? ['0', '0'];
  return svg(
    'svg',
    { class: 'spark', viewBox: `0 0 ${w} ${hgt}`, 'aria-hidden': 'true', focusable: 'false' },
    svg('polyline', { points: pts.join(' '), fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }),
    svg('circle', { cx: last[0] ?? 0, cy: last[1] ?? 0, r: 2.6, fill: '#f3f6f8' }),
  );
}

/** An offer's status with a shape as well as a word. */
export function statusChip(status: string): HTMLElement {
  return h('span', { class: `status ${status}` }, statusLabel(status));
}

/** A 0-100 bar. */
export function bar(value: number): HTMLElement {
  const pct = Math.max(0, Math.min(100, value));
  return h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${pct}%` }));
}

/** A −100..100 alignment bar from the middle, in the power's colour. */
export function alignBar(value: number, colour: string): HTMLElement {
  const pct = Math.max(-100, Math.min(100, value)) / 2;
  const left = pct >= 0 ? 50 : 50 + pct;
  return h('span', { class: 'align-bar', 'aria-hidden': 'true' }, h('span', { style: `left:${left}%;width:${Math.abs(pct)}%;background:${colour}` }));
}
