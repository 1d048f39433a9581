import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ledgerBalances, step, type Action, type GameState, type TelecomDeal } from '../../src/engine';
import { islandParts } from '../../src/engine/scoring';
import { parseScenarioText, problemLines } from '../../src/scenario/load';
import { scenarioFiles } from '../../src/scenario/files';
import { act, endPhase, newGame } from '../helpers';

/** The Solomons' 161 towers as Beijing financed them in August 2022: its loan, with China Exim's credit beside it. */
const towers = (over: Partial<TelecomDeal> = {}): TelecomDeal => ({
  kind: 'telecom',
  island: 'SLB',
  project: 'towers',
  vendor: 'huawei',
  amount: 66000,
  financing: { kind: 'loan', by: 'beijing', ratePct: 1, years: 20, graceYears: 5 },
  cofunders: [{ kind: 'loan', by: 'chinaExim', sharePct: 85, ratePct: 1, years: 20, graceYears: 5 }],
  ...over,
});
const offer = (deal: TelecomDeal, from = 'beijing'): Action => ({ type: 'offer', role: from, to: ['SLB'], deal });
const honiara = () => newGame('pb', 'honiara', (s) => (s.deck.chancePerRound = 0));

describe("a policy bank (China Exim beside Beijing's loans)", () => {
  it('lends 85% of the towers beside Beijing: Beijing pays 15%, and the whole debt is owed to Beijing', () => {
    let g = honiara();
    const before = { exim: g.funders!.chinaExim!.treasury };
    g = act(g, offer(towers()));
    g = act(g, { type: 'accept', role: 'SLB', offer: g.offers[g.offers.length - 1]!.id });
    g = endPhase(endPhase(g));
    const a = g.agreements.find((x) => x.deal.kind === 'telecom');
    expect(a?.status).toBe('active');
    // What PNG paid this round on its standing Exim credits came back to the bank (rules version 16).
    const serviced = g.ledger.filter((e) => e.to === 'chinaExim' && (e.kind === 'interest' || e.kind === 'repayment')).reduce((s, e) => s + e.amount, 0);
    expect(g.funders!.chinaExim!.treasury).toBe(before.exim - Math.floor(66000 * 0.85) + serviced);
    const paid = g.ledger.filter((e) => e.ref === a!.id && e.kind === 'vendor');
    expect(paid.find((e) => e.from === 'beijing')?.amount).toBe(66000 - Math.floor(66000 * 0.85));
    expect(paid.find((e) => e.from === 'chinaExim')?.amount).toBe(Math.floor(66000 * 0.85));
    const debts = g.debts.filter((d) => d.agreement === a!.id);
    expect(debts.map((d) => d.creditor)).toEqual(['beijing', 'beijing']);
    expect(debts.reduce((s, d) => s + d.principal, 0)).toBe(66000);
    const books = ledgerBalances(g);
    expect(books.chinaExim).toBe(g.funders!.chinaExim!.treasury);
    expect(books.beijing).toBe(g.powers.beijing!.treasury);
    expect(books.SLB).toBe(g.islands.SLB!.treasury);
  });

  it('joins only a loan led by its own power, for a Chinese vendor: a grant, a Canberra loan or Ericsson towers with Exim credit are refused with a reason', () => {
    const g = honiara();
    const grant = step(g, offer(towers({ financing: { kind: 'grant', by: 'beijing' } })));
    expect(grant.ok).toBe(false);
    if (!grant.ok) expect(grant.refusal.message).toMatch(/China Exim Bank co-funds no such deal now .*beside a loan from Beijing/);
    const canberra = step(g, offer(towers({ vendor: 'ericsson', financing: { kind: 'loan', by: 'canberra', ratePct: 1, years: 20, graceYears: 5 } }), 'canberra'));
    expect(canberra.ok).toBe(false);
    if (!canberra.ok) expect(canberra.refusal.field).toBe('deal.cofunders[0].by');
    // Its credit is tied to Chinese contractors: Ericsson's towers get none.
    const ericsson = step(g, offer(towers({ vendor: 'ericsson' })));
    expect(ericsson.ok).toBe(false);
    if (!ericsson.ok) expect(ericsson.refusal.message).toMatch(/by a vendor from Beijing/);
  });

  it('lends for works, not for a government\'s wage bill: infrastructure aid gets its credit, budget support is refused with a reason', () => {
    const g = honiara();
    const aid = (purpose: 'budget' | 'infrastructure'): Action => ({
      type: 'offer',
      role: 'beijing',
      to: ['SLB'],
      deal: { kind: 'aid', island: 'SLB', amount: 40000, purpose, financing: { kind: 'loan', by: 'beijing', ratePct: 2, years: 20, graceYears: 6 }, cofunders: [{ kind: 'loan', by: 'chinaExim', sharePct: 85, ratePct: 2, years: 20, graceYears: 6 }] },
    });
    const works = step(g, aid('infrastructure'));
    expect(works.ok).toBe(true);
    const wages = step(g, aid('budget'));
    expect(wages.ok).toBe(false);
    if (!wages.ok) expect(wages.refusal.message).toMatch(/China Exim Bank co-funds no such deal now .*infrastructure aid/);
    // The purpose is for aid pledges only: on a cable pledge it names the field.
    const file = readFileSync(scenarioFiles().honiara!, 'utf8');
    const r = parseScenarioText(file.replace('{ deal: cable, islands: [SLB, PNG], vendorFrom: beijing,', '{ deal: cable, islands: [SLB, PNG], purpose: relief, vendorFrom: beijing,'), 'honiara-broken.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(problemLines(r).join('\n')).toMatch(/honiara-broken\.yaml.*funders\[0\]\.pledges\[1\]\.purpose.*only on an aid pledge/);
  });

  it('a scenario giving a policy bank a grant pledge, or a power not in the game, names the file and the field', () => {
    const file = readFileSync(scenarioFiles().honiara!, 'utf8');
    const lines = (text: string) => {
      const r = parseScenarioText(text, 'honiara-broken.yaml');
      expect(r.ok).toBe(false);
      return r.ok ? '' : problemLines(r).join('\n');
    };
    expect(lines(file.replace('    of: beijing\n', '    of: tokyo\n'))).toMatch(/honiara-broken\.yaml.*funders\[0\]\.of/);
    const granted = lines(file.replace("terms: { kind: loan, ratePct: 1, years: 20, graceYears: 5 }, note: \"The Solomons' tower loan", "terms: { kind: grant }, note: \"The Solomons' tower loan"));
    expect(granted).toMatch(/honiara-broken\.yaml.*funders\[0\]\.pledges\[0\]\.terms\.kind.*a loan/);
  });
});

describe("a policy bank's loans are repaid to the bank (rules version 16)", () => {
  /** PNG pays 10000 early on its Kumul cable debt, a China Exim credit owed to Beijing. */
  const repay = (g: GameState): GameState => {
    g = endPhase(g);
    g = act(g, { type: 'order', role: 'PNG', order: { kind: 'repay', debt: 'exim-kumul', amount: 10000 } });
    return endPhase(g);
  };
  const paidTo = (g: GameState, to: string) => g.ledger.filter((e) => e.ref === 'exim-kumul' && e.kind === 'repayment' && e.to === to).reduce((s, e) => s + e.amount, 0);

  it("an early repayment of an Exim credit refills Exim's lending, not Beijing's grant budget; the debt is still owed to Beijing", () => {
    const g = repay(honiara());
    expect(paidTo(g, 'chinaExim')).toBe(10000);
    expect(paidTo(g, 'beijing')).toBe(0);
    const debt = g.debts.find((d) => d.id === 'exim-kumul');
    expect(debt?.creditor).toBe('beijing');
    expect(debt?.outstanding).toBe(229200 - 10000);
    const books = ledgerBalances(g);
    expect(books.chinaExim).toBe(g.funders!.chinaExim!.treasury);
    expect(books.beijing).toBe(g.powers.beijing!.treasury);
  });

  it('a bank the scenario does not seat is repaid outside the game; a debt with no lender is repaid to its creditor', () => {
    const outside = repay(newGame('pb', 'quad', (s) => (s.deck.chancePerRound = 0)));
    expect(paidTo(outside, 'world')).toBe(10000);
    expect(paidTo(outside, 'beijing')).toBe(0);
    const own = repay(newGame('pb', 'quad', (s) => {
      s.deck.chancePerRound = 0;
      for (const d of s.debts) delete d.lender;
    }));
    expect(paidTo(own, 'beijing')).toBe(10000);
  });

  it("a lender that is another power's bank names the file and the field", () => {
    const file = readFileSync(scenarioFiles().honiara!, 'utf8');
    const r = parseScenarioText(file.replace('    of: beijing\n', '    of: canberra\n'), 'honiara-broken.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(problemLines(r).join('\n')).toMatch(/honiara-broken\.yaml.*debts\[0\]\.lender.*a policy bank of beijing/);
  });
});

describe("a dominant creditor weighs by what is owed ('friends to all')", () => {
  it('a first small loan from one creditor costs the island little balance; a debt of a year\'s revenue costs the full penalty', () => {
    const g = honiara();
    const base = islandParts(g, 'SLB').balance!;
    const year = g.islands.SLB!.revenuePerRound * 2;
    const owe = (amount: number) => {
      const s = structuredClone(g);
      s.debts.push({ id: 'x', debtor: 'SLB', creditor: 'beijing', agreement: null, principal: amount, outstanding: amount, ratePct: 1, instalmentsLeft: 30, firstDueRound: 20, arrears: 0, missed: 0, collateral: 'none', defaulted: false });
      return islandParts(s, 'SLB').balance!;
    };
    expect(base - owe(Math.round(year / 20))).toBeLessThanOrEqual(2);
    expect(base - owe(year)).toBeGreaterThanOrEqual(20);
  });
});
