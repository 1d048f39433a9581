import { Client, type Room } from '@colyseus/sdk';
import { h, render } from '../dom';
import './vote.css';

/**
 * A voter's phone in a class vote (docs/facilitator.md): the class plays one seat, and votes
 * between the options the facilitator puts to it. It joins as a watcher and a voter: it receives
 * the vote (with the options' words) and sends ballots, nothing else.
 */

export interface VoteMessage {
  open: boolean;
  id?: number;
  seat?: string;
  seatName?: string;
  options?: { n: number; label: string; votes: number }[];
  ballots?: number;
}

declare global {
  interface Window {
    __landingRightsVoter?: { vote: VoteMessage | null; chosen: number | null };
  }
}

class VoterScreen {
  private readonly root = h('div', { id: 'voter', class: 'voter', role: 'region', 'aria-label': 'Class vote' });
  private room: Room | null = null;
  private vote: VoteMessage | null = null;
  private chosen: { vote: number; option: number } | null = null;
  private problem: string | null = null;

  constructor(private readonly code: string) {
    document.body.append(this.root);
    window.__landingRightsVoter = { vote: null, chosen: null };
    this.draw();
  }

  async start(): Promise<void> {
    try {
      this.room = await new Client(window.location.origin).joinById(this.code, { watch: true, voter: true });
    } catch (e) {
      this.problem = e instanceof Error ? e.message : String(e);
      return this.draw();
    }
    const room = this.room;
    room.onMessage('vote', (m: VoteMessage) => {
      this.vote = m;
      window.__landingRightsVoter = { vote: m, chosen: this.chosen && m.id === this.chosen.vote ? this.chosen.option : null };
      this.draw();
    });
    room.onMessage('refused', (r: { message: string }) => ((this.problem = r.message), this.draw()));
    for (const type of ['view', 'viewPatch', 'lobby', 'seated']) room.onMessage(type, () => undefined);
    room.onLeave(() => window.setTimeout(() => void this.start(), 1000));
  }

  private cast(id: number, option: number): void {
    this.problem = null;
    this.chosen = { vote: id, option };
    if (window.__landingRightsVoter) window.__landingRightsVoter.chosen = option;
    this.room?.send('ballot', { vote: id, option });
    this.draw();
  }

  private draw(): void {
    const v = this.vote;
    const chosen = this.chosen;
    const mine = v?.open && chosen && chosen.vote === v.id ? chosen.option : null;
    render(
      this.root,
      h('p', { class: 'voter-code' }, `Game ${this.code} · class vote`),
      this.problem ? h('p', { class: 'alert', role: 'alert' }, this.problem) : null,
      !v?.open || v.id === undefined
        ? h('p', { class: 'voter-wait', id: 'voter-wait' }, this.room ? 'No vote is open. Wait for the facilitator to put a question to the class.' : `Joining game ${this.code}…`)
        : h(
            'div',
            null,
            h('h1', { id: 'voter-title' }, `What should ${v.seatName ?? v.seat} do?`),
            h(
              'ol',
              { class: 'voter-options', id: 'voter-options' },
              (v.options ?? []).map((o) =>
                h(
                  'li',
                  null,
                  h(
                    'button',
                    { type: 'button', class: `btn voter-option${mine === o.n ? ' chosen' : ''}`, 'data-option': String(o.n), 'aria-pressed': String(mine === o.n), onclick: () => this.cast(v.id!, o.n) },
                    h('span', { class: 'voter-n' }, String(o.n)),
                    h('span', null, o.label),
                    h('span', { class: 'voter-votes' }, `${o.votes} vote${o.votes === 1 ? '' : 's'}`),
                  ),
                ),
              ),
            ),
            h('p', { class: 'muted', id: 'voter-mine' }, mine ? `Your vote: option ${mine}. You may change it until the facilitator confirms.` : 'Tap an option to vote.'),
          ),
    );
  }
}

/** Open the voter's screen for game `code`. */
export async function openVoter(code: string): Promise<void> {
  document.getElementById('voter')?.remove();
  await new VoterScreen(code.toUpperCase().replace(/[\s-]/g, '')).start();
}
