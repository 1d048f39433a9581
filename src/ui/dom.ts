/** A few helpers to build DOM without a framework: views render, controllers hold the state. */

export type Child = Node | string | number | null | undefined | false | Child[];

type Handler = (e: Event) => void;
export type Props = Record<string, string | number | boolean | null | undefined | Handler | Record<string, string>>;

function append(el: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child) append(el, c);
    return;
  }
  el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
}

/**
 * h('button', { class: 'primary', onclick: go }, 'End phase'). Props starting with "on" are
 * listeners; booleans set or remove the attribute (hidden, disabled, checked as properties);
 * "dataset" takes a record; null/undefined/false leave the attribute out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
      else if (key === 'dataset' && typeof value === 'object') Object.assign(el.dataset, value);
      else if (key === 'class') el.className = String(value);
      else if (key === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
      else if (key === 'checked' && el instanceof HTMLInputElement) el.checked = Boolean(value);
      else if (value === true) el.setAttribute(key, '');
      else el.setAttribute(key, String(value));
    }
  }
  for (const c of children) append(el, c);
  return el;
}

/** SVG elements (sparklines, icons). */
export function svg(tag: string, attrs: Record<string, string | number>, ...children: SVGElement[]): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.appendChild(c);
  return el;
}

/**
 * Replace an element's children, keeping keyboard focus (and the caret) on the element with the
 * same id or data-key as before, so a redraw never throws a keyboard user back to the page start.
 */
export function render(host: HTMLElement, ...children: Child[]): void {
  const active = document.activeElement as HTMLElement | null;
  const inside = active && host.contains(active) ? active : null;
  const key = inside ? inside.id || inside.dataset.key || null : null;
  const caret = inside instanceof HTMLInputElement || inside instanceof HTMLTextAreaElement ? safeSelection(inside) : null;
  const scroll = host.scrollTop;
  host.replaceChildren();
  for (const c of children) append(host, c);
  host.scrollTop = scroll;
  if (!key) return;
  const again = (host.querySelector(`#${CSS.escape(key)}`) ?? host.querySelector(`[data-key="${CSS.escape(key)}"]`)) as HTMLElement | null;
  if (again && again !== document.activeElement) {
    again.focus({ preventScroll: true });
    if (caret && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement)) {
      try {
        again.setSelectionRange(caret[0], caret[1]);
      } catch {
        /* number inputs have no selection */
      }
    }
  }
}

function safeSelection(el: HTMLInputElement | HTMLTextAreaElement): [number, number] | null {
  try {
    return el.selectionStart === null || el.selectionEnd === null ? null : [el.selectionStart, el.selectionEnd];
  } catch {
    return null;
  }
}

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el as T;
}

let spoken = 0;

/** Say something to screen readers through the page's polite live region. */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  const mine = ++spoken;
  // A new text node in a later frame makes screen readers read the same text twice in a row.
  requestAnimationFrame(() => {
    if (mine === spoken) region.textContent = text;
  });
}

/** Forget what was said (and what is about to be): the next player must not find it on the page. */
export function clearAnnouncements(): void {
  spoken++;
  const region = document.getElementById('announcer');
  if (region) region.textContent = '';
}
