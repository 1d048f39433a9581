import { describe, expect, it } from 'vitest';
import { explainScore, view, type GameState, type ObjectiveMove } from '../../src/engine';
import { act, endPhase, newGame, offerNo } from '../helpers';

const nextRound = (g: GameState): GameState => endPhase(endPhase(g));
const sum = (m: ObjectiveMove) => m.causes.reduce((s, c) => s + c.points, 0);

describe('why a score moved (issue 11)', () => {
  it("the causes listed for each objective add up to its move, and name the round's pact", () => {
    let g = newGame();
    const start = g;
    g = act(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'beijing', pact: 'policing', clauses: [] } });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = nextRound(g);
    for (const role of g.seats) {
      const moves = explainScore(view(start, role), view(g, role), role);
      expect(moves.length).toBeGreaterThan(0);
      for (const m of moves) {
        expect(sum(m)).toBe(m.move);
        expect(m.after).toBe(g.scores[role]?.parts[m.objective]);
      }
    }
    const denial = explainScore(view(start, 'canberra'), view(g, 'canberra'), 'canberra').find((m) => m.objective === 'denial')!;
    expect(denial.move).toBeLessThan(0);
    const pact = denial.causes.find((c) => c.kind === 'agreement');
    expect(pact).toMatchObject({ kind: 'agreement', id: g.agreements[0]!.id, ended: false });
    expect(pact!.points).toBeLessThan(0);
  });

  it('a secret clause counted in the final score is "an agreement you cannot see" to a non-party', () => {
    let g = newGame();
    const start = g;
    g = act(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'beijing', pact: 'policing', clauses: [{ kind: 'unrestDeployment', secret: true }] } });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = nextRound(g);
    // The final count shows everyone the true scores, but not the clause.
    const over: GameState = { ...g, phase: 'over' };
    const denial = explainScore(view(start, 'canberra'), view(over, 'canberra'), 'canberra').find((m) => m.objective === 'denial')!;
    expect(sum(denial)).toBe(denial.move);
    expect(denial.causes.find((c) => c.kind === 'unseen')?.points).toBeLessThan(0);
    // A party to the pact sees the clause: nothing is hidden from it.
    const beijing = explainScore(view(start, 'beijing'), view(over, 'beijing'), 'beijing');
    expect(beijing.flatMap((m) => m.causes).some((c) => c.kind === 'unseen')).toBe(false);
  });

  it('with nothing before, every part is explained from the start: 50 is where you started; standing still lists nothing', () => {
    const g = newGame();
    const first = explainScore(null, view(g, 'SLB'), 'SLB');
    expect(first.length).toBeGreaterThan(0);
    expect(first.some((m) => m.after === 50)).toBe(true);
    for (const m of first) {
      expect(m.before).toBe(50);
      expect(sum(m)).toBe(m.move);
      if (m.after === 50) expect(m.causes).toEqual([]);
    }
    const still = explainScore(view(g, 'canberra'), view(g, 'canberra'), 'canberra');
    for (const m of still) expect(m).toMatchObject({ move: 0, causes: [] });
  });
});
