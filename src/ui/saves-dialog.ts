import type { SaveSummary, Seating } from '../host/storage';
import { MAX_RECORD_BYTES } from '../host/record';
import type { GameController } from './controller';
import type { Opening } from './game-protocol';
import { announce, h, render } from './dom';
import { phaseLabel } from './names';

/** Offer a text as a file download. */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = h('a', { href: url, download: name, style: 'display:none' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Hot-seat: several people's secrets sit in one game, so its file is the teacher's, not a player's. */
export const isFullRecord = (seating: Seating): boolean => seating.mode === 'hotseat' && seating.humans.length > 1;
export const FULL_RECORD_LABEL = 'Export the game’s full record (for the teacher)';
export const FULL_RECORD_HINT = 'This file holds every seat’s secrets: each player’s private offers, secret clauses and sealed orders. Give it to the teacher, not to another player.';

/** Export the game in play as its record file. */
export async function exportGame(c: GameController): Promise<void> {
  const r = await c.exportFile();
  if (!r.ok) {
    announce(r.message);
    return;
  }
  download(r.name, r.text);
  announce(isFullRecord(c.seating) ? 'The game’s full record, with every seat’s secrets, was exported as a file.' : 'The game record was exported as a file.');
}

/**
 * Saved games: the browser's saves (the autosave among them) to load or delete, a record file to
 * import, the game in play to export. A record that does not open is refused with a message and
 * the game in play stays as it was; replacing a game in progress that no named save holds asks
 * first, and a "no" changes nothing (its autosave included).
 */
export class SavesDialog {
  private saves: SaveSummary[] | null = null;
  private message: { kind: 'error' | 'ok'; text: string } | null = null;
  private working = false;
  private confirm: { what: string; go: () => Promise<void> } | null = null;

  constructor(
    private readonly el: HTMLDialogElement,
    private readonly c: GameController,
  ) {
    el.addEventListener('close', () => {
      this.message = null;
      this.confirm = null;
    });
  }

  get isOpen(): boolean {
    return this.el.open;
  }

  async open(): Promise<void> {
    this.message = null;
    this.confirm = null;
    this.saves = null;
    this.draw();
    if (!this.el.open) this.el.showModal();
    await this.refresh();
  }

  close(): void {
    if (this.el.open) this.el.close();
  }

  private async refresh(): Promise<void> {
    const r = await this.c.listSaves();
    this.saves = r.ok ? r.saves : [];
    if (!r.ok) this.message = { kind: 'error', text: r.message };
    this.draw();
  }

  /**
   * Open a file or save: the worker checks it first; one that would replace a game in progress
   * that no named save holds comes back asking, and opens only when the player says so.
   */
  private async run(what: string, task: (replace: boolean) => Promise<Opening>, done: string, replace = false): Promise<void> {
    if (this.working) return;
    this.working = true;
    this.confirm = null;
    this.message = null;
    this.draw();
    try {
      const r = await task(replace);
      if (r.ok) {
        this.close();
        announce(done);
      } else if (r.ask) {
        this.confirm = { what, go: () => this.run(what, task, done, true) };
        announce(`The game in progress is not saved under a name. Replace it with ${what}?`);
        requestAnimationFrame(() => document.getElementById('replace-keep')?.focus());
      } else {
        this.message = { kind: 'error', text: r.message };
        announce(`Not opened: ${r.message}`);
      }
    } catch {
      this.message = { kind: 'error', text: 'The file could not be opened.' };
    } finally {
      this.working = false;
      if (this.el.open) this.draw();
    }
  }

  private importFile(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_RECORD_BYTES) {
      this.message = { kind: 'error', text: `This file is too large to be a Landing Rights game record (over ${MAX_RECORD_BYTES / 1_000_000} MB).` };
      announce(`Not opened: ${this.message.text}`);
      this.draw();
      return;
    }
    let text: Promise<string> | null = null;
    void this.run(
      file.name,
      async (replace) => {
        try {
          text ??= file.text();
          return await this.c.openText(await text, replace);
        } catch {
          return { ok: false, message: 'The file could not be read.' };
        }
      },
      `Opened ${file.name}.`,
    );
  }

  private draw(): void {
    const c = this.c;
    const when = (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    };
    const full = isFullRecord(c.seating);
    const ask = this.confirm;
    render(
      this.el,
      h('h2', { id: 'saves-title' }, 'Saved games'),
      h('p', { class: 'hint' }, 'Games are saved in this browser after every move. Export a game to keep it as a file or open it elsewhere.'),
      h('div', { class: `alert${this.message?.kind === 'ok' ? ' ok' : ''}`, role: 'alert', id: 'saves-message' }, this.message?.text ?? ''),
      ask
        ? h(
            'div',
            { class: 'alert', role: 'alertdialog', id: 'replace-confirm', 'aria-labelledby': 'replace-question' },
            h('p', { id: 'replace-question' }, `The game in progress is not saved under a name. Opening ${ask.what} replaces it, and its autosave with it. Use “Save game” first to keep it.`),
            h(
              'span',
              { class: 'form-actions' },
              h('button', { type: 'button', class: 'btn', id: 'replace-keep', onclick: () => ((this.confirm = null), this.draw()) }, 'Keep my game'),
              h('button', { type: 'button', class: 'btn primary', id: 'replace-go', onclick: () => void ask.go() }, 'Replace it'),
            ),
          )
        : null,
      this.saves === null
        ? h('p', { class: 'muted' }, 'Reading saved games…')
        : this.saves.length === 0
          ? h('p', { class: 'empty' }, 'No saved games in this browser yet.')
          : h(
              'ul',
              { class: 'save-list' },
              this.saves.map((s) =>
                h(
                  'li',
                  null,
                  h('span', null, h('strong', null, s.name), h('span', { class: 'hint', style: 'display:block' }, `${when(s.savedAt)} · round ${s.round}, ${phaseLabel(s.phase).toLowerCase()}${s.over ? ' · finished' : ''}`)),
                  h(
                    'span',
                    { class: 'form-actions' },
                    h(
                      'button',
                      { type: 'button', class: 'btn small', 'data-key': `load-${s.id}`, 'aria-label': `Load ${s.name}`, disabled: this.working, onclick: () => void this.run(`“${s.name}”`, (replace) => c.openSaved(s.id, replace), `Loaded ${s.name}.`) },
                      'Load',
                    ),
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'btn small quiet',
                        'data-key': `delete-${s.id}`,
                        'aria-label': `Delete ${s.name}`,
                        disabled: this.working,
                        onclick: async () => {
                          await c.removeSave(s.id);
                          await this.refresh();
                        },
                      },
                      'Delete',
                    ),
                  ),
                ),
              ),
            ),
      c.game && full ? h('p', { class: 'hint', id: 'export-warning' }, FULL_RECORD_HINT) : null,
      h(
        'div',
        { class: 'dialog-actions' },
        h(
          'span',
          { class: 'form-actions' },
          h(
            'label',
            { class: 'btn file-pick' },
            'Import a game file…',
            h('input', { type: 'file', id: 'import-file', accept: '.json,application/json', 'aria-label': 'Import a game file', onchange: (e: Event) => this.importFile(e.target as HTMLInputElement) }),
          ),
          c.game ? h('button', { type: 'button', class: 'btn', id: 'export-game', 'aria-describedby': full ? 'export-warning' : null, onclick: () => void exportGame(c) }, full ? FULL_RECORD_LABEL : 'Export this game') : null,
        ),
        h('button', { type: 'button', class: 'btn primary', id: 'saves-close', onclick: () => this.close() }, 'Close'),
      ),
    );
  }
}
