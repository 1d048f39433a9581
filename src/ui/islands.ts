import { funderName, islandsOnRoute, POWERS, voteChance, type Cable, type GameView, type IslandId } from '../engine';
import { describeDeal, routeText } from './describe';
import { h } from './dom';
import { CABLE_STATUS_LABELS, dateLabel, money, namesForIds, phaseLabel, plural, roleName } from './names';
import { POWER_COLOURS } from './palette';
import { alignBar, swatch } from './widgets';

const cablesOf = (v: GameView, island: IslandId): Cable[] => v.cables.filter((c) => islandsOnRoute(v, c.route).includes(island));

const financierName = (v: GameView, f: string): string => (f === 'other' ? 'commercial operators' : roleName(v, f));

function cableLine(v: GameView, c: Cable): HTMLElement {
  const status = CABLE_STATUS_LABELS[c.status] ?? c.status;
  const when = c.readyRound !== null && (c.status === 'building' || c.status === 'cut') ? ` (${c.status === 'cut' ? 'repair' : 'ready'} in round ${c.readyRound})` : '';
  return h(
    'li',
    null,
    h('strong', null, c.name),
    ': ',
    h('span', { class: `cable-status ${c.status}` }, status + when),
    `. ${routeText(v, c.route)}; built by ${v.vendors[c.vendor]?.name ?? c.vendor}, paid by ${financierName(v, c.financier)}${c.dataAccess ? '; data access for the vendor’s government' : ''}.`,
  );
}

/** A cable clicked on the map, in detail: a cable in the game, or an offered one ("offer:<id>"). */
export function cableDetail(v: GameView, id: string, close: () => void): HTMLElement | null {
  const offerId = id.startsWith('offer:') ? id.slice(6) : null;
  const offer = offerId ? v.offers.find((o) => o.id === offerId) : undefined;
  const cable = offerId ? undefined : v.cables.find((c) => c.id === id);
  if (!offer && !cable) return null;
  const title = cable ? cable.name : `Cable offered by ${roleName(v, offer?.from ?? '')}`;
  return h(
    'section',
    { class: 'section cable-detail', 'aria-labelledby': 'cable-title' },
    h('div', { class: 'composer-head' }, h('h3', { id: 'cable-title', tabindex: -1 }, title), h('button', { type: 'button', class: 'btn small quiet', id: 'cable-close', onclick: close }, 'Close')),
    cable
      ? h('ul', { class: 'plain-list' }, cableLine(v, cable))
      : offer
        ? h('p', null, `${roleName(v, offer.from)} → ${offer.to.map((r) => roleName(v, r)).join(', ')} (${offer.status}): ${describeDeal(v, offer.deal)}`)
        : null,
  );
}

/** The islands as a list to pick from, and the chosen island in detail. */
export function renderIslands(v: GameView, selected: IslandId | null, select: (id: IslandId) => void): HTMLElement[] {
  const ids = Object.keys(v.islands).sort((a, b) => (v.islands[a]?.name ?? a).localeCompare(v.islands[b]?.name ?? b));
  const current = selected && v.islands[selected] ? selected : (ids[0] ?? null);
  const island = current ? v.islands[current] : undefined;
  const list = h(
    'ul',
    { class: 'island-list', 'aria-label': 'Islands' },
    ids.map((id) =>
      h('li', null, h('button', { type: 'button', class: 'btn small', id: `island-${id}`, 'aria-pressed': id === current ? 'true' : 'false', onclick: () => select(id) }, swatch(v, id), v.islands[id]?.name ?? id)),
    ),
  );
  if (!island || !current) return [list];
  const present = POWERS.filter((p) => v.powers[p]);
  const debts = v.debts.filter((d) => d.debtor === current && d.outstanding > 0);
  const assets = (island as unknown as { assets?: { id: string; kind: string; vendor: string | null; owner: string }[] }).assets ?? [];
  const cables = cablesOf(v, current);
  return [
    list,
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'island-title', 'aria-live': 'polite' },
      h('h3', { id: 'island-title' }, `${island.name} `, h('span', { class: 'muted' }, `(capital ${island.capital.name})`)),
      h(
        'dl',
        { class: 'kv' },
        [
          ['Population', island.population.toLocaleString('en')],
          ['Treasury', money(island.treasury)],
          ['Connectivity', `${island.connectivity} / 100, ${island.routes === 0 ? 'no cable in service' : island.routes === 1 ? '1 cable in service' : `${island.routes} cables in service`}`],
          ['Economy', String(island.economy)],
          ['Legitimacy', String(island.legitimacy)],
          ['Democracy', String(island.democracy)],
          ['Sovereignty', String(island.sovereignty)],
          ['Cyber resilience', String(island.cyber)],
          ['Recognises', island.recognises === 'PRC' ? 'Beijing (PRC)' : 'Taipei (ROC)'],
          ['Next election', island.nextElection ? `round ${island.nextElection}` : 'none scheduled'],
          ['Government falls', island.falls ? `${island.falls} this game` : 'none this game'],
          ['Leans towards', island.leaning ? roleName(v, island.leaning) : 'no one'],
        ].flatMap(([k, x]) => [h('dt', null, k), h('dd', null, x)]),
      ),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'island-powers' },
      h('h3', { id: 'island-powers' }, 'Alignment and influence'),
      h(
        'div',
        { class: 'bars', role: 'list', 'aria-label': 'Alignment with each power, from −100 to 100' },
        present.map((p) =>
          h(
            'div',
            { role: 'listitem', style: 'display:contents' },
            h('span', null, swatch(v, p), ` ${roleName(v, p)}`),
            alignBar(island.alignment[p], POWER_COLOURS[p]),
            h('span', { class: 'num' }, String(island.alignment[p])),
          ),
        ),
      ),
      h('p', { class: 'hint', style: 'margin-top:0.5rem' }, `Influence (0–100): ${present.map((p) => `${roleName(v, p)} ${v.powers[p]?.influence[current] ?? 0}`).join(', ')}.`),
      h('p', { class: 'hint', style: 'margin-top:0.5rem' }, `Network kit by origin: ${Object.entries(island.exposure).filter(([, x]) => x > 0).map(([k, x]) => `${k === 'other' ? 'others' : roleName(v, k)} ${x}%`).join(', ') || 'no cable in service yet'}.`),
    ),
    h('section', { class: 'section', 'aria-labelledby': 'island-cables' }, h('h3', { id: 'island-cables' }, 'Cables'), cables.length ? h('ul', { class: 'plain-list' }, cables.map((c) => cableLine(v, c))) : h('p', { class: 'empty' }, 'No cable lands here: the island is online by satellite only.')),
    pendingOn(v, current),
    debts.length
      ? h('section', { class: 'section', 'aria-labelledby': 'island-debts' }, h('h3', { id: 'island-debts' }, 'Debts'), h('ul', { class: 'plain-list' }, debts.map((d) => h('li', null, `${money(d.outstanding)} to ${roleName(v, d.creditor)}${d.lender ? ` (${funderName(v, d.lender)}'s credit, repaid to the bank)` : ''} at ${d.ratePct}%${d.arrears ? `, ${money(d.arrears)} in arrears` : ''}`))))
      : null,
    assets.length
      ? h('section', { class: 'section', 'aria-labelledby': 'island-assets' }, h('h3', { id: 'island-assets' }, 'Other assets'), h('ul', { class: 'plain-list' }, assets.map((a) => h('li', null, `${a.kind}${a.vendor ? ` (${v.vendors[a.vendor]?.name ?? a.vendor})` : ''}, controlled by ${roleName(v, a.owner)}`))))
      : null,
  ].filter((x): x is HTMLElement => x !== null);
}

/** Deals signed by the island that wait for its parliament's vote, and whether its parliament ratifies any kind of deal. */
function pendingOn(v: GameView, island: IslandId): HTMLElement | null {
  const pending = (v.ratifications ?? []).filter((r) => r.status === 'pending' && r.islands.includes(island));
  const parliament = v.islands[island]?.parliament;
  if (!pending.length && !parliament) return null;
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'island-parliament' },
    h('h3', { id: 'island-parliament' }, 'Parliament'),
    parliament ? h('p', { class: 'hint' }, `Ratifies ${parliament.ratifies.map((k) => `${k} deals`).join(', ')} before they take effect${parliament.opposition ? `; the opposition leans to ${roleName(v, parliament.opposition)}` : ''}.`) : null,
    pending.length
      ? h('ul', { class: 'plain-list' }, pending.map((r) => h('li', null, `Awaiting ratification: ${describeDeal(v, r.deal).replace(/\.?$/, '.')} Signed in round ${r.round} with ${roleName(v, r.partner)}; the vote comes at the end of round ${r.round + 1} (a ${voteChance(v, island, r.partner)}% chance as things stand).`)))
      : h('p', { class: 'empty' }, 'No deal awaits its vote.'),
  );
}

/** The map in words, for screen readers: islands and their connectivity, cables by status. */
export function mapSummary(v: GameView): HTMLElement[] {
  const islands = Object.values(v.islands).sort((a, b) => a.name.localeCompare(b.name));
  const byStatus = new Map<string, Cable[]>();
  for (const c of v.cables) byStatus.set(c.status, [...(byStatus.get(c.status) ?? []), c]);
  const order = ['active', 'building', 'cut', 'proposed', ...[...byStatus.keys()].filter((k) => !['active', 'building', 'cut', 'proposed'].includes(k))];
  return [
    h('h2', null, `The map: ${v.scenario.title}, round ${v.round} of ${v.scenario.rounds} (${dateLabel(v.date)}), ${phaseLabel(v.phase).toLowerCase()} phase.`),
    h('h3', null, plural(islands.length, 'island government')),
    h(
      'ul',
      null,
      islands.map((i) => h('li', null, `${i.name}, capital ${i.capital.name}: connectivity ${i.connectivity} out of 100, ${i.routes === 0 ? 'no cable in service (satellite only)' : `${i.routes} cable${i.routes === 1 ? '' : 's'} in service`}; ${cablesOf(v, i.id).length} cable${cablesOf(v, i.id).length === 1 ? '' : 's'} in all.`)),
    ),
    h('h3', null, plural(v.cables.length, 'cable')),
    order
      .filter((k) => byStatus.get(k)?.length)
      .flatMap((k) => [h('h4', null, `${CABLE_STATUS_LABELS[k] ?? k}: ${byStatus.get(k)?.length ?? 0}`), h('ul', null, (byStatus.get(k) ?? []).map((c) => cableLine(v, c)))]),
  ].flat();
}

export type FeedFilter = 'all' | 'mine' | 'deals' | 'events' | 'private';
export const FEED_FILTERS: { id: FeedFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'mine', label: 'Mine' },
  { id: 'deals', label: 'Deals' },
  { id: 'events', label: 'Events' },
  { id: 'private', label: 'Private' },
];

/** What the player has chosen to see of the news: a filter, the larger area, entries opened. */
export interface FeedState {
  filter: FeedFilter;
  large: boolean;
  open: Set<number>;
}

type Entry = GameView['log'][number];

const isDeal = (e: Entry): boolean => e.about.some((id) => /^(o|a)\d+$/.test(id)) || /\b(offers?|agreements?|signed|signs|pact|counter-offer|cancels)\b/i.test(e.text);

/** Does a news entry belong under a filter? */
export function feedMatches(v: GameView, e: Entry, filter: FeedFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'private':
      return e.seenBy !== 'all';
    case 'deals':
      return isDeal(e);
    case 'events':
      return !isDeal(e);
    case 'mine': {
      const me = v.viewer;
      const name = roleName(v, me);
      const mineIds = new Set([...v.offers.filter((o) => o.from === me || o.to.includes(me)).map((o) => o.id), ...v.agreements.filter((a) => a.parties.includes(me)).map((a) => a.id)]);
      return e.about.some((id) => mineIds.has(id)) || e.text.includes(name) || (Array.isArray(e.seenBy) && e.seenBy.length === 1 && e.seenBy[0] === me);
    }
  }
}

/** The viewer's log, newest first, filtered; each entry opens to its full text. Private entries say so. */
export function renderFeed(v: GameView, state: FeedState, redraw: () => void): HTMLElement[] {
  const all = [...v.log].map((e, i) => ({ e, i })).reverse();
  const shownAll = all.filter(({ e }) => feedMatches(v, e, state.filter));
  const entries = shownAll.slice(0, 150);
  const out: (HTMLElement | null)[] = [
    h(
      'div',
      { class: 'feed-head' },
      h('h2', { id: 'feed-title' }, 'News and events'),
      h('span', { class: 'muted feed-count', title: 'Newest first' }, state.filter === 'all' ? plural(v.log.length, 'entry', 'entries') : `${shownAll.length} of ${v.log.length}`),
      h(
        'div',
        { class: 'feed-filters', role: 'group', 'aria-label': 'Show' },
        FEED_FILTERS.map((f) =>
          h('button', { type: 'button', class: 'chip-btn', id: `feed-filter-${f.id}`, 'aria-pressed': state.filter === f.id ? 'true' : 'false', onclick: () => ((state.filter = f.id), redraw()) }, f.label),
        ),
      ),
      h(
        'button',
        { type: 'button', class: 'btn small feed-size', id: 'feed-size', 'aria-expanded': state.large ? 'true' : 'false', 'aria-controls': 'feed', onclick: () => ((state.large = !state.large), redraw()) },
        state.large ? 'Smaller news' : 'Larger news',
      ),
    ),
    entries.length === 0 ? h('p', { class: 'empty' }, 'Nothing under this filter yet.') : null,
    h(
      'ol',
      { class: 'feed-list', 'aria-labelledby': 'feed-title' },
      entries.map(({ e, i }) => {
        const open = state.open.has(i);
        const text = namesForIds(v, e.text);
        const toggle = () => {
          if (open) state.open.delete(i);
          else state.open.add(i);
          redraw();
          requestAnimationFrame(() => document.getElementById(`feed-entry-${i}`)?.focus());
        };
        return h(
          'li',
          { class: `${e.round === v.round ? 'new' : ''}${open ? ' open' : ''}` },
          h('span', { class: 'when', title: `Round ${e.round}, ${phaseLabel(e.phase).toLowerCase()}` }, h('span', { class: 'sr-only' }, 'Round '), `R${e.round}`, h('span', { class: 'when-phase' }, ` · ${phaseLabel(e.phase)}`)),
          h('span', { class: 'text', onclick: toggle }, e.seenBy !== 'all' ? h('span', { class: 'secret' }, h('span', { class: 'secret-tag' }, 'Private'), ' ') : null, text),
          h(
            'button',
            { type: 'button', class: 'feed-more', id: `feed-entry-${i}`, 'aria-expanded': open ? 'true' : 'false', 'aria-label': open ? 'Show less of this entry' : 'Show the whole entry', title: open ? 'Show less' : 'Show all of it', onclick: toggle },
            open ? '▾' : '▸',
          ),
        );
      }),
    ),
  ];
  return out.filter((x): x is HTMLElement => x !== null);
}
