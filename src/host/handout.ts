import type { ScenarioHistory } from '../engine';
import { POWER_COLOURS } from '../ui/palette';
import type { GameFigures, RoundFigure } from './figures';

/**
 * The printable debrief as one self-contained HTML file: scores, charts drawn as inline SVG, the
 * timeline, what really happened and the discussion prompts, then one page per role for a class
 * handout. Colours are the game's colour-blind-safe palette (Okabe–Ito); lines also differ by dash.
 */

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Series {
  label: string;
  points: [number, number][];
  colour?: string;
}

/** A role's line colour: a power's own colour in the game, an island one the powers do not use. */
const roleColour = (role: string, i: number): string => (POWER_COLOURS as Record<string, string>)[role] ?? ['#0072B2', '#CC79A7', '#000000', '#D55E00'][i % 4] ?? '#000000';

/** A line chart as SVG, with marks on the time axis (rounds with signings or events). */
export function lineChart(title: string, series: Series[], marks: { round: number; label: string }[] = [], yMax?: number): string {
  const w = 640;
  const hgt = 240;
  const pad = { l: 48, r: 12, t: 24, b: 34 };
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const x0 = Math.min(0, ...xs);
  const x1 = Math.max(1, ...xs);
  const y0 = Math.min(0, ...ys);
  const y1 = yMax ?? Math.max(1, ...ys);
  const X = (x: number) => pad.l + ((x - x0) / (x1 - x0)) * (w - pad.l - pad.r);
  const Y = (y: number) => hgt - pad.b - ((y - y0) / (y1 - y0 || 1)) * (hgt - pad.t - pad.b);
  const ticks = Array.from({ length: 5 }, (_, i) => y0 + ((y1 - y0) * i) / 4);
  const lines = series
    .map((s, i) => `<polyline fill="none" stroke="${s.colour ?? PALETTE[i % PALETTE.length]}" stroke-width="2.5" stroke-dasharray="${DASHES[i % DASHES.length]}" points="${s.points.map(([x, y]) => `${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join(' ')}"/>`)
    .join('');
  const markLines = marks
    .map((m) => `<line x1="${X(m.round)}" x2="${X(m.round)}" y1="${pad.t}" y2="${hgt - pad.b}" stroke="#777" stroke-dasharray="2 3"><title>${esc(m.label)}</title></line>`)
    .join('');
  const xTicks = Array.from({ length: x1 - x0 + 1 }, (_, i) => x0 + i)
    .map((r) => `<text x="${X(r)}" y="${hgt - pad.b + 16}" text-anchor="middle">${r}</text>`)
    .join('');
  const yTicks = ticks.map((t) => `<text x="${pad.l - 6}" y="${Y(t) + 4}" text-anchor="end">${Math.round(t)}</text><line x1="${pad.l}" x2="${w - pad.r}" y1="${Y(t)}" y2="${Y(t)}" stroke="#ddd"/>`).join('');
  const legend = series
    .map((s, i) => `<li><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke="${s.colour ?? PALETTE[i % PALETTE.length]}" stroke-width="3" stroke-dasharray="${DASHES[i % DASHES.length]}"/></svg> ${esc(s.label)}</li>`)
    .join('');
  return `<figure class="chart"><figcaption>${esc(title)}</figcaption><svg viewBox="0 0 ${w} ${hgt}" role="img" aria-label="${esc(title)}" font-size="12" font-family="sans-serif">${yTicks}${markLines}${lines}${xTicks}<text x="${(w + pad.l) / 2}" y="${hgt - 4}" text-anchor="middle">round</text></svg><ul class="legend">${legend}</ul></figure>`;
}

/** The handout's styles, scoped to `.handout` so that the browser can print it inside the game's page. */
export const HANDOUT_CSS = `.handout{font-family:Inter,system-ui,sans-serif;color:#111;background:#fff;line-height:1.4}
body.handout{max-width:60rem;margin:2rem auto;padding:0 1rem}
.handout h1{font-size:1.8rem}.handout h2{font-size:1.4rem;border-bottom:2px solid #111;padding-bottom:.2rem}
.handout table{border-collapse:collapse;width:100%;font-size:.9rem}.handout th,.handout td{border-bottom:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
.handout td.num{text-align:right}.handout .source{font-size:.75rem;word-break:break-all}
.handout .chart{margin:1rem 0;break-inside:avoid}.handout .chart svg{width:100%;height:auto}.handout .legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:0;font-size:.85rem}
.handout .prompts li{margin:.4rem 0;font-size:1.05rem}.handout .big{font-size:1.2rem}
@media print{body.handout{margin:0;max-width:none}.handout .role-page,.handout .history{break-before:page}.handout a{color:inherit}}
`;

const byRole = (f: GameFigures, role: string): RoundFigure[] => f.rounds.filter((r) => r.role === role);

const money = (k: number): string => (Math.abs(k) >= 1000 ? `US$${(k / 1000).toFixed(1)}m` : `US$${k}k`);

/** The handout's content: scores, charts, timeline, history and prompts, one page per role. */
export function handoutBody(f: GameFigures, history: ScenarioHistory | undefined): string {
  const marks = [
    ...f.deals.map((d) => ({ round: d.round, label: `Signed ${d.agreement}: ${d.summary}` })),
    ...f.events.map((e) => ({ round: e.round, label: e.title })),
  ];
  const ranked = [...f.seats].sort((a, b) => (f.final[b] ?? 0) - (f.final[a] ?? 0) || a.localeCompare(b));
  const scoreChart = lineChart(
    'Score per role, round by round (dotted lines: rounds with signings or events)',
    f.seats.map((r, i) => ({ label: f.names[r] ?? r, colour: roleColour(r, i), points: byRole(f, r).map((x) => [x.round, x.score] as [number, number]) })),
    marks,
    100,
  );
  const timeline = f.timeline
    .filter((t) => t.kind !== 'order' && t.kind !== 'offer')
    .map((t) => `<tr><td>${t.round}</td><td>${esc(t.kind)}</td><td>${esc(t.text)}</td></tr>`)
    .join('');
  const historyBlock = history
    ? `<section class="history"><h2>What really happened</h2><table><thead><tr><th>Date</th><th>What</th><th>Source</th></tr></thead><tbody>${history.entries
        .map((e) => `<tr><td>${esc(e.date)}</td><td>${esc(e.text)}</td><td class="source">${esc(e.source)}</td></tr>`)
        .join('')}</tbody></table><h2>For discussion</h2><ol class="prompts">${history.prompts.map((p) => `<li>${esc(p)}</li>`).join('')}</ol></section>`
    : '';
  const rolePages = f.seats
    .map((role) => {
      const rows = byRole(f, role);
      const weights = f.weights[role] ?? {};
      const objectives = Object.keys(weights);
      const chart = lineChart(
        `${f.names[role] ?? role}: score and each objective`,
        [{ label: 'Score', points: rows.map((x) => [x.round, x.score]) }, ...objectives.map((k) => ({ label: `${k} (${weights[k]}%)`, points: rows.map((x) => [x.round, x.parts[k] ?? 0] as [number, number]) }))],
        marks,
        100,
      );
      const moneyChart = lineChart(`${f.names[role] ?? role}: treasury and debt (US$ thousands)`, [
        { label: 'Treasury', points: rows.map((x) => [x.round, x.treasury]) },
        { label: rows[0]?.side === 'power' ? 'Owed to it' : 'Debt', points: rows.map((x) => [x.round, x.debt]) },
      ]);
      const deals = f.deals.filter((d) => d.parties.includes(role));
      const last = rows[rows.length - 1];
      return `<section class="role-page"><h2>${esc(f.names[role] ?? role)}</h2><p class="big">Final score <strong>${f.final[role] ?? 0}</strong> (par ${f.scenario.par})${last ? `, treasury ${money(last.treasury)}` : ''}.</p>${chart}${moneyChart}<h3>Its agreements</h3>${
        deals.length ? `<ul>${deals.map((d) => `<li>Round ${d.round}: ${esc(d.summary)} (${esc(d.financing)}; ${esc(d.status)})</li>`).join('')}</ul>` : '<p>None.</p>'
      }${history ? `<h3>For discussion</h3><ol class="prompts">${history.prompts.map((p) => `<li>${esc(p)}</li>`).join('')}</ol>` : ''}</section>`;
    })
    .join('');
  return `<h1>Debrief: ${esc(f.scenario.title)}</h1>
<p>Seed ${esc(f.seed)}, ${f.scenario.rounds} rounds from ${esc(f.scenario.start)}${f.over ? '' : ' (the game was not finished)'}. A role wins by reaching ${f.scenario.par}.</p>
<h2>Final scores</h2>
<table><thead><tr><th>Role</th><th class="num">Score</th><th>Reached par</th></tr></thead><tbody>${ranked
    .map((r) => `<tr><td>${esc(f.names[r] ?? r)}</td><td class="num">${f.final[r] ?? 0}</td><td>${(f.final[r] ?? 0) >= f.scenario.par ? 'yes' : 'no'}</td></tr>`)
    .join('')}</tbody></table>
${scoreChart}
<h2>Timeline</h2>
<table><thead><tr><th>Round</th><th>Kind</th><th>What happened</th></tr></thead><tbody>${timeline}</tbody></table>
${historyBlock}
${rolePages}
`;
}

/** The whole handout as a self-contained page (the CLI's debrief.html). */
export function debriefHtml(f: GameFigures, history: ScenarioHistory | undefined): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Debrief: ${esc(f.scenario.title)}</title>
<style>
${HANDOUT_CSS}</style></head><body class="handout">
${handoutBody(f, history)}</body></html>
`;
}
