import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/engine';
import { sha256Hex } from '../../src/engine';
import { MemoryGameStore } from '../../src/host/storage';
import { policyByName, POLICY_NAMES } from '../../src/ai';
import { answerSeatRequest } from '../../src/ui/seat-protocol';
import { GameController } from '../../src/ui/controller';
import { inProcessPort } from '../../src/ui/game-session';
import { parseScenarioText } from '../../src/scenario/load';
import type { SeatRunner } from '../../src/ui/seats';

const runSeat: SeatRunner = (req) =>
  new Promise<Action[]>((resolve, reject) =>
    setTimeout(() => {
      const r = answerSeatRequest({ ...req, id: 1 }, { byName: policyByName, names: POLICY_NAMES });
      if ('error' in r) reject(new Error(r.error));
      else resolve(r.actions);
    }, 0),
  );

const settle = async (c: GameController) => {
  for (let i = 0; i < 400; i++) {
    await new Promise((r) => setTimeout(r, 0));
    if (!c.busy && c.saveState === 'idle' && (c.screen !== 'match' || c.shown)) return;
  }
};

const TEXT = readFileSync('scenarios/tutorial.yaml', 'utf8').replace('id: tutorial', 'id: lagoon').replace('title: First landing', 'title: Lagoon crossing');

describe('a game of a scenario file opened in the browser', () => {
  it('starts from the file’s text in the game’s worker, and its save reopens from the record alone', async () => {
    const store = new MemoryGameStore();
    const { port, session } = inProcessPort({ store, runSeat });
    const c = new GameController(port);
    const r = parseScenarioText(TEXT, 'lagoon.yaml');
    if (!r.ok) throw new Error('does not load');
    const opened = { id: 'file:lagoon', file: 'lagoon.yaml', scenario: r.scenario, hash: r.hash, opened: { fileName: 'lagoon.yaml', text: TEXT } };
    expect(await c.start(opened, { mode: 'solo', humans: ['VTP'] }, '4')).toEqual({ ok: true, notice: null });
    await settle(c);
    expect(c.game?.scenarioId).toBe('lagoon');
    expect(c.game?.title).toBe('Lagoon crossing');
    const record = session.recordForTests;
    expect(record?.scenario.id).toBe('lagoon');
    expect(sha256Hex(record?.scenario.text ?? '')).toBe(record?.scenario.hash);
    expect(await c.endPhase()).toBeNull();
    await settle(c);
    const saved = await c.saveAs();

    // Another browser session, with no such scenario shipped or opened: the save opens from its record.
    const other = inProcessPort({ store, runSeat });
    const c2 = new GameController(other.port);
    const list = await c2.listSaves();
    const id = list.ok ? list.saves.find((s) => s.name === saved)?.id : undefined;
    expect(id).toBeDefined();
    expect(await c2.openSaved(id ?? '')).toMatchObject({ ok: true });
    await settle(c2);
    expect(c2.game).toMatchObject({ scenarioId: 'lagoon', title: 'Lagoon crossing', phase: 'decisions' });

    // A file that does not read is refused with its first problem, and nothing starts.
    const c3 = new GameController(inProcessPort({ store: new MemoryGameStore(), runSeat }).port);
    const broken = { ...opened, opened: { fileName: 'lagoon.yaml', text: TEXT.replace('treasury: 6000', 'treasury: -6000') } };
    const refused = await c3.start(broken, { mode: 'solo', humans: ['VTP'] }, '4');
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? '' : refused.message).toMatch(/^The scenario file has problems: .*islands\[0\]\.treasury: expected a number of at least 0/);
    expect(c3.game).toBeNull();
    c.dispose();
    c2.dispose();
    c3.dispose();
  });
});
