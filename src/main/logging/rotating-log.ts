/**
 * A log file that never grows without bound: past `maxBytes` it is renamed `.1` (the older
 * ones shift to `.2`, … and the oldest is dropped) and a new file begins. Writes are
 * synchronous on purpose: the lines that matter most are written just before a crash.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RotatingLogOptions {
  /** Size at which the file is rotated (default 1 MiB). */
  maxBytes?: number;
  /** Rotated files kept beside the current one (default 3). */
  keep?: number;
}

export type LogLevel = 'info' | 'warn' | 'error';

export class RotatingLog {
  private readonly maxBytes: number;
  private readonly keep: number;

  constructor(
    readonly file: string,
    options: RotatingLogOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = options.keep ?? 3;
    mkdirSync(dirname(file), { recursive: true });
  }

  /** Appends one line (`<ISO time> <LEVEL> <message>`); a multi-line message stays together. */
  write(level: LogLevel, message: string): void {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message.replace(/\n/g, '\n    ')}\n`;
    try {
      if (existsSync(this.file) && statSync(this.file).size + line.length > this.maxBytes) {
        this.rotate();
      }
      appendFileSync(this.file, line);
    } catch (error) {
      // A full disk must not turn logging an error into a second crash.
      console.error('[cutline] could not write the log:', error, '\n', line);
    }
  }

  private rotate(): void {
    rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let n = this.keep - 1; n >= 1; n--) {
      const from = `${this.file}.${n}`;
      if (existsSync(from)) renameSync(from, `${this.file}.${n + 1}`);
    }
    renameSync(this.file, `${this.file}.1`);
  }
}
