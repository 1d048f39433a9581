import { describe, expect, it } from 'vitest';
import { validate, view, type GameState } from '../../src/engine';
import { MatchHost } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { policyByName } from '../../src/ai';
import { simplePolicy } from '../../src/ai/simple';
import { makeBot } from '../../src/ai/bots';
import { endPhase, loadScenario, newGame } from '../helpers';

/** Quad's round 4: the Forum Leaders Meeting of August 2024 has the Pacific Policing Initiative before the islands. */
function atTheForum(): GameState {
  let g = newGame('1', 'quad', (s) => {
    s.deck.chancePerRound = 0;
    s.scripted = s.scripted.filter((e) => e.kind === 'forum');
  });
  while (g.round < 4) g = endPhase(g);
  return g;
}

describe('computer players answer the Forum', () => {
  const g = atTheForum();
  const islands = Object.keys(g.islands);

  it.each([
    ['the built-in policy', simplePolicy],
    ['the normal bot', makeBot('normal')],
    ['the easy bot', makeBot('easy')],
  ] as const)('%s: each island endorses or rejects the initiative, legally, once', (_, policy) => {
    for (const island of islands) {
      const actions = policy(view(g, island), island, { seed: '1', pass: 0 });
      const answers = actions.filter((a) => a.type === 'endorse' || a.type === 'oppose');
      expect(answers, island).toHaveLength(1);
      expect(answers[0]).toMatchObject({ role: island, initiative: 'f1' });
      expect(validate(g, answers[0]!)).toBeNull();
    }
    // No power answers: it has no seat in the Forum.
    for (const power of ['beijing', 'canberra', 'washington'])
      expect(policy(view(g, power), power, { seed: '1', pass: 0 }).some((a) => a.type === 'endorse' || a.type === 'oppose')).toBe(false);
  });

  it('the normal bot weighs its answer by the outcome the engine would give, and says why', () => {
    const bot = makeBot('normal');
    const a = bot(view(g, 'NRU'), 'NRU', { seed: '1', pass: 0 }).find((x) => x.type === 'endorse' || x.type === 'oppose');
    expect(a?.why).toMatch(/^Nauru (endorses|rejects) a regional policing initiative backed by Canberra/);
  });

  it('bots play Quad to the end with the ratification vote and the Forum in it', () => {
    const { scenario, hash } = loadScenario('quad');
    const host = new MatchHost(scenario, hash, '3', { hashes: false });
    playToEnd(host, () => policyByName('normal')!, '3');
    expect(host.over).toBe(true);
    const forum = host.state.forums?.find((m) => m.round === 4);
    expect(forum?.status).not.toBe('open');
    expect(forum!.endorsed.length + forum!.rejected.length).toBe(Object.keys(host.state.islands).length);
  });
});
