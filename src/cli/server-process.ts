import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A game server (rooms only, no site) running as its own process on 127.0.0.1. */
export interface ServerProcessHandle {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Start `src/cli/serve.ts --rooms-only` on a free port of 127.0.0.1 with its data in `dataDir`
 * (or in PostgreSQL at `databaseUrl`), for the load test and the real-time lesson script.
 * `nodeArgs`: extra node flags for the server (e.g. --cpu-prof).
 */
export function startRoomsServer(dataDir: string, databaseUrl = '', nodeArgs: string[] = []): Promise<ServerProcessHandle> {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/cli/serve.ts', '--rooms-only'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((ok, no) => {
    proc.once('exit', (code) => no(new Error(`The server exited (${code}) before it started.`)));
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m)
        ok({
          url: m[1]!,
          pid: proc.pid!,
          stop: () =>
            new Promise<void>((done) => {
              proc.removeAllListeners('exit');
              proc.once('exit', () => done());
              proc.kill('SIGTERM');
            }),
        });
    });
  });
}
