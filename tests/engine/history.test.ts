import { describe, expect, it } from 'vitest';
import { legalActions, step, view, type GameState, type RoleId } from '../../src/engine';
import { unrestTarget } from '../../src/engine/domestic';
import { act, coralSeaCable, endPhase, newGame, offerNo } from '../helpers';

/** A shipped scenario with its opening moves: standing agreements and tabled offers. */
const opening = (id: string, seed = '1', edit?: Parameters<typeof newGame>[2]) => newGame(seed, id, edit, { opening: true });
const quietly = (s: Parameters<NonNullable<Parameters<typeof newGame>[2]>>[0]) => {
  s.deck.chancePerRound = 0;
};
const round = (g: GameState) => endPhase(endPhase(g));
const everyone = (g: GameState, offer: string, except: RoleId[] = []) => {
  let s = g;
  for (const r of s.offers.find((o) => o.id === offer)!.to) if (!except.includes(r)) s = act(s, { type: 'accept', role: r, offer });
  return s;
};

describe('standing agreements at the start', () => {
  it('Honiara starts with the 2017 Australia–Solomons treaty in force, its effects not applied twice, and cancellable like any pact', () => {
    const still = (x: Parameters<typeof quietly>[0]) => {
      quietly(x);
      x.scripted = [];
    };
    const g = opening('honiara', '1', still);
    const treaty = g.agreements.find((a) => a.id === 'aus-slb-treaty')!;
    expect(treaty).toMatchObject({ status: 'active', parties: ['SLB', 'canberra'], deal: { kind: 'pact', pact: 'policing' } });
    expect(treaty.clauses.map((c) => c.kind)).toEqual(['unrestDeployment']);
    // The scenario's starting sovereignty already counts the treaty: nothing moved it again.
    const bare = newGame('1', 'honiara', still);
    expect(g.islands.SLB!.sovereignty).toBe(bare.islands.SLB!.sovereignty);
    expect(g.islands.SLB!.democracy).toBe(bare.islands.SLB!.democracy);
    // Cancelling it undoes what its clause does, as for a pact signed in the game.
    const cancelled = act(g, { type: 'cancel', role: 'SLB', agreement: 'aus-slb-treaty', reason: 'We will find other partners.' });
    expect(cancelled.agreements.find((a) => a.id === 'aus-slb-treaty')!.status).toBe('cancelled');
    expect(cancelled.islands.SLB!.sovereignty).toBe(g.islands.SLB!.sovereignty + 6);
  });

  it('Coral Sea starts with Huawei Marine\'s signed contract waiting for Canberra\'s landing consent: no money moved, no debt, no cable being built', () => {
    const g = opening('coral-sea');
    const bare = newGame('1', 'coral-sea');
    expect(g.agreements.find((a) => a.id === 'huawei-sisc')).toMatchObject({ status: 'active', parties: ['SLB', 'beijing'] });
    expect(g.cables.find((c) => c.agreement === 'huawei-sisc')).toMatchObject({ status: 'proposed', vendor: 'huawei-marine', route: ['sydney', 'honiara', 'auki', 'noro'] });
    expect(g.islands.SLB!.treasury).toBe(bare.islands.SLB!.treasury);
    expect(g.debts.filter((d) => d.debtor === 'SLB')).toEqual([]);
    // Round 1 opens with the contract put to Canberra.
    expect(g.offers[0]).toMatchObject({ from: 'SLB', to: ['beijing', 'canberra'], amends: 'huawei-sisc', status: 'open' });
    expect(legalActions(view(g, 'canberra'), 'canberra').filter((t) => t.offer === g.offers[0]!.id).map((t) => t.type)).toEqual(['accept', 'reject', 'counter']);
  });
});

describe('landing consent (Coral Sea, 2018)', () => {
  it('an untrusted vendor\'s cable landing at Sydney binds Canberra; a trusted one, or one Canberra pays for, does not', () => {
    const g = newGame();
    const huawei = coralSeaCable({ route: ['sydney', 'honiara'], vendor: 'huawei-marine', financing: { kind: 'loan', by: 'beijing', ratePct: 2, years: 20, graceYears: 5 } });
    const r = step(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: huawei });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.message).toMatch(/binds SLB, beijing, canberra/);
    expect(step(g, { type: 'offer', role: 'beijing', to: ['SLB', 'canberra'], deal: huawei }).ok).toBe(true);
    // ASN is on Canberra's trusted list: no consent needed, whoever pays.
    expect(step(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: { ...huawei, vendor: 'asn', buildMonths: 18 } }).ok).toBe(true);
    expect(step(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: { ...huawei, financing: { kind: 'grant', by: 'canberra' } } }).ok).toBe(true);
  });

  it('the two answers Canberra can give move Canberra\'s and the Solomons\' scores differently', () => {
    const start = opening('coral-sea', '1', quietly);
    const contract = start.offers[0]!.id;
    // Consent: Huawei Marine lands at Sydney.
    let yes = everyone(start, contract);
    yes = round(yes);
    expect(yes.cables.find((c) => c.vendor === 'huawei-marine' && c.agreement !== null)?.status).toBe('building');
    expect(yes.agreements.find((a) => a.id === 'huawei-sisc')!.status).toBe('ended');
    // Refusal: the contract ends; Canberra funds the Coral Sea cable in its place (June 2018).
    let no = act(start, { type: 'reject', role: 'canberra', offer: contract, reason: 'Not at Sydney: an untrusted vendor on our territory.' });
    expect(no.agreements.find((a) => a.id === 'huawei-sisc')).toMatchObject({ status: 'ended', reason: expect.stringMatching(/landing refused/) });
    expect(no.cables.some((c) => c.agreement === 'huawei-sisc')).toBe(false);
    no = act(no, { type: 'offer', role: 'canberra', to: ['PNG', 'SLB'], deal: coralSeaCable({ islandSharePct: 30 }) });
    no = everyone(no, no.offers.at(-1)!.id);
    no = round(no);
    expect(no.cables.find((c) => c.vendor === 'asn' && c.agreement !== null)?.status).toBe('building');
    const score = (g: GameState, r: RoleId) => g.scores[r]!.total;
    expect(score(no, 'canberra')).toBeGreaterThan(score(yes, 'canberra'));
    expect(score(no, 'SLB')).not.toBe(score(yes, 'SLB'));
    expect(yes.islands.SLB!.exposure.beijing + no.islands.SLB!.alignment.canberra).not.toBe(no.islands.SLB!.exposure.beijing + yes.islands.SLB!.alignment.canberra);
    // Once a cable joins Sydney and Honiara, a second one on those landings is a duplicate.
    const dup = step(no, { type: 'offer', role: 'washington', to: ['SLB'], deal: coralSeaCable({ route: ['sydney', 'honiara'], vendor: 'subcom', financing: { kind: 'grant', by: 'washington' } }) });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.refusal.message).toMatch(/duplicate/);
  });

  it('Compact states give Washington a veto over another power\'s security pact (Micronesia)', () => {
    const g = newGame('1', 'micronesia');
    const pact = { kind: 'pact' as const, island: 'FSM', power: 'beijing' as const, pact: 'policing' as const, clauses: [] };
    expect(step(g, { type: 'offer', role: 'beijing', to: ['FSM'], deal: pact }).ok).toBe(false);
    let s = act(g, { type: 'offer', role: 'beijing', to: ['FSM', 'washington'], deal: pact });
    s = act(s, { type: 'accept', role: 'FSM', offer: s.offers.at(-1)!.id });
    s = act(s, { type: 'reject', role: 'washington', offer: s.offers.at(-1)!.id, reason: 'Not under the Compact.' });
    s = round(s);
    expect(s.agreements.filter((a) => a.deal.kind === 'pact')).toEqual([]);
    // Kiribati has no Compact: no veto there.
    expect(step(g, { type: 'offer', role: 'beijing', to: ['KIR'], deal: { ...pact, island: 'KIR' } }).ok).toBe(true);
  });
});

describe('vendors by kind', () => {
  it('cable makers lay cables and network vendors build towers: the engine refuses the wrong kind and the forms list only fitting vendors', () => {
    const g = newGame('1', 'honiara');
    const towers = (vendor: string) => ({ kind: 'telecom' as const, island: 'SLB', project: 'towers' as const, vendor, amount: 5000, financing: { kind: 'grant' as const, by: 'beijing' as const } });
    const wrong = step(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: towers('hmn-tech') });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.refusal).toMatchObject({ field: 'deal.vendor', message: expect.stringMatching(/cable maker/) });
    expect(step(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: towers('huawei') }).ok).toBe(true);
    const cableByHuawei = step(g, { type: 'offer', role: 'beijing', to: ['PNG', 'SLB'], deal: coralSeaCable({ route: ['honiara', 'port-moresby'], vendor: 'huawei', financing: { kind: 'grant', by: 'beijing' } }) });
    expect(cableByHuawei.ok).toBe(false);
    const t = legalActions(view(g, 'beijing'), 'beijing');
    expect(t.find((x) => x.dealKind === 'cable')!.params['deal.vendor']).toEqual({ kind: 'oneOf', values: ['asn', 'consortium', 'hmn-tech', 'nec', 'subcom'] });
    expect(t.find((x) => x.dealKind === 'telecom')!.params['deal.vendor']).toEqual({ kind: 'oneOf', values: ['ericsson', 'huawei', 'nokia', 'zte'] });
  });
});

describe('security offers and governments', () => {
  it('Washington offers shiprider and coast-guard agreements, not policing pacts', () => {
    const g = newGame('1', 'honiara');
    const policing = step(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'washington', pact: 'policing', clauses: [] } });
    expect(policing.ok).toBe(false);
    const pacts = legalActions(view(g, 'washington'), 'washington').find((x) => x.dealKind === 'pact')!.params['deal.pact'];
    expect(pacts).toEqual({ kind: 'oneOf', values: ['cyber', 'port', 'naval', 'base'] });
    let s = act(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'washington', pact: 'naval', clauses: [] } });
    s = round(act(s, { type: 'accept', role: 'SLB', offer: s.offers.at(-1)!.id }));
    expect(s.log.some((e) => /agree a shiprider and coast-guard agreement/.test(e.text))).toBe(true);
  });

  it('unrest cannot run away: from the worst start, with riots and no help, it falls back from its peak and riots stay rare', () => {
    for (const seed of ['1', '2', '3', '4', '5']) {
      let g = newGame(seed, 'coral-sea', (s) => {
        quietly(s);
        const slb = s.islands.find((i) => i.id === 'SLB')!;
        slb.legitimacy = 25;
        slb.economy = 25;
      });
      g = { ...g, islands: { ...g.islands, SLB: { ...g.islands.SLB!, unrest: 95 } } };
      let peak = 0;
      while (g.phase !== 'over') {
        g = round(g);
        peak = Math.max(peak, g.islands.SLB!.unrest);
      }
      const riots = g.events.filter((e) => e.kind === 'riots').length;
      expect(peak).toBeLessThan(100);
      expect(riots).toBeLessThanOrEqual(4); // at most one riot every three rounds in twelve
      expect(g.islands.SLB!.unrest).toBeLessThan(95);
      // It settles near what legitimacy and the economy leave, not at the top.
      const slb = g.islands.SLB!;
      expect(slb.unrest).toBeLessThanOrEqual(unrestTarget(slb.legitimacy, slb.economy) + 15); // within one riot of it
      expect(slb.unrest).toBeLessThan(95 - 10);
    }
  });

  it('a government can fall to its own camp (the Solomons, 2024): a fall, counted as one, with the leaning kept', () => {
    const g = newGame('1', 'honiara', (s) => {
      quietly(s);
      s.scripted = [{ round: 2, kind: 'changeOfGovernment', island: 'SLB', power: 'beijing', title: 'Manele succeeds Sogavare' }];
    });
    const before = g.islands.SLB!;
    const after = round(g).islands.SLB!;
    expect(after.falls).toBe(1);
    expect(after.leaning).toBe('beijing');
    expect(after.alignment.beijing).toBe(before.alignment.beijing);
    expect(round(g).log.some((e) => e.text.includes("Manele succeeds Sogavare: the government falls. The new government comes from the outgoing one's own camp"))).toBe(true);
  });
});

describe('drafts and leaks', () => {
  it('a scripted leak naming the Solomons reveals the open Beijing draft with all its clauses to everyone, at a price (March 2022)', () => {
    const withLeak = round(opening('honiara', '1', quietly));
    const noLeak = round(
      opening('honiara', '1', (s) => {
        quietly(s);
        s.scripted = s.scripted.filter((e) => e.kind !== 'leak');
      }),
    );
    const draft = withLeak.offers.find((o) => o.round === 2 && o.from === 'beijing')!;
    expect(draft.deal).toMatchObject({ kind: 'pact', clauses: [{ kind: 'unrestDeployment', secret: true }, { kind: 'shipVisits', secret: true }] });
    expect(view(withLeak, 'washington').offers.map((o) => o.id)).toContain(draft.id);
    expect(view(noLeak, 'washington').offers.map((o) => o.id)).not.toContain(draft.id);
    expect(withLeak.log.some((e) => e.seenBy === 'all' && e.text.startsWith('A draft China-Solomon Islands security agreement leaks (Mar 2022): the draft'))).toBe(true);
    // The news names the clauses as the rest of the game does, not by their rule identifiers.
    const news = withLeak.log.find((e) => e.text.includes('the draft is public'))!.text;
    expect(news).toContain('with the unrest-deployment clause (meant to be secret), the ship-visits clause (meant to be secret)');
    expect(news).not.toMatch(/unrestDeployment|shipVisits/);
    expect(withLeak.events.find((e) => e.kind === 'leak')).toMatchObject({ island: 'SLB', title: 'A draft China-Solomon Islands security agreement leaks (Mar 2022)' });
    expect(withLeak.islands.SLB!.legitimacy).toBe(noLeak.islands.SLB!.legitimacy - 10);
    expect(withLeak.powers.beijing!.reputation).toBe(noLeak.powers.beijing!.reputation - 6);
    // A Canberra–PNG secret is not what a Solomons leak reveals.
    expect(withLeak.log.some((e) => /Papua New Guinea and Canberra/.test(e.text))).toBe(false);
  });

  it("a scripted leak naming Beijing publishes its regional package to everyone, at Beijing's cost alone (May 2022)", () => {
    const withLeak = opening('shared-future', '1', quietly);
    const noLeak = opening('shared-future', '1', (s) => {
      quietly(s);
      s.scripted = s.scripted.filter((e) => e.kind !== 'leak');
    });
    const draft = withLeak.offers.find((o) => o.round === 1 && o.from === 'beijing' && o.deal.kind === 'package')!;
    const islands = draft.to.filter((r) => withLeak.islands[r]);
    expect(islands).toHaveLength(10);
    expect(view(withLeak, 'canberra').offers.map((o) => o.id)).toContain(draft.id);
    expect(view(noLeak, 'canberra').offers.map((o) => o.id)).not.toContain(draft.id);
    const news = withLeak.log.find((e) => e.text.includes('the draft is public'))!;
    expect(news.seenBy).toBe('all');
    expect(news.text).toMatch(/^The draft China-Pacific Common Development Vision leaks, with FSM's letter against it \(May 2022\): the draft is public — /);
    expect(withLeak.log.some((e) => /reveal nothing/.test(e.text))).toBe(false);
    expect(withLeak.events.find((e) => e.kind === 'leak')).toMatchObject({ island: null, power: 'beijing' });
    expect(withLeak.powers.beijing!.reputation).toBe(noLeak.powers.beijing!.reputation - 6);
    // No government is named: none loses standing or goodwill.
    for (const id of islands) {
      expect(withLeak.islands[id]!.legitimacy).toBe(noLeak.islands[id]!.legitimacy);
      expect(withLeak.islands[id]!.alignment.beijing).toBe(noLeak.islands[id]!.alignment.beijing);
    }
  });

  it("with none of its drafts on the table, a leak naming a power reveals one of that power's secret clauses, never another's", () => {
    // Three of Beijing's secrets to one of Canberra's: a leak blind to the power would reveal Beijing's in most seeds.
    for (const seed of ['1', '2', '3', '4']) {
      let g = newGame(seed, 'coral-sea', (s) => {
        s.deck.chancePerRound = 0;
        s.scripted = [{ round: 2, kind: 'leak', power: 'canberra', title: "Canberra's papers leak" }];
      });
      const secret = (...kinds: ('unrestDeployment' | 'shipVisits' | 'incidentAccess')[]) => kinds.map((kind) => ({ kind, secret: true }));
      g = act(g, { type: 'offer', role: 'beijing', to: ['PNG'], deal: { kind: 'pact', island: 'PNG', power: 'beijing', pact: 'policing', clauses: secret('unrestDeployment', 'shipVisits', 'incidentAccess') } });
      g = act(g, { type: 'accept', role: 'PNG', offer: offerNo(g, 1) });
      g = act(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'cyber', clauses: secret('incidentAccess') } });
      g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 2) });
      g = round(g);
      expect(g.round).toBe(2);
      const clauses = (p: string) => g.agreements.filter((a) => a.deal.kind === 'pact' && a.deal.power === p).flatMap((a) => a.clauses);
      expect(clauses('canberra').map((c) => c.seenBy)).toEqual(['all']);
      expect(clauses('beijing').map((c) => c.seenBy)).not.toContain('all');
      expect(g.log.some((e) => e.seenBy === 'all' && /secret incident-access clause in the pact between Solomon Islands and Canberra/.test(e.text))).toBe(true);
    }
  });
});

describe('the Honiara history plays (2021–2024)', () => {
  it('riots, the deployment under the treaty, the leaked draft, the Beijing pact, the intrusion, the tower loan, the election delay and the 2024 election are each legal and move the state the real way', () => {
    const history = (s: Parameters<NonNullable<Parameters<typeof newGame>[2]>>[0]) => {
      quietly(s);
      s.scripted.push({ round: 6, kind: 'changeOfGovernment', island: 'SLB', power: 'beijing', title: 'April 2024 election: Manele succeeds Sogavare' });
    };
    const calm = opening('honiara', '1', (s) => {
      history(s);
      s.scripted = s.scripted.filter((e) => e.kind !== 'riots');
    });
    let g = opening('honiara', '1', history);
    // Round 1 (Nov 2021): riots; Canberra deploys under the standing treaty.
    expect(g.islands.SLB!.unrest).toBeGreaterThan(calm.islands.SLB!.unrest);
    expect(g.islands.SLB!.legitimacy).toBeLessThan(calm.islands.SLB!.legitimacy);
    expect(g.log.some((e) => e.text === 'Canberra deploys police to Solomon Islands under its policing pact.')).toBe(true);
    g = round(g);
    // Round 2 (Mar-Apr 2022): the draft leaks as the negotiation opens, then it is signed.
    expect(g.log.some((e) => e.text.startsWith('A draft China-Solomon Islands security agreement leaks'))).toBe(true);
    const sovereignty = g.islands.SLB!.sovereignty;
    const access = g.scores.beijing!.levels.access!;
    const draft = g.offers.find((o) => o.round === 2 && o.from === 'beijing')!;
    g = act(g, { type: 'accept', role: 'SLB', offer: draft.id });
    g = endPhase(g);
    // The intrusion: Beijing reads the Solomons' systems (May 2022).
    g = act(g, { type: 'order', role: 'beijing', order: { kind: 'intrusion', island: 'SLB', amount: 2000 } });
    g = endPhase(g);
    const pact = g.agreements.find((a) => a.deal.kind === 'pact' && a.deal.power === 'beijing')!;
    expect(pact.status).toBe('active');
    expect(pact.clauses.every((c) => c.seenBy === 'all')).toBe(true); // the leak left no secret
    expect(g.islands.SLB!.sovereignty).toBeLessThan(sovereignty);
    expect(g.scores.beijing!.levels.access!).toBeGreaterThan(access);
    // Round 3 (Aug-Sep 2022): the tower loan, and the election put off.
    const towers = g.offers.find((o) => o.round === 3 && o.deal.kind === 'telecom')!;
    expect(towers.deal).toMatchObject({ project: 'towers', vendor: 'huawei', amount: 66000 });
    g = act(g, { type: 'accept', role: 'SLB', offer: towers.id });
    g = endPhase(g);
    const democracy = g.islands.SLB!.democracy;
    g = act(g, { type: 'order', role: 'SLB', order: { kind: 'delayElection', amount: 0 } });
    g = endPhase(g);
    // Beijing's 15% and China Exim's 85%, all of it owed to Beijing at 1%.
    const owed = g.debts.filter((d) => d.debtor === 'SLB' && d.creditor === 'beijing');
    expect(owed.reduce((s, d) => s + d.principal, 0)).toBe(66000);
    expect(owed.every((d) => d.ratePct === 1)).toBe(true);
    expect(g.islands.SLB!.democracy).toBeLessThan(democracy);
    expect(g.islands.SLB!.nextElection).toBe(6);
    const share = g.islands.SLB!.exposure.beijing;
    g = round(round(g));
    // The towers are up a year after signing: Beijing's share of the network is up.
    expect(g.islands.SLB!.exposure.beijing).toBeGreaterThan(share);
    // Round 6 (April 2024): the election; the government's own camp keeps power.
    g = round(g);
    expect(g.phase).toBe('over');
    expect(g.islands.SLB!).toMatchObject({ falls: 1, leaning: 'beijing' });
  });
});
