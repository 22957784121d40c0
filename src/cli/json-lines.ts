/**
 * `--stdin` batch modes: one input per line on stdin, one JSON object per line on stdout
 * (JSON Lines), in the same order, so a script can parse 10,000 credits in one process
 * instead of paying a process start for each. A line that cannot be handled gets its own
 * `{"input", "error"}` object and the rest go on; the exit status says whether any failed.
 */
import { createInterface } from 'node:readline';
import { counted, digitsGrouped } from '../shared/counted';
import { CutlineError } from '../shared/result';

/** Runs `handle` on every line of stdin and prints what it returns, one JSON object a line. */
export async function eachStdinLine(handle: (line: string) => object): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let total = 0;
  let failed = 0;
  let out = '';
  for await (const line of lines) {
    total += 1;
    let answer: object;
    try {
      if (line.trim() === '') throw new CutlineError('invalid-input', 'The line is empty.');
      answer = handle(line);
    } catch (error) {
      failed += 1;
      answer = { input: line, error: error instanceof Error ? error.message : String(error) };
    }
    out += `${JSON.stringify(answer)}\n`;
    // Written in blocks: one write a line costs more than the parse itself.
    if (out.length > 64 * 1024) {
      process.stdout.write(out);
      out = '';
    }
  }
  process.stdout.write(out);
  if (failed > 0) {
    process.stderr.write(
      `cutline: ${counted(failed, 'line')} of ${digitsGrouped(total)} could not be read (see their "error")\n`,
    );
    return 1;
  }
  return 0;
}
