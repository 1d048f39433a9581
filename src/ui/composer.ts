import { fundersText, scriptedCofunders, withScriptedCofunders, type Action, type ActionTemplate, type Deal, type GameView, type Refusal, type RoleId } from '../engine';
import { cablePrice, describeDeal, describeOrder } from './describe';
import { announce, h } from './dom';
import { clearFieldError, renderField, type FieldContext } from './fields';
import { buildAction, fieldForRefusal, fieldsOf, initialDraft, isShown, missing, templateKey, templateTitle, type Draft, type Field } from './form';
import { addresseesOf, checkOnView, narrow, payerCost, promised } from './choices';
import { actionVerb, agreementName, dealKindLabel, money, moneyText, namesForIds, ORDER_HELP, plural, roleName } from './names';
import type { ComposeMode } from './offers';

/**
 * The deal composer: one form per kind of offer or order the engine lists for this seat now,
 * built from its template (so a kind the engine adds later appears here unchanged). Counters and
 * renegotiations reuse the form of their deal kind, filled in from the deal they answer. The
 * engine's refusal is shown beside the field it names.
 */
export interface ComposerApp {
  submit(action: Action): Promise<Refusal | null>;
  redraw(): void;
  /** After sending: show the offers. */
  sent(kind: 'offer' | 'order' | 'other'): void;
  /** The send button's words when the form does not send (the facilitator's "Add to the vote"). */
  verb?: string;
}

interface FormState {
  key: string;
  fields: Field[];
  draft: Draft;
  raw: Record<string, string>;
  errors: Record<string, string>;
  errorField: string | undefined;
  formError: string | null;
  touched: Set<string>;
  prefix: string;
  focusError: boolean;
  /** The player chose addressees the deal cannot bind as it stands: keep them, and say so. */
  keepTo: boolean;
  /** The player has been warned that this offer promises more money than is free. */
  warnedOver: boolean;
  /** Take the co-funding the scenario's script offers for this deal (Tokyo, a development bank, China Exim beside Beijing's loans). */
  cofund: boolean;
}

/** The action as sent: with the scripted funders that would join its deal, when the player takes them. */
function withCofunding(s: FormState, v: GameView, action: Action): Action {
  const a = action as Action & { deal?: Deal };
  if (!s.cofund || !a.deal) return action;
  try {
    return { ...a, deal: withScriptedCofunders(v, a.deal) } as Action;
  } catch {
    return action;
  }
}

/** The co-funding on offer for a deal, in words ("Beijing 15% (loan at 1%), China Exim Bank 85% (loan at 1%)"), or null. */
function cofundingOnOffer(v: GameView, deal: Deal | undefined): string | null {
  if (!deal) return null;
  try {
    return scriptedCofunders(v, deal).length ? fundersText(v, withScriptedCofunders(v, deal)) : null;
  } catch {
    return null;
  }
}

/** What a sealed order does, what it costs and how likely it is to come out, before the player commits. */
function orderHelp(template: ActionTemplate, fields: Field[]): HTMLElement | null {
  if (template.type !== 'order' || !template.orderKind) return null;
  const help = ORDER_HELP[template.orderKind];
  const amount = fields.find((f) => f.path === 'order.amount')?.domain;
  const cost = amount?.kind === 'int' ? (amount.min > 1 ? `Costs at least ${moneyText(amount.min)}.` : amount.max === 0 ? 'Costs nothing.' : 'You choose what to spend.') : '';
  if (!help) return cost ? h('p', { class: 'hint' }, cost) : null;
  return h('div', { class: 'order-help', id: 'order-help' }, h('p', null, help.does), h('p', { class: 'hint' }, `${cost} Exposure: ${help.exposure}`.trim()));
}

/** Templates that create something new (not answers to an offer or agreement, not End phase). */
export function creationTemplates(legal: ActionTemplate[]): ActionTemplate[] {
  const t = legal as (ActionTemplate & { agreement?: string; amends?: string })[];
  return t.filter((x) => x.type !== 'endPhase' && !x.offer && !x.agreement && !x.amends);
}

export class Composer {
  mode: ComposeMode = { kind: 'new' };
  private selected: string | null = null;
  private forms = new Map<string, FormState>();
  private lastSent: string | null = null;
  /** The form on screen, for a click on the map. */
  private current: { s: FormState; template: ActionTemplate; v: GameView; role: RoleId } | null = null;

  /** Forget everything: a new seat at the screen must never see another's drafts. */
  reset(): void {
    this.mode = { kind: 'new' };
    this.selected = null;
    this.forms.clear();
    this.lastSent = null;
  }

  /**
   * An island clicked on the map while an offer is being written: it becomes the offer's island
   * (or its addressee) where the form has one. Returns what changed, in words, or null.
   */
  pickIsland(id: string): string | null {
    const cur = this.current;
    if (!cur) return null;
    const { s, template, v, role } = cur;
    const name = roleName(v, id);
    for (const path of ['deal.island', 'order.island']) {
      const f = s.fields.find((x) => x.path === path);
      if (f?.domain.kind === 'oneOf' && f.domain.values.includes(id)) {
        s.draft[path] = id;
        s.touched.add(path);
        s.keepTo = false;
        this.fillAddressees(s, template, v, role);
        return `${name} is now the offer’s island`;
      }
    }
    const to = s.fields.find((x) => x.path === 'to');
    if (to?.domain.kind === 'someOf' && to.domain.max === 1 && to.domain.values.includes(id)) {
      s.draft.to = [id];
      s.touched.add('to');
      this.followAddressees(s, template, v, role);
      return `The offer now goes to ${name}`;
    }
    return null;
  }

  setMode(mode: ComposeMode): void {
    this.mode = mode;
    this.lastSent = null;
  }

  /** The template a form is for, and the deal template lending its fields (for counters and renegotiations). */
  private resolve(v: GameView, legal: ActionTemplate[]): { template: ActionTemplate; params: ActionTemplate['params']; from?: Record<string, unknown>; title: string } | null {
    const mode = this.mode;
    const dealForm = (kind: string | undefined, keepTo: boolean) => {
      const t = legal.find((x) => x.type === 'offer' && x.dealKind === kind && !(x as { amends?: string }).amends && Object.keys(x.params).length > 0);
      if (!t) return null;
      return Object.fromEntries(Object.entries(t.params).filter(([k]) => keepTo || k !== 'to'));
    };
    if (mode.kind === 'counter') {
      const t = legal.find((x) => x.type === 'counter' && x.offer === mode.offer);
      const offer = v.offers.find((o) => o.id === mode.offer);
      const params = t && dealForm(t.dealKind, false);
      if (!t || !offer || !params) return null;
      return { template: t, params, from: { deal: offer.deal }, title: `Counter-offer to ${roleName(v, offer.from)}` };
    }
    if (mode.kind === 'amend') {
      const t = legal.find((x) => (x as { amends?: string }).amends === mode.agreement);
      const a = v.agreements.find((x) => x.id === mode.agreement);
      const params = t && dealForm(t.dealKind, true);
      if (!t || !a || !params) return null;
      return { template: t, params, from: { deal: a.deal }, title: `Renegotiate ${agreementName(v, a.id)}` };
    }
    const creators = creationTemplates(legal);
    const chosen = creators.find((x) => templateKey(x) === this.selected) ?? creators[0];
    if (!chosen) return null;
    this.selected = templateKey(chosen);
    return { template: chosen, params: chosen.params, title: templateTitle(chosen) };
  }

  private formFor(key: string, params: ActionTemplate['params'], from?: Record<string, unknown>): FormState {
    let s = this.forms.get(key);
    // Same key and same parameters: keep what was typed. A changed domain (money spent) keeps the values too.
    if (!s || s.fields.map((f) => f.path).join() !== Object.keys(params).filter((k) => !k.includes('[]')).join()) {
      const fields = fieldsOf(params);
      s = { key, fields, draft: initialDraft(fields, from), raw: {}, errors: {}, errorField: undefined, formError: null, touched: new Set(), prefix: `compose-${key.replace(/[^a-zA-Z0-9]+/g, '-')}`, focusError: false, keepTo: false, warnedOver: false, cofund: true };
      this.forms.set(key, s);
    } else s.fields = fieldsOf(params);
    return s;
  }

  /** Fill in the addressees from the parties the deal binds, unless the player's own choice cannot be one of them. */
  private fillAddressees(s: FormState, template: ActionTemplate, v: GameView, role: RoleId): void {
    const to = s.fields.find((f) => f.path === 'to');
    if (!to || to.domain.kind !== 'someOf' || s.keepTo) return;
    const action = buildAction(template, role, s.fields, s.draft) as { deal?: Deal };
    const parties = addresseesOf(v, role, action.deal);
    if (!parties) return;
    const values = to.domain.values;
    s.draft.to = values.filter((r) => parties.includes(r));
  }

  /**
   * The player ticked an addressee: the deal's island, partner power or payer follows it, so that
   * the addressees and the deal always name the same parties.
   */
  private followAddressees(s: FormState, template: ActionTemplate, v: GameView, role: RoleId): void {
    const chosen = Array.isArray(s.draft.to) ? (s.draft.to as string[]) : [];
    for (const path of ['deal.island', 'deal.power', 'deal.financing.by']) {
      const f = s.fields.find((x) => x.path === path);
      if (f?.domain.kind !== 'oneOf') continue;
      const values = f.domain.values;
      const pick = chosen.find((x) => values.includes(x));
      if (pick) s.draft[path] = pick;
    }
    const action = buildAction(template, role, s.fields, s.draft) as { deal?: Deal };
    const parties = addresseesOf(v, role, action.deal);
    s.keepTo = parties !== null && !(parties.length === chosen.length && parties.every((p) => chosen.includes(p)));
  }

  /** Once the draft changes, errors the engine no longer raises go away. */
  private recheck(s: FormState, template: ActionTemplate, v: GameView, role: RoleId): void {
    if (!Object.keys(s.errors).length && !s.formError) return;
    const r = checkOnView(v, buildAction(template, role, s.fields, s.draft));
    const at = r ? fieldForRefusal(s.fields, s.draft, r.field) : null;
    for (const path of Object.keys(s.errors)) if (path !== at) delete s.errors[path];
    if (!r || at) s.formError = null;
    if (!Object.keys(s.errors).length) s.errorField = undefined;
  }

  render(app: ComposerApp, v: GameView, role: RoleId, legal: ActionTemplate[], busy: boolean): HTMLElement {
    const resolved = this.resolve(v, legal);
    const ordersNow = v.phase === 'decisions';
    const myOrders = v.orders.filter((o) => o.role === role && o.round === v.round);
    const ordersList = myOrders.length
      ? h('section', { class: 'section', 'aria-labelledby': 'orders-given' }, h('h3', { id: 'orders-given' }, 'Your sealed orders this round'), h('ul', { class: 'plain-list' }, myOrders.map((o) => h('li', null, describeOrder(v, o.order)))))
      : null;
    if (!resolved) {
      const why =
        this.mode.kind !== 'new'
          ? 'That offer can no longer be answered this way.'
          : v.phase === 'negotiation' || v.phase === 'decisions'
            ? 'You have nothing more to send this phase. End the phase when you are ready.'
            : 'Offers are made in the negotiation phase, orders in the decisions phase.';
      return h(
        'div',
        null,
        h('p', { class: 'empty' }, why),
        this.mode.kind !== 'new' ? h('button', { type: 'button', class: 'btn small', onclick: () => (this.setMode({ kind: 'new' }), app.redraw()) }, 'Back to new offers') : null,
        ordersList,
      );
    }
    const { template, params, from, title } = resolved;
    const key = this.mode.kind === 'new' ? templateKey(template) : `${this.mode.kind}:${templateKey(template)}`;
    const s = this.formFor(key, params, from);
    this.current = { s, template, v, role };
    this.fillAddressees(s, template, v, role);
    const narrowed = narrow(v, template, role, s.fields, s.draft, s.touched);
    Object.assign(s.draft, narrowed.draft);
    this.fillAddressees(s, template, v, role);
    const shown = narrowed.fields;
    const parties = addresseesOf(v, role, (buildAction(template, role, s.fields, s.draft) as { deal?: Deal }).deal);
    const toNote =
      s.keepTo && parties
        ? `This deal binds ${[role, ...parties].map((r) => roleName(v, r)).join(' and ')}: it goes to ${parties.length ? parties.map((r) => roleName(v, r)).join(' and ') : 'no one yet'}. ${template.dealKind === 'cable' ? 'Add a stop on an island to bring it in.' : ''}`.trim()
        : null;

    const ctx: FieldContext = {
      view: v,
      draft: s.draft,
      errors: s.errors,
      errorField: s.errorField,
      raw: s.raw,
      idPrefix: s.prefix,
      change: (path, value, redraw) => {
        s.draft[path] = value;
        s.touched.add(path);
        s.warnedOver = false;
        if (s.errors[path]) {
          delete s.errors[path];
          // Typing fixes the value: drop its error in place, without redrawing the form under the pointer.
          if (!redraw) clearFieldError(s.prefix, path);
        }
        if (redraw) {
          if (path === 'to') this.followAddressees(s, template, v, role);
          else s.keepTo = false;
          this.fillAddressees(s, template, v, role);
          this.recheck(s, template, v, role);
          app.redraw();
        }
      },
      touch: (path) => s.touched.add(path),
    };

    const submit = async (e: Event) => {
      e.preventDefault();
      s.formError = null;
      s.errorField = undefined;
      s.errors = missing(s.fields, s.draft);
      for (const f of s.fields)
        if (f.money && s.errors[f.path] && (s.raw[f.path] ?? '').trim() !== '')
          s.errors[f.path] = `“${(s.raw[f.path] ?? '').trim()}” is not an amount: write US$ millions to the nearest thousand, at most three decimals (like 13.37).`;
      if (Object.keys(s.errors).length) {
        s.formError = 'Some answers are missing: see the marked fields.';
        s.focusError = true;
        app.redraw();
        return;
      }
      const action = withCofunding(s, v, buildAction(template, role, s.fields, s.draft));
      const deal = (action as { deal?: Deal }).deal;
      const cost = deal && this.mode.kind !== 'amend' ? payerCost(v, deal, role) : 0;
      const purse = v.powers[role as keyof GameView['powers']]?.treasury;
      if (cost > 0 && purse !== undefined && !s.warnedOver) {
        const { total } = promised(v, role);
        const free = purse - total;
        if (cost > free) {
          s.warnedOver = true;
          s.formError = `This offer costs you ${moneyText(cost)}, but only ${moneyText(Math.max(0, free))} is free: ${moneyText(total)} is already promised in open offers. If they are all accepted, the last to be signed will be void. Send it anyway?`;
          s.focusError = true;
          announce(s.formError);
          app.redraw();
          return;
        }
      }
      const refusal = await app.submit(action);
      if (refusal) {
        const at = fieldForRefusal(s.fields, s.draft, refusal.field);
        refusal.message = namesForIds(v, refusal.message);
        if (at) {
          s.errors = { [at]: refusal.message };
          s.errorField = refusal.field;
        } else s.formError = refusal.message;
        s.focusError = true;
        announce(`Refused: ${refusal.message}`);
        app.redraw();
        return;
      }
      const a = action as { deal?: Deal; order?: Parameters<typeof describeOrder>[1]; to?: string[] };
      const what = a.deal ? describeDeal(v, a.deal) : a.order ? describeOrder(v, a.order) : actionVerb(action.type);
      this.lastSent = `${action.type === 'order' ? 'Order given' : 'Sent'}: ${what}`;
      announce(this.lastSent);
      this.forms.delete(key);
      const kind = action.type === 'order' ? 'order' : a.deal ? 'offer' : 'other';
      this.mode = { kind: 'new' };
      app.sent(kind);
    };

    const creators = creationTemplates(legal);
    const kindName = ordersNow ? 'order' : 'offer';
    const chooser =
      this.mode.kind === 'new' && creators.length > 1
        ? h(
            'fieldset',
            { class: 'field' },
            h('legend', null, ordersNow ? 'What kind of order?' : 'What kind of offer?'),
            h(
              'div',
              { class: 'kinds' },
              creators.map((t, i) => {
                const k = templateKey(t);
                return h(
                  'label',
                  null,
                  h('input', {
                    type: 'radio',
                    name: 'compose-kind',
                    id: `compose-kind-${i}`,
                    value: k,
                    checked: k === this.selected,
                    onchange: () => {
                      this.selected = k;
                      this.lastSent = null;
                      app.redraw();
                    },
                  }),
                  templateTitle(t),
                );
              }),
            ),
          )
        : null;

    const action = buildAction(template, role, s.fields, s.draft) as { deal?: Record<string, unknown> };
    const price = template.dealKind === 'cable' && action.deal ? cablePrice(v, action.deal) : null;
    const onOffer = this.mode.kind === 'amend' ? null : cofundingOnOffer(v, action.deal as Deal | undefined);
    const cofundBox = onOffer
      ? h(
          'div',
          { class: 'field cofund' },
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              id: `${s.prefix}-cofund`,
              checked: s.cofund,
              onchange: (e: Event) => {
                s.cofund = (e.target as HTMLInputElement).checked;
                app.redraw();
              },
            }),
            `Take the co-funding on offer: ${onOffer}`,
          ),
          h('p', { class: 'hint' }, 'The scenario’s other funders join on their own terms; you pay the rest.'),
        )
      : null;
    const payer = action.deal && typeof (action.deal.financing as { by?: unknown } | undefined)?.by === 'string' ? String((action.deal.financing as { by: string }).by) : null;
    const payerMoney = payer ? v.powers[payer as keyof GameView['powers']]?.treasury : undefined;
    const purse = v.powers[role as keyof GameView['powers']]?.treasury;
    const promisedNow = purse !== undefined ? promised(v, role) : null;
    const moneyBox =
      promisedNow && purse !== undefined && shown.some((f) => f.path === 'deal.financing.by' || f.money)
        ? h(
            'dl',
            { class: 'money-box kv', 'aria-label': 'Your money' },
            h('dt', null, 'In your treasury'),
            h('dd', { class: 'num' }, moneyText(purse)),
            h('dt', null, `Promised in ${plural(promisedNow.offers, 'open offer')}`),
            h('dd', { class: 'num' }, moneyText(promisedNow.total)),
            h('dt', null, 'Free to promise'),
            h('dd', { class: `num${purse - promisedNow.total < 0 ? ' over' : ''}` }, moneyText(purse - promisedNow.total)),
          )
        : null;
    const priceBox =
      template.dealKind === 'cable'
        ? h(
            'div',
            { class: 'price', role: 'status' },
            h('span', null, 'Price from the vendor', payer && payerMoney !== undefined ? h('span', { class: 'hint', style: 'display:block' }, `${roleName(v, payer)} has ${moneyText(payerMoney)}`) : null),
            h('strong', null, price === null ? '—' : money(price)),
          )
        : null;

    const verb = app.verb ?? (this.mode.kind === 'counter' ? 'Send counter-offer' : template.type === 'offer' ? 'Send offer' : template.type === 'order' ? 'Give order' : actionVerb(template.type));
    const form = h(
      'form',
      { class: 'composer', novalidate: true, onsubmit: submit, 'aria-labelledby': 'composer-title' },
      h(
        'div',
        { class: 'composer-head' },
        h('h3', { id: 'composer-title' }, this.mode.kind === 'new' ? (ordersNow ? 'Give a sealed order' : 'Make an offer') : title),
        this.mode.kind !== 'new'
          ? h('button', { type: 'button', class: 'btn small quiet', onclick: () => (this.setMode({ kind: 'new' }), app.redraw()) }, 'Cancel')
          : null,
      ),
      this.lastSent ? h('p', { class: 'alert ok', role: 'status' }, this.lastSent) : null,
      chooser,
      this.mode.kind === 'new' ? null : h('p', { class: 'hint' }, `${dealKindLabel(template.dealKind ?? '')} deal. Change the terms you want and send it back.`),
      orderHelp(template, shown),
      shown.filter((f) => isShown(f, s.draft)).map((f) => renderField(f, ctx)),
      toNote ? h('p', { class: 'hint to-note', role: 'status' }, toNote) : null,
      cofundBox,
      priceBox,
      moneyBox,
      s.formError ? h('p', { class: 'form-error', role: 'alert', tabindex: -1 }, s.formError) : null,
      h(
        'div',
        { class: 'form-actions' },
        h('button', { type: 'submit', class: 'btn primary', id: `${s.prefix}-submit`, disabled: busy }, s.warnedOver ? 'Send anyway' : verb),
        busy ? h('span', { class: 'hint' }, 'Wait for the computer seats…') : null,
      ),
    );
    if (s.focusError) {
      s.focusError = false;
      requestAnimationFrame(() => {
        const bad = document.querySelector<HTMLElement>('.composer [aria-invalid="true"]');
        const target = bad?.matches('fieldset') ? bad.querySelector<HTMLElement>('input, select, button') : bad;
        (target ?? document.querySelector<HTMLElement>('.composer .form-error'))?.focus();
      });
    }
    return h('div', null, form, ordersList, h('p', { class: 'hint', style: 'margin-top:1rem' }, ordersNow ? 'Orders stay secret until the resolution phase.' : `Every ${kindName} is seen only by its parties, unless a leak or intelligence reveals it.`));
  }
}
