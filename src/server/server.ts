import { matchMaker, Server, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stateHash, type Action } from '../engine';
import { MatchHost } from '../host/match';
import { scenarioFiles } from '../scenario/files';
import { applyLesson } from '../scenario/lesson';
import { parseScenarioText } from '../scenario/load';
import { newJoinCode, newToken, normaliseCode } from './codes';
import { BotRunner } from './bots';
import { RateLimiter } from './limits';
import { DEFAULT_SETTINGS, GameRoom, loadScenario, setRoomContext, type RoomSettings } from './room';
import { GameStore } from './store';

/** The scenario size cap: the same as an imported scenario file's. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;
/** The largest message a client may send over its WebSocket. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export interface GameServerOptions {
  /** Static files (the built game) served beside the rooms; none when undefined. */
  serveStatic?: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  port?: number;
  host?: string;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  redisUrl?: string | undefined;
  /** host:port other processes and clients reach this one at (several processes only). */
  publicAddress?: string | undefined;
  ratePerSec?: number;
  rateBurst?: number;
  /** Wrong join codes an address may try in ten minutes (a class of 40 behind one address needs room). */
  codeAttempts?: number;
}

export interface RunningGameServer {
  url: string;
  port: number;
  store: GameStore;
  /** Games reopened from the database at start. */
  reopened: string[];
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

/** The request body as text, refused past `limit` bytes without reading the rest. */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((ok, fail) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return ok(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        ok(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((ok) => {
    const probe = createServer();
    probe.once('error', () => ok(false));
    probe.listen(port, host, () => probe.close(() => ok(true)));
  });
}

function anyFreePort(host: string): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => ok(port));
    });
  });
}

const addressOf = (req: IncomingMessage): string => req.socket.remoteAddress ?? 'unknown';

/**
 * One process: the built game, the HTTP API (create a game, look up a code) and the Colyseus rooms
 * on one port. PGlite in `dataDir` unless `databaseUrl` is set; Redis presence and driver when
 * `redisUrl` is set (then `databaseUrl` is required: an embedded database belongs to one process).
 */
export async function startGameServer(opts: GameServerOptions): Promise<RunningGameServer> {
  if (opts.redisUrl && !opts.databaseUrl)
    throw new Error('REDIS_URL runs several server processes, and they must share one database: set DATABASE_URL to a PostgreSQL database too.');
  const host = opts.host ?? '127.0.0.1';
  const store = await GameStore.open({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
  const bots = new BotRunner();
  setRoomContext({ store, ratePerSec: opts.ratePerSec ?? 20, rateBurst: opts.rateBurst ?? 40, bots });

  let port = opts.port ?? 0;
  if (port !== 0) {
    let tries = 0;
    while (!(await portFree(port, host))) {
      if (++tries >= 20) throw new Error(`Ports ${opts.port} to ${port} are all busy: set PORT to a free one.`);
      port++;
    }
  }

  let publicAddress = opts.publicAddress;
  if (opts.redisUrl && !publicAddress) {
    // Other processes send players here by this address, so the port must be known before listening.
    if (port === 0) port = await anyFreePort(host);
    publicAddress = `${host}:${port}`;
  }

  const http: HttpServer = createServer();
  let presence: Presence | undefined;
  let driver: matchMaker.MatchMakerDriver | undefined;
  if (opts.redisUrl) {
    const { RedisPresence } = await import('@colyseus/redis-presence');
    const { RedisDriver } = await import('@colyseus/redis-driver');
    presence = new RedisPresence(opts.redisUrl);
    driver = new RedisDriver(opts.redisUrl);
  }
  const codeLookups = new RateLimiter((opts.codeAttempts ?? 200) / 600, opts.codeAttempts ?? 200);
  const shipped = scenarioFiles();

  const createGame = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = await readBody(req, MAX_SCENARIO_BYTES);
    if (body === null) return json(res, 413, { error: `A scenario may be at most ${MAX_SCENARIO_BYTES / (1024 * 1024)} MB.` });
    let scenarioText: string;
    let scenarioId: string;
    const named = url.searchParams.get('scenario');
    if (named !== null) {
      const file = shipped[named];
      if (!file) return json(res, 400, { error: `There is no shipped scenario "${named.slice(0, 40)}"; choose one of ${Object.keys(shipped).join(', ')}.` });
      scenarioText = readFileSync(file, 'utf8');
      scenarioId = named;
    } else {
      if (!body.trim()) return json(res, 400, { error: 'Name a shipped scenario (?scenario=honiara) or send a scenario file as the body.' });
      scenarioText = body;
      scenarioId = '';
    }
    const settings: RoomSettings = { ...DEFAULT_SETTINGS };
    const lesson = url.searchParams.get('lesson');
    if (lesson) {
      // A lesson cut is a scenario of its own: its text (JSON, which is YAML) is what the game keeps and replays.
      const parsed = parseScenarioText(scenarioText, 'scenario');
      if (!parsed.ok) return json(res, 400, { error: loadScenario(scenarioText).ok ? 'The scenario could not be read.' : (loadScenario(scenarioText) as { message: string }).message });
      const cut = applyLesson(parsed.scenario, lesson);
      if (!cut.ok) return json(res, 400, { error: cut.message });
      scenarioText = JSON.stringify(cut.scenario);
      settings.phaseSec = { negotiation: cut.cut.negotiationMinutes * 60, decisions: cut.cut.decisionsMinutes * 60 };
      if (cut.cut.note) settings.lessonNote = cut.cut.note;
    }
    const loaded = loadScenario(scenarioText);
    if (!loaded.ok) return json(res, 400, { error: loaded.message });
    scenarioId ||= loaded.scenario.id;
    const deadline = Number(url.searchParams.get('deadline') ?? 0);
    if (Number.isInteger(deadline) && deadline >= 0 && deadline <= 3600) settings.deadlineSec = deadline;
    const botAfter = Number(url.searchParams.get('botAfter') ?? 0);
    if (Number.isInteger(botAfter) && botAfter >= 0 && botAfter <= 3600) settings.botAfterSec = botAfter;
    const level = url.searchParams.get('botLevel');
    if (level === 'easy' || level === 'normal' || level === 'hard' || level === 'simple') settings.botLevel = level;
    // start=facilitator: the game waits in the lobby, its clock stopped, until the facilitator's Start
    // (the menu's Host a game asks for it whenever the phases are timed); start=now or none: at once.
    const start = url.searchParams.get('start');
    if (start === 'facilitator') settings.start = 'facilitator';
    else if (start !== null && start !== 'now') return json(res, 400, { error: `A game starts "now" or when the "facilitator" presses Start, not "${start.slice(0, 40)}".` });
    // The set-up, seat by seat: seats=SLB:team,PNG:bot-hard,canberra:people.
    const seatsParam = url.searchParams.get('seats');
    if (seatsParam) {
      const seats: NonNullable<RoomSettings['seats']> = {};
      const known = new Set([...loaded.scenario.islands.map((i) => i.id), ...loaded.scenario.powers.map((p) => p.id)]);
      for (const part of seatsParam.split(',').slice(0, 40)) {
        const [seat = '', how = ''] = part.split(':');
        if (!known.has(seat)) return json(res, 400, { error: `There is no seat "${seat.slice(0, 40)}" in this scenario.` });
        const level = how.startsWith('bot-') ? how.slice(4) : null;
        if (how === 'people' || how === 'team') seats[seat] = { mode: how };
        else if (level === 'easy' || level === 'normal' || level === 'hard') seats[seat] = { mode: 'bot', level };
        else return json(res, 400, { error: `A seat is played by people, team, bot-easy, bot-normal or bot-hard, not "${how.slice(0, 40)}".` });
      }
      settings.seats = seats;
    }
    let code = newJoinCode();
    while (await store.codeTaken(code)) code = newJoinCode();
    const seed = url.searchParams.get('seed')?.slice(0, 64) || newToken();
    const game = { code, scenarioId, scenarioText, scenarioHash: loaded.hash, seed, hostToken: newToken(), settings: { ...settings }, over: false };
    await store.createGame(game);
    await matchMaker.createRoom('game', { game });
    json(res, 201, { code, hostToken: game.hostToken, scenario: scenarioId, title: loaded.scenario.title });
  };

  const lookup = async (req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> => {
    const code = normaliseCode(raw);
    const rooms = code ? await matchMaker.query({ roomId: code }) : [];
    if (rooms.length === 0) {
      if (!codeLookups.take(addressOf(req))) return json(res, 429, { error: 'Too many wrong join codes from this address: wait a few minutes.' });
      return json(res, 404, { error: `No game is open under the code "${String(raw).slice(0, 12)}". Check the code on the host's screen.` });
    }
    json(res, 200, { code, ...rooms[0]!.metadata });
  };

  /** The game's record (as `npm run replay` reads it) and, beside it, who acted and when: for the host only. */
  const recordOf = async (res: ServerResponse, raw: string, hostToken: string): Promise<void> => {
    const code = normaliseCode(raw);
    const game = code ? await store.game(code) : undefined;
    if (!game || game.hostToken !== hostToken) return json(res, 404, { error: 'No game under that code for this host token.' });
    const loaded = loadScenario(game.scenarioText);
    if (!loaded.ok) return json(res, 500, { error: loaded.message });
    const matchHost = new MatchHost(loaded.scenario, loaded.hash, game.seed);
    const stored = await store.actions(game.code);
    for (const a of stored) matchHost.submit(a.action as Action);
    json(res, 200, {
      record: matchHost.record,
      hash: stateHash(matchHost.state),
      meta: stored.map((a) => ({ seq: a.seq, seat: a.seat, person: a.person, source: a.source, at: new Date(a.at).toISOString() })),
      // What a facilitator's undo took out of the game, branch by branch, for the debrief.
      branches: (await store.branches(game.code)).map((b) => ({ branch: b.branch, round: b.round, at: new Date(b.at).toISOString(), actions: b.actions.map((a) => a.action), meta: b.actions.map((a) => ({ seq: a.seq, seat: a.seat, person: a.person, source: a.source })) })),
    });
  };

  const gameServer = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: MAX_MESSAGE_BYTES }),
    presence,
    driver,
    publicAddress,
    gracefullyShutdown: false,
    greet: false,
    express: (app: { use(fn: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void }) => {
      app.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const m = /^\/api\/games\/([^/]+)$/.exec(url.pathname);
        const r = /^\/api\/games\/([^/]+)\/record$/.exec(url.pathname);
        let work: Promise<void> | null = null;
        if (url.pathname === '/api/games' && req.method === 'POST') work = createGame(req, res);
        else if (m && req.method === 'GET') work = lookup(req, res, decodeURIComponent(m[1]!));
        else if (r && req.method === 'GET') work = recordOf(res, decodeURIComponent(r[1]!), url.searchParams.get('host') ?? '');
        else if (url.pathname.startsWith('/api/')) return json(res, 404, { error: 'No such API.' });
        if (work) {
          work.catch((e: unknown) => {
            console.error(e);
            if (!res.headersSent) json(res, 500, { error: 'The server could not do that; try again.' });
          });
          return;
        }
        if (opts.serveStatic) opts.serveStatic(req, res);
        else next();
      });
    },
  });
  gameServer.define('game', GameRoom);
  await gameServer.listen(port, host);
  const bound = (http.address() as AddressInfo).port;

  // Wrong codes tried straight at the matchmaker count against the address as well.
  const listeners = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const m = /^\/matchmake\/joinById\/([^/?]+)/.exec(req.url ?? '');
    if (!m) {
      for (const l of listeners) l.call(http, req, res);
      return;
    }
    void matchMaker.query({ roomId: decodeURIComponent(m[1]!) }).then((rooms) => {
      if (rooms.length === 0 && !codeLookups.take(addressOf(req))) return json(res, 429, { error: 'Too many wrong join codes from this address: wait a few minutes.' });
      for (const l of listeners) l.call(http, req, res);
    });
  });

  // Unfinished games come back under their codes (unless another process already has them open).
  const reopened: string[] = [];
  for (const game of await store.unfinished()) {
    const open = await matchMaker.query({ roomId: game.code });
    if (open.length > 0) continue;
    try {
      await matchMaker.createRoom('game', { game });
      reopened.push(game.code);
    } catch (e) {
      console.error(`Game ${game.code} could not be reopened: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}/`,
    port: bound,
    store,
    reopened,
    async close() {
      await gameServer.gracefullyShutdown(false);
      http.closeAllConnections();
      await new Promise<void>((ok) => (http.listening ? http.close(() => ok()) : ok()));
      await bots.close();
      await store.close().catch(() => undefined);
    },
  };
}
