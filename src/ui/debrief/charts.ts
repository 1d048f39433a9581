import './locale-guard';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { POWER_COLOURS } from '../palette';

/**
 * Line charts over rounds with uPlot. Colours come from the game's colour-blind-safe palette
 * (Okabe–Ito) and every line also has its own dash, so no line is told apart by colour alone;
 * lines are thick and labels large enough to read on a projector and on paper.
 */

export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
const DASHES: number[][] = [[], [10, 5], [3, 4], [12, 4, 3, 4], [2, 2], [16, 6]];

/** A role's colour: a power's own colour, an island one of the others. */
export function roleColour(role: string, index: number): string {
  return (POWER_COLOURS as Record<string, string>)[role] ?? ['#0072B2', '#CC79A7', '#000000', '#D55E00', '#F0E442'][index % 5] ?? '#000000';
}

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  colour?: string;
  dash?: number[];
}

export interface ChartSpec {
  title: string;
  rounds: number[];
  series: ChartSeries[];
  /** Signings and events, drawn as marks on the time axis. */
  marks: { round: number; kind: 'deal' | 'event'; label: string }[];
  yRange?: [number, number];
}

export function mountChart(el: HTMLElement, spec: ChartSpec): uPlot {
  const width = Math.max(320, Math.min(el.clientWidth || 720, 1100));
  const opts: uPlot.Options = {
    title: spec.title,
    width,
    height: Math.round(Math.min(340, width * 0.45)),
    pxAlign: 0,
    scales: { x: { time: false }, y: spec.yRange ? { range: spec.yRange } : { auto: true } },
    axes: [
      { label: 'Round', stroke: '#111', grid: { stroke: '#e3e3e3' }, ticks: { stroke: '#999' }, incrs: [1], font: '14px Inter, sans-serif', labelFont: '600 14px Inter, sans-serif' },
      { stroke: '#111', grid: { stroke: '#e3e3e3' }, ticks: { stroke: '#999' }, font: '14px Inter, sans-serif', size: 60 },
    ],
    legend: { show: true, live: false },
    cursor: { show: true, drag: { x: false, y: false } },
    series: [
      { label: 'Round' },
      ...spec.series.map((s, i) => ({
        label: s.label,
        stroke: s.colour ?? SERIES_COLOURS[i % SERIES_COLOURS.length],
        width: 3,
        dash: s.dash ?? DASHES[i % DASHES.length],
        spanGaps: false,
        points: { show: true, size: 6 },
      })),
    ],
    hooks: {
      // Signings (solid) and events (dotted) on the time axis, each with its round's count.
      draw: [
        (u) => {
          const ctx = u.ctx;
          const byRound = new Map<number, { deals: number; events: number }>();
          for (const m of spec.marks) {
            const c = byRound.get(m.round) ?? { deals: 0, events: 0 };
            if (m.kind === 'deal') c.deals++;
            else c.events++;
            byRound.set(m.round, c);
          }
          ctx.save();
          const top = u.bbox.top;
          const bottom = u.bbox.top + u.bbox.height;
          const px = devicePixelRatio || 1;
          ctx.font = `${Math.round(12 * px)}px Inter, sans-serif`;
          ctx.textAlign = 'center';
          for (const [round, c] of byRound) {
            const x = u.valToPos(round, 'x', true);
            ctx.strokeStyle = c.events ? '#D55E00' : '#555';
            ctx.lineWidth = px;
            ctx.setLineDash(c.events ? [2 * px, 3 * px] : [6 * px, 3 * px]);
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, bottom);
            ctx.stroke();
            ctx.fillStyle = '#111';
            const label = [c.deals ? `${c.deals} signed` : '', c.events ? `${c.events} event${c.events > 1 ? 's' : ''}` : ''].filter(Boolean).join(' · ');
            const right = u.bbox.left + u.bbox.width;
            ctx.textAlign = x > right - 60 * px ? 'right' : x < u.bbox.left + 60 * px ? 'left' : 'center';
            ctx.fillText(label, x + (ctx.textAlign === 'left' ? 3 * px : ctx.textAlign === 'right' ? -3 * px : 0), top + 12 * px);
          }
          ctx.restore();
        },
      ],
    },
  };
  const data: uPlot.AlignedData = [spec.rounds, ...spec.series.map((s) => s.values)];
  return new uPlot(opts, data, el);
}
