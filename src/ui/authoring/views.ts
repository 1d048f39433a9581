import type { AuthoringReport } from '../../ai/report-words';
import { POLICY_WORDS } from '../../ai/report-words';
import type { ScenarioError } from '../../scenario/load';
import { h } from '../dom';

/** A file longer than this shows only the lines around its problems. */
const WHOLE_FILE_LINES = 2000;
const CONTEXT = 3;

const where = (e: ScenarioError): string => (e.line !== undefined ? `Line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''}` : 'The whole file');
const message = (e: ScenarioError): string => `expected ${e.expected}, found ${e.found}`;

/** One problem as the list shows it: where, the field, what was expected and found. */
function problemItem(e: ScenarioError, i: number): HTMLElement {
  return h(
    'li',
    { class: 'authoring-problem', dataset: { line: String(e.line ?? '') } },
    e.line !== undefined
      ? h('a', { href: `#authoring-line-${e.line}`, class: 'where', onclick: (ev: Event) => (ev.preventDefault(), document.getElementById(`authoring-line-${e.line}`)?.scrollIntoView({ block: 'center' })) }, where(e))
      : h('span', { class: 'where' }, where(e)),
    e.path ? h('code', { class: 'field' }, e.path) : null,
    h('span', { class: 'what', id: `authoring-problem-${i}` }, message(e)),
  );
}

/** The file with its line numbers, each problem under its own line, the offending lines marked. */
function sourceView(text: string, errors: ScenarioError[]): HTMLElement {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const byLine = new Map<number, ScenarioError[]>();
  for (const e of errors) if (e.line !== undefined) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  const shown = (n: number) => lines.length <= WHOLE_FILE_LINES || [...byLine.keys()].some((l) => Math.abs(l - n) <= CONTEXT);
  const rows: HTMLElement[] = [];
  let gap = false;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!shown(n)) {
      if (!gap) rows.push(h('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
      gap = true;
      return;
    }
    gap = false;
    const bad = byLine.get(n);
    rows.push(
      h(
        'li',
        { id: `authoring-line-${n}`, class: bad ? 'line bad' : 'line', dataset: { line: String(n) } },
        h('span', { class: 'num', 'aria-hidden': 'true' }, String(n)),
        h('code', null, line || ' '),
      ),
    );
    if (bad) for (const e of bad) rows.push(h('li', { class: 'note', role: 'note', dataset: { line: String(n) } }, h('span', { class: 'sr-only' }, `Line ${n}: `), e.path ? h('code', { class: 'field' }, e.path) : null, ` ${message(e)}`));
  });
  return h('ol', { class: 'authoring-source', 'aria-label': 'The file, with each problem under its line' }, rows);
}

export interface ProblemsActions {
  fileName: string;
  text: string;
  errors: ScenarioError[];
  more: number;
  onOpen(file: File): void;
  onClose(): void;
}

export function fileInput(id: string, label: string, onOpen: (file: File) => void, primary = false): HTMLElement {
  return h(
    'label',
    { class: `btn file-pick${primary ? ' primary' : ''}` },
    label,
    h('input', {
      type: 'file',
      id,
      accept: '.yaml,.yml,text/yaml,application/yaml,text/plain',
      'aria-label': label.replace(/…$/, ''),
      onchange: (e: Event) => {
        const input = e.target as HTMLInputElement;
        const file = input.files?.[0];
        input.value = '';
        if (file) onOpen(file);
      },
    }),
  );
}

/** A refused file: its problems in a list, then the file itself with each problem beside its line. */
export function problemsView(a: ProblemsActions): HTMLElement[] {
  const n = a.errors.length + a.more;
  const placed = a.errors.filter((e) => e.line !== undefined).length;
  return [
    h('h2', { id: 'authoring-title', tabindex: -1 }, `${a.fileName}: ${n === 1 ? 'one problem' : `${n} problems`}`),
    h(
      'p',
      { class: 'lede' },
      'Nothing was opened. Put each problem right in your editor, save the file and open it again.',
      placed ? ' Each problem is shown beside its line in the file below.' : '',
    ),
    h('ol', { class: 'authoring-problems', id: 'authoring-problems', 'aria-label': 'Problems' }, a.errors.map(problemItem), a.more ? h('li', null, `and ${a.more} more`) : null),
    h('div', { class: 'dialog-actions' }, fileInput('authoring-reopen', 'Open the file again…', a.onOpen, true), h('button', { type: 'button', class: 'btn', id: 'authoring-close', onclick: a.onClose }, 'Close')),
    h('h3', null, 'The file'),
    sourceView(a.text, a.errors),
  ];
}

export interface ReportState {
  title: string;
  total: number;
  done: number;
  report: AuthoringReport | null;
  seconds: number | null;
  error: string | null;
}

const pct = (x: number): string => `${Math.round(100 * x)}%`;

/** The authoring report: a progress bar while its games play, then the report in plain words. */
export function reportView(st: ReportState, onClose: () => void): (HTMLElement | null)[] {
  const r = st.report;
  const list = (id: string, heading: string, lines: string[], empty: string) => [h('h3', null, heading), lines.length ? h('ul', { class: 'authoring-report-list', id }, lines.map((l) => h('li', null, l))) : h('p', { class: 'muted', id }, empty)];
  return [
    h('h2', { id: 'authoring-title', tabindex: -1 }, `Authoring report: ${st.title}`),
    h('p', { class: 'lede' }, 'The scenario played by the computer in every seat, with the built-in policies and with normal computer players, over many seeds: what fired, what was dropped and why, who wins, and what you may want to change.'),
    st.error ? h('p', { class: 'alert', role: 'alert' }, st.error) : null,
    !r && !st.error
      ? h(
          'div',
          { class: 'authoring-progress', role: 'status' },
          h('progress', { id: 'report-progress', max: st.total, value: st.done, 'aria-label': 'Games played for the report' }),
          h('span', null, `Playing game ${Math.min(st.done + 1, st.total)} of ${st.total}…`),
        )
      : null,
    ...(r
      ? [
          h('p', { class: 'muted', id: 'report-games' }, `${r.games.simple} games with ${POLICY_WORDS.simple} and ${r.games.normal} with ${POLICY_WORDS.normal}, seeds 1 to N${st.seconds !== null ? `, in ${st.seconds.toFixed(1)} s` : ''}.`),
          ...list('report-warnings', 'What you may want to change', r.warnings, 'Nothing stands out.'),
          ...list('report-tabled', 'Tabled offers', r.tabled, 'This scenario tables no offers.'),
          ...list('report-events', 'Scripted events', r.events, 'This scenario scripts no events.'),
          h('h3', null, 'Who wins'),
          h(
            'table',
            { class: 'scores authoring-roles', id: 'report-roles' },
            h('caption', { class: 'sr-only' }, 'Each role’s win rate and score spread'),
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Played by'), h('th', { scope: 'col', class: 'num' }, 'Wins'), h('th', { scope: 'col', class: 'num' }, 'Score (mean ± sd)'), h('th', { scope: 'col', class: 'num' }, 'Lowest–highest'))),
            h(
              'tbody',
              null,
              r.roles.map((x) =>
                h(
                  'tr',
                  { dataset: { role: x.role, policy: x.policy } },
                  h('th', { scope: 'row' }, x.name),
                  h('td', null, x.policy === 'simple' ? 'Built-in policies' : 'Normal computer'),
                  h('td', { class: 'num' }, `${pct(x.wins / x.games)} (${x.wins}/${x.games})`),
                  h('td', { class: 'num' }, `${x.mean.toFixed(1)} ± ${x.sd.toFixed(1)}`),
                  h('td', { class: 'num' }, `${x.min}–${x.max}`),
                ),
              ),
            ),
          ),
        ]
      : []),
    h('div', { class: 'dialog-actions' }, h('span'), h('button', { type: 'button', class: 'btn', id: 'authoring-close', onclick: onClose }, r || st.error ? 'Close' : 'Stop and close')),
  ];
}
