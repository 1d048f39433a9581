import { POWERS, type GameView, type RoleId } from '../engine';
import type { GameController } from './controller';
import { h } from './dom';
import { humanize, money, roleName } from './names';
import { POWER_COLOURS } from './palette';
import { alignBar, bar, delta, sparkline } from './widgets';
import { movesOf, whyList } from './explain';

/** Names and plain explanations of the metrics a dashboard shows. */
export const METRIC_LABELS: Record<string, { label: string; help?: string; money?: boolean }> = {
  treasury: { label: 'Treasury', money: true, help: 'Money in hand.' },
  debt: { label: 'Debt owed', money: true },
  connectivity: { label: 'Connectivity', help: 'Internet capacity and backup routes, 0–100.' },
  economy: { label: 'Economy' },
  legitimacy: { label: 'Legitimacy', help: 'How much people back the government.' },
  democracy: { label: 'Democracy' },
  sovereignty: { label: 'Sovereignty', help: 'Control of its own cables, ports and data.' },
  cyber: { label: 'Cyber resilience' },
  unrest: { label: 'Unrest' },
  coverage: { label: 'Mobile coverage' },
  reputation: { label: 'Reputation' },
  influence: { label: 'Influence (average)' },
  score: { label: 'Score' },
};

const OBJECTIVE_LABELS: Record<string, string> = {
  development: 'Development',
  sovereignty: 'Sovereignty',
  survival: 'Government survival',
  resilience: 'Resilience',
  balance: 'Balance',
  solvency: 'Solvency',
  democracy: 'Democracy',
  influence: 'Influence',
  access: 'Access',
  vendorShare: 'Vendor share',
  reputation: 'Reputation',
  denial: 'Rivals kept out',
};
export const objectiveLabel = (k: string): string => OBJECTIVE_LABELS[k] ?? humanize(k);

const OBJECTIVE_HELP: Record<string, string> = {
  development: 'Connectivity and economy.',
  survival: 'Legitimacy and calm streets: the government keeps power. Each fall of the government costs 20.',
  resilience: 'Backup cable routes and cyber resilience.',
  balance: 'Friends to all: no partner far ahead of the others.',
  solvency: 'Debt the island can carry.',
  democracy: 'Freedoms kept: crackdowns, surveillance and delayed elections cost it.',
  access: 'Agreements, pacts, ports and cables you fund.',
  vendorShare: 'Island networks built by the vendors you favour.',
  denial: 'Rivals’ pacts and footholds kept out.',
};
export const objectiveHelp = (k: string): string | undefined => OBJECTIVE_HELP[k];

/** The share of each objective in a role's score, in percent, from the scenario's weights. */
export function weightsOf(v: GameView, role: RoleId): Record<string, number> {
  const w = v.islands[role] ? v.objectives.island : v.objectives[role as (typeof POWERS)[number]];
  const list = Object.entries(w ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0);
  const sum = list.reduce((s, [, x]) => s + x, 0) || 1;
  return Object.fromEntries(list.map(([k, x]) => [k, Math.round((x * 100) / sum)]));
}

function metricRow(c: GameController, v: GameView, role: RoleId, key: string, label?: string): HTMLElement[] {
  const meta = METRIC_LABELS[key] ?? { label: humanize(key) };
  const now = c.history.series(v, role, key).at(-1);
  if (now === undefined) return [];
  return [
    h('dt', { title: meta.help ?? null }, label ?? meta.label),
    h('dd', { class: 'value' }, meta.money ? money(now) : String(now)),
    h('dd', null, delta(c.history.delta(v, role, key), meta.money)),
    h('dd', null, sparkline(c.history.series(v, role, key))),
  ];
}

/** Why each objective moved since the start of the previous round (as the deltas count), from the engine's accounting. */
function whyMoved(c: GameController, v: GameView, role: RoleId, weights: Record<string, number>): HTMLElement {
  // From the start of the previous round to the start of this one: the scores are counted then, and the deltas count so.
  const { before, now } = c.counted;
  const first = v.round === 1 || !before || !now;
  const moves = movesOf(first ? null : before, first ? v : now, role);
  return h(
    'details',
    { class: 'why-moved', open: true },
    h('summary', null, first ? 'Where each objective stands' : 'Why it moved this round'),
    whyList(v, moves, first ? 'start' : 'round', objectiveLabel, (k) => weights[k] !== undefined, 'score-why', first ? undefined : { from: before.round, to: now.round }),
  );
}

export function renderDashboard(c: GameController, v: GameView, role: RoleId): HTMLElement[] {
  const score = v.scores[role];
  const island = v.islands[role];
  const power = v.powers[role as (typeof POWERS)[number]];
  const weights = weightsOf(v, role);
  const par = v.scenario.par;
  const out: HTMLElement[] = [];

  if (score) {
    out.push(
      h(
        'section',
        { class: 'section', 'aria-labelledby': 'dash-score' },
        h('h3', { id: 'dash-score' }, 'Your score'),
        h(
          'div',
          { class: 'score-big' },
          h('span', { class: 'value' }, String(score.total)),
          delta(c.history.delta(v, role, 'score')),
          sparkline(c.history.series(v, role, 'score')),
        ),
        h(
          'p',
          { class: 'hint', id: 'score-hint' },
          v.round === 1 && (v.phase === 'negotiation' || v.phase === 'decisions')
            ? `Your score starts at ${score.total}: where your position stands today, before any deal. The deals you sign and what each round brings move it; you win with ${par} or more at the end of round ${v.scenario.rounds}.`
            : `You win if your score is ${par} or more at the end of round ${v.scenario.rounds}. ${score.total >= par ? 'You are above that now.' : `You need ${par - score.total} more.`}`,
        ),
        h(
          'div',
          { class: 'bars', role: 'list', 'aria-label': 'What your score is made of: each objective from 0 to 100, and its share of the score' },
          Object.entries(score.parts)
            .filter(([k]) => weights[k] !== undefined)
            .map(([k, x]) =>
              h(
                'div',
                { role: 'listitem', style: 'display:contents' },
                h('span', { title: objectiveHelp(k) ?? null }, objectiveLabel(k), h('span', { class: 'muted' }, ` · ${weights[k]}%`)),
                bar(x),
                h('span', { class: 'num' }, String(x)),
              ),
            ),
        ),
        whyMoved(c, v, role, weights),
      ),
    );
  }

  const keys = island ? ['treasury', 'debt', 'connectivity', 'economy', 'legitimacy', 'democracy', 'sovereignty', 'cyber', 'unrest', 'coverage'] : ['treasury', 'reputation', 'influence'];
  out.push(
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'dash-metrics' },
      h('h3', { id: 'dash-metrics' }, 'Key figures ', h('span', { class: 'muted' }, '(change since last round)')),
      h('dl', { class: 'metrics' }, keys.flatMap((k) => metricRow(c, v, role, k))),
      power ? h('p', { class: 'hint' }, `Budget: ${money(power.budgetPerRound)} a round.`) : null,
      island ? h('p', { class: 'hint' }, `Revenue: ${money(island.revenuePerRound)} a round. ${island.nextElection ? `Next election: round ${island.nextElection}.` : 'No election scheduled.'} Recognises ${island.recognises === 'PRC' ? 'Beijing' : 'Taipei'}.`) : null,
    ),
  );

  if (power) {
    out.push(
      h(
        'section',
        { class: 'section', 'aria-labelledby': 'dash-influence' },
        h('h3', { id: 'dash-influence' }, 'Your influence by island'),
        h('dl', { class: 'metrics' }, Object.keys(power.influence).sort().flatMap((id) => metricRow(c, v, role, `influence.${id}`, roleName(v, id)))),
      ),
    );
  }
  if (island) {
    const present = POWERS.filter((p) => v.powers[p]);
    out.push(
      h(
        'section',
        { class: 'section', 'aria-labelledby': 'dash-align' },
        h('h3', { id: 'dash-align' }, 'How close you are to each power ', h('span', { class: 'muted' }, '(−100 to 100)')),
        h(
          'div',
          { class: 'bars', role: 'list' },
          present.map((p) =>
            h('div', { role: 'listitem', style: 'display:contents' }, h('span', null, roleName(v, p)), alignBar(island.alignment[p], POWER_COLOURS[p]), h('span', { class: 'num' }, String(island.alignment[p]))),
          ),
        ),
      ),
    );
  }
  return out;
}
