/**
 * DOCX caption sheet for the copy desk (docx): a table with one row per photo, the
 * thumbnail on the left and, on the right, the file name, the headline and the caption with
 * its credit in the house style, then any other chosen columns. Text stays Unicode text;
 * the runs name a CJK font for East Asian text and Arabic paragraphs run right to left.
 * The `docx` library builds the document whole; docx-package.ts writes it to the file part
 * by part, so the thumbnails are not held a second time as a zip in memory.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { counted } from '../../shared/counted';
import { sharp } from '../lazy-packages';
import { writeDocxFile } from './docx-package';
import { isRightToLeft } from './script-runs';
import type { SheetRow } from './sheet-rows';
import { captionBlock, extraColumns, type SheetSource } from './sheet-source';

/** The thumbnail's box on the page, in pixels at 96 dpi (docx's unit for images). */
const THUMB_BOX = 150;
const FONT = { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Noto Sans CJK SC', cs: 'Arial' };

/** Paragraphs for text that may hold line breaks, right to left when the text is. */
function textParagraphs(text: string, style: { bold?: boolean; size?: number } = {}): Paragraph[] {
  const rtl = isRightToLeft(text);
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        bidirectional: rtl,
        spacing: { after: 60 },
        children: [new TextRun({ text: line, rightToLeft: rtl, ...style })],
      }),
  );
}

/** The thumbnail scaled into its box, or null when there is none or it cannot be read. */
async function thumbnailParagraph(jpeg: Buffer | undefined): Promise<Paragraph | null> {
  if (jpeg) {
    try {
      const { width, height } = await sharp(jpeg).metadata();
      if (width && height) {
        const scale = Math.min(THUMB_BOX / width, THUMB_BOX / height);
        return new Paragraph({
          children: [
            new ImageRun({
              type: 'jpg',
              data: jpeg,
              transformation: {
                width: Math.max(1, Math.round(width * scale)),
                height: Math.max(1, Math.round(height * scale)),
              },
            }),
          ],
        });
      }
    } catch {
      // An unreadable thumbnail gets the placeholder below, not a failed export.
    }
  }
  return null;
}

const placeholder = () =>
  new Paragraph({
    children: [new TextRun({ text: '(no thumbnail)', italics: true, color: '777777' })],
  });

async function photoRow(source: SheetSource, row: SheetRow, thumbnail: Paragraph) {
  const text: Paragraph[] = [
    ...textParagraphs(row.record.fileName, { size: 18 }),
    ...(source.columns.includes('headline') && row.record.headline
      ? textParagraphs(row.record.headline, { bold: true })
      : []),
    ...textParagraphs(captionBlock(source, row)),
  ];
  for (const { index, label } of extraColumns(source)) {
    const value = row.cells[index];
    if (value) text.push(...textParagraphs(`${label}: ${value}`, { size: 18 }));
  }
  return new TableRow({
    cantSplit: false,
    children: [
      new TableCell({
        width: { size: 28, type: WidthType.PERCENTAGE },
        children: [thumbnail],
      }),
      new TableCell({ width: { size: 72, type: WidthType.PERCENTAGE }, children: text }),
    ],
  });
}

export async function writeDocxSheet(source: SheetSource, file: string): Promise<string[]> {
  const rows: TableRow[] = [];
  let done = 0;
  let missing = 0;
  for await (const chunk of source.chunks(true)) {
    for (const row of chunk.rows) {
      const thumbnail = await thumbnailParagraph(chunk.thumbnails.get(row.id));
      if (!thumbnail) missing++;
      rows.push(await photoRow(source, row, thumbnail ?? placeholder()));
    }
    done += chunk.rows.length;
    source.progress(done);
  }
  // The rows move into the document, which only the writer holds from here on.
  await writeDocxFile(() => captionDocument(source, rows.splice(0)), file);
  return missing > 0
    ? [`${counted(missing, 'photo has', 'photos have')} no thumbnail; a placeholder stands in.`]
    : [];
}

/** The document: title and date in the header, page numbers in the footer, the table. */
function captionDocument(source: SheetSource, rows: TableRow[]): Document {
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
  return new Document({
    creator: 'Cutline',
    title: source.title,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: source.title, bold: true }),
                  new TextRun({ text: `\t${source.date.toISOString().slice(0, 10)}` }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: rows.length
          ? [
              new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                borders: {
                  top: border,
                  bottom: border,
                  left: border,
                  right: border,
                  insideHorizontal: border,
                  insideVertical: border,
                },
                rows,
              }),
            ]
          : [new Paragraph('No photos.')],
      },
    ],
  });
}
