import { describe, expect, it } from 'vitest';
import { RULES_VERSION, stateHash, step, type GameState } from '../../src/engine';
import { MatchHost, replay } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { randomPolicy } from '../../src/ai/random';
import { normalBot } from '../../src/ai/bots';
import { loadScenario, newGame, endPhase } from '../helpers';

const { scenario, hash } = loadScenario();

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('record and replay', () => {
  it('replaying reproduces every round hash, over 200 seeds of full-length games', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const s = String(seed * 7919);
      const host = new MatchHost(scenario, hash, s);
      playToEnd(host, (role) => (seed % 4 === 0 && role === 'SLB' ? randomPolicy : simplePolicy), s);
      expect(host.over).toBe(true);
      expect(host.record.hashes).toHaveLength(scenario.rounds);
      const again = replay(JSON.parse(JSON.stringify(host.record)), scenario, hash);
      expect(again.ok && again.allMatch, `seed ${s}`).toBe(true);
    }
  }, 300_000);

  it('different seeds give different games', () => {
    const a = new MatchHost(scenario, hash, '1');
    const b = new MatchHost(scenario, hash, '2');
    playToEnd(a, () => simplePolicy, '1');
    playToEnd(b, () => simplePolicy, '1');
    expect(a.record.hashes.at(-1)!.hash).not.toBe(b.record.hashes.at(-1)!.hash);
  });

  it('refuses a record of another rules version, naming both versions', () => {
    const host = new MatchHost(scenario, hash, '5');
    const result = replay({ ...host.record, rules: RULES_VERSION + 1 }, scenario, hash);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(`rules version ${RULES_VERSION + 1}`);
      expect(result.message).toContain(`rules version ${RULES_VERSION}`);
    }
  });

  it('refuses a record made with another version of the scenario, or one that is not a record', () => {
    const host = new MatchHost(scenario, hash, '5');
    const other = replay(host.record, scenario, 'f'.repeat(64));
    expect(other.ok === false && other.message).toMatch(/different version of scenario "coral-sea"/);
    expect(replay('hello', scenario, hash)).toMatchObject({ ok: false, message: expect.stringMatching(/not a Landing Rights game record/) });
    expect(replay({ ...host.record, format: 99 }, scenario, hash)).toMatchObject({ ok: false, message: expect.stringMatching(/newer/) });
  });

  it('a tampered action log no longer matches its hashes', () => {
    const host = new MatchHost(scenario, hash, '11');
    playToEnd(host, () => simplePolicy, '11');
    const record = structuredClone(host.record);
    const i = record.actions.findIndex((a) => a.type === 'reject');
    record.actions[i] = { type: 'endPhase', role: record.actions[i]!.role };
    const result = replay(record, scenario, hash);
    expect(result.ok && result.allMatch).toBe(false);
  });
});

describe('state hash', () => {
  it('changes when any single field of a state changes', () => {
    let g: GameState = newGame('3');
    g = endPhase(endPhase(g)); // one round played: ledger, log, scores, history all present
    const base = stateHash(g);
    let checked = 0;
    const visit = (node: unknown, set: (v: unknown) => void) => {
      if (node === null) {
        set(0);
        expect(stateHash(g)).not.toBe(base);
        set(null);
        checked++;
      } else if (Array.isArray(node)) node.forEach((v, i) => visit(v, (x) => (node[i] = x)));
      else if (typeof node === 'object') for (const k of Object.keys(node)) visit((node as Record<string, unknown>)[k], (x) => ((node as Record<string, unknown>)[k] = x));
      else {
        const changed = typeof node === 'number' ? node + 1 : typeof node === 'string' ? `${node}x` : !node;
        set(changed);
        expect(stateHash(g), `changing ${String(node)}`).not.toBe(base);
        set(node);
        checked++;
      }
    };
    visit(g, () => undefined);
    expect(stateHash(g)).toBe(base);
    expect(checked).toBeGreaterThan(500);
  });
});

/** Play a live game's actions again from its opening, every step on a deep-frozen state; the final state must be the live one. */
function replayFrozen(host: MatchHost, seed: string, id: string): void {
  let g = newGame(seed, id, undefined, { opening: true });
  for (const action of host.record.actions) {
    const r = step(deepFreeze(g), action);
    expect(r.ok).toBe(true);
    if (r.ok) g = r.state;
  }
  expect(stateHash(g)).toBe(stateHash(host.state));
}

describe('purity', () => {
  it('no rule changes the state it is given (every step runs on a deep-frozen state)', () => {
    for (const seed of ['1', '2', '3']) {
      const host = new MatchHost(scenario, hash, seed);
      playToEnd(host, (role) => (role === 'PNG' ? randomPolicy : simplePolicy), seed);
      replayFrozen(host, seed, 'coral-sea');
    }
  });

  it("nor the bank's exit and the banking aid that answers it (Quad: Nauru, round 2), which move an island's sustainable economy", () => {
    const quad = loadScenario('quad');
    const host = new MatchHost(quad.scenario, quad.hash, '8');
    playToEnd(host, () => normalBot, '8', 3);
    expect(host.state.events.some((e) => e.kind === 'bankExit')).toBe(true);
    expect(host.state.agreements.some((a) => a.deal.kind === 'aid' && a.deal.purpose === 'banking')).toBe(true);
    replayFrozen(host, '8', 'quad');
  });

  it('a game played live by computer players replays to the same hashes: their what-ifs leave the game as it was', () => {
    // Before the fix a bot's what-if of banking aid for Nauru restored Nauru's sustainable economy
    // in the live game itself, so the live game and its replay parted in round 2.
    const quad = loadScenario('quad');
    for (const seed of ['8', '9']) {
      const host = new MatchHost(quad.scenario, quad.hash, seed);
      playToEnd(host, () => normalBot, seed, 3);
      const again = replay(JSON.parse(JSON.stringify(host.record)), quad.scenario, quad.hash);
      expect(again.ok && again.allMatch, `seed ${seed}`).toBe(true);
    }
  });
});
