import type { Action, ActionTemplate, Domain, RoleId } from '../engine';
import { actionVerb, dealKindLabel, orderKindLabel, paramHelp, paramLabel } from './names';

/**
 * Forms built from the engine's action templates, with no DOM: which fields a template has, their
 * starting values, the action a filled-in form makes, and which field a refusal points at. A deal
 * kind or order the engine adds later gets a form from its template alone.
 */

export interface ItemField {
  /** Key inside each chosen item, e.g. "secret" for "deal.clauses[].secret". */
  key: string;
  path: string;
  domain: Domain;
  label: string;
}

export interface Field {
  path: string;
  domain: Domain;
  label: string;
  help?: string | undefined;
  /** Money is held in US$ thousands and typed in US$ millions. */
  money: boolean;
  /** For a someOf whose items carry more (clauses with "secret"): the per-item fields. */
  items: ItemField[];
}

/** A form's values by parameter path; per-item values under "path[].key" as a record by item. */
export type Draft = Record<string, unknown>;

/** Parameters shown only when another has a value: loan terms only for a loan. UI convention, not a rule. */
const SHOWN_WHEN: { pattern: RegExp; when: (path: string) => { path: string; value: string } }[] = [
  {
    pattern: /^(.*\.financing)\.(ratePct|years|graceYears|collateral)$/,
    when: (path) => ({ path: `${path.replace(/\.(ratePct|years|graceYears|collateral)$/, '')}.kind`, value: 'loan' }),
  },
];

const isMoney = (path: string, d: Domain) => d.kind === 'int' && /(^|\.)amount$/i.test(path);

/** The fields of a template, in the template's order, with item fields folded into their list. */
export function fieldsOf(params: Record<string, Domain>): Field[] {
  const out: Field[] = [];
  const items: ItemField[] = [];
  for (const [path, domain] of Object.entries(params)) {
    const m = /^(.*)\[\]\.(.+)$/.exec(path);
    if (m) items.push({ key: m[2] ?? '', path: m[1] ?? '', domain, label: paramLabel(path) });
    else out.push({ path, domain, label: paramLabel(path), help: paramHelp(path), money: isMoney(path, domain), items: [] });
  }
  for (const it of items) {
    const owner = out.find((f) => f.path === it.path);
    if (owner) owner.items.push(it);
  }
  return out;
}

/** Is a field shown, given the rest of the draft? */
export function isShown(field: Field, draft: Draft): boolean {
  for (const rule of SHOWN_WHEN) {
    if (!rule.pattern.test(field.path)) continue;
    const { path, value } = rule.when(field.path);
    if (path in draft && draft[path] !== value) return false;
  }
  return true;
}

/** Starting value of a field. */
export function initialValue(f: Field): unknown {
  const d = f.domain;
  switch (d.kind) {
    case 'oneOf':
      return d.values[0] ?? '';
    case 'someOf':
      return d.ordered ? Array.from({ length: Math.max(d.min, 0) }, () => '') : [];
    case 'int':
      return f.money ? null : d.min;
    case 'bool':
      return false;
    case 'text':
      return '';
  }
}

function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  for (const key of keys.slice(0, -1)) {
    const next = cur[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1] ?? ''] = value;
}

/**
 * A draft for a template, optionally filled from an existing action part (a deal being countered
 * or renegotiated): each field takes the value at its path if the domain allows it.
 */
export function initialDraft(fields: Field[], from?: Record<string, unknown>): Draft {
  const draft: Draft = {};
  for (const f of fields) {
    draft[f.path] = initialValue(f);
    for (const it of f.items) draft[`${f.path}[].${it.key}`] = {};
    if (!from) continue;
    const v = getPath(from, f.path);
    if (v === undefined) continue;
    if (f.items.length && Array.isArray(v)) {
      const chosen = (v as Record<string, unknown>[]).map((x) => String(x?.kind ?? ''));
      draft[f.path] = chosen;
      for (const it of f.items) draft[`${f.path}[].${it.key}`] = Object.fromEntries((v as Record<string, unknown>[]).map((x) => [String(x?.kind ?? ''), x?.[it.key]]));
    } else draft[f.path] = Array.isArray(v) ? [...(v as unknown[])] : v;
  }
  return draft;
}

/** What a form creates: one line for a chooser, and the label of its submit button. */
export function templateTitle(t: ActionTemplate): string {
  if (t.type === 'order' && t.orderKind) return orderKindLabel(t.orderKind);
  if (t.dealKind) return dealKindLabel(t.dealKind);
  return actionVerb(t.type);
}

/** A stable key for a template: the same kind of action in another round keeps its form. */
export function templateKey(t: ActionTemplate): string {
  const extra = Object.entries(t)
    .filter(([k, v]) => k !== 'type' && k !== 'params' && typeof v === 'string')
    .map(([k, v]) => `${k}=${String(v)}`)
    .sort();
  return [t.type, ...extra].join(':');
}

/**
 * The action a form makes. The template's own fields become the action's: "offer" (the offer
 * answered) and the like are copied; "dealKind"/"orderKind"/…Kind become "deal.kind", "order.kind".
 * Fields hidden by the draft (loan terms of a grant) are left out.
 */
export function buildAction(t: ActionTemplate, role: RoleId, fields: Field[], draft: Draft): Action {
  const out: Record<string, unknown> = { type: t.type, role };
  for (const [k, v] of Object.entries(t)) {
    if (k === 'type' || k === 'params' || typeof v !== 'string') continue;
    if (k.endsWith('Kind') && k.length > 4) setPath(out, `${k.slice(0, -4)}.kind`, v);
    else out[k] = v;
  }
  for (const f of fields) {
    if (!isShown(f, draft)) continue;
    let value = draft[f.path];
    if (f.items.length && Array.isArray(value)) {
      value = (value as string[]).map((kind) => {
        const item: Record<string, unknown> = { kind };
        for (const it of f.items) {
          const extra = (draft[`${f.path}[].${it.key}`] as Record<string, unknown> | undefined)?.[kind];
          item[it.key] = extra ?? (it.domain.kind === 'bool' ? false : extra);
        }
        return item;
      });
    }
    if (typeof value === 'string' && f.domain.kind === 'text') value = value.trim();
    setPath(out, f.path, value);
  }
  return out as unknown as Action;
}

/**
 * What is missing before the form can be sent: a form check, not a rule (the engine has the
 * last word). Returns messages by field path.
 */
export function missing(fields: Field[], draft: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (!isShown(f, draft)) continue;
    const v = draft[f.path];
    const d = f.domain;
    if (d.kind === 'int') {
      const n = typeof v === 'number' ? v : Number.NaN;
      if (!Number.isFinite(n)) out[f.path] = f.money ? 'Enter an amount in US$ millions.' : `Enter a whole number from ${d.min} to ${d.max}.`;
    } else if (d.kind === 'someOf') {
      const list = Array.isArray(v) ? (v as string[]) : [];
      const blank = list.findIndex((x) => !x);
      if (blank >= 0) out[f.path] = `Choose stop ${blank + 1}, or remove it.`;
      else if (list.length < d.min) out[f.path] = d.min === 1 ? 'Choose at least one.' : `Choose at least ${d.min}.`;
    } else if (d.kind === 'text') {
      if (typeof v !== 'string' || v.trim() === '') out[f.path] = 'Write a few words.';
    } else if (d.kind === 'oneOf' && (typeof v !== 'string' || v === '')) out[f.path] = 'Choose one.';
  }
  return out;
}

/**
 * The field a refusal's path points at: "deal.route[1]" is the route field, "deal.clauses[0].kind"
 * the clause list, "to[0]" the addressees. Null when no shown field matches (show it on the form).
 */
export function fieldForRefusal(fields: Field[], draft: Draft, refusalField: string | undefined): string | null {
  if (!refusalField) return null;
  const shown = new Set(fields.filter((f) => isShown(f, draft)).map((f) => f.path));
  let path = refusalField.replace(/\[\d+\]/g, '');
  while (path) {
    if (shown.has(path)) return path;
    const cut = path.lastIndexOf('.');
    if (cut < 0) break;
    path = path.slice(0, cut);
  }
  return null;
}

/** Which refusal index points into an ordered list: "deal.route[1]" → 1. */
export function refusalIndex(refusalField: string | undefined): number | null {
  const m = refusalField ? /\[(\d+)\](?!.*\[\d+\])/.exec(refusalField) : null;
  return m ? Number(m[1]) : null;
}

/** Money typed in US$ millions ("12.5", "$12.5m") as US$ thousands, or NaN. */
export function parseMillions(text: string): number {
  const clean = text.replace(/[$,\s]/g, '').replace(/m$/i, '');
  // Thousands are the smallest unit: a fourth decimal would be rounded away, so it is refused.
  if (clean === '' || clean === '.' || !/^\d*\.?\d{0,3}$/.test(clean)) return Number.NaN;
  return Math.round(Number(clean) * 1000);
}

/** US$ thousands as the text of a millions box: 12500 → "12.5". */
export function millionsText(thousands: number | null | undefined): string {
  if (typeof thousands !== 'number' || !Number.isFinite(thousands)) return '';
  return String(Math.round(thousands) / 1000);
}
