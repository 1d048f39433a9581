import { formatMoney, type GameView, type RoleId } from '../../engine';
import type { TimelineKind } from '../../host/figures';
import { standing } from '../../ai/odds';
import { HANDOUT_CSS, handoutBody } from '../../host/handout';
import { h, type Child } from '../dom';
import { objectiveLabel } from '../dashboard';
import { dateLabel } from '../names';
import { TABS, type DebriefController } from './controller';
import type { ChartSpec } from './charts';
import { SNAPSHOT_KEY, snapshotMap } from './snapshot-map';
import { roleColour, SERIES_COLOURS } from './charts';

/** Lines beside a black one (the score, connectivity): every colour of the palette but black. */
const LINE_COLOURS = SERIES_COLOURS.filter((c) => c !== '#000000');

/**
 * The debrief's views: they read the controller and render; charts are left as placeholders
 * (`data-chart`) that the screen fills with uPlot once they are in the page.
 */

export interface DebriefActions {
  close(): void;
  print(): void;
  download(kind: 'record' | 'rounds' | 'deals' | 'events' | 'handout' | 'branch'): void;
}

const KINDS: { id: TimelineKind | 'all'; label: string }[] = [
  { id: 'all', label: 'Every kind' },
  { id: 'deal', label: 'Signings' },
  { id: 'event', label: 'Events' },
  { id: 'order', label: 'Sealed orders' },
  { id: 'leak', label: 'Leaks' },
  { id: 'breach', label: 'Breaches' },
  { id: 'cancel', label: 'Cancellations' },
  { id: 'facilitator', label: 'Facilitator' },
  { id: 'undone', label: 'Undone' },
];

const kindLabel = (k: TimelineKind): string => KINDS.find((x) => x.id === k)?.label.replace(/s$/, '') ?? k;

function select(id: string, label: string, value: string, options: { id: string; label: string }[], change: (v: string) => void): HTMLElement {
  return h(
    'label',
    { class: 'field inline' },
    h('span', null, label),
    h(
      'select',
      { id, onchange: (e: Event) => change((e.target as HTMLSelectElement).value) },
      options.map((o) => h('option', { value: o.id, selected: o.id === value }, o.label)),
    ),
  );
}

/** Chart specs by placeholder id, filled after render. */
export type Charts = Map<string, ChartSpec>;

export function debriefView(c: DebriefController, a: DebriefActions, charts: Charts): HTMLElement[] {
  const f = c.figures;
  const tabs = h(
    'div',
    { class: 'tabs', role: 'tablist', 'aria-label': 'Parts of the debrief' },
    TABS.map((t) =>
      h(
        'button',
        { type: 'button', role: 'tab', class: 'tab', id: `debrief-tab-${t.id}`, 'aria-selected': c.tab === t.id ? 'true' : 'false', 'aria-controls': 'debrief-panel', onclick: () => c.set('tab', t.id) },
        t.label,
      ),
    ),
  );
  let body: Child;
  switch (c.tab) {
    case 'overview':
      body = overview(c, charts);
      break;
    case 'timeline':
      body = timeline(c);
      break;
    case 'knew':
      body = knew(c);
      break;
    case 'whatif':
      body = whatIf(c, a, charts);
      break;
    case 'odds':
      body = odds(c);
      break;
    case 'history':
      body = history(c);
      break;
  }
  return [
    h(
      'div',
      { class: 'debrief-screen' },
      h(
        'header',
        { class: 'debrief-head' },
        h('div', null, h('h2', { id: 'debrief-title', tabindex: -1 }, `Debrief: ${f.scenario.title}`), h('p', { class: 'muted' }, `Seed ${f.seed} · ${f.scenario.rounds} rounds from ${dateLabel(f.scenario.start)} · par ${f.scenario.par}${f.over ? '' : ' · not finished'}`), branchNote(c)),
        h(
          'div',
          { class: 'form-actions' },
          h('button', { type: 'button', class: 'btn', id: 'debrief-print', onclick: a.print }, 'Print'),
          h('button', { type: 'button', class: 'btn', id: 'debrief-csv', onclick: () => (a.download('rounds'), a.download('deals'), a.download('events')) }, 'Figures (CSV)'),
          h('button', { type: 'button', class: 'btn', id: 'debrief-record', onclick: () => a.download('record') }, 'Record (JSON)'),
          h('button', { type: 'button', class: 'btn primary', id: 'debrief-close', onclick: a.close }, 'Close'),
        ),
      ),
      tabs,
      h('div', { class: 'debrief-panel', id: 'debrief-panel', role: 'tabpanel', 'aria-labelledby': `debrief-tab-${c.tab}` }, body),
    ),
  ];
}

/** The printed handout: the same as `npm run export` writes, shown only on paper. */
export function printView(c: DebriefController): HTMLElement {
  const el = h('div', { class: 'handout debrief-print', id: 'debrief-handout' });
  el.innerHTML = `<style>${HANDOUT_CSS}</style>${handoutBody(c.figures, c.scenario.scenario.history)}`;
  return el;
}

/** A branch record says so: which game it branched from, and at which round. */
function branchNote(c: DebriefController): Child {
  const b = c.played.record.branch;
  return b ? h('p', { class: 'muted', id: 'debrief-branch-of' }, `A what-if branch from round ${b.round} of game ${b.parent.slice(0, 12)}: it shows round ${b.round} on.`) : null;
}

function marksOf(c: DebriefController): ChartSpec['marks'] {
  return [...c.figures.deals.map((d) => ({ round: d.round, kind: 'deal' as const, label: d.summary })), ...c.figures.events.map((e) => ({ round: e.round, kind: 'event' as const, label: e.title }))];
}

function overview(c: DebriefController, charts: Charts): Child {
  const f = c.figures;
  const rounds = [...new Set(f.rounds.map((r) => r.round))].sort((a, b) => a - b);
  const rowsOf = (role: RoleId) => rounds.map((r) => f.rounds.find((x) => x.round === r && x.role === role));
  const marks = marksOf(c);
  const roleOptions = [{ id: 'all', label: 'Every role’s score' }, ...f.seats.map((r) => ({ id: r, label: f.names[r] ?? r }))];
  const blocks: Child[] = [];
  if (c.chartRole === 'all') {
    charts.set('chart-scores', {
      title: 'Score per role, round by round',
      rounds,
      series: f.seats.map((r, i) => ({ label: f.names[r] ?? r, values: rowsOf(r).map((x) => x?.score ?? null), colour: roleColour(r, i) })),
      marks,
      yRange: [0, 100],
    });
    blocks.push(h('div', { class: 'chart', id: 'chart-scores', 'data-chart': 'chart-scores' }));
  } else {
    const role = c.chartRole;
    const rows = rowsOf(role);
    const weights = f.weights[role] ?? {};
    const name = f.names[role] ?? role;
    charts.set('chart-objectives', {
      title: `${name}: score and each objective (50 = as at the start)`,
      rounds,
      series: [{ label: 'Score', values: rows.map((x) => x?.score ?? null), colour: '#000000' }, ...Object.keys(weights).map((k, i) => ({ label: `${objectiveLabel(k)} (${weights[k]}%)`, values: rows.map((x) => x?.parts[k] ?? null), colour: LINE_COLOURS[i % LINE_COLOURS.length] }))],
      marks,
      yRange: [0, 100],
    });
    const island = rows[0]?.side === 'island';
    const millions = (k: number | undefined) => (k === undefined ? null : Math.round(k / 100) / 10);
    charts.set('chart-money', {
      title: `${name}: treasury and ${island ? 'debt' : 'money owed to it'} (US$ millions)`,
      rounds,
      series: [
        { label: 'Treasury', values: rows.map((x) => millions(x?.treasury)) },
        { label: island ? 'Debt' : 'Owed to it', values: rows.map((x) => millions(x?.debt)) },
      ],
      marks,
    });
    const keys = island ? Object.keys(rows[0]?.alignment ?? {}) : Object.keys(rows[0]?.influence ?? {});
    charts.set('chart-standing', {
      title: island ? `${name}: connectivity, alignment with each power, and each power’s influence` : `${name}: influence on each island`,
      rounds,
      series: island
        ? [
            { label: 'Connectivity', values: rows.map((x) => x?.connectivity ?? null), colour: '#000000' },
            ...keys.map((p, i) => ({ label: `Alignment with ${f.names[p] ?? p}`, values: rows.map((x) => x?.alignment[p as 'beijing'] ?? null), colour: roleColour(p, i) })),
            ...keys.map((p, i) => ({ label: `${f.names[p] ?? p}’s influence`, values: rows.map((x) => x?.influence[p] ?? null), colour: roleColour(p, i) })),
          ]
        : keys.map((i, n) => ({ label: f.names[i] ?? i, values: rows.map((x) => x?.influence[i] ?? null), colour: LINE_COLOURS[n % LINE_COLOURS.length] })),
      marks,
    });
    blocks.push(h('div', { class: 'chart', id: 'chart-objectives', 'data-chart': 'chart-objectives' }), h('div', { class: 'chart', id: 'chart-money', 'data-chart': 'chart-money' }), h('div', { class: 'chart', id: 'chart-standing', 'data-chart': 'chart-standing' }));
  }
  const ranked = [...f.seats].sort((x, y) => (f.final[y] ?? 0) - (f.final[x] ?? 0));
  return [
    h('div', { class: 'debrief-tools' }, select('debrief-chart-role', 'Show', c.chartRole, roleOptions, (v) => c.set('chartRole', v))),
    h('p', { class: 'muted' }, 'Dashed lines mark rounds with signings; dotted lines mark rounds with events. Choose a role for its objectives, money and standing.'),
    blocks,
    h(
      'table',
      { class: 'debrief-table', id: 'debrief-scores' },
      h('caption', null, 'Final scores'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'Agreements signed'))),
      h(
        'tbody',
        null,
        ranked.map((r) => h('tr', null, h('th', { scope: 'row' }, f.names[r] ?? r), h('td', { class: 'num' }, String(f.final[r] ?? 0), (f.final[r] ?? 0) >= f.scenario.par ? ' ✓' : ''), h('td', { class: 'num' }, String(f.deals.filter((d) => d.parties.includes(r)).length)))),
      ),
    ),
  ];
}

function timeline(c: DebriefController): Child {
  const f = c.figures;
  const all = c.timeline;
  const entries = all.filter((t) => (c.filterRole === 'all' || t.roles.includes(c.filterRole)) && (c.filterKind === 'all' || t.kind === c.filterKind));
  return [
    h(
      'div',
      { class: 'debrief-tools' },
      select('debrief-filter-role', 'Role', c.filterRole, [{ id: 'all', label: 'Every role' }, ...f.seats.map((r) => ({ id: r, label: f.names[r] ?? r }))], (v) => c.set('filterRole', v)),
      select('debrief-filter-kind', 'Kind', c.filterKind, KINDS, (v) => c.set('filterKind', v as TimelineKind | 'all')),
      h('span', { class: 'muted', role: 'status' }, `${entries.length} of ${all.length} entries`),
    ),
    h(
      'ol',
      { class: 'debrief-timeline', id: 'debrief-timeline' },
      entries.map((t) =>
        h(
          'li',
          { dataset: { kind: t.kind } },
          h('span', { class: 'tl-round' }, `Round ${t.round}`),
          h('span', { class: `tl-kind kind-${t.kind}` }, kindLabel(t.kind)),
          h('span', { class: 'tl-text' }, t.text),
          t.seenBy === 'all' ? null : h('span', { class: 'muted' }, ` (seen by ${t.seenBy.map((r) => f.names[r] ?? r).join(', ')} only)`),
          h(
            'button',
            {
              type: 'button',
              class: 'btn small quiet tl-open',
              'aria-label': `See the game once round ${t.round} is over`,
              onclick: () => {
                c.knewRound = Math.min(c.lastRound, t.round);
                c.full = true;
                if (t.roles[0]) c.knewRole = t.roles[0];
                c.set('tab', 'knew');
              },
            },
            'See that moment',
          ),
        ),
      ),
    ),
  ];
}

function knew(c: DebriefController): Child {
  const f = c.figures;
  const role = c.knewRole;
  const name = f.names[role] ?? role;
  const v = c.knewView();
  const mine = c.roleView();
  const round = c.knewRound;
  const last = c.lastRound;
  const inMine = (text: string) => mine.log.some((e) => e.text === text);
  const hiddenMark = (hidden: boolean) => (hidden ? h('span', { class: 'hidden-from' }, `hidden from ${name}`) : null);
  const log = c.freshLog(v);
  const agreements = v.agreements;
  const offers = v.offers.filter((o) => o.round === round);
  // The moments of the rounds this step covers: the round just over (and, at the start, round 1's briefing).
  const marks = c.marks(role).filter((m) => m.round === round);
  const sees = (who: GameView) => (who.viewer === 'facilitator' ? 'the full picture' : `${name}’s view`);
  return [
    h(
      'div',
      { class: 'debrief-tools' },
      select('debrief-knew-role', 'Role', role, f.seats.map((r) => ({ id: r, label: f.names[r] ?? r })), (r) => c.set('knewRole', r)),
      h('button', { type: 'button', class: 'btn', id: 'knew-prev', disabled: round <= 0, onclick: () => c.set('knewRound', round - 1) }, '◀ Round before'),
      h('strong', { id: 'knew-round', 'aria-live': 'polite' }, c.stepLabel()),
      h('button', { type: 'button', class: 'btn', id: 'knew-next', disabled: round >= last, onclick: () => c.set('knewRound', round + 1) }, 'Round after ▶'),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'knew-full', checked: c.full, onchange: (e: Event) => c.set('full', (e.target as HTMLInputElement).checked) }), 'Full picture'),
    ),
    h('p', { class: 'lede', id: 'knew-who' }, `Showing ${sees(v)}: ${c.stepLabel().toLowerCase()}.`, c.full ? ` What ${name} could not see is marked.` : ` Only what ${name} could see then.`),
    marks.length
      ? h(
          'section',
          { class: 'knew-marks', id: 'knew-marks' },
          h('h3', null, `${name} acted without knowing`),
          h(
            'ul',
            null,
            marks.map((m) =>
              h(
                'li',
                null,
                h('strong', null, m.action),
                ': ',
                `${m.missing.length} fact${m.missing.length === 1 ? '' : 's'} it did not have`,
                h(
                  'ul',
                  null,
                  m.missing.slice(0, 6).map((x) =>
                    h(
                      'li',
                      null,
                      // In the role's own view a fact shows only once the role has learnt it.
                      c.full || (x.learnt !== null && x.learnt <= round) ? x.fact.text : `a ${x.fact.kind === 'clause' ? 'secret clause' : x.fact.kind === 'offer' ? 'rival offer' : 'private report'}`,
                      x.learnt !== null ? ` (learnt in round ${x.learnt})` : ' (never learnt)',
                    ),
                  ),
                ),
                m.missing.length > 6 ? h('p', { class: 'muted' }, `and ${m.missing.length - 6} more`) : null,
              ),
            ),
          ),
        )
      : null,
    h(
      'figure',
      { class: 'knew-map', id: 'knew-map-figure' },
      snapshotMap(v, c.scenario.scenario.map, `The map, ${sees(v)}: ${c.stepLabel().toLowerCase()}`, 'knew-map'),
      h('figcaption', { class: 'muted' }, `The map, ${sees(v)}: ${c.stepLabel().toLowerCase()}. ${SNAPSHOT_KEY}`),
    ),
    h(
      'div',
      { class: 'knew-grid' },
      h(
        'section',
        null,
        h('h3', null, 'News and reports since the step before'),
        log.length ? h('ul', { class: 'knew-log', id: 'knew-log' }, log.map((e) => h('li', { class: inMine(e.text) ? '' : 'secret' }, e.text, hiddenMark(!inMine(e.text))))) : h('p', { class: 'muted' }, 'Nothing this round.'),
      ),
      h(
        'section',
        null,
        h('h3', null, 'Offers this round'),
        offers.length
          ? h(
              'ul',
              { class: 'knew-offers' },
              offers.map((o) => h('li', null, `${o.id}: ${f.names[o.from] ?? o.from} to ${o.to.map((r) => f.names[r] ?? r).join(', ')}, ${o.deal.kind} (${o.status})`, hiddenMark(!mine.offers.some((x) => x.id === o.id)))),
            )
          : h('p', { class: 'muted' }, 'None seen.'),
        h('h3', null, 'Agreements in force'),
        agreements.length
          ? h(
              'ul',
              { class: 'knew-agreements', id: 'knew-agreements' },
              agreements.map((ag) =>
                h(
                  'li',
                  null,
                  `${ag.id}: ${ag.parties.map((r) => f.names[r] ?? r).join(' and ')}, ${ag.deal.kind}${ag.status === 'active' ? '' : ` (${ag.status})`}`,
                  ag.clauses.length
                    ? h(
                        'ul',
                        null,
                        ag.clauses.map((cl) => h('li', { class: cl.seenBy === 'all' ? '' : 'secret' }, `${cl.seenBy === 'all' ? '' : 'Secret '}${cl.kind} clause`, hiddenMark(!mine.agreements.some((x) => x.clauses.some((y) => y.id === cl.id))))),
                      )
                    : null,
                ),
              ),
            )
          : h('p', { class: 'muted' }, 'None.'),
      ),
      h(
        'section',
        null,
        h('h3', null, 'Money'),
        h(
          'ul',
          null,
          f.seats.map((r) => {
            const t = v.islands[r]?.treasury ?? v.powers[r as 'beijing']?.treasury ?? 0;
            return h('li', null, `${f.names[r] ?? r}: ${formatMoney(t)}`);
          }),
        ),
      ),
    ),
  ];
}

function whatIf(c: DebriefController, a: DebriefActions, charts: Charts): Child {
  const f = c.figures;
  const b = c.branch;
  const rounds = [...new Set(f.rounds.map((r) => r.round))].sort((x, y) => x - y);
  const last = c.lastRound;
  const latest = b.results[0];
  const levels = [
    { id: 'easy', label: 'Easy' },
    { id: 'normal', label: 'Normal' },
    { id: 'hard', label: 'Hard' },
  ];
  if (latest) {
    charts.set('chart-branch', {
      title: `Scores: the class’s game (solid) and the branch from round ${latest.from} (dashed)`,
      rounds,
      series: f.seats.flatMap((r, i) => [
        { label: f.names[r] ?? r, values: rounds.map((x) => f.rounds.find((y) => y.round === x && y.role === r)?.score ?? null), colour: roleColour(r, i), dash: [] },
        {
          label: `${f.names[r] ?? r}, branch`,
          values: rounds.map((x) => (x === latest.from - 1 ? (f.rounds.find((y) => y.round === x && y.role === r)?.score ?? null) : x < latest.from ? null : (latest.rounds.find((y) => y.round === x)?.scores[r] ?? null))),
          colour: roleColour(r, i),
          dash: [8, 5],
        },
      ]),
      marks: marksOf(c).filter((m) => m.round > latest.from),
      yRange: [0, 100],
    });
  }
  const original = f.events.filter((e) => latest && e.round > latest.from);
  return [
    h(
      'p',
      { class: 'lede' },
      'Branch the game at a round: from that round’s briefing, computer players of the level you choose play every seat to the end. The events the game drew after that round come again in the same order, so the branch differs by its decisions, not by its luck.',
    ),
    h(
      'div',
      { class: 'debrief-tools' },
      select(
        'branch-from',
        'Branch at round',
        String(b.from),
        Array.from({ length: last }, (_, i) => ({ id: String(i + 1), label: `Round ${i + 1}` })),
        (v) => c.set('branch', { ...b, from: Number(v) }),
      ),
      select('branch-level', 'Played on by', b.level, levels, (v) => c.set('branch', { ...b, level: v })),
      h('button', { type: 'button', class: 'btn primary', id: 'branch-run', disabled: b.status === 'running', onclick: () => c.runBranch(b.from, b.level) }, b.status === 'running' ? 'Playing the branch…' : 'Branch and play on'),
      latest ? h('button', { type: 'button', class: 'btn', id: 'branch-save', onclick: () => a.download('branch') }, 'Save the branch (JSON)') : null,
      h('span', { role: 'status', id: 'branch-status' }, b.status === 'done' && latest ? `Branch from round ${latest.from} finished: ${latest.agreements} agreements signed in ${latest.actions} moves.` : b.status === 'running' ? 'Playing…' : ''),
    ),
    b.error ? h('p', { class: 'alert', role: 'alert' }, b.error) : null,
    latest
      ? [
          h('div', { class: 'chart', id: 'chart-branch', 'data-chart': 'chart-branch' }),
          h(
            'table',
            { class: 'debrief-table', id: 'branch-table' },
            h('caption', null, `Final scores: the class’s game and the branch from round ${latest.from} (${latest.level} computer players)`),
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'The class'), h('th', { scope: 'col' }, 'Branch'), h('th', { scope: 'col' }, 'Difference'))),
            h(
              'tbody',
              null,
              f.seats.map((r) => {
                const mine = f.final[r] ?? 0;
                const other = latest.final[r] ?? 0;
                return h('tr', { dataset: { role: r } }, h('th', { scope: 'row' }, f.names[r] ?? r), h('td', { class: 'num' }, String(mine)), h('td', { class: 'num' }, String(other)), h('td', { class: 'num' }, `${other - mine > 0 ? '+' : ''}${other - mine}`));
              }),
            ),
          ),
          h(
            'section',
            null,
            h('h3', null, `Events after round ${latest.from}`),
            h(
              'div',
              { class: 'history-grid' },
              h('div', null, h('h4', null, 'The class’s game'), h('ol', { id: 'branch-events-original' }, original.map((e) => h('li', null, `Round ${e.round}: ${e.title}`)))),
              h('div', null, h('h4', null, 'The branch'), h('ol', { id: 'branch-events-branch' }, latest.events.map((e) => h('li', null, `Round ${e.round}: ${e.title}`)))),
            ),
          ),
        ]
      : null,
  ];
}

function histogram(scores: number[], mark: number): SVGSVGElement {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const s of scores) bins[Math.min(9, Math.floor(s / 10))]! += 1;
  const max = Math.max(1, ...bins);
  const w = 300;
  const hgt = 90;
  const ns = 'http://www.w3.org/2000/svg';
  const el = document.createElementNS(ns, 'svg');
  el.setAttribute('viewBox', `0 0 ${w} ${hgt + 18}`);
  el.setAttribute('class', 'odds-hist');
  el.setAttribute('aria-hidden', 'true');
  bins.forEach((n, i) => {
    const r = document.createElementNS(ns, 'rect');
    const bh = (n / max) * hgt;
    r.setAttribute('x', String(i * 30 + 1));
    r.setAttribute('y', String(hgt - bh));
    r.setAttribute('width', '28');
    r.setAttribute('height', String(bh));
    r.setAttribute('fill', '#56B4E9');
    el.appendChild(r);
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', String(i * 30 + 15));
    t.setAttribute('y', String(hgt + 14));
    t.setAttribute('text-anchor', 'middle');
    t.setAttribute('font-size', '10');
    t.textContent = String(i * 10);
    el.appendChild(t);
  });
  const line = document.createElementNS(ns, 'line');
  const x = (Math.min(99.9, mark) / 100) * w;
  line.setAttribute('x1', String(x));
  line.setAttribute('x2', String(x));
  line.setAttribute('y1', '0');
  line.setAttribute('y2', String(hgt));
  line.setAttribute('stroke', '#000');
  line.setAttribute('stroke-width', '3');
  el.appendChild(line);
  const label = document.createElementNS(ns, 'text');
  label.setAttribute('x', String(x > w - 60 ? x - 4 : x + 4));
  label.setAttribute('y', '11');
  label.setAttribute('text-anchor', x > w - 60 ? 'end' : 'start');
  label.setAttribute('font-size', '11');
  label.setAttribute('font-weight', '600');
  label.textContent = `the class: ${mark}`;
  el.appendChild(label);
  return el;
}

function odds(c: DebriefController): Child {
  const f = c.figures;
  const o = c.odds;
  const input = h('input', { type: 'number', id: 'odds-games', min: 1, max: 1000, value: o.games, 'aria-describedby': 'odds-help' });
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return [
    h('p', { class: 'lede', id: 'odds-help' }, `Play ${f.scenario.title} again many times with the normal computer player in every seat (seeds 1, 2, 3 …; the same games as npm run analyse), and see where the class’s scores stand among them.`),
    h(
      'div',
      { class: 'debrief-tools' },
      h('label', { class: 'field inline' }, h('span', null, 'Games'), input),
      o.status === 'running'
        ? h('button', { type: 'button', class: 'btn', id: 'odds-stop', onclick: () => c.stopOdds() }, 'Stop')
        : h('button', { type: 'button', class: 'btn primary', id: 'odds-run', onclick: () => c.runOdds(Math.max(1, Math.min(1000, Math.floor(Number(input.value) || 200)))) }, 'Simulate'),
      o.status !== 'idle' ? h('progress', { id: 'odds-progress', max: o.games, value: o.done, 'aria-label': 'Simulated games played' }) : null,
      o.status !== 'idle' ? h('span', { role: 'status', id: 'odds-status' }, `${o.done} of ${o.games} games, ${o.seconds.toFixed(1)} s${o.status === 'done' ? ' · done' : ''}`) : null,
    ),
    o.error ? h('p', { class: 'alert', role: 'alert' }, o.error) : null,
    o.results.length
      ? h(
          'ul',
          { class: 'odds-list', id: 'odds-results' },
          f.seats.map((r) => {
            const sample = o.results.map((x) => x.scores[r] ?? 0);
            const mine = f.final[r] ?? 0;
            const st = standing(mine, sample);
            const mean = sample.reduce((s, x) => s + x, 0) / sample.length;
            return h(
              'li',
              { dataset: { role: r } },
              h('h3', null, f.names[r] ?? r),
              histogram(sample, mine),
              h('p', { class: 'odds-line' }, `The class scored ${mine}. A score of ${mine} or more happened in ${pct(st.atOrAbove)} of ${sample.length} simulated games (mean ${mean.toFixed(1)}).`),
            );
          }),
        )
      : null,
  ];
}

function history(c: DebriefController): Child {
  const f = c.figures;
  const hist = c.scenario.scenario.history;
  if (!hist) return h('p', { class: 'muted' }, `${f.scenario.title} does not say what really happened (no history: in its scenario file).`);
  return [
    h(
      'div',
      { class: 'history-grid' },
      h(
        'section',
        null,
        h('h3', null, 'What really happened'),
        h('ol', { class: 'history-real' }, hist.entries.map((e) => h('li', null, h('strong', null, e.date), ` ${e.text} `, h('span', { class: 'source' }, e.source)))),
      ),
      h(
        'section',
        null,
        h('h3', null, 'What the class did'),
        h('ol', { class: 'history-class' }, f.timeline.filter((t) => t.kind !== 'order').map((t) => h('li', null, h('strong', null, `Round ${t.round}`), ` ${t.text}`))),
      ),
    ),
    h('section', { class: 'prompts', id: 'debrief-prompts' }, h('h3', null, 'For discussion'), h('ol', null, hist.prompts.map((p) => h('li', null, p)))),
  ];
}
