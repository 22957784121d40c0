/**
 * Spreadsheet formula injection (CSV injection), neutralised as OWASP describes: a cell that
 * starts with `=`, `+`, `-`, `@`, tab or carriage return would be run as a formula by Excel,
 * LibreOffice or Sheets when the file is opened, so it is prefixed with a single quote,
 * which every one of them shows as text. A caption is data, never a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function inertCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
