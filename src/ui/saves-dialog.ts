import type { SaveSummary } from '../host/storage';
import type { GameController } from './controller';
import { announce, h, render } from './dom';
import { phaseLabel } from './names';
import { exportText, parseRecordText } from './saves';

/** Offer a text as a file download. */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = h('a', { href: url, download: name, style: 'display:none' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export the game in play as its record file. */
export function exportGame(c: GameController): void {
  const host = c.host;
  if (!host) return;
  const s = host.state;
  download(`landing-rights-${s.scenario.id}-round-${s.round}-${s.phase}.json`, exportText(host.saveRecord(), c.seating));
  announce('The game record was exported as a file.');
}

/**
 * Saved games: the browser's saves (the autosave among them) to load or delete, a record file to
 * import, the game in play to export. A record that does not open is refused with a message and
 * the game in play stays as it was.
 */
export class SavesDialog {
  private saves: SaveSummary[] | null = null;
  private message: { kind: 'error' | 'ok'; text: string } | null = null;
  private working = false;

  constructor(
    private readonly el: HTMLDialogElement,
    private readonly c: GameController,
  ) {
    el.addEventListener('close', () => {
      this.message = null;
    });
  }

  get isOpen(): boolean {
    return this.el.open;
  }

  async open(): Promise<void> {
    this.message = null;
    this.saves = null;
    this.draw();
    if (!this.el.open) this.el.showModal();
    await this.refresh();
  }

  close(): void {
    if (this.el.open) this.el.close();
  }

  private async refresh(): Promise<void> {
    try {
      this.saves = await this.c.store.list();
    } catch (e) {
      this.saves = [];
      this.message = { kind: 'error', text: `Saved games could not be read: ${e instanceof Error ? e.message : String(e)}` };
    }
    this.draw();
  }

  private async run(task: () => Promise<{ ok: true } | { ok: false; message: string }>, done: string): Promise<void> {
    if (this.working) return;
    this.working = true;
    this.message = null;
    this.draw();
    try {
      const r = await task();
      if (r.ok) {
        this.close();
        announce(done);
      } else {
        this.message = { kind: 'error', text: r.message };
        announce(`Not opened: ${r.message}`);
      }
    } catch (e) {
      this.message = { kind: 'error', text: e instanceof Error ? e.message : String(e) };
    } finally {
      this.working = false;
      if (this.el.open) this.draw();
    }
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await this.run(async () => {
      const parsed = parseRecordText(await file.text());
      if (!parsed.ok) return parsed;
      return this.c.open(parsed.data);
    }, `Opened ${file.name}.`);
  }

  private draw(): void {
    const c = this.c;
    const when = (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    };
    render(
      this.el,
      h('h2', { id: 'saves-title' }, 'Saved games'),
      h('p', { class: 'hint' }, 'Games are saved in this browser after every move. Export a game to keep it as a file or open it elsewhere.'),
      h('div', { class: `alert${this.message?.kind === 'ok' ? ' ok' : ''}`, role: 'alert', id: 'saves-message' }, this.message?.text ?? ''),
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
                    h('button', { type: 'button', class: 'btn small', 'data-key': `load-${s.id}`, 'aria-label': `Load ${s.name}`, disabled: this.working, onclick: () => void this.run(() => c.openSaved(s.id), `Loaded ${s.name}.`) }, 'Load'),
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'btn small quiet',
                        'data-key': `delete-${s.id}`,
                        'aria-label': `Delete ${s.name}`,
                        disabled: this.working,
                        onclick: async () => {
                          await c.store.remove(s.id);
                          await this.refresh();
                        },
                      },
                      'Delete',
                    ),
                  ),
                ),
              ),
            ),
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
            h('input', { type: 'file', id: 'import-file', accept: '.json,application/json', 'aria-label': 'Import a game file', onchange: (e: Event) => void this.importFile(e.target as HTMLInputElement) }),
          ),
          c.host ? h('button', { type: 'button', class: 'btn', id: 'export-game', onclick: () => exportGame(c) }, 'Export this game') : null,
        ),
        h('button', { type: 'button', class: 'btn primary', id: 'saves-close', onclick: () => this.close() }, 'Close'),
      ),
    );
  }
}
