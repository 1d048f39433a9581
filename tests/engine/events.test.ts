import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, scoreOf, view, type EventKind, type GameState } from '../../src/engine';
import type { Scenario } from '../../src/scenario/schema';
import { act, coralSeaCable, endPhase, newGame, offerNo } from '../helpers';

type Scripted = Scenario['scripted'][number];

/** A Coral Sea game with a quiet deck and the given scripted events. */
function withEvents(events: Scripted[], edit?: (s: Scenario) => void): GameState {
  return newGame(
    '1',
    'coral-sea',
    (s) => {
      s.deck.chancePerRound = 0;
      s.scripted = events;
      edit?.(s);
    },
    { taipei: true },
  );
}

/** Every number of an island, to compare before and after. */
const metrics = (g: GameState, id: string) => {
  const i = g.islands[id]!;
  return { economy: i.economy, legitimacy: i.legitimacy, democracy: i.democracy, sovereignty: i.sovereignty, cyber: i.cyber, connectivity: i.connectivity };
};

describe('each event kind has its own effect', () => {
  const base = withEvents([]);

  it('eruption: cuts every cable landing on the island and hits its economy (Hunga Tonga 2022)', () => {
    const g = withEvents([{ round: 1, kind: 'eruption', island: 'PNG' }]);
    expect(g.cables.filter((c) => c.status === 'cut').map((c) => c.id).sort()).toEqual(['png-lng', 'ppc-1']);
    expect(g.islands.PNG!.connectivity).toBe(15);
    expect(g.islands.PNG!.economy).toBeLessThan(base.islands.PNG!.economy - 8);
  });

  it('anchorDrag: cuts one cable; an island with a second route keeps most of its connectivity', () => {
    const g = withEvents([{ round: 1, kind: 'anchorDrag', cable: 'png-lng' }]);
    expect(g.cables.filter((c) => c.status === 'cut').map((c) => c.id)).toEqual(['png-lng']);
    expect(g.islands.PNG!.connectivity).toBe(15 + 45);
    expect(g.islands.PNG!.economy).toBe(base.islands.PNG!.economy - 2);
  });

  it('cyclone: damages the economy and legitimacy of the island it hits', () => {
    const g = withEvents([{ round: 1, kind: 'cyclone', island: 'SLB' }]);
    expect(metrics(g, 'SLB')).toMatchObject({ economy: base.islands.SLB!.economy - 6, legitimacy: base.islands.SLB!.legitimacy - 3 });
  });

  it('riots: shake the government; a pact with an unrest clause brings the partner police in (Honiara 2021)', () => {
    const plain = withEvents([{ round: 2, kind: 'riots', island: 'SLB' }]);
    const calm = endPhase(endPhase(withEvents([])));
    const rioted = endPhase(endPhase(plain));
    expect(rioted.islands.SLB!.legitimacy).toBe(calm.islands.SLB!.legitimacy - 10);
    // Riots raise unrest; they do not spend it.
    expect(rioted.islands.SLB!.unrest).toBeGreaterThan(calm.islands.SLB!.unrest);
    let g = withEvents([{ round: 2, kind: 'riots', island: 'SLB' }]);
    g = act(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'policing', clauses: [{ kind: 'unrestDeployment', secret: false }] } });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = endPhase(endPhase(g));
    expect(g.log.some((e) => e.text.startsWith('Canberra deploys police to Solomon Islands'))).toBe(true);
  });

  it('leak: covered in mechanics.test.ts (reveals a secret clause to all)', () => {
    expect(EVENT_KINDS).toContain('leak');
  });

  it('ransomware: costs legitimacy by how weak cyber defences are; a cyber partner halves it and gains influence (Vanuatu 2022)', () => {
    const g = withEvents([{ round: 1, kind: 'ransomware', island: 'SLB' }]);
    // cyber 10: damage 9
    expect(g.islands.SLB!.legitimacy).toBe(base.islands.SLB!.legitimacy - 9);
    expect(g.islands.SLB!.cyber).toBe(15);
    let p = withEvents([{ round: 2, kind: 'ransomware', island: 'SLB' }]);
    p = act(p, { type: 'offer', role: 'washington', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'washington', pact: 'cyber', clauses: [] } });
    p = act(p, { type: 'accept', role: 'SLB', offer: offerNo(p, 1) });
    const beforeInfluence = endPhase(p).powers.washington!.influence.SLB!;
    p = endPhase(endPhase(p));
    expect(p.events.at(-1)).toMatchObject({ kind: 'ransomware', power: 'washington' });
    expect(p.powers.washington!.influence.SLB).toBeGreaterThan(beforeInfluence + 6);
  });

  it('election: the government may fall and a new one lean elsewhere', () => {
    const g = withEvents([{ round: 1, kind: 'election', island: 'PNG' }]);
    expect(g.events[0]).toMatchObject({ kind: 'election', island: 'PNG' });
    expect(g.islands.PNG!.nextElection).toBe(1 + 16);
  });

  it('debtDistress: strikes the most indebted island and gives its creditors leverage', () => {
    const g = withEvents([{ round: 1, kind: 'debtDistress' }]);
    expect(g.events[0]!.island).toBe('PNG'); // owes the Kumul and data-centre loans
    expect(g.islands.PNG!.legitimacy).toBe(base.islands.PNG!.legitimacy - 6);
    expect(g.powers.beijing!.influence.PNG).toBe(base.powers.beijing!.influence.PNG! + 4);
  });

  it('summit: a power hosts Pacific leaders and gets a package to spend (US-Pacific summit 2022)', () => {
    const g = withEvents([{ round: 1, kind: 'summit', power: 'washington' }]);
    expect(g.powers.washington!.treasury).toBe(base.powers.washington!.treasury + 15000);
    expect(g.islands.SLB!.alignment.washington).toBe(base.islands.SLB!.alignment.washington + 3);
  });

  it('budgetCut: a power loses half a round of budget', () => {
    const g = withEvents([{ round: 1, kind: 'budgetCut', power: 'washington' }]);
    expect(g.powers.washington!.treasury).toBe(base.powers.washington!.treasury - 7500);
    expect(g.ledger.at(-1)).toMatchObject({ kind: 'budgetCut', from: 'washington', amount: 7500 });
  });

  it('changeOfGovernment: the government falls without an election', () => {
    const g = withEvents([{ round: 1, kind: 'changeOfGovernment', island: 'SLB' }]);
    // Back to the island's usual standing, and the fall counts against survival.
    expect(g.islands.SLB!.legitimacy).toBe(Math.max(base.islands.SLB!.legitimacy, base.islands.SLB!.norm.legitimacy));
    expect(g.islands.SLB!.falls).toBe(1);
    expect(scoreOf(g, 'SLB').parts.survival).toBeLessThan(scoreOf(base, 'SLB').parts.survival! - 25);
    expect(g.islands.SLB!.nextElection).toBe(base.islands.SLB!.nextElection);
    expect(g.log.some((e) => e.text.includes('the government falls. The new government leans to'))).toBe(true);
  });

  it('pandemic: every island loses business, less where a cable keeps it online', () => {
    const g = withEvents([{ round: 1, kind: 'pandemic' }]);
    expect(g.islands.SLB!.economy).toBe(base.islands.SLB!.economy - 7); // satellite only
    expect(g.islands.PNG!.economy).toBe(base.islands.PNG!.economy - 3);
  });

  it('securityReview: finds PRC-made kit insecure where there is some (PNG data centre, 2019)', () => {
    const none = withEvents([{ round: 1, kind: 'securityReview' }]);
    expect(none.powers.beijing!.reputation).toBe(base.powers.beijing!.reputation);
    const g = withEvents([{ round: 1, kind: 'securityReview', island: 'PNG' }], (s) => {
      s.cables.find((c) => c.id === 'kumul')!.status = 'active';
    });
    expect(g.powers.beijing!.reputation).toBe(base.powers.beijing!.reputation - 4);
    expect(g.islands.PNG!.alignment.beijing).toBe(base.islands.PNG!.alignment.beijing - 5);
  });

  it('satelliteService: raises satellite connectivity for good', () => {
    const g = withEvents([{ round: 1, kind: 'satelliteService', island: 'SLB' }]);
    expect(g.islands.SLB!.satellite).toBe(20);
    expect(g.islands.SLB!.connectivity).toBe(20);
  });

  it('recognitionPush: a scripted push switches an island from Taipei to Beijing (Solomons 2019)', () => {
    const g = withEvents([{ round: 1, kind: 'recognitionPush', island: 'SLB' }]);
    expect(g.islands.SLB!.recognises).toBe('PRC');
    expect(g.powers.beijing!.influence.SLB).toBe(base.powers.beijing!.influence.SLB! + 15);
    expect(view(g, 'spectator').log.some((e) => e.text.includes('switches recognition from Taipei to Beijing'))).toBe(true);
  });

  it('every kind is drawn from a weighted deck and recorded as an event', () => {
    const kinds = new Set<EventKind>();
    for (const kind of EVENT_KINDS) {
      const g = newGame('2', 'coral-sea', (s) => {
        s.deck = { chancePerRound: 100, weights: { [kind]: 1 } };
        s.scripted = [];
      });
      kinds.add(g.events[0]!.kind);
    }
    expect([...kinds].sort()).toEqual([...EVENT_KINDS].sort());
  });
});

it('a cut cable carries nothing until repaired', () => {
  // Build the Coral Sea cable, then cut it.
  let g = newGame('1', 'coral-sea', (s) => {
    s.deck.chancePerRound = 0;
    s.scripted = [{ round: 8, kind: 'eruption', island: 'SLB' }];
  });
  g = act(g, { type: 'offer', role: 'canberra', to: ['SLB', 'PNG'], deal: coralSeaCable() });
  g = act(act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) }), { type: 'accept', role: 'PNG', offer: offerNo(g, 1) });
  for (let r = 1; r <= 7; r++) g = endPhase(endPhase(g));
  expect(g.round).toBe(8);
  expect(g.islands.SLB!.routes).toBe(0);
  expect(g.islands.SLB!.connectivity).toBe(10);
  g = endPhase(endPhase(g));
  expect(g.islands.SLB!.connectivity).toBe(55);
});
