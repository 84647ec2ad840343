/** A1-style addresses: parsing, formatting and sheet-name quoting, as Excel writes them. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** "A1", "A1:C3", whole columns "A:C" and whole rows "2:5", as Excel formats them. */
export function rectAddress(rect: Rect): string {
  const lastRow = rect.row + rect.rowCount - 1;
  const lastCol = rect.column + rect.columnCount - 1;
  if (rect.row === 0 && rect.rowCount === MAX_ROWS) {
    return `${columnLetters(rect.column)}:${columnLetters(lastCol)}`;
  }
  if (rect.column === 0 && rect.columnCount === MAX_COLUMNS) {
    return `${rect.row + 1}:${lastRow + 1}`;
  }
  const first = cellAddress(rect.row, rect.column);
  return rect.rowCount === 1 && rect.columnCount === 1 ? first : `${first}:${cellAddress(lastRow, lastCol)}`;
}

/**
 * Sheet names are quoted in addresses when they hold anything but letters, digits, "_" and ".",
 * start with a digit, or could be read as a cell reference (Excel writes 'My Sheet'!A1 but 考评单位!A1).
 */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[RrCc]$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(rect)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

/** Parses a local address (no sheet part); returns undefined when it is not a valid address. */
export function parseAddress(address: string): Rect | undefined {
  const parts = address.trim().split(":");
  if (parts.length < 1 || parts.length > 2) return undefined;
  const [a, b = parts[0]] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]) - 1;
    const r2 = Number(cb[2]) - 1;
    const c1 = columnIndex(ca[1]);
    const c2 = columnIndex(cb[1]);
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS || c1 >= MAX_COLUMNS || c2 >= MAX_COLUMNS) return undefined;
    return {
      row: Math.min(r1, r2),
      column: Math.min(c1, c2),
      rowCount: Math.abs(r2 - r1) + 1,
      columnCount: Math.abs(c2 - c1) + 1,
    };
  }
  if (parts.length === 2) {
    const colA = COLUMN.exec(a);
    const colB = COLUMN.exec(b);
    if (colA && colB) {
      const c1 = columnIndex(colA[1]);
      const c2 = columnIndex(colB[1]);
      if (c1 >= MAX_COLUMNS || c2 >= MAX_COLUMNS) return undefined;
      return { row: 0, column: Math.min(c1, c2), rowCount: MAX_ROWS, columnCount: Math.abs(c2 - c1) + 1 };
    }
    const rowA = ROW.exec(a);
    const rowB = ROW.exec(b);
    if (rowA && rowB) {
      const r1 = Number(rowA[1]) - 1;
      const r2 = Number(rowB[1]) - 1;
      if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) return undefined;
      return { row: Math.min(r1, r2), column: 0, rowCount: Math.abs(r2 - r1) + 1, columnCount: MAX_COLUMNS };
    }
  }
  return undefined;
}

/** Splits "Sheet1!A1:B2" / "'My Sheet'!A1" into sheet name and local address. */
export function splitSheetAddress(address: string): { sheet?: string; local: string } {
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(address);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), local: quoted[2] };
  const bang = address.lastIndexOf("!");
  if (bang > 0) return { sheet: address.slice(0, bang), local: address.slice(bang + 1) };
  return { local: address };
}

export function rectContains(outer: Rect, row: number, column: number): boolean {
  return row >= outer.row && row < outer.row + outer.rowCount && column >= outer.column && column < outer.column + outer.columnCount;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount
  );
}
