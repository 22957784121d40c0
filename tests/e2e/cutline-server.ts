/**
 * Starts `node bin/cutline.js serve` on a fresh catalog, as a person would, and gives the
 * URL it prints. The end-to-end tests drive the real renderer against it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { BRIDGE_KEY_HEADER, BRIDGE_KEY_PARAM } from '../../src/shared/bridge-key';
import type { ImportRunInfo } from '../../src/shared/contract';
import { createExifTool } from '../helpers/make-photos';

export interface RunningCutline {
  /** The address `cutline serve` printed: the page, with this launch's key. */
  url: string;
  process: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * `env` adds to the environment `cutline serve` runs in (HOME: the folder browser's home).
 * `fromSource`: run src/cli/index.ts through tsx instead of the build (the vitest tests that
 * start member processes, which must not depend on a stale build).
 */
export async function startCutline(
  catalogFile: string,
  env: Record<string, string> = {},
  { fromSource = false }: { fromSource?: boolean } = {},
): Promise<RunningCutline> {
  const cli = fromSource
    ? ['--import', 'tsx', 'src/cli/index.ts']
    : [join(ROOT, 'bin', 'cutline.js')];
  const child = spawn(process.execPath, [...cli, 'serve', '--db', catalogFile, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not start:\n${output}`)),
      fromSource ? 180_000 : 60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/at (http:\/\/127\.0\.0\.1:\d+\/\S*)\n/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const quit = await Promise.race([
        exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 30_000)),
      ]);
      if (quit) return;
      child.kill('SIGKILL');
      throw new Error(`serve did not quit within 30 s of SIGTERM; it printed:\n${output}`);
    },
  };
}

/**
 * Calls the contract over the bridge, as the renderer does (with the key of the printed
 * address `url`); throws on an error answer.
 */
export async function callApi<T = unknown>(url: string, name: string, input: unknown = {}) {
  const page = new URL(url);
  const response = await fetch(`${page.origin}/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [BRIDGE_KEY_HEADER]: page.searchParams.get(BRIDGE_KEY_PARAM) ?? '',
    },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as
    | { ok: true; value: T }
    | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/**
 * Imports folders through the contract and waits until the import has finished; gives up
 * after `withinMs` (well inside a test's timeout) saying how far the import got, so that a
 * stuck import fails with its state rather than as a bare test timeout.
 */
export async function importFolders(url: string, paths: string[], withinMs = 45_000) {
  const { runId } = await callApi<{ runId: number }>(url, 'import:start', { paths });
  const until = Date.now() + withinMs;
  let last: ImportRunInfo | undefined;
  while (Date.now() < until) {
    last = (await callApi<ImportRunInfo[]>(url, 'import:runs')).find((run) => run.runId === runId);
    if (last?.state === 'done') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const progress = await callApi(url, 'import:status').catch((error: Error) => error.message);
  throw new Error(
    `import ${runId} of ${paths.join(', ')} did not finish in ${withinMs / 1000} s: ` +
      `run ${JSON.stringify(last)}, progress ${JSON.stringify(progress)}`,
  );
}

/** A spec's photos on disk and the Cutline serving them (see startShoot). */
export interface E2eShoot {
  /** The temporary folder: photos under it, the catalog at catalog.sqlite. */
  root: string;
  cutline: RunningCutline;
}

/**
 * What most specs set up first: a temporary folder, the photos `make` writes into it (with
 * one ExifTool, ended afterwards), Cutline serving a fresh catalog there, and `imported`
 * (a folder under the root, default "shoot"; null for none) imported through the contract.
 */
export async function startShoot(
  name: string,
  make: (root: string, exiftool: ExifTool) => Promise<unknown>,
  imported: string | null = 'shoot',
): Promise<E2eShoot> {
  const root = await mkdtemp(join(tmpdir(), `cutline-e2e-${name}-`));
  const exiftool = createExifTool();
  try {
    await make(root, exiftool);
  } finally {
    await exiftool.end();
  }
  const cutline = await startCutline(join(root, 'catalog.sqlite'));
  if (imported !== null) await importFolders(cutline.url, [join(root, imported)]);
  return { root, cutline };
}

/** Stops the spec's Cutline and removes its folder (safe when startShoot never finished). */
export async function stopShoot(shoot: Partial<E2eShoot> | undefined): Promise<void> {
  await shoot?.cutline?.stop();
  if (shoot?.root) await rm(shoot.root, { recursive: true, force: true });
}
