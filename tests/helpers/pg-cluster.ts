/**
 * A PostgreSQL cluster of a test's own, for tests that stop and restart the server (the
 * shared one of CUTLINE_TEST_PG serves other test files at the same time): made with the
 * installed server's initdb in a temporary folder, run on a free loopback port, trusted on
 * the loopback only, as `.ci/run` makes its cluster. As root, the server runs as the
 * postgres user (it refuses to run as root). Null, with the reason printed, when there is no
 * server installed; CI (CUTLINE_REQUIRE_PG) must have one.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgCluster {
  /** postgres://…/postgres of the cluster's superuser. */
  url: string;
  /** Stops the server (fast: sessions are ended, as on a server's shutdown). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** `pg_ctl restart`: every session ends, the server comes back on the same port. */
  restart(): Promise<void>;
  /** Stops the server and removes its folder. */
  remove(): Promise<void>;
}

/** The newest installed server's bin folder (Debian's layout), or null. */
function serverBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? join(base, newest, 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Starts a cluster of the test's own, or answers null (reason printed) when none can be. */
export async function startPgCluster(): Promise<PgCluster | null> {
  const bin = serverBin();
  if (!bin) {
    if (process.env.CI || process.env.CUTLINE_REQUIRE_PG) {
      throw new Error('No PostgreSQL server is installed (/usr/lib/postgresql/*/bin/pg_ctl).');
    }
    console.warn('[desk restart test skipped] no PostgreSQL server installed to start and restart');
    return null;
  }
  const asRoot = userInfo().uid === 0;
  const folder = await mkdtemp(join(tmpdir(), 'cutline-pg-own-'));
  if (asRoot) {
    const ids = await run('id', ['-u', 'postgres']).then(async ({ stdout }) => ({
      uid: Number(stdout.trim()),
      gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
    }));
    await chown(folder, ids.uid, ids.gid);
  }
  await chmod(folder, 0o700);
  const data = join(folder, 'data');
  const port = await freePort();
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { timeout: 120_000 })
      : run(join(bin, tool), args, { timeout: 120_000 });
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres']);
  const options = `-k ${folder} -p ${port} -c listen_addresses=127.0.0.1`;
  const log = join(folder, 'log');
  const start = async () => {
    await pg('pg_ctl', ['-D', data, '-l', log, '-w', '-o', options, 'start']);
  };
  const stop = async () => {
    await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    restart: async () => {
      // With its log file: a server left writing to pg_ctl's output holds the pipe open.
      await pg('pg_ctl', ['-D', data, '-l', log, '-m', 'fast', '-w', '-o', options, 'restart']);
    },
    remove: async () => {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
}
