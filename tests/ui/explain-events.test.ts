import { describe, expect, it } from 'vitest';
import { view, type GameEvent } from '../../src/engine';
import { causeText } from '../../src/ui/explain';
import { newGame } from '../helpers';

const event = (round: number, kind: GameEvent['kind'], title: string): GameEvent => ({ id: `e-${round}-${kind}`, round, kind, title, island: 'SLB', cable: null, power: null, scripted: true });

describe('why a score moved names the events behind a figure', () => {
  it('names the riots of the round under unrest, not the ones before it or an event that does not move unrest', () => {
    const v = view(newGame(), 'SLB');
    v.events.push(event(2, 'riots', 'Riots in Honiara'), event(3, 'riots', 'Riots in Honiara again'), event(3, 'summit', 'A summit in Sydney'));
    const text = causeText(v, { kind: 'figure', figure: 'unrest', points: -4 }, { from: 2, to: 3 });
    expect(text).toBe('unrest (Riots in Honiara again, round 3)');
    // With no span (where each objective stands at the start), the figure alone.
    expect(causeText(v, { kind: 'figure', figure: 'unrest', points: -4 })).toBe('unrest');
    // A figure no event of the span moves reads as before.
    expect(causeText(v, { kind: 'figure', figure: 'coverage', points: 2 }, { from: 2, to: 3 })).toBe('mobile coverage');
  });

  it('keeps a long game short: the last two events and how many more', () => {
    const v = view(newGame(), 'SLB');
    for (let r = 1; r <= 4; r++) v.events.push(event(r, 'cyclone', `Cyclone ${r}`));
    expect(causeText(v, { kind: 'figure', figure: 'connectivity', points: -6 }, { from: 0, to: 4 })).toBe('connectivity (Cyclone 3, round 3; Cyclone 4, round 4; and 2 more)');
  });

  it('tells the recognition an island holds apart from the agreement that switched it', () => {
    const v = view(newGame(), 'canberra');
    const figure = causeText(v, { kind: 'figure', figure: 'recognises', points: -12 });
    expect(figure).toBe('which capital the islands recognise (Taipei or Beijing)');
    expect(figure).not.toMatch(/switch/);
  });
});
