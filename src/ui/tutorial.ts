import { PHASES, type GameView, type RoleId } from '../engine';
import type { GameController } from './controller';
import { h, render } from './dom';
import { roleName } from './names';

/** The scenario the tutorial plays, and the seat the player takes in it. */
export const TUTORIAL_SCENARIO = 'tutorial';
export const TUTORIAL_ROLE: RoleId = 'VTP';

/** What the coach reads each time the page draws: the controller, and the panel tab on show. */
export interface CoachContext {
  c: GameController;
  tab: string;
}

interface Step {
  id: string;
  title: string;
  /** May this step show yet (the game has reached it)? Until then the coach says how to get there. */
  ready(x: CoachContext, v: GameView | null): boolean;
  /** Has the player done what the step asks (or has the game moved past it)? */
  done(x: CoachContext, v: GameView | null, flags: Set<string>): boolean;
  body(x: CoachContext, v: GameView | null): string[];
  /** Selectors of what the step talks about: each gets an outline. */
  targets(x: CoachContext): string[];
  /** A button that completes the step when reading it is the whole action. */
  ack?: string;
}

const phaseAt = (v: GameView | null): number => (v ? PHASES.indexOf(v.phase) : -1);
/** The game is past `phase` of `round`. */
const past = (v: GameView | null, round: number, phase: (typeof PHASES)[number]): boolean =>
  v !== null && (v.round > round || (v.round === round && phaseAt(v) > PHASES.indexOf(phase)));
const reached = (v: GameView | null, round: number, phase: (typeof PHASES)[number]): boolean =>
  v !== null && (v.round > round || (v.round === round && phaseAt(v) >= PHASES.indexOf(phase)));

/** Round 2's cable bids addressed to the player. */
const tabledBids = (v: GameView | null) => (v ? v.offers.filter((o) => o.round === 2 && o.deal.kind === 'cable' && o.to.includes(TUTORIAL_ROLE)) : []);

const STEPS: Step[] = [
  {
    id: 'dashboard',
    title: 'This is your dashboard',
    ready: (x) => x.c.screen === 'match',
    done: (_x, v, flags) => flags.has('ack:dashboard') || flags.has('tab:dashboard') || past(v, 1, 'negotiation'),
    body: (_x, v) => {
      const isl = v?.islands[TUTORIAL_ROLE];
      return [
        `You govern ${v ? roleName(v, TUTORIAL_ROLE) : 'Vaitupa'}. The dashboard on the right shows your score and the numbers it is made of: treasury, economy, legitimacy, sovereignty and connectivity.`,
        isl ? `Right now your connectivity is ${isl.connectivity} out of 100, with ${isl.routes} active cable ${isl.routes === 1 ? 'route' : 'routes'}.` : '',
        v?.scores[TUTORIAL_ROLE] ? `Your score starts at ${v.scores[TUTORIAL_ROLE].total}, measuring where you stand before any deal; a second cable route is how you raise it to ${v.scenario.par}.` : '',
        'Read it, then press “Got it” (or open the Dashboard tab).',
      ];
    },
    targets: () => ['#panel'],
    ack: 'Got it',
  },
  {
    id: 'end-phase',
    title: 'End the phase',
    ready: () => true,
    done: (_x, v) => past(v, 1, 'negotiation'),
    body: (_x, v) => {
      const open = v ? v.offers.filter((o) => o.round === v.round && o.status === 'open' && o.to.includes(TUTORIAL_ROLE) && !o.acceptedBy.includes(TUTORIAL_ROLE)).length : 0;
      return [
        'Each round has phases: in Negotiation you send and answer offers, in Decisions you give orders, then the round resolves.',
        open
          ? `${open === 1 ? 'One offer to you is' : `${open} offers to you are`} open in the Offers tab: answer ${open === 1 ? 'it' : 'them'} now if you like, or leave ${open === 1 ? 'it' : 'them'}; an offer nobody answers lapses when the round ends. The bids this tutorial is about come in round 2.`
          : 'No offer to you is open this round.',
        'Press “End phase” in the top bar to end the negotiation.',
      ];
    },
    targets: () => ['#end-phase'],
  },
  {
    id: 'offers',
    title: 'Two bids for a second route are on the table',
    ready: (_x, v) => reached(v, 2, 'negotiation'),
    done: (_x, v) => past(v, 2, 'negotiation') || tabledBids(v).some((o) => o.acceptedBy.includes(TUTORIAL_ROLE) || ['accepted', 'rejected', 'countered', 'signed'].includes(o.status)),
    body: (x, v) => {
      const bids = tabledBids(v);
      const names = v ? [...new Set(bids.map((o) => roleName(v, o.from)))] : [];
      return [
        `${names.length ? names.join(' and ') : 'Beijing and Canberra'} each offer to build a second cable for you. One is cheaper, on a loan, and lets its builder reach your data; the other is a grant from a trusted vendor.`,
        x.tab === 'offers' ? 'Compare them below, and accept or reject at least one.' : 'Open the Offers tab, compare them, and accept or reject at least one.',
      ];
    },
    targets: (x) => (x.tab === 'offers' ? ['#tab-offers', '#tabpanel'] : ['#tab-offers']),
  },
  {
    id: 'cut',
    title: 'A cable was cut',
    ready: (_x, v) => reached(v, 3, 'negotiation'),
    done: (_x, v) => past(v, 3, 'negotiation'),
    body: (_x, v) => {
      const isl = v?.islands[TUTORIAL_ROLE];
      const cut = v ? v.cables.filter((k) => k.status === 'cut').map((k) => k.name) : [];
      return [
        cut.length ? `The news feed reports it: ${cut.join(', ')} ${cut.length === 1 ? 'is' : 'are'} cut.` : 'The news feed reports a ship dragging its anchor across your cable.',
        isl
          ? `Your connectivity is now ${isl.connectivity} out of 100, with ${isl.routes} active cable ${isl.routes === 1 ? 'route' : 'routes'}. With one route, a cut leaves you on satellite; with two, the other cable carries the traffic.`
          : 'With one route, a cut leaves you on satellite; with two, the other cable carries the traffic.',
        'Press “End phase” when you have read the news.',
      ];
    },
    targets: () => ['#feed', '#map'],
  },
  {
    id: 'scores',
    title: 'Your final score and its breakdown',
    ready: (x) => x.c.screen === 'end',
    done: (_x, _v, flags) => flags.has('ack:scores'),
    body: (_x, v) => {
      const s = v?.scores[TUTORIAL_ROLE];
      return [
        s ? `You finished with ${s.total}; ${v?.scenario.par ?? 50} wins.` : '',
        'The table shows what each score is made of and the rounds that moved it most. That is the whole game: every deal brings connectivity or money, and every deal has strings.',
      ];
    },
    targets: () => ['table.scores'],
    ack: 'Finish tutorial',
  },
];

/** What to do until a step can show. */
const WAIT: Record<string, string> = {
  offers: 'Round 1 carries on: press “End phase” after each phase until round 2’s negotiation opens.',
  cut: 'Round 2 carries on: press “End phase” after each phase until round 3.',
  scores: 'Play the last round: press “End phase” after each phase until the final scores.',
};

/**
 * The tutorial's coach: a card that walks the player through the first game, one step at a time.
 * Each step outlines the panel or control it talks about and moves on only when the controller's
 * state shows the player did what it asks. Every number it quotes comes from the engine's view.
 */
export class TutorialCoach {
  /** The game being coached (the controller's game id), or null. */
  private host: number | null = null;
  private step = 0;
  private readonly flags = new Set<string>();
  private card: HTMLElement | null = null;
  private shownKey = '';
  private outlined: Element[] = [];

  constructor(private readonly redraw: () => void) {}

  get active(): boolean {
    return this.host !== null;
  }

  /** The current step's id, or null when no tutorial runs. */
  get stepId(): string | null {
    return this.host ? (STEPS[this.step]?.id ?? null) : null;
  }

  /** Coach the game the controller holds now. */
  start(host: number): void {
    this.host = host;
    this.step = 0;
    this.flags.clear();
    this.shownKey = '';
  }

  stop(): void {
    this.host = null;
    this.update(null);
  }

  /** The player opened a panel tab. */
  tabOpened(tab: string): void {
    if (this.host) this.flags.add(`tab:${tab}`);
  }

  /** Draw the card and the outlines for the controller's state now (called after every page draw). */
  update(x: CoachContext | null): void {
    if (x && this.host !== null && x.c.game?.id !== this.host) this.host = null; // another game was started or opened
    const on = x !== null && this.host !== null && (x.c.screen === 'match' || x.c.screen === 'end');
    if (!on || !x) {
      this.outline([]);
      this.card?.remove();
      this.card = null;
      this.shownKey = '';
      return;
    }
    const v = x.c.view() ?? x.c.publicView();
    // Move on past every step done: the player may do more than one thing between draws.
    while (this.step < STEPS.length) {
      const s = STEPS[this.step];
      if (!s || !s.ready(x, v) || !s.done(x, v, this.flags)) break;
      this.step++;
    }
    const s = STEPS[this.step];
    if (!s) {
      this.stop();
      return;
    }
    const ready = s.ready(x, v);
    const targets = ready ? s.targets(x) : x.c.screen === 'match' ? ['#end-phase'] : [];
    const body = ready ? s.body(x, v).filter(Boolean) : [WAIT[s.id] ?? 'Play on.'];
    const key = `${s.id}|${ready ? 'ready' : 'wait'}|${body.join('|')}`;
    if (key !== this.shownKey) {
      this.shownKey = key;
      this.draw(s, ready, body);
    }
    this.place(x.c.screen === 'end', ready && s.id === 'offers' && x.tab === 'offers');
    this.outline(targets);
  }

  /**
   * Over the map beside the panels; while the player reads the bids, in the panel above them; on
   * the end screen, inside the sheet above the scores: covering none of what it talks about.
   */
  private place(atEnd: boolean, inPanel: boolean): void {
    const card = this.card;
    if (!card) return;
    const table = atEnd ? document.querySelector('#screen table.scores') : null;
    const panel = inPanel ? document.querySelector('#tabpanel') : null;
    if (table) {
      if (card.nextElementSibling !== table) table.before(card);
    } else if (panel) {
      if (panel.firstElementChild !== card) panel.prepend(card);
    } else if (card.parentElement !== document.body) document.body.append(card);
    card.classList.toggle('inline', table !== null || panel !== null);
  }

  private draw(s: Step, ready: boolean, body: string[]): void {
    if (!this.card) {
      this.card = h('section', { id: 'coach', class: 'coach', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'coach-title', 'aria-live': 'polite', tabindex: -1 });
      document.body.append(this.card);
    }
    const n = this.step + 1;
    render(
      this.card,
      h('p', { class: 'coach-step' }, `Tutorial · step ${n} of ${STEPS.length}${ready ? '' : ' (coming up)'}`),
      h('h2', { id: 'coach-title' }, s.title),
      body.map((t) => h('p', null, t)),
      h(
        'div',
        { class: 'coach-actions' },
        ready && s.ack
          ? h(
              'button',
              {
                type: 'button',
                class: 'btn primary',
                id: 'coach-ack',
                onclick: () => {
                  this.flags.add(`ack:${s.id}`);
                  this.redraw();
                },
              },
              s.ack,
            )
          : null,
        s.id === 'scores' ? null : h('button', { type: 'button', class: 'btn quiet small', id: 'coach-stop', onclick: () => (this.stop(), this.redraw()) }, 'Stop tutorial'),
      ),
    );
    this.card.dataset.step = s.id;
    this.card.dataset.state = ready ? 'ready' : 'waiting';
  }

  private outline(selectors: string[]): void {
    const next = selectors.flatMap((sel) => [...document.querySelectorAll(sel)]);
    for (const el of this.outlined) if (!next.includes(el)) el.classList.remove('coach-target');
    for (const el of next) el.classList.add('coach-target');
    this.outlined = next;
  }
}
