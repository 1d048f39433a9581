import { Client, type Room } from '@colyseus/sdk';
import type { GameView } from '../../engine';
import { followViews } from '../../host/view-sync';
import { h, render } from '../dom';
import type { MapHost } from '../map-host';
import { namesForIds, phaseLabel, roleName } from '../names';
import { clockText } from '../facilitator/views';
import type { VoteMessage } from '../vote';
import './projector.css';

/**
 * The projector screen (docs/facilitator.md): the public map, the timeline of public events, the
 * phase's countdown and the public scores, for the back of a room at 1920×1080. It joins as a
 * watcher, so the server sends it the spectator's view: no secret can reach it.
 */

interface ViewMessage {
  viewer: string;
  view: GameView;
  deadlineAt: number | null;
  paused?: boolean;
  pausedLeftMs?: number | null;
  /** Waiting in the lobby for the facilitator's Start. */
  waiting?: boolean;
}

declare global {
  interface Window {
    __landingRightsProjector?: { view: GameView | null; paused: boolean };
  }
}

class ProjectorScreen {
  private readonly root = h('div', { id: 'projector', class: 'projector-screen', role: 'region', 'aria-label': 'Projector screen' });
  private last: ViewMessage | null = null;
  /** The class vote open now: numbers and the tally only (the server sends the projector no option's words). */
  private vote: VoteMessage | null = null;
  private problem: string | null = null;
  private readonly hook = { view: null as GameView | null, paused: false };

  constructor(
    private readonly code: string,
    private readonly map: MapHost | null,
  ) {
    document.body.classList.add('projecting');
    document.documentElement.classList.add('projector');
    document.body.append(this.root);
    window.__landingRightsProjector = this.hook;
    window.setInterval(() => this.tick(), 1000);
    this.draw();
  }

  async start(): Promise<void> {
    let room: Room;
    try {
      room = await new Client(window.location.origin).joinById(this.code, { watch: true });
    } catch (e) {
      this.problem = e instanceof Error ? e.message : String(e);
      return this.draw();
    }
    followViews(room, (m: ViewMessage) => {
      this.last = m;
      this.hook.view = m.view;
      this.hook.paused = m.paused === true;
      this.map?.showGame(m.view);
      this.draw();
    });
    room.onMessage('vote', (m: VoteMessage) => ((this.vote = m), this.draw()));
    for (const type of ['lobby', 'refused', 'seated']) room.onMessage(type, () => undefined);
    room.onLeave(() => window.setTimeout(() => void this.start(), 1000));
  }

  private clock(): string {
    const m = this.last;
    if (!m) return '';
    if (m.paused) return m.pausedLeftMs !== null && m.pausedLeftMs !== undefined ? clockText(m.pausedLeftMs) : '';
    return m.deadlineAt !== null ? clockText(m.deadlineAt - Date.now()) : '';
  }

  private tick(): void {
    const el = this.root.querySelector<HTMLElement>('#proj-clock');
    if (el) el.textContent = this.clock();
  }

  private draw(): void {
    const m = this.last;
    const v = m?.view;
    const link = `${window.location.origin}/?join=${this.code}`;
    if (!v) return render(this.root, h('div', { class: 'proj-band' }, h('h1', null, this.problem ?? `Joining game ${this.code}…`)));
    const seats = [...v.seats].sort((a, b) => (v.scores[b]?.total ?? 0) - (v.scores[a]?.total ?? 0));
    const publicLog = v.log.filter((e) => e.seenBy === 'all').slice(-4).reverse();
    render(
      this.root,
      h(
        'div',
        { class: 'proj-band' },
        h('div', null, h('h1', null, v.scenario.title), h('p', { class: 'proj-sub' }, v.phase === 'over' ? 'The game is over' : `Round ${v.round} of ${v.scenario.rounds} · ${phaseLabel(v.phase)}`)),
        m.paused ? h('p', { class: 'proj-paused', id: 'proj-paused' }, 'Paused by the facilitator') : null,
        m.waiting ? h('p', { class: 'proj-paused', id: 'proj-waiting' }, 'Join now: the game starts soon') : null,
        h('p', { class: 'proj-clock', id: 'proj-clock', 'aria-label': 'Time left in this phase' }, this.clock()),
        h('p', { class: 'proj-join' }, 'Join: ', h('strong', null, this.code), h('br'), h('span', { class: 'proj-link' }, link)),
      ),
      h(
        'section',
        { class: 'proj-scores', 'aria-label': 'Scores' },
        h('h2', null, v.phase === 'over' ? 'Final scores' : 'Scores'),
        h(
          'ol',
          null,
          seats.map((s) => h('li', { 'data-seat': s }, h('span', null, roleName(v, s)), h('span', { class: 'proj-num' }, String(v.scores[s]?.total ?? '—')), v.ended.includes(s) && (v.phase === 'negotiation' || v.phase === 'decisions') ? h('span', { class: 'proj-done', title: 'Has ended this phase' }, '✓') : h('span', { class: 'proj-done' }))),
        ),
      ),
      this.vote?.open ? this.voteBox(this.vote) : null,
      h(
        'section',
        { class: 'proj-timeline', 'aria-label': 'Public events' },
        h('h2', null, 'News'),
        publicLog.length ? h('ol', { id: 'proj-news' }, publicLog.map((e) => h('li', null, h('span', { class: 'proj-round' }, `R${e.round}`), namesForIds(v, e.text)))) : h('p', null, 'Nothing public yet.'),
      ),
    );
  }

  /** The tally, live: a bar per option, the options' words on the voters' phones. */
  private voteBox(vote: VoteMessage): HTMLElement {
    const options = vote.options ?? [];
    const most = Math.max(1, ...options.map((o) => o.votes));
    return h(
      'section',
      { class: 'proj-vote', id: 'proj-vote', 'aria-label': 'Class vote' },
      h('h2', null, `Class vote: ${vote.seatName ?? vote.seat} · ${vote.ballots ?? 0} vote${vote.ballots === 1 ? '' : 's'}`),
      h(
        'ol',
        null,
        options.map((o) =>
          h(
            'li',
            { 'data-option': String(o.n) },
            h('span', { class: 'proj-vote-n' }, `Option ${o.n}`),
            h('span', { class: 'proj-vote-bar' }, h('span', { style: `width:${Math.round((o.votes / most) * 100)}%` })),
            h('span', { class: 'proj-num' }, String(o.votes)),
          ),
        ),
      ),
      h('p', { class: 'proj-sub' }, `Vote on your phone: ${window.location.host}/?vote=${this.code}`),
    );
  }
}

/** Open the projector screen for game `code`, drawing its public map on the page's map. */
export async function openProjector(code: string, map: MapHost | null): Promise<void> {
  document.getElementById('projector')?.remove();
  await new ProjectorScreen(code.toUpperCase().replace(/[\s-]/g, ''), map).start();
}
