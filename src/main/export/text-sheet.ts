/**
 * Plain-text caption sheet, for pasting into a CMS or an email: one block per photo (file
 * name, headline, caption with credit, other chosen columns), blank line between. Streamed.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { captionBlock, extraColumns, type SheetSource } from './sheet-source';

export async function writeTextSheet(source: SheetSource, file: string): Promise<string[]> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const extras = extraColumns(source);
  const showsHeadline = source.columns.includes('headline');
  let done = 0;
  for await (const chunk of source.chunks(false)) {
    for (const row of chunk.rows) {
      const lines = [row.record.fileName];
      if (showsHeadline && row.record.headline) lines.push(row.record.headline);
      const caption = captionBlock(source, row);
      if (caption) lines.push(caption);
      for (const { index, label } of extras) {
        const value = row.cells[index];
        if (value) lines.push(`${label}: ${value}`);
      }
      await write(`${lines.join('\n')}\n\n`);
    }
    done += chunk.rows.length;
    source.progress(done);
  }
  out.end();
  await finished(out);
  return [];
}
