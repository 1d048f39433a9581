/**
 * Crash recovery, again and again: start the server, play into the middle of a phase, kill it with
 * SIGKILL, start it again, and check the game reopens under its code with identical hashes.
 *
 *   node --import tsx bench/recovery.ts [TIMES=20]     (PGlite; and PostgreSQL too when DATABASE_URL is set)
 */
import { createGame, freshDataDir, freshPostgres, Player, startServerProcess, until } from '../tests/server/helpers';

const times = Number(process.argv[2] ?? process.env.RECOVERY_TIMES ?? 20);
const SEATS = ['SLB', 'PNG', 'beijing', 'canberra', 'washington'];

async function hashOf(url: string, code: string, host: string): Promise<string> {
  const r = (await (await fetch(new URL(`/api/games/${code}/record?host=${host}`, url))).json()) as { hash: string };
  return r.hash;
}

async function once(env: Record<string, string>, i: number): Promise<{ ok: boolean; restartMs: number }> {
  let server = await startServerProcess(env);
  const game = await createGame(server.url, `scenario=honiara&seed=recovery-${i}`);
  const players: Player[] = [];
  for (const seat of SEATS) {
    const p = await Player.join(server.url, game.code);
    await p.claim(seat);
    players.push(p);
  }
  for (const [k, seat] of SEATS.entries()) await players[k]!.act({ type: 'endPhase', role: seat });
  await until(() => players[0]!.view.phase === 'decisions');
  await players[0]!.act({ type: 'endPhase', role: 'SLB' });
  const before = await hashOf(server.url, game.code, game.hostToken);
  const token = players[1]!.seated!.token;
  await server.kill9();
  const t = Date.now();
  server = await startServerProcess(env);
  const restartMs = Date.now() - t;
  try {
    const back = await Player.join(server.url, game.code, { token });
    await until(() => back.views.length > 0);
    const after = await hashOf(server.url, game.code, game.hostToken);
    await back.leave();
    return { ok: after === before && back.view.phase === 'decisions' && back.view.ended.includes('SLB'), restartMs };
  } finally {
    await server.stop();
  }
}

const stores: [string, () => Promise<Record<string, string>>][] = [['PGlite', async () => ({ DATA_DIR: await freshDataDir() })]];
if (process.env.DATABASE_URL) stores.push(['PostgreSQL', async () => ({ DATABASE_URL: await freshPostgres() })]);
for (const [name, env] of stores) {
  let ok = 0;
  const restarts: number[] = [];
  for (let i = 0; i < times; i++) {
    const r = await once(await env(), i);
    if (r.ok) ok++;
    restarts.push(r.restartMs);
  }
  restarts.sort((a, b) => a - b);
  console.log(`${name}: ${ok}/${times} recoveries with identical hashes; restart median ${restarts[Math.floor(restarts.length / 2)]} ms`);
  if (ok !== times) process.exitCode = 1;
}
