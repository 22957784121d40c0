import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeError, reportError, setErrorSink } from '../../../src/main/logging/error-sink';
import { RotatingLog } from '../../../src/main/logging/rotating-log';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cutline-log-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('RotatingLog', () => {
  it('writes timestamped lines, keeping a stack together', () => {
    const log = new RotatingLog(join(dir, 'logs', 'cutline.log'));
    log.write('error', 'first line\n    at somewhere (file.ts:1:1)');
    log.write('info', 'second');
    const text = readFileSync(log.file, 'utf8');
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z ERROR first line\n {4}/);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/ INFO second$/);
  });

  it('rotates past its size and keeps only so many old files', () => {
    const log = new RotatingLog(join(dir, 'cutline.log'), { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) log.write('info', `line ${i} ${'x'.repeat(40)}`);
    expect(existsSync(`${log.file}.1`)).toBe(true);
    expect(existsSync(`${log.file}.2`)).toBe(true);
    expect(existsSync(`${log.file}.3`)).toBe(false);
    for (const file of [log.file, `${log.file}.1`, `${log.file}.2`]) {
      expect(readFileSync(file).length).toBeLessThanOrEqual(200);
    }
    // The newest line is in the current file, the ones before it in .1.
    expect(readFileSync(log.file, 'utf8')).toContain('line 39 ');
    expect(readFileSync(`${log.file}.1`, 'utf8')).not.toContain('line 39 ');
  });
});

describe('reportError', () => {
  it('goes to the sink the host set, with whether to notify, and back to the console after', () => {
    const seen: string[] = [];
    const restore = setErrorSink((where, error, options) =>
      seen.push(`${where}|${describeError(error).split('\n')[0]}|${options.notify !== false}`),
    );
    reportError('a worker', new Error('boom'));
    reportError('the call photos:get', new TypeError('bad'), { notify: false });
    restore();
    expect(seen).toEqual(['a worker|Error: boom|true', 'the call photos:get|TypeError: bad|false']);
  });

  it('survives a sink that throws', () => {
    const restore = setErrorSink(() => {
      throw new Error('disk full');
    });
    expect(() => reportError('somewhere', new Error('first'))).not.toThrow();
    restore();
  });
});
