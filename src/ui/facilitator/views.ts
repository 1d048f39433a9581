import { EVENT_KINDS, type GameView, type LogEntry, type Offer, type RoleId, type ScenarioInject } from '../../engine';
import { injectText } from '../../engine/facilitator';
import { seatSelect, type SeatAssignment } from '../seat-setup';
import { describeDeal, describeOrder } from '../describe';
import { h } from '../dom';
import { money, namesForIds, phaseLabel, roleName, statusLabel } from '../names';

/**
 * The facilitator's console, drawn from the full view (src/server/room.ts sends it to the host's own
 * device only): views that only render; the controller (index.ts) holds the state and sends.
 */

export interface LobbySeat {
  seat: RoleId;
  people: number;
  names?: string[];
  bot: boolean;
  /** Who has joined, with their sub-roles in a team seat. */
  members?: { name: string; subRole: string | null; title: string | null }[];
  /** The facilitator's set-up for the seat. */
  assignment?: SeatAssignment;
  /** The parts the team has now, and every part it could have (the scenario's set). */
  subRoles?: { id: string; title: string }[];
  allSubRoles?: { id: string; title: string }[];
}



export interface ConsoleState {
  view: GameView;
  seats: LobbySeat[];
  deadlineAt: number | null;
  paused: boolean;
  pausedLeftMs: number | null;
  /** Waiting in the lobby for the Start (src/server/room.ts): the clock stands still until then. */
  waiting: boolean;
  injects: ScenarioInject[];
  deck: string[];
  viewAs: { seat: RoleId; view: GameView } | null;
}

export function clockText(ms: number): string {
  const left = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

export function clock(s: ConsoleState): string {
  if (s.view.phase === 'over') return '';
  if (s.waiting) return 'Not started';
  if (s.paused) return s.pausedLeftMs !== null ? `${clockText(s.pausedLeftMs)} (paused)` : 'Paused';
  return s.deadlineAt !== null ? clockText(s.deadlineAt - Date.now()) : 'No deadline';
}

const open = (v: GameView) => v.phase === 'negotiation' || v.phase === 'decisions';

/** Who sits at a seat, in the words of the seats table and the lobby. */
const whoSits = (lobby: LobbySeat | undefined): string =>
  lobby?.bot
    ? `the computer${lobby.assignment?.mode === 'bot' ? ` (${lobby.assignment.level})` : ''}`
    : lobby && lobby.people > 0
      ? (lobby.members?.length ? lobby.members.map((m) => (m.title ? `${m.name} (${m.title})` : m.name)) : (lobby.names ?? [])).join(', ') || `${lobby.people} connected`
      : 'nobody yet';

/** The lobby: the join code and its QR code large enough to read from the back of a room, and who has joined each seat. */
export function lobbyPanel(
  code: string,
  qr: string | null,
  title: string,
  seats: LobbySeat[],
  v: GameView | null,
  assign?: (seat: RoleId, a: SeatAssignment) => void,
  setTeam?: (seat: RoleId, subRoles: string[]) => void,
): HTMLElement {
  const joined = seats.filter((x) => !x.bot && x.people > 0).length;
  return h(
    'section',
    { class: 'fac-lobby', id: 'fac-lobby', 'aria-label': 'Lobby' },
    h(
      'div',
      { class: 'fac-lobby-join' },
      h('p', { class: 'fac-lobby-title' }, title),
      h('p', null, 'Join at ', h('strong', null, `${window.location.host}/?join=${code}`), ' or scan:'),
      qr ? h('img', { id: 'fac-lobby-qr', src: qr, alt: `QR code to join game ${code}` }) : null,
      h('p', { class: 'fac-lobby-code-label' }, 'Join code'),
      h('p', { class: 'fac-lobby-code', id: 'fac-lobby-code' }, code),
    ),
    h(
      'div',
      { class: 'fac-lobby-seats' },
      h('h2', null, `Seats: ${joined} of ${seats.length} taken by people`),
      h(
        'ul',
        { id: 'fac-lobby-seats' },
        seats.map((x) => {
          const who = whoSits(x);
          const team = x.assignment?.mode === 'team' ? (x.subRoles ?? []).map((r) => r.title).join(' · ') : null;
          // The set-up: who plays the seat. Changing it sends everyone seated there back to choose again.
          const choice = assign ? seatSelect(x.seat, v ? roleName(v, x.seat) : x.seat, x.assignment, assign) : null;
          return h(
            'li',
            { 'data-seat': x.seat, class: who === 'nobody yet' ? 'empty' : 'taken' },
            h('span', { class: 'fac-lobby-seat' }, v ? roleName(v, x.seat) : x.seat, team ? h('span', { class: 'fac-lobby-team' }, team) : null),
            h('span', { class: 'fac-lobby-who' }, who),
            choice,
            x.assignment?.mode === 'team' && setTeam ? teamParts(x, v ? roleName(v, x.seat) : x.seat, setTeam) : null,
          );
        }),
      ),
    ),
  );
}

/** Who has ended the phase and who is still writing, with who sits at each seat. */
export function seatsTable(s: ConsoleState, viewAs: (seat: RoleId) => void): HTMLElement {
  const v = s.view;
  const ordersOf = (seat: RoleId) => v.orders.filter((o) => o.role === seat && o.round === v.round);
  const offersOf = (seat: RoleId) => v.offers.filter((o) => o.round === v.round && o.status === 'open' && (o.from === seat || o.to.includes(seat)));
  return h(
    'table',
    { class: 'fac-seats', id: 'fac-seats' },
    h('thead', null, h('tr', null, h('th', null, 'Seat'), h('th', null, 'Who'), h('th', null, 'This phase'), h('th', { class: 'num' }, 'Score'), h('th', { class: 'num' }, 'Treasury'), h('th', { class: 'num' }, 'Open offers'), h('th', { class: 'num' }, 'Orders'), h('th', null, ''))),
    h(
      'tbody',
      null,
      v.seats.map((seat) => {
        const lobby = s.seats.find((x) => x.seat === seat);
        const ended = v.ended.includes(seat);
        const treasury = v.islands[seat]?.treasury ?? v.powers[seat as 'beijing']?.treasury ?? 0;
        const who = whoSits(lobby);
        return h(
          'tr',
          { 'data-seat': seat, class: ended ? 'ended' : 'writing' },
          h('th', { scope: 'row' }, roleName(v, seat)),
          h('td', null, who),
          // Before the Start nobody is writing yet.
          h('td', { class: 'fac-state' }, !open(v) || s.waiting ? '—' : ended ? '✓ Ended' : '✎ Still writing'),
          h('td', { class: 'num' }, String(v.scores[seat]?.total ?? '—')),
          h('td', { class: 'num' }, money(treasury)),
          h('td', { class: 'num' }, String(offersOf(seat).length)),
          h('td', { class: 'num' }, String(ordersOf(seat).length)),
          h('td', null, h('button', { type: 'button', class: 'btn small', 'data-view-as': seat, onclick: () => viewAs(seat) }, 'View as')),
        );
      }),
    ),
  );
}

const everyone = (v: GameView, seenBy: readonly RoleId[]) => v.seats.every((s) => seenBy.includes(s));

function offerItem(v: GameView, o: Offer): HTMLElement {
  const secretClauses = o.deal.kind === 'pact' ? o.deal.clauses.filter((c) => c.secret).length : 0;
  return h(
    'li',
    { 'data-offer': o.id },
    h('strong', null, `${roleName(v, o.from)} → ${o.to.map((t) => roleName(v, t)).join(', ')}`),
    ' ',
    everyone(v, o.seenBy) ? null : h('span', { class: 'fac-tag private', title: `Seen by ${o.seenBy.map((r) => roleName(v, r)).join(', ')} only` }, 'private'),
    secretClauses ? h('span', { class: 'fac-tag secret' }, `${secretClauses} secret clause${secretClauses > 1 ? 's' : ''}`) : null,
    h('span', { class: 'fac-tag' }, statusLabel(o.status)),
    h('div', null, describeDeal(v, o.deal)),
  );
}

/** Open offers of this round (private ones and secret clauses marked), agreements with secret clauses, sealed orders. */
export function dealsPanel(v: GameView): (HTMLElement | null)[] {
  const offers = v.offers.filter((o) => o.round === v.round && (o.status === 'open' || o.status === 'accepted'));
  const orders = v.orders.filter((o) => o.round === v.round);
  return [
    h('h2', null, 'Offers on the table'),
    offers.length ? h('ul', { class: 'fac-list', id: 'fac-offers' }, offers.map((o) => offerItem(v, o))) : h('p', { class: 'muted' }, 'No open offers this round.'),
    h('h2', null, 'Sealed orders'),
    orders.length
      ? h('ul', { class: 'fac-list', id: 'fac-orders' }, orders.map((o) => h('li', null, h('strong', null, roleName(v, o.role)), ' ', h('span', { class: 'fac-tag secret' }, 'sealed'), ' ', describeOrder(v, o.order))))
      : h('p', { class: 'muted' }, v.phase === 'decisions' ? 'No orders given yet.' : 'Orders are given in the decisions phase.'),
  ];
}

/** Agreements in force, each with a button to void it (the reason comes from the rulings form). */
export function agreementsList(v: GameView, voidIt: (id: string) => void): HTMLElement {
  const active = v.agreements.filter((a) => a.status === 'active');
  if (!active.length) return h('p', { class: 'muted' }, 'No agreement in force.');
  return h(
    'ul',
    { class: 'fac-list', id: 'fac-agreements' },
    active.map((a) =>
      h(
        'li',
        { 'data-agreement': a.id },
        h('strong', null, a.parties.map((p) => roleName(v, p)).join(' & ')),
        ' ',
        a.clauses.filter((c) => c.seenBy !== 'all').map((c) => h('span', { class: 'fac-tag secret' }, `secret: ${c.kind}`)),
        h('div', null, describeDeal(v, a.deal)),
        h('button', { type: 'button', class: 'btn small', onclick: () => voidIt(a.id) }, 'Void'),
      ),
    ),
  );
}

/** Questions the seats have asked, newest first. */
export function questions(v: GameView): LogEntry[] {
  return v.log.filter((e) => e.text.includes(' asks the facilitator: ')).reverse();
}

const audienceText = (v: GameView, e: LogEntry): string => (e.seenBy === 'all' ? 'all' : e.seenBy.length === 0 ? 'you only' : e.seenBy.map((r) => roleName(v, r)).join(', '));

/** The whole record's news as the facilitator sees it, each entry with who saw it. */
export function timeline(v: GameView): HTMLElement {
  const entries = v.log.slice(-40).reverse();
  return h(
    'ol',
    { class: 'fac-timeline', id: 'fac-timeline' },
    entries.map((e) => h('li', null, h('span', { class: 'muted' }, `R${e.round} ${phaseLabel(e.phase)} · ${audienceText(v, e)}: `), namesForIds(v, e.text))),
  );
}

/** The scenario's scripted injects, each with its source and whether it has been fired. */
export function scriptedList(v: GameView, injects: ScenarioInject[], fire: (id: string) => void): HTMLElement {
  const firedIn = (id: string) => v.log.find((e) => e.about.includes(`inject:${id}`))?.round ?? null;
  if (!injects.length) return h('p', { class: 'muted' }, 'This scenario declares no injects (see docs/scenario-format.md, injects).');
  return h(
    'ul',
    { class: 'fac-list', id: 'fac-scripted' },
    injects.map((i) => {
      const round = firedIn(i.id);
      return h(
        'li',
        { 'data-inject': i.id },
        h('strong', null, i.title),
        h('div', { class: 'muted small' }, i.source),
        round !== null
          ? h('span', { class: 'fac-tag' }, `fired in round ${round}`)
          : h('button', { type: 'button', class: 'btn small', disabled: !open(v), onclick: () => fire(i.id) }, 'Fire now'),
      );
    }),
  );
}

/** The injects set for a later round: each waits for its round's briefing, and can be cancelled until then. */
export function scheduleList(v: GameView, cancel: (id: string) => void): HTMLElement {
  const schedule = v.schedule ?? [];
  if (!schedule.length) return h('p', { class: 'muted', id: 'fac-schedule-empty' }, 'Nothing scheduled. Choose a round under When in an inject or news form.');
  return h(
    'ul',
    { class: 'fac-list', id: 'fac-schedule' },
    schedule.map((s) =>
      h(
        'li',
        { 'data-scheduled': s.id, class: s.status },
        h('strong', null, `Round ${s.round}: `),
        h('span', { class: 'fac-schedule-what' }, injectText(v, s.inject)),
        ' ',
        s.status === 'waiting'
          ? h('button', { type: 'button', class: 'btn small', 'data-cancel': s.id, disabled: !open(v), onclick: () => cancel(s.id) }, 'Cancel')
          : h('span', { class: 'fac-tag' }, s.status === 'fired' ? `fired at the start of round ${s.round}` : 'cancelled'),
      ),
    ),
  );
}

/** Event kinds for the inject form: the scenario's deck first, then every other kind the engine knows. */
export function eventKinds(deck: string[]): string[] {
  return [...deck, ...EVENT_KINDS.filter((k) => !deck.includes(k))];
}

/** Exactly what one seat sees (the engine's view for that seat, as the server sends it). */
export function viewAsPanel(s: ConsoleState, close: () => void): HTMLElement | null {
  const va = s.viewAs;
  if (!va) return null;
  const v = va.view;
  const offers = v.offers.filter((o) => o.round === v.round);
  return h(
    'section',
    { class: 'fac-box fac-view-as', id: 'fac-view-as', 'aria-label': `What ${roleName(v, va.seat)} sees` },
    h('div', { class: 'fac-head' }, h('h2', null, `What ${roleName(v, va.seat)} sees`), h('button', { type: 'button', class: 'btn small', onclick: close }, 'Close')),
    h('p', null, `Score ${v.scores[va.seat]?.total ?? '—'} · treasury ${money(v.islands[va.seat]?.treasury ?? v.powers[va.seat as 'beijing']?.treasury ?? 0)} · ${v.ended.includes(va.seat) ? 'has ended the phase' : 'still writing'}`),
    h('h3', null, 'Offers'),
    offers.length ? h('ul', { class: 'fac-list' }, offers.map((o) => offerItem(v, o))) : h('p', { class: 'muted' }, 'None this round.'),
    h('h3', null, 'Their news'),
    h('ol', { class: 'fac-timeline' }, v.log.slice(-25).reverse().map((e) => h('li', null, h('span', { class: 'muted' }, `R${e.round}: `), namesForIds(v, e.text)))),
  );
}

/**
 * A team seat's parts, chosen at set-up: a team of two needs no minister of foreign affairs, and a
 * part the team lacks signs nothing (a team without a minister of finance takes loans on its prime
 * minister's word). Sent as the facilitator's ruling of kind "team", so it is in the record.
 */
function teamParts(x: LobbySeat, name: string, setTeam: (seat: RoleId, subRoles: string[]) => void): HTMLElement {
  const all = x.allSubRoles ?? x.subRoles ?? [];
  const has = new Set((x.subRoles ?? []).map((r) => r.id));
  const boxes = all.map((r) => h('input', { type: 'checkbox', value: r.id, checked: has.has(r.id), 'data-part': r.id, 'aria-label': `${name}: ${r.title}` }) as HTMLInputElement);
  return h(
    'fieldset',
    { class: 'fac-lobby-parts', 'data-parts': x.seat },
    h('legend', null, 'The team’s parts'),
    all.map((r, i) => h('label', null, boxes[i], ` ${r.title}`)),
    h(
      'button',
      {
        type: 'button',
        class: 'btn small',
        'data-set-parts': x.seat,
        onclick: () => setTeam(x.seat, boxes.filter((b) => b.checked).map((b) => b.value)),
      },
      'Set the parts',
    ),
  );
}
