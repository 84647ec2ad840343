// The WPS adapter's read side: every sheet of the active workbook as sheets of cell values, the same
// snapshot the Office adapter reads from Excel — one Value2 read per sheet's used range, dates as serial
// numbers, error cells as Excel's "#DIV/0!" text, the grid cut to the cells that hold values (ET's
// UsedRange also spans cells that are only formatted; Office's values-only used range does not).
//
// ET gives an error cell's Value2 as a number. Which number is not documented: the COM error
// (0x800A07D7 = -2146826281 for #DIV/0!) or the bare CVErr code (2007). The COM form is never a count,
// so it is read as the error; a bare code could be a count (2015 calls), so such a cell's Text decides.
// Both readings give the same snapshot (et-read.test.ts runs both).

import { CellGrid, CellValue, cellAddress, parseCellAddress } from "../../engine";
import { HostSnapshot, SheetCells, SheetEntry, Visibility, isLeftover } from "../../workbook";
import { EtApplication, EtWorkbook, EtWorksheet, XL } from "./et-model";

/** Excel's CVErr codes by error text: what ET's Value2 of an error cell is built from. */
const CV_ERRORS: Readonly<Record<number, string>> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
  2043: "#GETTING_DATA",
};

/** The COM error number of a CVErr code (0x800A0000 | code, signed). */
const COM_BASE = 0x800a0000 >> 0;

/** The error text of a COM error number (ET's Value2 of an error cell), else undefined. */
export function comErrorText(v: number): string | undefined {
  return Number.isInteger(v) && v < 0 ? CV_ERRORS[v - COM_BASE] : undefined;
}

export function visibilityOf(visible: number): Visibility {
  return visible === XL.xlSheetVeryHidden ? "veryHidden" : visible === XL.xlSheetHidden ? "hidden" : "visible";
}

/** The open workbook, or a sentence for the clerk when none is open (WPS's start screen). */
export function activeWorkbook(app: EtApplication): EtWorkbook {
  const book = app.ActiveWorkbook;
  if (!book) throw new Error("没有打开的工作簿：请先在 WPS 表格中打开或新建一个工作簿");
  return book;
}

export function sheetEntries(book: EtWorkbook): { sheet: EtWorksheet; entry: SheetEntry }[] {
  const sheets = book.Worksheets;
  const count = sheets.Count;
  const out: { sheet: EtWorksheet; entry: SheetEntry }[] = [];
  for (let i = 1; i <= count; i++) {
    const sheet = sheets.Item(i);
    out.push({ sheet, entry: { name: sheet.Name, visibility: visibilityOf(sheet.Visible) } });
  }
  return out;
}

/** A used range's Value2 (a scalar for one cell) as rows. */
function rowsOf(value2: unknown): unknown[][] {
  return Array.isArray(value2) ? (value2 as unknown[][]) : [[value2]];
}

/**
 * One sheet's cells from A1, as Office's values-only used range gives them: rows above the first value
 * empty ([]), each row from column A to the last column holding a value anywhere on the sheet.
 */
export function readSheetCells(sheet: EtWorksheet): CellGrid {
  const used = sheet.UsedRange;
  const rows = rowsOf(used.Value2);
  // Where it starts, from its address ("$C$3:$F$9"): one call, where Row and Column would be two.
  const start = parseCellAddress(used.Address().split(":")[0].replace(/\$/g, ""))!;
  const top = start.row - 1;
  const left = start.column - 1;
  const maybeErrors: [number, number][] = [];
  const values: CellValue[][] = rows.map((row, r) =>
    row.map((v, c) => {
      if (v === undefined || v === null || v === "") return null;
      if (typeof v === "number") {
        const error = comErrorText(v);
        if (error) return error;
        if (CV_ERRORS[v]) maybeErrors.push([r, c]);
        return v;
      }
      if (typeof v === "string" || typeof v === "boolean") return v;
      return String(v);
    }),
  );
  for (const [r, c] of maybeErrors) {
    const shown = sheet.Range(cellAddress(top + r + 1, left + c + 1)).Text;
    if (shown === CV_ERRORS[values[r][c] as number]) values[r][c] = shown;
  }
  return placed(values, top, left);
}

/** Values found at (top, left), placed from A1 and cut to the cells that hold something. */
function placed(values: readonly (readonly CellValue[])[], top: number, left: number): CellGrid {
  let first = -1;
  let last = -1;
  let width = 0;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      if (first < 0) first = r;
      last = r;
      width = Math.max(width, left + c + 1);
    }),
  );
  if (first < 0) return [];
  const grid: CellValue[][] = Array.from({ length: top + first }, () => []);
  for (let r = first; r <= last; r++) {
    const out: CellValue[] = Array(width).fill(null);
    values[r].forEach((v, c) => {
      if (left + c < width) out[left + c] = v;
    });
    grid.push(out);
  }
  return grid;
}

/**
 * Reads the whole workbook, sheet by sheet; `between` runs after each sheet read (the port yields to
 * WPS's window there, so a large workbook does not freeze it).
 */
export async function readEtWorkbook(app: EtApplication, between: () => Promise<void> = async () => {}): Promise<HostSnapshot> {
  const book = activeWorkbook(app);
  const listed = sheetEntries(book);
  const sheets: SheetCells[] = [];
  for (const { sheet, entry } of listed) {
    if (isLeftover(entry)) continue;
    sheets.push({ name: entry.name, cells: readSheetCells(sheet) });
    await between();
  }
  return {
    sheets,
    names: listed.map((l) => l.entry.name),
    entries: listed.map((l) => l.entry),
    active: book.ActiveSheet.Name,
  };
}
