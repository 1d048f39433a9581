import { expect, test } from 'vitest';
import { createGame, freshPostgres, Player, startServerProcess, until } from './helpers';

const services = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

test('several processes refuse to start on an embedded database', async () => {
  await expect(startServerProcess({ REDIS_URL: 'redis://127.0.0.1:6379', DATA_DIR: '/tmp/lr-never' })).rejects.toThrow(/set DATABASE_URL to a PostgreSQL database too/);
}, 60_000);

test.skipIf(!services)('two server processes share the rooms through Redis: players on different processes play one game', async () => {
  const env = { DATABASE_URL: await freshPostgres(), REDIS_URL: process.env.REDIS_URL! };
  const a = await startServerProcess(env);
  const b = await startServerProcess(env);
  try {
    const game = await createGame(a.url, 'scenario=honiara&seed=scale-1');
    const onA = await Player.join(a.url, game.code);
    const onB = await Player.join(b.url, game.code);
    await onA.claim('SLB');
    await onB.claim('PNG');
    expect(await onB.act({ type: 'endPhase', role: 'PNG' })).toBeNull();
    await until(() => onA.view.ended.includes('PNG'));
    const found = await fetch(new URL(`/api/games/${game.code}`, b.url));
    expect(found.status).toBe(200);
    await onA.leave();
    await onB.leave();
  } finally {
    await a.stop();
    await b.stop();
  }
}, 90_000);
