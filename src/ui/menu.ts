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
    h(
      'div',
      { class: 'menu-buttons' },
      a.canContinue ? h('button', { type: 'button', class: 'btn primary', id: 'menu-continue', onclick: a.onContinue }, a.continueLabel) : null,
      h('button', { type: 'button', class: `btn${a.canContinue ? '' : ' primary'}`, id: 'menu-new', onclick: a.onNew }, 'New game'),
      h('button', { type: 'button', class: 'btn', id: 'menu-tutorial', onclick: a.onTutorial }, 'Tutorial'),
      h('button', { type: 'button', class: 'btn', id: 'menu-load', onclick: a.onLoad }, 'Load game'),
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
