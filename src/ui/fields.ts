import type { GameView } from '../engine';
import { h } from './dom';
import { millionsText, parseMillions, refusalIndex, type Draft, type Field } from './form';
import { moneyText, valueLabel } from './names';

/**
 * One form control per template parameter, by its domain: a choice (radios or a list), several
 * choices (checkboxes, or an ordered list of stops for a route), a number (money in US$
 * millions), a yes/no box, a text. Each has a visible label, and an error beside it when the
 * engine or the form refuses it.
 */
export interface FieldContext {
  view: GameView;
  draft: Draft;
  /** Error messages by field path. */
  errors: Record<string, string>;
  /** For an error in a list (a route's stop), the refusal's full field path. */
  errorField?: string | undefined;
  /** Text typed in money boxes, kept as typed. */
  raw: Record<string, string>;
  /** Prefix for element ids, unique per form (ids keep focus across redraws). */
  idPrefix: string;
  /** A value changed; `redraw` when other parts of the form depend on it. */
  change(path: string, value: unknown, redraw: boolean): void;
  /** A field the user has set by hand (addressees are filled in until then). */
  touch?(path: string): void;
}

const fieldId = (prefix: string, path: string, suffix = ''): string => `${prefix}-${path.replace(/[^a-zA-Z0-9]+/g, '-')}${suffix}`;
const idOf = (ctx: FieldContext, path: string, suffix = ''): string => fieldId(ctx.idPrefix, path, suffix);

/** Take a field's error off the page where it is, without drawing the form again. */
export function clearFieldError(prefix: string, path: string): void {
  document.getElementById(fieldId(prefix, path, '-error'))?.remove();
  document.getElementById(fieldId(prefix, path))?.removeAttribute('aria-invalid');
}

function errorOf(ctx: FieldContext, f: Field): { id: string; node: HTMLElement | null } {
  const id = idOf(ctx, f.path, '-error');
  const msg = ctx.errors[f.path];
  return { id, node: msg ? h('p', { class: 'field-error', id }, msg) : null };
}

function hintOf(ctx: FieldContext, f: Field, extra?: string): { id: string; node: HTMLElement | null } {
  const id = idOf(ctx, f.path, '-hint');
  const text = [f.help, extra].filter(Boolean).join(' ');
  return { id, node: text ? h('p', { class: 'hint', id }, text) : null };
}

const describedBy = (...ids: (string | null)[]): string | null => ids.filter(Boolean).join(' ') || null;

export function renderField(f: Field, ctx: FieldContext): HTMLElement {
  switch (f.domain.kind) {
    case 'oneOf':
      return oneOf(f, ctx, f.domain.values);
    case 'someOf':
      return f.domain.ordered ? ordered(f, ctx, f.domain.values, f.domain.min, f.domain.max) : someOf(f, ctx, f.domain.values, f.domain.max);
    case 'int':
      return int(f, ctx, f.domain.min, f.domain.max);
    case 'bool':
      return bool(f, ctx);
    case 'text':
      return text(f, ctx, f.domain.maxLength);
  }
}

function oneOf(f: Field, ctx: FieldContext, values: string[]): HTMLElement {
  const value = ctx.draft[f.path];
  const err = errorOf(ctx, f);
  const hint = hintOf(ctx, f);
  const labels = values.map((v) => valueLabel(ctx.view, f.path, v));
  if (values.length <= 4 && labels.every((l) => l.length <= 28)) {
    const name = idOf(ctx, f.path);
    return h(
      'fieldset',
      { class: 'field', 'aria-invalid': err.node ? 'true' : null, 'aria-describedby': describedBy(hint.node && hint.id, err.node && err.id) },
      h('legend', null, f.label),
      hint.node,
      h(
        'div',
        { class: 'check-row' },
        values.map((v, i) =>
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'radio',
              name,
              id: `${name}-${i}`,
              value: v,
              checked: v === value,
              onchange: () => ctx.change(f.path, v, true),
            }),
            labels[i] ?? v,
          ),
        ),
      ),
      err.node,
    );
  }
  const id = idOf(ctx, f.path);
  const landings = f.path.endsWith('.route') || f.path.endsWith('.landing');
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, f.label),
    hint.node,
    h(
      'select',
      {
        id,
        'aria-invalid': err.node ? 'true' : null,
        'aria-describedby': describedBy(hint.node && hint.id, err.node && err.id),
        onchange: (e: Event) => ctx.change(f.path, (e.target as HTMLSelectElement).value, true),
      },
      landings ? groupedOptions(ctx.view, values, String(value ?? '')) : values.map((v, i) => h('option', { value: v, selected: v === value }, labels[i] ?? v)),
    ),
    err.node,
  );
}

/** Landing points grouped by country, so a long list reads like an atlas. */
function groupedOptions(view: GameView, values: string[], selected: string): HTMLElement[] {
  const groups = new Map<string, string[]>();
  for (const v of values) {
    const country = view.landings[v]?.country ?? 'Other';
    groups.set(country, [...(groups.get(country) ?? []), v]);
  }
  return [...groups.entries()].map(([country, ids]) =>
    h(
      'optgroup',
      { label: country },
      ids.map((v) => h('option', { value: v, selected: v === selected }, view.landings[v]?.name ?? v)),
    ),
  );
}

function someOf(f: Field, ctx: FieldContext, values: string[], max: number): HTMLElement {
  const chosen = Array.isArray(ctx.draft[f.path]) ? (ctx.draft[f.path] as string[]) : [];
  const err = errorOf(ctx, f);
  const hint = hintOf(ctx, f, max === 1 && values.length > 1 ? 'Choose one.' : undefined);
  const name = idOf(ctx, f.path);
  const toggle = (v: string, on: boolean) => {
    ctx.touch?.(f.path);
    const next = on ? (max === 1 ? [v] : [...chosen.filter((x) => x !== v), v]) : chosen.filter((x) => x !== v);
    ctx.change(f.path, values.filter((x) => next.includes(x)), true);
  };
  return h(
    'fieldset',
    { class: 'field', 'aria-invalid': err.node ? 'true' : null, 'aria-describedby': describedBy(hint.node && hint.id, err.node && err.id) },
    h('legend', null, f.label),
    hint.node,
    values.length === 0 ? h('p', { class: 'empty' }, 'Nothing to choose from now.') : null,
    h(
      'div',
      { class: f.items.length ? 'clause-list' : 'check-row' },
      values.map((v, i) => {
        const box = h(
          'label',
          { class: 'check' },
          h('input', { type: 'checkbox', id: `${name}-${i}`, value: v, checked: chosen.includes(v), onchange: (e: Event) => toggle(v, (e.target as HTMLInputElement).checked) }),
          valueLabel(ctx.view, f.path, v),
        );
        if (!f.items.length) return box;
        // Per-item options (a clause's "secret"), shown once the item is chosen.
        const extras = chosen.includes(v)
          ? f.items.map((it) => {
              const key = `${f.path}[].${it.key}`;
              const current = (ctx.draft[key] as Record<string, unknown> | undefined) ?? {};
              if (it.domain.kind !== 'bool') return null;
              return h(
                'label',
                { class: 'check' },
                h('input', {
                  type: 'checkbox',
                  id: `${name}-${i}-${it.key}`,
                  checked: current[v] === true,
                  onchange: (e: Event) => ctx.change(key, { ...current, [v]: (e.target as HTMLInputElement).checked }, true),
                }),
                it.label,
              );
            })
          : [];
        return h('div', { class: 'clause-row' }, box, extras);
      }),
    ),
    err.node,
  );
}

/** An ordered choice (a cable's route): a list of stops, each a select, with add, move and remove. */
function ordered(f: Field, ctx: FieldContext, values: string[], min: number, max: number): HTMLElement {
  const stops = Array.isArray(ctx.draft[f.path]) ? [...(ctx.draft[f.path] as string[])] : [];
  const err = errorOf(ctx, f);
  const hint = hintOf(ctx, f);
  const bad = ctx.errors[f.path] ? refusalIndex(ctx.errorField) : null;
  const set = (next: string[]) => ctx.change(f.path, next, true);
  const id = idOf(ctx, f.path);
  return h(
    'fieldset',
    { class: 'field', 'aria-invalid': err.node ? 'true' : null, 'aria-describedby': describedBy(hint.node && hint.id, err.node && err.id) },
    h('legend', null, f.label),
    hint.node,
    h(
      'ol',
      { class: 'route' },
      stops.map((stop, i) => {
        const sid = `${id}-${i}`;
        const name = stop ? (ctx.view.landings[stop]?.name ?? stop) : `stop ${i + 1}`;
        return h(
          'li',
          null,
          h('label', { for: sid }, `Stop ${i + 1}`),
          h(
            'select',
            {
              id: sid,
              'aria-invalid': bad === i ? 'true' : null,
              onchange: (e: Event) => {
                const next = [...stops];
                next[i] = (e.target as HTMLSelectElement).value;
                set(next);
              },
            },
            h('option', { value: '', selected: !stop }, 'Choose…'),
            groupedOptions(ctx.view, values, stop),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'icon-btn',
              id: `${sid}-up`,
              'aria-label': `Move ${name} earlier`,
              title: `Move ${name} earlier`,
              disabled: i === 0,
              onclick: () => {
                const next = [...stops];
                [next[i - 1], next[i]] = [next[i] ?? '', next[i - 1] ?? ''];
                set(next);
              },
            },
            '↑',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'icon-btn',
              id: `${sid}-remove`,
              'aria-label': `Remove ${name}`,
              title: `Remove ${name}`,
              disabled: stops.length <= Math.max(1, min),
              onclick: () => set(stops.filter((_, j) => j !== i)),
            },
            '✕',
          ),
        );
      }),
    ),
    h(
      'button',
      { type: 'button', class: 'btn small', id: `${id}-add`, disabled: stops.length >= max, onclick: () => set([...stops, '']) },
      '+ Add a stop',
    ),
    err.node,
  );
}

function int(f: Field, ctx: FieldContext, min: number, max: number): HTMLElement {
  const id = idOf(ctx, f.path);
  const err = errorOf(ctx, f);
  const value = ctx.draft[f.path];
  if (f.money) {
    const hint = hintOf(ctx, f, `In US$ millions, to the nearest thousand (like 13.37), up to ${moneyText(max)}.`);
    const raw = ctx.raw[f.path] ?? millionsText(value as number | null);
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, f.label),
      hint.node,
      h(
        'div',
        { class: 'money-input' },
        h('span', { 'aria-hidden': 'true' }, '$'),
        h('input', {
          id,
          type: 'text',
          inputmode: 'decimal',
          autocomplete: 'off',
          value: raw,
          'aria-invalid': err.node ? 'true' : null,
          'aria-describedby': describedBy(hint.id, err.node && err.id),
          oninput: (e: Event) => {
            const text = (e.target as HTMLInputElement).value;
            ctx.raw[f.path] = text;
            const n = parseMillions(text);
            ctx.change(f.path, Number.isFinite(n) ? n : null, false);
          },
        }),
        h('span', { 'aria-hidden': 'true' }, 'million'),
      ),
      err.node,
    );
  }
  const hint = hintOf(ctx, f, `From ${min} to ${max}.`);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, f.label),
    hint.node,
    h('input', {
      id,
      type: 'number',
      inputmode: 'numeric',
      min,
      max,
      step: 1,
      value: typeof value === 'number' ? String(value) : '',
      'aria-invalid': err.node ? 'true' : null,
      'aria-describedby': describedBy(hint.id, err.node && err.id),
      style: 'width: 8rem',
      oninput: (e: Event) => {
        const text = (e.target as HTMLInputElement).value;
        ctx.change(f.path, text === '' ? null : Math.round(Number(text)), false);
      },
    }),
    err.node,
  );
}

function bool(f: Field, ctx: FieldContext): HTMLElement {
  const id = idOf(ctx, f.path);
  const err = errorOf(ctx, f);
  const hint = hintOf(ctx, f);
  return h(
    'div',
    { class: 'field' },
    h(
      'label',
      { class: 'check' },
      h('input', {
        id,
        type: 'checkbox',
        checked: ctx.draft[f.path] === true,
        'aria-invalid': err.node ? 'true' : null,
        'aria-describedby': describedBy(hint.node && hint.id, err.node && err.id),
        onchange: (e: Event) => ctx.change(f.path, (e.target as HTMLInputElement).checked, true),
      }),
      f.label,
    ),
    hint.node,
    err.node,
  );
}

function text(f: Field, ctx: FieldContext, maxLength: number): HTMLElement {
  const id = idOf(ctx, f.path);
  const err = errorOf(ctx, f);
  const hint = hintOf(ctx, f);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, f.label),
    hint.node,
    h('input', {
      id,
      type: 'text',
      maxlength: maxLength,
      autocomplete: 'off',
      value: String(ctx.draft[f.path] ?? ''),
      'aria-invalid': err.node ? 'true' : null,
      'aria-describedby': describedBy(hint.node && hint.id, err.node && err.id),
      oninput: (e: Event) => ctx.change(f.path, (e.target as HTMLInputElement).value, false),
    }),
    err.node,
  );
}
