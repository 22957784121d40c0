/**
 * Starts `node bin/cutline.js serve` on a fresh catalog, as a person would, and gives the
 * URL it prints. The end-to-end tests drive the real renderer against it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface RunningCutline {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');

export async function startCutline(catalogFile: string): Promise<RunningCutline> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'cutline.js'), 'serve', '--db', catalogFile, '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/at (http:\/\/127\.0\.0\.1:\d+)/);
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
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
