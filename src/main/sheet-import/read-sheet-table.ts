/**
 * Reads a caption sheet into a header row and text rows: CSV with csv-parse (BOM dropped,
 * the delimiter taken from the header line: comma, semicolon as European Excel writes, or
 * tab) and XLSX with exceljs (the first worksheet, each cell's displayed text).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { CutlineError } from '../../shared/result';

export interface SheetTable {
  headers: string[];
  rows: string[][];
}

/** A cell Cutline guarded against formula injection (`'=…`) reads back as typed. */
function unguard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ',';
}

export function readCsvTable(bytes: Buffer): SheetTable {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      relax_quotes: true,
    }) as string[][];
  } catch (error) {
    throw new CutlineError('invalid-input', `The CSV cannot be read: ${(error as Error).message}`);
  }
  const [headers = [], ...rows] = records;
  return { headers: headers.map((h) => h.trim()), rows: rows.map((row) => row.map(unguard)) };
}

export async function readXlsxTable(bytes: Buffer): Promise<SheetTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new CutlineError(
      'invalid-input',
      `The workbook cannot be read: ${(error as Error).message}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CutlineError('invalid-input', 'The workbook has no worksheet.');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) {
      cells.push(unguard(row.getCell(column).text ?? ''));
    }
    table.push(cells);
  });
  const [headers = [], ...rows] = table;
  return { headers: headers.map((h) => h.trim()), rows };
}

/** Reads a sheet by its name's extension (.xlsx, else CSV/TSV/TXT). */
export async function readSheetTable(bytes: Buffer, name: string): Promise<SheetTable> {
  if (/\.xlsx$/i.test(name)) return readXlsxTable(bytes);
  if (/\.xls$/i.test(name)) {
    throw new CutlineError(
      'invalid-input',
      'Old .xls workbooks cannot be read; save it as .xlsx or CSV.',
    );
  }
  return readCsvTable(bytes);
}
