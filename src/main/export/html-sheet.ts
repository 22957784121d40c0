/**
 * HTML caption sheet, for pasting into a CMS: a plain document (no scripts, no styles a CMS
 * would fight) with one section per photo, every value escaped, `dir="auto"` so Arabic and
 * Hebrew captions run right to left. Streamed.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { captionBlock, extraColumns, type SheetSource } from './sheet-source';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const paragraphs = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

export async function writeHtmlSheet(source: SheetSource, file: string): Promise<string[]> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const title = escapeHtml(source.title);
  await write(
    `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<p>${escapeHtml(source.date.toISOString().slice(0, 10))}</p>\n`,
  );
  const extras = extraColumns(source);
  const showsHeadline = source.columns.includes('headline');
  let done = 0;
  for await (const chunk of source.chunks(false)) {
    for (const row of chunk.rows) {
      const parts = [
        `<section dir="auto">`,
        `<p><strong>${escapeHtml(row.record.fileName)}</strong></p>`,
      ];
      if (showsHeadline && row.record.headline) {
        parts.push(`<h2>${escapeHtml(row.record.headline)}</h2>`);
      }
      const caption = captionBlock(source, row);
      if (caption) parts.push(`<p>${paragraphs(caption)}</p>`);
      for (const { index, label } of extras) {
        const value = row.cells[index];
        if (value) parts.push(`<p>${escapeHtml(label)}: ${paragraphs(value)}</p>`);
      }
      parts.push('</section>\n');
      await write(parts.join('\n'));
    }
    done += chunk.rows.length;
    source.progress(done);
  }
  await write('</body>\n</html>\n');
  out.end();
  await finished(out);
  return [];
}
