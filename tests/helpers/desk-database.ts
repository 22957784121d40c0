/**
 * A real PostgreSQL for the desk tests: the server named by CUTLINE_TEST_PG (a URL of a
 * role that may create databases; `.ci/run` starts a throwaway cluster and sets it). Each
 * test file gets a fresh database of its own, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server's URL, or null (with the reason printed) when there is none to use. */
export function deskTestServer(): string | null {
  const url = process.env.CUTLINE_TEST_PG;
  if (url) return url;
  if (process.env.CI || process.env.CUTLINE_REQUIRE_PG) {
    throw new Error('CUTLINE_TEST_PG is not set: CI must run the desk tests on a real server.');
  }
  console.warn(
    '[desk tests skipped] set CUTLINE_TEST_PG=postgres://user@host:port/db to a PostgreSQL server (see .ci/run)',
  );
  return null;
}

/** Creates an empty database on the server; its URL. */
export async function createDeskDatabase(server: string): Promise<string> {
  const name = `cutline_desk_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createDeskDatabase (its connections are ended first). */
export async function dropDeskDatabase(server: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
