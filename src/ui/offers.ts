import { initiativeText, ratifiersOf, type Action, type ActionTemplate, type Agreement, type ForumMeeting, type GameView, type Offer, type Ratification, type Refusal, type RoleId } from '../engine';
import { describeDeal, describeParts } from './describe';
import { h } from './dom';
import { renderField, type FieldContext } from './fields';
import { buildAction, fieldForRefusal, fieldsOf, initialDraft, missing, templateKey, type Draft, type Field } from './form';
import { actionVerb, namesForIds, plural, roleName, valueLabel } from './names';
import { statusChip, swatch } from './widgets';

export type ComposeMode = { kind: 'new' } | { kind: 'counter'; offer: string } | { kind: 'amend'; agreement: string };

/** What the offers panel needs from the app. */
export interface OffersApp {
  submit(action: Action): Promise<Refusal | null>;
  /** For a button with no form: a refusal is shown at the top of the panel. */
  submitButton(action: Action): Promise<Refusal | null>;
  compose(mode: ComposeMode): void;
  redraw(): void;
}

interface InlineState {
  fields: Field[];
  draft: Draft;
  raw: Record<string, string>;
  errors: Record<string, string>;
  formError: string | null;
}

/**
 * Small forms on an offer or agreement (a reason to reject, a reason to cancel), built from the
 * answer's template like any other form. Kept per seat: a new seat gets them empty.
 */
export class InlineForms {
  private states = new Map<string, InlineState>();

  reset(): void {
    this.states.clear();
  }

  private state(t: ActionTemplate): InlineState {
    const key = templateKey(t);
    let s = this.states.get(key);
    if (!s) {
      const fields = fieldsOf(t.params);
      s = { fields, draft: initialDraft(fields), raw: {}, errors: {}, formError: null };
      this.states.set(key, s);
    }
    return s;
  }

  render(app: OffersApp, v: GameView, role: RoleId, t: ActionTemplate): HTMLElement {
    const s = this.state(t);
    const prefix = `inline-${templateKey(t).replace(/[^a-zA-Z0-9]+/g, '-')}`;
    const ctx: FieldContext = {
      view: v,
      draft: s.draft,
      errors: s.errors,
      raw: s.raw,
      idPrefix: prefix,
      change: (path, value, redraw) => {
        s.draft[path] = value;
        if (redraw) app.redraw();
      },
    };
    const submit = async (e: Event) => {
      e.preventDefault();
      const miss = missing(s.fields, s.draft);
      s.errors = miss;
      s.formError = null;
      if (Object.keys(miss).length === 0) {
        const refusal = await app.submit(buildAction(t, role, s.fields, s.draft));
        if (refusal) {
          const at = fieldForRefusal(s.fields, s.draft, refusal.field);
          if (at) s.errors = { [at]: refusal.message };
          else s.formError = refusal.message;
        } else this.states.delete(templateKey(t));
      }
      app.redraw();
    };
    return h(
      'form',
      { class: 'inline-form', onsubmit: submit, novalidate: true },
      s.fields.map((f) => renderField({ ...f, label: t.type === 'reject' && f.path === 'reason' ? 'Reason for rejecting' : f.label }, ctx)),
      h('button', { type: 'submit', class: 'btn small', id: `${prefix}-submit` }, actionVerb(t.type)),
      s.formError ? h('p', { class: 'form-error', role: 'alert' }, s.formError) : null,
    );
  }
}

/** Buttons and forms for the answers a role may give to one offer or agreement. */
function answers(app: OffersApp, forms: InlineForms, v: GameView, role: RoleId, templates: ActionTemplate[], mode: (t: ActionTemplate) => ComposeMode): HTMLElement | null {
  if (templates.length === 0) return null;
  const buttons: HTMLElement[] = [];
  const inline: HTMLElement[] = [];
  for (const t of templates) {
    const id = `answer-${templateKey(t).replace(/[^a-zA-Z0-9]+/g, '-')}`;
    if (t.dealKind && Object.keys(t.params).length === 0)
      buttons.push(h('button', { type: 'button', class: 'btn small', id, onclick: () => app.compose(mode(t)) }, t.type === 'counter' ? 'Counter…' : 'Renegotiate…'));
    else if (Object.keys(t.params).length === 0)
      buttons.push(
        h(
          'button',
          {
            type: 'button',
            class: `btn small${t.type === 'accept' ? ' primary' : ''}`,
            id,
            onclick: () => {
              app.submitButton({ type: t.type, role, ...Object.fromEntries(Object.entries(t).filter(([k, x]) => k !== 'type' && k !== 'params' && typeof x === 'string')) } as unknown as Action);
            },
          },
          actionVerb(t.type),
        ),
      );
    else inline.push(forms.render(app, v, role, t));
  }
  return h('div', { class: 'card-actions' }, buttons, inline);
}

function partiesLine(v: GameView, o: Offer): HTMLElement {
  return h('span', { class: 'parties' }, swatch(v, o.from), ` ${roleName(v, o.from)} → `, o.to.map((r, i) => [i ? ', ' : '', roleName(v, r)]));
}

function offerCard(app: OffersApp, forms: InlineForms, v: GameView, role: RoleId, o: Offer, legal: ActionTemplate[]): HTMLElement {
  // A package is countered by no form here: the island accepts or refuses it (or sends its own offer).
  const mine = legal.filter((t) => t.offer === o.id && !(t.type === 'counter' && o.deal.kind === 'package'));
  const accepted = o.acceptedBy.filter((r) => r !== o.from);
  const pkg = o.deal.kind === 'package' ? o.deal : null;
  const refused = o.refusals ?? [];
  return h(
    'li',
    { class: `card${['rejected', 'expired', 'withdrawn', 'void', 'countered'].includes(o.status) ? ' faded' : ''}`, dataset: { offer: o.id } },
    h('div', { class: 'card-head' }, partiesLine(v, o), statusChip(o.status)),
    h('p', { class: 'deal-text' }, describeDeal(v, o.deal)),
    pkg
      ? h(
          'ol',
          { class: 'package-parts', 'aria-label': 'Parts of the package' },
          describeParts(v, o.deal, pkg.islands.includes(role) ? role : null).map((t) => h('li', null, t)),
        )
      : null,
    pkg && refused.length ? h('p', { class: 'hint' }, `Refused by ${refused.map((r) => `${roleName(v, r.by)} (“${namesForIds(v, r.reason)}”)`).join(', ')}.`) : null,
    o.counterDepth > 0 ? h('p', { class: 'hint' }, `Counter-offer ${o.counterDepth} of 3 this round.`) : null,
    ratificationHint(v, o),
    accepted.length && (o.status === 'open' || pkg) ? h('p', { class: 'hint' }, `${o.status === 'open' ? 'Accepted so far' : 'Accepted'} by ${accepted.map((r) => roleName(v, r)).join(', ')}.`) : null,
    o.reason && !pkg ? h('p', { class: 'reason' }, `“${namesForIds(v, o.reason)}”`) : null,
    answers(app, forms, v, role, mine, (t) => ({ kind: 'counter', offer: t.offer ?? o.id })),
  );
}

/** "Needs ratification by Vanuatu's parliament": shown on an offer whose deal waits for a vote once signed. */
function ratificationHint(v: GameView, o: Offer): HTMLElement | null {
  if (o.status !== 'open' && o.status !== 'accepted') return null;
  const islands = ratifiersOf(v, o);
  if (!islands.length) return null;
  const names = islands.map((i) => roleName(v, i)).join(' and ');
  return h('p', { class: 'hint ratify' }, `Needs ratification by the parliament of ${names}: once signed, it takes effect only if the vote next round passes.`);
}

/** A Forum meeting: its title as written, what it asks, who has answered, and this island's answer buttons. */
function forumCard(app: OffersApp, forms: InlineForms, v: GameView, role: RoleId, m: ForumMeeting, legal: ActionTemplate[]): HTMLElement {
  const mine = legal.filter((t) => t.initiative === m.id);
  const said = (list: string[], verb: string) => (list.length ? `${verb} by ${list.map((r) => roleName(v, r)).join(', ')}` : null);
  const answered = [said(m.endorsed, 'Endorsed'), said(m.rejected, 'rejected')].filter(Boolean).join('; ');
  const own = m.endorsed.includes(role) ? 'You endorsed it.' : m.rejected.includes(role) ? 'You rejected it.' : null;
  return h(
    'li',
    { class: 'card forum', dataset: { forum: m.id } },
    h('div', { class: 'card-head' }, h('span', { class: 'forum-title' }, m.title), statusChip(m.status === 'open' ? 'open' : m.status)),
    h('p', { class: 'deal-text' }, `The Forum is asked to endorse ${initiativeText(v, m)}.${m.calledBy ? ` Called by ${roleName(v, m.calledBy)}.` : ''}`),
    answered ? h('p', { class: 'hint' }, `${answered}.`) : null,
    own ? h('p', { class: 'hint' }, own) : null,
    m.status === 'open' && !v.islands[role] ? h('p', { class: 'hint' }, 'Only the island governments sit in the Forum: it is adopted if at least half of them endorse it and more endorse than reject it.') : null,
    answers(app, forms, v, role, mine, () => ({ kind: 'new' })),
  );
}

/** A deal signed subject to ratification: its public terms, and the vote to come or its result. */
function pendingCard(v: GameView, r: Ratification): HTMLElement {
  const who = r.islands.map((i) => roleName(v, i)).join(' and ');
  const result = r.result.map((x) => `${roleName(v, x.island)}: ${x.passed ? 'passed' : 'refused'}${x.chance === null ? '' : ` (${x.chance}% chance)`}`).join('; ');
  return h(
    'li',
    { class: `card${r.status === 'pending' ? '' : ' faded'}`, dataset: { ratification: r.id } },
    h('div', { class: 'card-head' }, h('span', { class: 'parties' }, swatch(v, r.partner), ` ${roleName(v, r.partner)} · ${who}`), statusChip(r.status)),
    h('p', { class: 'deal-text' }, describeDeal(v, r.deal)),
    h('p', { class: 'hint' }, r.status === 'pending' ? `Signed in round ${r.round}; the parliament of ${who} votes on it at the end of round ${r.round + 1}. Until then it has no effect.` : `Vote: ${result}.`),
  );
}

function agreementCard(app: OffersApp, forms: InlineForms, v: GameView, role: RoleId, a: Agreement, legal: ActionTemplate[]): HTMLElement {
  const mine = legal.filter((t) => (t as { agreement?: string }).agreement === a.id || (t as { amends?: string }).amends === a.id);
  const secret = a.clauses.filter((c) => c.seenBy !== 'all');
  return h(
    'li',
    { class: 'card', dataset: { agreement: a.id } },
    h('div', { class: 'card-head' }, h('span', { class: 'parties' }, a.parties.map((r, i) => [i ? ' · ' : '', swatch(v, r), ' ', roleName(v, r)])), h('span', { class: 'muted' }, `Signed in round ${a.round}`)),
    h('p', null, describeDeal(v, a.deal)),
    secret.length
      ? h(
          'p',
          null,
          secret.map((c, i) => [i ? ' ' : '', h('span', { class: 'secret' }, `Secret clause: ${valueLabel(v, 'clause', c.kind)}`)]),
        )
      : null,
    answers(app, forms, v, role, mine, (t) => ({ kind: 'amend', agreement: (t as { amends?: string }).amends ?? a.id })),
  );
}

function section(id: string, title: string, items: HTMLElement[], empty: string | null): HTMLElement | null {
  if (!items.length && empty === null) return null;
  return h('section', { class: 'section', 'aria-labelledby': id }, h('h3', { id }, title, items.length ? h('span', { class: 'muted' }, ` (${items.length})`) : null), items.length ? h('ul', { class: 'cards' }, items) : h('p', { class: 'empty' }, empty));
}

/** Offers in and out this round, agreements in force, and earlier offers. */
export function renderOffers(app: OffersApp, forms: InlineForms, v: GameView, role: RoleId, legal: ActionTemplate[]): HTMLElement[] {
  const now = v.offers.filter((o) => o.round === v.round);
  const toMe = now.filter((o) => o.to.includes(role));
  const fromMe = now.filter((o) => o.from === role);
  const others = now.filter((o) => o.from !== role && !o.to.includes(role));
  const earlier = v.offers.filter((o) => o.round < v.round).reverse();
  const mine = v.agreements.filter((a) => a.status === 'active' && a.parties.includes(role));
  const theirs = v.agreements.filter((a) => a.status === 'active' && !a.parties.includes(role));
  const card = (o: Offer) => offerCard(app, forms, v, role, o, legal);
  const negotiating = v.phase === 'negotiation';
  const forums = (v.forums ?? []).filter((m) => m.round === v.round);
  // Pending deals, and the votes of the last domestic phase (a deal signed in round r is voted on at the end of round r + 1).
  const ratifications = (v.ratifications ?? []).filter((r) => r.status === 'pending' || r.round >= v.round - 2);
  return [
    section('forum', 'Pacific Islands Forum', forums.map((m) => forumCard(app, forms, v, role, m, legal)), null),
    section('offers-in', 'Offers to you', toMe.map(card), negotiating ? 'No offers to you yet this round.' : 'No offers to you this round.'),
    section('offers-out', 'Your offers', fromMe.map(card), negotiating ? 'You have sent no offers this round. Use “New offer” to make one.' : 'You sent no offers this round.'),
    section('offers-other', 'Other offers you know of', others.map(card), null),
    section('ratifications', 'Signed, subject to ratification', ratifications.map((r) => pendingCard(v, r)), null),
    section('agreements-mine', 'Your agreements in force', mine.map((a) => agreementCard(app, forms, v, role, a, legal)), 'None yet.'),
    section('agreements-other', 'Other agreements in force', theirs.map((a) => agreementCard(app, forms, v, role, a, legal)), null),
    earlier.length
      ? h(
          'details',
          { class: 'older section' },
          h('summary', null, `Earlier rounds (${plural(earlier.length, "offer")})`),
          h('ul', { class: 'cards' }, earlier.map((o) => h('li', { class: 'card faded' }, h('div', { class: 'card-head' }, partiesLine(v, o), h('span', null, h('span', { class: 'muted' }, `Round ${o.round} `), statusChip(o.status))), h('p', null, describeDeal(v, o.deal)), o.reason ? h('p', { class: 'reason' }, `“${namesForIds(v, o.reason)}”`) : null))),
        )
      : null,
  ].filter((x): x is HTMLElement => x !== null);
}
