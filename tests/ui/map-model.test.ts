import { describe, expect, it } from 'vitest';
import { view, type GameState } from '../../src/engine';
import { frameAt, plan, running } from '../../src/ui/map/animation';
import { diffModels, mapModel, vendorMark } from '../../src/ui/map/model';
import { act, coralSeaCable, endPhase, newGame } from '../helpers';

/** A Coral Sea game with no random events and these scripted ones. */
function game(scripted: GameState['scripted'] = []): GameState {
  return newGame('map', 'coral-sea', (s) => {
    s.deck.chancePerRound = 0;
    s.scripted = scripted;
  });
}

function until(g: GameState, done: (g: GameState) => boolean): GameState {
  let s = g;
  for (let i = 0; i < 80 && !done(s); i++) s = endPhase(s);
  if (!done(s)) throw new Error('never got there');
  return s;
}

const cable = (g: GameState) => g.cables.find((c) => c.id === 'cable-a1');

describe('what the map draws of a view', () => {
  it("draws an open cable offer as a proposed cable, for the offer's parties only", () => {
    let g = game();
    g = act(g, { type: 'offer', role: 'canberra', to: ['SLB', 'PNG'], deal: coralSeaCable() });
    const mine = mapModel(view(g, 'canberra'));
    const proposed = mine.cables.find((c) => c.status === 'proposed');
    expect(proposed).toMatchObject({ financier: 'canberra', vendorOrigin: 'other', vendorMark: 'A', route: coralSeaCable().route });
    expect(proposed?.stops).toHaveLength(6);
    expect(mapModel(view(g, 'washington')).cables.some((c) => c.status === 'proposed')).toBe(false);
    // The scenario's own cables, by status, financier and vendor.
    expect(mine.cables.find((c) => c.id === 'kumul')).toMatchObject({ status: 'building', financier: 'beijing', vendorOrigin: 'beijing', vendorMark: 'H' });
    expect(mine.cables.find((c) => c.id === 'ppc-1')).toMatchObject({ status: 'active', financier: 'other' });
    expect(vendorMark('  subCom')).toBe('S');
  });

  it('finds what changed: a cable appears, comes into service, is cut; alignment moves; events arrive', () => {
    let g = game([{ round: 9, kind: 'anchorDrag', cable: 'cable-a1' }]);
    const start = mapModel(view(g, 'spectator'));
    g = act(g, { type: 'offer', role: 'canberra', to: ['SLB', 'PNG'], deal: coralSeaCable() });
    const offer = g.offers[g.offers.length - 1]?.id ?? '';
    g = act(g, { type: 'accept', role: 'SLB', offer });
    g = act(g, { type: 'accept', role: 'PNG', offer });
    g = act(g, { type: 'offer', role: 'beijing', to: ['PNG'], deal: { kind: 'pact', island: 'PNG', power: 'beijing', pact: 'cyber', clauses: [] } });
    g = act(g, { type: 'accept', role: 'PNG', offer: g.offers[g.offers.length - 1]?.id ?? '' });
    g = until(g, (s) => cable(s)?.status === 'building');
    const building = mapModel(view(g, 'spectator'));
    const first = diffModels(start, building);
    expect(first.appeared).toEqual(['cable-a1']);
    expect(Object.keys(first.alignmentFrom).sort()).toEqual(['PNG', 'SLB']);
    expect(first.alignmentFrom.SLB?.canberra).toBe(start.islands.find((i) => i.id === 'SLB')?.alignment.canberra);
    expect(building.islands.find((i) => i.id === 'PNG')?.markers).toEqual([{ kind: 'pact', power: 'beijing', pact: 'cyber' }]);

    g = until(g, (s) => cable(s)?.status === 'active');
    const active = mapModel(view(g, 'spectator'));
    expect(diffModels(building, active).lit).toEqual(['cable-a1']);
    expect(active.islands.find((i) => i.id === 'SLB')?.connectivity).toBeGreaterThan(building.islands.find((i) => i.id === 'SLB')?.connectivity ?? 100);

    g = until(g, (s) => cable(s)?.status === 'cut');
    const cut = mapModel(view(g, 'spectator'));
    const changes = diffModels(active, cut);
    expect(changes.cut).toEqual(['cable-a1']);
    expect(changes.events.map((e) => e.kind)).toEqual(['anchorDrag']);
    // Nothing changes between two views of the same state; the first view animates nothing.
    expect(diffModels(cut, mapModel(view(g, 'spectator')))).toEqual({ events: [], appeared: [], lit: [], cut: [], alignmentFrom: {} });
    expect(diffModels(null, cut)).toEqual({ events: [], appeared: [], lit: [], cut: [], alignmentFrom: {} });

    // The anchor drag flashes the cable it cut (no pulse on top); the effects end.
    const effects = plan(changes, cut, 1000);
    expect(effects.map((e) => e.kind)).toEqual(['flash']);
    const mid = frameAt(effects, cut, 1000 + 300);
    expect(mid.flash.get('cable-a1')).toBeGreaterThanOrEqual(0);
    expect(running(effects, 1000 + 60_000)).toEqual([]);
  });

  it('ripples an eruption out from its island, pulses other events, shifts influence, draws new cables in', () => {
    const next = mapModel(view(game(), 'spectator'));
    const effects = plan(
      {
        events: [
          { id: 'e1', round: 3, kind: 'eruption', title: 'Eruption', island: 'SLB', cable: null, power: null, scripted: true },
          { id: 'e2', round: 3, kind: 'riots', title: 'Riots', island: 'PNG', cable: null, power: null, scripted: true },
          { id: 'e3', round: 3, kind: 'summit', title: 'Summit', island: null, cable: null, power: 'beijing', scripted: true },
        ],
        appeared: ['kumul'],
        lit: [],
        cut: [],
        alignmentFrom: { PNG: { beijing: 0, canberra: 0, washington: 0 } },
      },
      next,
      0,
    );
    expect(effects.map((e) => e.kind).sort()).toEqual(['drawIn', 'influence', 'pulse', 'ripple']);
    const f = frameAt(effects, next, 500);
    expect(f.rings.some((r) => r.island === 'SLB' && r.danger)).toBe(true);
    expect(f.rings.some((r) => r.island === 'PNG' && !r.danger)).toBe(true);
    expect(f.drawIn.get('kumul')).toBeGreaterThan(0);
    expect(f.drawIn.get('kumul')).toBeLessThan(1);
    const png = next.islands.find((i) => i.id === 'PNG');
    const shifting = f.alignment.get('PNG');
    expect(shifting?.canberra).toBeGreaterThan(0);
    expect(shifting?.canberra).toBeLessThan(png?.alignment.canberra ?? 0);
    // At the end everything has arrived.
    const end = frameAt(effects, next, 10_000);
    expect(end.drawIn.get('kumul')).toBe(1);
    expect(end.alignment.get('PNG')).toEqual(png?.alignment);
    expect(end.rings).toEqual([]);
  });
});
