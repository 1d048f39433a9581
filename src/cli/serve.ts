/**
 * Serves the built game (dist/) and the online game server on one port: `npm start` runs this with
 * --build, which builds the game first in the same process.
 *
 *   node --import tsx src/cli/serve.ts [--build | --rooms-only]   (PORT=8080 to choose the port; the next free one is taken if it is busy;
 *   DATA_DIR, DATABASE_URL, REDIS_URL, PUBLIC_ADDRESS, JOIN_CODE_ATTEMPTS: see docs/deploy.md)
 */
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

export interface ServerOptions {
  /** The folder to serve. */
  root: string;
  /** 0 for any free port; a busy port is skipped for the next one (up to 20 tries). */
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const PORT_TRIES = 20;

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'Method not allowed\n');
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    send(res, 400, 'Bad request\n');
    return;
  }
  if (pathname.includes('\0')) {
    send(res, 400, 'Bad request\n');
    return;
  }
  let file = resolve(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) {
    send(res, 403, 'Forbidden\n');
    return;
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    send(res, 404, 'Not found\n');
    return;
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // Vite puts a content hash in every asset's name, so those can be kept; the page itself cannot.
  const immutable = file.includes(`${sep}assets${sep}`) && extname(file) !== '.html';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      fail(e);
    };
    const onListening = () => {
      server.off('error', onError);
      ok((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Serve `root` as static files; resolves once it is listening. */
export async function startServer({ root, port = 5173, host = '127.0.0.1' }: ServerOptions): Promise<RunningServer> {
  const dir = resolve(root);
  const server = createServer((req, res) => {
    handle(dir, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error\n');
      else res.destroy();
    });
  });
  let bound = -1;
  for (let i = 0; ; i++) {
    try {
      bound = await listen(server, port === 0 ? 0 : port + i, host);
      break;
    } catch (e) {
      const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!busy || port === 0 || i + 1 >= PORT_TRIES) throw e;
    }
  }
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((e) => (e ? fail(e) : ok()));
        server.closeAllConnections();
      }),
  };
}

/** The built game as a request handler, for the game server to serve beside its rooms. */
export function staticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const dir = resolve(root);
  return (req, res) => {
    handle(dir, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error\n');
      else res.destroy();
    });
  };
}

async function cli(): Promise<void> {
  const root = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
  const wanted = process.env.PORT ? Number(process.env.PORT) : 5173;
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
    console.error(`PORT must be a whole number from 0 to 65535, not "${process.env.PORT ?? ''}".`);
    process.exitCode = 1;
    return;
  }
  if (process.argv.includes('--build')) {
    // Built in this process, so `npm start` is one process that a Ctrl-C or SIGTERM stops whole.
    const { build } = await import('vite');
    await build({ root: resolve(root, '..'), logLevel: 'warn' });
  }
  const roomsOnly = process.argv.includes('--rooms-only');
  if (!roomsOnly && !existsSync(join(root, 'index.html'))) {
    console.error(`There is no built game in ${root}: run "npm run build" first (or "npm start", which builds it).`);
    process.exitCode = 1;
    return;
  }
  const { startGameServer } = await import('../server/server');
  const running = await startGameServer({
    serveStatic: roomsOnly ? undefined : staticHandler(root),
    port: wanted,
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: process.env.DATA_DIR ?? './data',
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
    publicAddress: process.env.PUBLIC_ADDRESS || undefined,
    codeAttempts: process.env.JOIN_CODE_ATTEMPTS ? Number(process.env.JOIN_CODE_ATTEMPTS) : undefined,
  });
  if (running.reopened.length > 0) console.log(`Reopened ${running.reopened.length} unfinished game(s): ${running.reopened.join(', ')}`);
  console.log(`Landing Rights is running at ${running.url} (games stored in ${running.store.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'})`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Whatever happens while closing, the process ends and the port is freed.
    setTimeout(() => process.exit(0), 5000).unref();
    void running.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  cli().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
