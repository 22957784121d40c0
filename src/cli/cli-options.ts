import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CutlineError } from '../shared/result';

/** Parses a command's options, turning parse errors into a plain usage message. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({
      args,
      options: { db: { type: 'string' }, json: { type: 'boolean', default: false }, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CutlineError('invalid-input', error instanceof Error ? error.message : String(error));
  }
}

/** Writes one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
