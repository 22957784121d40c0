/**
 * XLSX caption sheet (exceljs, streamed: each row is committed to the file as it is made):
 * a bold header row that stays frozen while scrolling, wrapped text in the long columns,
 * every value a string cell (never a formula).
 */
import ExcelJS from 'exceljs';
import type { ExportColumn } from '../../shared/export-options';
import type { SheetSource } from './sheet-source';

/** Excel keeps at most this many characters in a cell. */
const EXCEL_CELL_LIMIT = 32_767;
const LONG_COLUMNS = new Set<ExportColumn>([
  'caption',
  'captionWithCredit',
  'extendedDescription',
  'altText',
  'instructions',
  'headline',
  'keywords',
]);

function widthOf(column: ExportColumn): number {
  if (column === 'caption' || column === 'captionWithCredit') return 80;
  if (column === 'path') return 50;
  return LONG_COLUMNS.has(column) ? 40 : 20;
}

export async function writeXlsxSheet(source: SheetSource, file: string): Promise<string[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Cutline';
  workbook.created = source.date;
  const sheet = workbook.addWorksheet('Captions', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = source.columns.map((column, index) => ({
    header: source.headers[index],
    key: column,
    width: widthOf(column),
    style: LONG_COLUMNS.has(column) ? { alignment: { wrapText: true, vertical: 'top' } } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  let done = 0;
  let cut = 0;
  for await (const chunk of source.chunks(false)) {
    for (const row of chunk.rows) {
      const values = row.cells.map((cell) => {
        if (cell.length <= EXCEL_CELL_LIMIT) return cell;
        cut++;
        return cell.slice(0, EXCEL_CELL_LIMIT);
      });
      sheet.addRow(values).commit();
    }
    done += chunk.rows.length;
    source.progress(done);
  }
  sheet.commit();
  await workbook.commit();
  return cut > 0
    ? [`${cut} cell${cut === 1 ? ' was' : 's were'} cut to Excel's limit of 32,767 characters.`]
    : [];
}
