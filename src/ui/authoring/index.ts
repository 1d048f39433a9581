import type { GameDigest } from '../../ai/report';
import { reportPlan, summariseReport } from '../../ai/report-words';
import type { ScenarioData } from '../../engine';
import { clip, decodeScenarioBytes, parseScenarioText, type ScenarioError } from '../../scenario/load';
import { announce, h, render } from '../dom';
import type { LoadedScenario } from '../scenarios';
import { ReportRunner } from './report-runner';
import { openedKey, openedStore, type OpenedFile } from './store';
import { problemsView, reportView, type ReportState } from './views';
import './authoring.css';

export { fileInput } from './views';
export { isOpenedKey } from './store';

/** An opened file's entry, checked again by the loader, as the setup screen lists scenarios. */
function loadedOf(f: OpenedFile): LoadedScenario | null {
  const r = parseScenarioText(f.text, f.fileName);
  return r.ok ? { id: f.key, file: f.fileName, scenario: r.scenario, hash: r.hash, opened: { fileName: f.fileName, text: f.text } } : null;
}

/** The scenario files opened in this browser, each checked again (one that no longer reads is left out). */
export async function openedScenarios(): Promise<LoadedScenario[]> {
  try {
    return (await openedStore().list()).flatMap((f) => loadedOf(f) ?? []);
  } catch {
    return [];
  }
}

/** Forget an opened scenario file (saves and records made from it keep their own copy). */
export async function removeOpened(key: string): Promise<void> {
  await openedStore().remove(key);
}

/**
 * "Open a scenario file…" and the authoring report: a dialog of its own. A file is read in the
 * browser and checked by the same loader as the shipped scenarios; a refused file shows each
 * problem beside its line, a valid one is kept in the browser and handed to the setup screen.
 */
export class Authoring {
  private readonly el: HTMLDialogElement;
  private runner: ReportRunner | null = null;
  private before: HTMLElement | null = null;

  constructor() {
    this.el = h('dialog', { id: 'authoring-dialog', class: 'authoring', 'aria-labelledby': 'authoring-title' });
    document.body.append(this.el);
    this.el.addEventListener('close', () => {
      this.runner?.stop();
      this.runner = null;
      this.before?.focus();
    });
  }

  private show(...children: (HTMLElement | null)[]): void {
    render(this.el, ...children);
    if (!this.el.open) {
      this.before = document.activeElement as HTMLElement | null;
      this.el.showModal();
    }
    requestAnimationFrame(() => document.getElementById('authoring-title')?.focus());
  }

  close(): void {
    if (this.el.open) this.el.close();
  }

  /** Read and check a file; the scenario it holds once valid (kept in the browser), else null with its problems on screen. */
  async open(file: File): Promise<LoadedScenario | null> {
    const name = clip(file.name, 120) || 'scenario.yaml';
    const bytes = new Uint8Array(await file.arrayBuffer());
    const decoded = decodeScenarioBytes(bytes, name);
    const text = decoded.ok ? decoded.text : '';
    const r = decoded.ok ? parseScenarioText(text, name) : decoded;
    if (!r.ok) {
      this.showProblems(name, text, r.errors, 'more' in r && typeof r.more === 'number' ? r.more : 0);
      announce(`${name} has problems: nothing was opened.`);
      return null;
    }
    const entry: OpenedFile = { key: openedKey(r.scenario.id), id: r.scenario.id, title: r.scenario.title, fileName: name, text, openedAt: new Date().toISOString() };
    try {
      await openedStore().put(entry);
    } catch {
      // Not kept (a private window, storage full): it still plays in this visit.
    }
    this.close();
    announce(`Opened ${r.scenario.title}.`);
    return { id: entry.key, file: name, scenario: r.scenario, hash: r.hash, opened: { fileName: name, text } };
  }

  private showProblems(fileName: string, text: string, errors: ScenarioError[], more: number): void {
    this.show(...problemsView({ fileName, text, errors, more, onOpen: (f) => void this.open(f).then((s) => s && this.opened?.(s)), onClose: () => this.close() }));
  }

  /** Told when a file opened from the problems dialog ("Open the file again…") is valid. */
  opened: ((s: LoadedScenario) => void) | null = null;

  /** Play the report's games in Web Workers with a progress bar, then show the report. */
  async report(s: LoadedScenario): Promise<void> {
    const plan = reportPlan();
    const st: ReportState = { title: s.scenario.title, total: plan.length, done: 0, report: null, seconds: null, error: null };
    const draw = () => this.show(...reportView(st, () => this.close()));
    draw();
    this.runner?.stop();
    const runner = new ReportRunner();
    this.runner = runner;
    const digests: GameDigest[] = [];
    const started = performance.now();
    try {
      await runner.run(s.scenario as unknown as ScenarioData, s.hash, plan, (d) => {
        digests.push(d);
        st.done = digests.length;
        const bar = document.getElementById('report-progress') as HTMLProgressElement | null;
        if (bar && this.runner === runner) {
          bar.value = st.done;
          if (bar.nextElementSibling) bar.nextElementSibling.textContent = `Playing game ${Math.min(st.done + 1, st.total)} of ${st.total}…`;
        }
      });
    } catch (e) {
      if (this.runner !== runner) return;
      st.error = e instanceof Error ? e.message : String(e);
      draw();
      return;
    }
    if (this.runner !== runner || !this.el.open) return;
    st.seconds = (performance.now() - started) / 1000;
    st.report = summariseReport(s.scenario as unknown as ScenarioData, digests);
    this.runner = null;
    draw();
    announce('The authoring report is ready.');
  }
}
