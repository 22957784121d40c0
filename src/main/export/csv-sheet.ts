/**
 * CSV caption sheet: UTF-8 with a byte-order mark (without it Excel reads the file as the
 * local code page and mangles accents), RFC 4180 quoting and CRLF line ends (csv-stringify),
 * every cell guarded against formula injection. Streamed row by row.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { inertCell } from './formula-guard';
import type { SheetSource } from './sheet-source';

export async function writeCsvSheet(source: SheetSource, file: string): Promise<string[]> {
  async function* records() {
    yield source.headers;
    let done = 0;
    for await (const chunk of source.chunks(false)) {
      for (const row of chunk.rows) yield row.cells.map(inertCell);
      done += chunk.rows.length;
      source.progress(done);
    }
  }
  await pipeline(
    Readable.from(records()),
    stringify({ bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ }),
    createWriteStream(file),
  );
  return [];
}
