import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

/** What a `cutline` run printed and how it ended. */
export interface CutlineRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `cutline ARGS` from source (no build needed, so never a stale one), with `stdin` fed
 * to it when given. Resolves with the exit code whatever it is.
 */
export async function runCutline(args: string[], stdin?: string): Promise<CutlineRun> {
  const child = run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: ROOT,
  });
  child.child.stdin?.end(stdin);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CutlineRun;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
