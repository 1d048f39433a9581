import { h } from './dom';

/** The first screen: small on purpose, so it shows before the rest of the game has loaded. */
export interface MenuActions {
  canContinue: boolean;
  continueLabel: string;
  problem: string | null;
  onContinue(): void;
  onNew(): void;
  onLoad(): void;
  /** A first game with a coach that teaches the rules step by step. */
  onTutorial(): void;
  /** Host or join a game played over the network. */
  onOnline(): void;
  projector: boolean;
  onProjector(on: boolean): void;
  /** The player asked for the tutorial while a game is in progress: ask before replacing it. */
  confirmTutorial?: { onYes(): void; onNo(): void } | null;
  /** Open the debrief of a finished game's record file. */
  onDebriefFile(file: File): void;
}

export function menuScreen(a: MenuActions): HTMLElement {
  return h(
    'section',
    { class: 'sheet', 'aria-labelledby': 'menu-title' },
    h('h2', { id: 'menu-title', tabindex: -1 }, 'Landing Rights'),
    h(
      'p',
      { class: 'lede' },
      'Who builds, pays for and secures the Pacific’s undersea cables? Play an island government, Beijing, Canberra or Washington, and trade cable deals, aid and security pacts. Every deal brings connectivity or money, and every deal has strings.',
    ),
    a.problem ? h('p', { class: 'alert', role: 'alert' }, a.problem) : null,
    a.confirmTutorial
      ? h(
          'div',
          { class: 'alert confirm', role: 'alertdialog', 'aria-labelledby': 'tutorial-confirm-text', id: 'tutorial-confirm' },
          h('p', { id: 'tutorial-confirm-text' }, 'A game is in progress. Starting the tutorial ends it; use “Save game” first to keep it. Start the tutorial?'),
          h(
            'div',
            { class: 'menu-buttons' },
            h('button', { type: 'button', class: 'btn', id: 'tutorial-keep', onclick: a.confirmTutorial.onNo }, 'Keep my game'),
            h('button', { type: 'button', class: 'btn danger', id: 'tutorial-replace', onclick: a.confirmTutorial.onYes }, 'Start the tutorial'),
          ),
        )
      : null,
    h(
      'div',
      { class: 'menu-buttons' },
      a.canContinue ? h('button', { type: 'button', class: 'btn primary', id: 'menu-continue', onclick: a.onContinue }, a.continueLabel) : null,
      h('button', { type: 'button', class: `btn${a.canContinue ? '' : ' primary'}`, id: 'menu-new', onclick: a.onNew }, 'New game'),
      h('button', { type: 'button', class: 'btn', id: 'menu-tutorial', onclick: a.onTutorial }, 'Tutorial'),
      h('button', { type: 'button', class: 'btn', id: 'menu-load', onclick: a.onLoad }, 'Load game'),
      h(
        'label',
        { class: 'btn file-pick' },
        'Debrief a game file…',
        h('input', {
          type: 'file',
          id: 'menu-debrief-file',
          accept: '.json,application/json',
          'aria-label': 'Debrief a game file',
          onchange: (e: Event) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) a.onDebriefFile(file);
          },
        }),
      ),
      h('button', { type: 'button', class: 'btn', id: 'menu-online', onclick: a.onOnline }, 'Play online'),
    ),
    h(
      'div',
      { class: 'prefs' },
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'checkbox', id: 'menu-projector', checked: a.projector, onchange: (e: Event) => a.onProjector((e.target as HTMLInputElement).checked) }),
        'Projector: larger text for a room',
      ),
    ),
  );
}
