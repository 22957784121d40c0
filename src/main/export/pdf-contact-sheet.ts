/**
 * PDF contact sheet (pdfkit): a grid of thumbnails, N per page, each with its file name and
 * its caption with credit beneath, a title and date at the top of every page and "Page n of
 * m" at the bottom. Streamed to the file page by page, so memory stays flat however many
 * photos there are. Fonts are embedded as subsets and text stays text (searchable,
 * copyable): DejaVu Sans for Latin, Cyrillic and Arabic, a system CJK font for Chinese,
 * Japanese and Korean, a system symbol font for the emoji DejaVu lacks (sheet-fonts.ts),
 * switched run by run (font-coverage.ts). Emoji no font here has are left out, and the
 * export says which, rather than boxes that copy as nothing.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { counted } from '../../shared/counted';
import { type FontCoverage, fontCoverage } from './font-coverage';
import { hasCjk, isRightToLeft, scriptRuns, withoutUndrawableEmoji } from './script-runs';
import type { SheetFonts } from './sheet-fonts';
import { captionBlock, type SheetSource } from './sheet-source';

type Pdf = InstanceType<typeof PDFDocument>;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 36;
const GRID_TOP = 72;
const GRID_BOTTOM = PAGE.height - 52;
const GAP = 10;

/** Columns × rows and the caption size for each choice of photos per page. */
const GRIDS: Record<number, { columns: number; rows: number; size: number }> = {
  4: { columns: 2, rows: 2, size: 9.5 },
  6: { columns: 2, rows: 3, size: 8.5 },
  12: { columns: 3, rows: 4, size: 7 },
  20: { columns: 4, rows: 5, size: 6 },
  30: { columns: 5, rows: 6, size: 5.5 },
};

export interface ContactSheetOptions {
  perPage: number;
  fonts: SheetFonts;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Draws text in a box, cut with an ellipsis when it does not fit. Runs the main font cannot
 * draw switch to the CJK or the symbol font; right-to-left text is laid out word by word
 * (drawRightToLeft).
 */
function drawText(
  doc: Pdf,
  text: string,
  box: Box,
  size: number,
  coverage: FontCoverage,
  base: 'regular' | 'bold' = 'regular',
): void {
  // Only what can fit is laid out: a 5,000-character caption costs no more than a short one.
  const fits = Math.ceil((box.width * box.height) / (size * size * 0.3));
  const shown = text.length > fits ? `${text.slice(0, fits)}…` : text;
  doc.fontSize(size);
  if (isRightToLeft(shown)) {
    drawRightToLeft(doc, shown, box, size, base);
    return;
  }
  const options = { width: box.width, height: box.height, ellipsis: true, lineGap: 0.5 };
  const runs = scriptRuns(shown, coverage.fontFor, 'main');
  if (runs.length <= 1 && runs[0]?.font !== 'cjk' && runs[0]?.font !== 'symbol') {
    doc.font(base).text(shown, box.x, box.y, options);
    return;
  }
  runs.forEach((run, index) => {
    doc.font(run.font === 'main' ? base : run.font);
    const continued = index < runs.length - 1;
    if (index === 0) doc.text(run.text, box.x, box.y, { ...options, continued });
    else doc.text(run.text, { continued });
  });
}

/**
 * Right-to-left paragraphs, laid out here: words fill each line from the right edge, each
 * word drawn on its own. pdfkit shapes a word (joining Arabic letters, ordering its glyphs)
 * but, given a whole line, it reorders the words once more and drops the space before the
 * last one, so the line read backwards.
 */
function drawRightToLeft(doc: Pdf, text: string, box: Box, size: number, base: string): void {
  doc.font(base);
  const lineHeight = size * 1.25;
  const space = doc.widthOfString(' ');
  let y = box.y;
  for (const paragraph of text.split('\n')) {
    let line: { word: string; width: number }[] = [];
    let lineWidth = 0;
    const flush = () => {
      if (line.length && y + lineHeight <= box.y + box.height) {
        let right = box.x + box.width;
        for (const { word, width } of line) {
          doc.text(word, right - width, y, { lineBreak: false });
          right -= width + space;
        }
      }
      y += lineHeight;
      line = [];
      lineWidth = 0;
    };
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const width = doc.widthOfString(word);
      if (line.length && lineWidth + space + width > box.width) flush();
      lineWidth += (line.length ? space : 0) + width;
      line.push({ word, width });
    }
    flush();
    if (y > box.y + box.height) return;
  }
}

function drawPlaceholder(doc: Pdf, box: Box, size: number): void {
  doc.save().rect(box.x, box.y, box.width, box.height).fill('#e6e6e6').restore();
  doc
    .font('regular')
    .fontSize(size)
    .fillColor('#777777')
    .text('No thumbnail', box.x, box.y + box.height / 2 - size / 2, {
      width: box.width,
      align: 'center',
      lineBreak: false,
    })
    .fillColor('black');
}

function drawPageFrame(
  doc: Pdf,
  source: SheetSource,
  page: number,
  pages: number,
  coverage: FontCoverage,
): void {
  const date = source.date.toISOString().slice(0, 10);
  // The title goes through the same font fallback as the captions: a Korean or Arabic
  // title is drawn in the font that has its letters, not as boxes.
  const title = { x: MARGIN, y: MARGIN, width: PAGE.width - 2 * MARGIN - 90, height: 18 };
  drawText(doc, source.title.replace(/\s+/g, ' '), title, 13, coverage, 'bold');
  doc
    .font('regular')
    .fontSize(10)
    .text(date, PAGE.width - MARGIN - 90, MARGIN + 2, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
  doc
    .moveTo(MARGIN, MARGIN + 22)
    .lineTo(PAGE.width - MARGIN, MARGIN + 22)
    .lineWidth(0.5)
    .stroke('#999999');
  doc
    .font('regular')
    .fontSize(8)
    .text(`Page ${page} of ${pages}`, MARGIN, PAGE.height - 40, {
      width: PAGE.width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
}

export async function writePdfContactSheet(
  source: SheetSource,
  file: string,
  options: ContactSheetOptions,
): Promise<string[]> {
  const grid = GRIDS[options.perPage] ?? GRIDS[12]!;
  const perPage = grid.columns * grid.rows;
  const pages = Math.max(1, Math.ceil(source.total / perPage));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    info: { Title: source.title, Creator: 'Cutline' },
  });
  const out = createWriteStream(file);
  doc.pipe(out);
  const { fonts } = options;
  doc.registerFont('regular', fonts.regular.path);
  doc.registerFont('bold', fonts.bold.path);
  if (fonts.cjk) doc.registerFont('cjk', fonts.cjk.path, fonts.cjk.face ?? '');
  if (fonts.symbol) doc.registerFont('symbol', fonts.symbol.path, fonts.symbol.face ?? '');
  const coverage = fontCoverage(fonts);

  const cellWidth = (PAGE.width - 2 * MARGIN - GAP * (grid.columns - 1)) / grid.columns;
  const cellHeight = (GRID_BOTTOM - GRID_TOP - GAP * (grid.rows - 1)) / grid.rows;
  const thumbHeight = cellHeight * 0.55;
  const size = grid.size;
  let index = 0;
  let missing = 0;
  let cjkWithoutFont = false;
  let undrawable = 0;
  const undrawn = (text: string) => {
    for (const char of text) if (!coverage.canDraw(char)) return true;
    return false;
  };
  let withoutEmoji = 0;
  const droppedEmoji = new Set<string>();
  /** The text with the emoji no font draws left out, counted for the note. */
  const drawable = (...texts: string[]): string[] => {
    let dropped = false;
    const results = texts.map((text) => {
      const result = withoutUndrawableEmoji(text, coverage.canDraw);
      for (const emoji of result.dropped) droppedEmoji.add(emoji);
      dropped ||= result.dropped.length > 0;
      return result.text;
    });
    if (dropped) withoutEmoji++;
    return results;
  };
  for await (const chunk of source.chunks(true)) {
    for (const row of chunk.rows) {
      const slot = index % perPage;
      if (slot === 0) {
        doc.addPage({ size: 'A4', margin: 0 });
        drawPageFrame(doc, source, index / perPage + 1, pages, coverage);
      }
      const x = MARGIN + (slot % grid.columns) * (cellWidth + GAP);
      const y = GRID_TOP + Math.floor(slot / grid.columns) * (cellHeight + GAP);
      const thumb = { x, y, width: cellWidth, height: thumbHeight };
      const jpeg = chunk.thumbnails.get(row.id);
      let drawn = false;
      if (jpeg) {
        try {
          doc.image(jpeg, x, y, {
            fit: [cellWidth, thumbHeight],
            align: 'center',
            valign: 'center',
          });
          drawn = true;
        } catch {
          // A thumbnail pdfkit cannot read gets the placeholder, not a failed sheet.
        }
      }
      if (!drawn) {
        missing++;
        drawPlaceholder(doc, thumb, size);
      }
      const nameY = y + thumbHeight + 3;
      const hasFont = fonts.cjk !== null;
      const [name = '', caption = ''] = drawable(row.record.fileName, captionBlock(source, row));
      if (!hasFont && hasCjk(name)) cjkWithoutFont = true;
      const nameBox = { x, y: nameY, width: cellWidth, height: size * 1.3 };
      drawText(doc, name, nameBox, size, coverage, 'bold');
      if (!hasFont && hasCjk(caption)) cjkWithoutFont = true;
      else if (undrawn(caption) || undrawn(name)) undrawable++;
      const textTop = nameY + size * 1.6;
      drawText(
        doc,
        caption,
        { x, y: textTop, width: cellWidth, height: y + cellHeight - textTop },
        size,
        coverage,
      );
      index++;
    }
    source.progress(index);
    // Let the file stream take what was made before making more, and the event loop breathe.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (index === 0) {
    doc.addPage({ size: 'A4', margin: 0 });
    drawPageFrame(doc, source, 1, 1, coverage);
    doc.font('regular').fontSize(11).text('No photos.', MARGIN, GRID_TOP);
  }
  doc.end();
  await finished(out);
  const notes: string[] = [];
  if (missing > 0) {
    notes.push(
      `${counted(missing, 'photo has', 'photos have')} no thumbnail; a placeholder stands in.`,
    );
  }
  if (withoutEmoji > 0) {
    const some = [...droppedEmoji].slice(0, 8).join(' ');
    const font = fonts.symbol
      ? 'a symbol font with newer emoji (the one found covers fewer), or set CUTLINE_SYMBOL_FONT'
      : 'a symbol font (Debian: fonts-symbola) or set CUTLINE_SYMBOL_FONT';
    notes.push(
      `${counted(withoutEmoji, 'photo has', 'photos have')} emoji no font here can draw (${some}), left out of the PDF; install ${font}.`,
    );
  }
  if (undrawable > 0) {
    notes.push(
      `${counted(undrawable, 'photo has', 'photos have')} characters no font here can draw, shown as boxes; install a font for that script.`,
    );
  }
  if (cjkWithoutFont) {
    notes.push(
      'No Chinese/Japanese/Korean font was found, so that text shows as boxes; install Noto Sans CJK (Debian: fonts-noto-cjk) or set CUTLINE_CJK_FONT.',
    );
  }
  return notes;
}
