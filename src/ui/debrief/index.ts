import { dealsCsv, eventsCsv, roundsCsv } from '../../host/figures';
import { debriefHtml } from '../../host/handout';
import { announce, h, render } from '../dom';
import type { LoadedScenario } from '../scenarios';
import { DebriefController, type AbandonedBranch } from './controller';
import { mountChart } from './charts';
import { debriefView, printView, type Charts } from './views';
import './debrief.css';

export { DebriefController, type AbandonedBranch };

function save(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, style: 'display:none' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Open the debrief of a game record over the whole page: it replays the record, then shows its
 * charts, timeline, each side's view, the simulated odds and the history. Returns a message
 * instead when the record does not replay. Closing it gives the page back as it was.
 */
export function openDebrief(
  data: unknown,
  scenario: LoadedScenario,
  onClose: () => void = () => undefined,
  options: { finishedOnly?: boolean; abandoned?: AbandonedBranch[] } = {},
): { ok: true; controller: DebriefController } | { ok: false; message: string } {
  const opened = DebriefController.open(data, scenario);
  if (!opened.ok) return opened;
  const c = opened.controller;
  c.abandoned = options.abandoned ?? [];
  if (options.finishedOnly && !c.figures.over)
    return { ok: false, message: 'This game is not finished. Its debrief shows every side’s secrets, so it opens only at the end of the game, on the device it is played on.' };
  document.getElementById('debrief')?.remove();
  const root = h('div', { id: 'debrief', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'debrief-title' });
  document.body.append(root);
  document.documentElement.classList.add('debrief-open');
  const base = `landing-rights-${c.figures.scenario.id}-seed-${c.figures.seed}`;
  const close = () => {
    c.dispose();
    root.remove();
    document.documentElement.classList.remove('debrief-open');
    onClose();
  };
  const actions = {
    close,
    print: () => window.print(),
    download: (kind: 'record' | 'rounds' | 'deals' | 'events' | 'handout' | 'branch') => {
      const f = c.figures;
      const branch = c.branch.results[0];
      if (kind === 'branch') {
        if (!branch) return;
        save(`${base}-branch-${branch.from}.json`, `${JSON.stringify(branch.record, null, 1)}\n`, 'application/json');
      } else if (kind === 'record') save(`${base}.json`, `${JSON.stringify(c.played.record, null, 1)}\n`, 'application/json');
      else if (kind === 'rounds') save(`${base}-rounds.csv`, roundsCsv(f), 'text/csv');
      else if (kind === 'deals') save(`${base}-deals.csv`, dealsCsv(f), 'text/csv');
      else if (kind === 'events') save(`${base}-events.csv`, eventsCsv(f), 'text/csv');
      else save(`${base}-debrief.html`, debriefHtml(f, scenario.scenario.history), 'text/html');
      announce('Downloaded.');
    },
  };
  let handout: HTMLElement | null = null;
  const draw = () => {
    const charts: Charts = new Map();
    handout ??= printView(c);
    render(root, ...debriefView(c, actions, charts), handout);
    for (const el of root.querySelectorAll<HTMLElement>('[data-chart]')) {
      const spec = charts.get(el.dataset.chart ?? '');
      if (spec) mountChart(el, spec);
    }
  };
  c.onRedraw(draw);
  draw();
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  requestAnimationFrame(() => document.getElementById('debrief-title')?.focus());
  return { ok: true, controller: c };
}
