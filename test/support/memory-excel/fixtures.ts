/** Test helpers: build a workbook from plain data, snapshot a sheet, list sheets. */
import { cellAddress, columnLetters, parseAddress, qualifiedAddress, Rect, rectAddress } from "./address";
import { BordersState, CellValue, displayText, FontState, toPlain } from "./cells";
import { MemoryExcel, MemoryExcelOptions } from "./host";
import { PageMarginsState, SheetState, Visibility } from "./workbook-state";

export type WorkbookData = Record<string, CellValue[][]>;

/**
 * A workbook with one sheet per key, in order, each filled from A1. Entries are interpreted as if
 * written to `Range.values` (so "=…" becomes a formula); the first sheet is active.
 */
export function createWorkbook(data: WorkbookData = { Sheet1: [] }, options: MemoryExcelOptions = {}): MemoryExcel {
  const host = new MemoryExcel(options);
  for (const [name, rows] of Object.entries(data)) {
    const sheet = host.state.addSheet(name);
    writeRows(host, sheet, rows, 0, 0);
  }
  return host;
}

function writeRows(host: MemoryExcel, sheet: SheetState, rows: CellValue[][], row: number, column: number): void {
  rows.forEach((cells, r) => {
    if (cells.length === 0) return;
    host.state.writeValues(sheet, { row: row + r, column, rowCount: 1, columnCount: cells.length }, [cells], "fixture");
  });
}

function sheetOf(host: MemoryExcel, name: string): SheetState {
  const sheet = host.state.findSheet(name);
  if (!sheet) throw new Error(`No sheet named ${name}; sheets: ${host.state.sheets.map((s) => s.name).join(", ")}`);
  return sheet;
}

/** Writes values directly into the document (no request, not counted), for test set-up. */
export function setCells(host: MemoryExcel, sheetName: string, topLeft: string, rows: CellValue[][]): void {
  const rect = parseAddress(topLeft) as Rect;
  writeRows(host, sheetOf(host, sheetName), rows, rect.row, rect.column);
}

export interface SheetInfo {
  name: string;
  position: number;
  visibility: Visibility;
  active: boolean;
}

export function listSheets(host: MemoryExcel): SheetInfo[] {
  return host.state.sheets.map((s, i) => ({
    name: s.name,
    position: i,
    visibility: s.visibility,
    active: s.id === host.state.activeSheetId,
  }));
}

/** Everything a user could see of one sheet, as plain JSON, for exact comparison. */
export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: Visibility;
  tabColor: string;
  /** "A1:C5": from A1 to the last used cell (values or formats); "" for an empty sheet. */
  extent: string;
  values: CellValue[][];
  formulas: CellValue[][];
  text: string[][];
  numberFormats: string[][];
  /** Fill colours, null where there is none. */
  fills: (string | null)[][];
  fonts: Record<string, FontState>;
  /** Each cell's border edges ("Continuous/Thin"), where it has any. */
  borders: Record<string, BordersState>;
  alignment: Record<string, { horizontal?: string; vertical?: string; wrapText?: boolean }>;
  hyperlinks: Record<string, Excel.RangeHyperlink>;
  notes: Record<string, string>;
  comments: Record<string, string>;
  columnWidths: Record<string, number>;
  /** Row heights in points set on rows, by 1-based row number. */
  rowHeights: Record<string, number>;
  frozenRows: number;
  frozenColumns: number;
  merges: string[];
  validations: Array<{
    address: string;
    rule: Excel.DataValidationRule;
    prompt?: Excel.DataValidationPrompt;
    errorAlert?: Excel.DataValidationErrorAlert;
  }>;
  charts: Array<{
    name: string;
    type: string;
    source: string;
    seriesBy: string;
    title?: string;
    legend?: boolean;
    categories?: string;
    position?: string;
  }>;
  customProperties: Record<string, string>;
  /** The autofilter's range ("A5:X33"), null when the sheet has none. */
  autoFilter: string | null;
  pageLayout: {
    orientation: string;
    paperSize: string;
    zoom: Excel.PageLayoutZoomOptions;
    printTitleRows: string | null;
    printTitleColumns: string | null;
    centerFooter: string | null;
    /** In points. */
    margins: PageMarginsState;
  };
}

export function snapshotSheet(host: MemoryExcel, name: string): SheetSnapshot {
  const st = host.state;
  const sheet = sheetOf(host, name);
  const used = st.usedRect(sheet, false);
  const extentRect: Rect | undefined = used && {
    row: 0,
    column: 0,
    rowCount: used.row + used.rowCount,
    columnCount: used.column + used.columnCount,
  };
  const grid = <T>(read: (r: number, c: number) => T): T[][] => (extentRect ? st.grid(sheet, extentRect, read) : []);
  // Each formula calculated once for both its value and its text.
  const calculated = grid((r, c) => st.valueAt(sheet, r, c));
  const valueAt = (r: number, c: number) => calculated[r - (extentRect?.row ?? 0)][c - (extentRect?.column ?? 0)];
  const perCell = <T>(read: (r: number, c: number) => T | undefined): Record<string, T> => {
    const out: Record<string, T> = {};
    const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [r, c] of keys) {
      const v = read(r, c);
      if (v !== undefined) out[cellAddress(r, c)] = v;
    }
    return out;
  };
  const notesOf = (list: Array<{ sheetId: string; row: number; column: number; content: string }>) =>
    Object.fromEntries(
      list
        .filter((n) => n.sheetId === sheet.id)
        .sort((a, b) => a.row - b.row || a.column - b.column)
        .map((n) => [cellAddress(n.row, n.column), n.content]),
    );
  return {
    name: sheet.name,
    position: st.sheets.indexOf(sheet),
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    extent: extentRect ? qualifiedAddress(sheet.name, extentRect).split("!")[1] : "",
    values: grid((r, c) => toPlain(valueAt(r, c))),
    formulas: extentRect ? st.formulas(sheet, extentRect) : [],
    text: grid((r, c) => {
      const cell = st.getCell(sheet, r, c);
      return !cell || (cell.formula === undefined && cell.value === "") ? "" : displayText(valueAt(r, c), st.numberFormatAt(sheet, r, c));
    }),
    numberFormats: grid((r, c) => st.numberFormatAt(sheet, r, c)),
    fills: grid((r, c) => st.style(sheet, r, c, "fill") ?? null),
    borders: perCell((r, c) => {
      const b = st.style(sheet, r, c, "borders");
      return b && Object.keys(b).length > 0 ? { ...b } : undefined;
    }),
    fonts: perCell((r, c) => {
      const f = st.style(sheet, r, c, "font");
      return f && Object.keys(f).length > 0 ? { ...f } : undefined;
    }),
    alignment: perCell((r, c) => {
      const horizontal = st.style(sheet, r, c, "horizontalAlignment");
      const vertical = st.style(sheet, r, c, "verticalAlignment");
      const wrapText = st.style(sheet, r, c, "wrapText");
      if (horizontal === undefined && vertical === undefined && wrapText === undefined) return undefined;
      return JSON.parse(JSON.stringify({ horizontal, vertical, wrapText })) as {
        horizontal?: string;
        vertical?: string;
        wrapText?: boolean;
      };
    }),
    hyperlinks: perCell((r, c) => {
      const h = st.getCell(sheet, r, c)?.hyperlink;
      return h ? { ...h } : undefined;
    }),
    notes: notesOf(st.notes),
    comments: notesOf(st.comments),
    columnWidths: Object.fromEntries([...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w])),
    rowHeights: Object.fromEntries([...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    merges: sheet.merges.map((m) => qualifiedAddress(sheet.name, m).split("!")[1]),
    validations: sheet.validations.map((v) =>
      JSON.parse(
        JSON.stringify({
          address: qualifiedAddress(sheet.name, v.rect).split("!")[1],
          rule: v.rule,
          prompt: v.prompt,
          errorAlert: v.errorAlert,
        }),
      ),
    ),
    charts: sheet.charts.map((c) =>
      JSON.parse(
        JSON.stringify({
          name: c.name,
          type: c.type,
          source: st.addressOf(c.source),
          seriesBy: c.seriesBy,
          title: c.title,
          legend: c.legendVisible,
          categories: c.series[0]?.xAxisValues && st.addressOf(c.series[0].xAxisValues),
          position: c.position,
        }),
      ),
    ),
    customProperties: Object.fromEntries(sheet.customProperties),
    autoFilter: sheet.autoFilter ? rectAddress(sheet.autoFilter) : null,
    pageLayout: {
      orientation: sheet.pageLayout.orientation,
      paperSize: sheet.pageLayout.paperSize,
      zoom: { ...sheet.pageLayout.zoom },
      printTitleRows: sheet.pageLayout.printTitleRows ? rectAddress(sheet.pageLayout.printTitleRows) : null,
      printTitleColumns: sheet.pageLayout.printTitleColumns ? rectAddress(sheet.pageLayout.printTitleColumns) : null,
      centerFooter: sheet.pageLayout.centerFooter ?? null,
      margins: { ...sheet.pageLayout.margins },
    },
  };
}

/** Snapshots of every sheet, in order: compare before/after to prove nothing else changed. */
export function snapshotWorkbook(host: MemoryExcel): SheetSnapshot[] {
  return host.state.sheets.map((s) => snapshotSheet(host, s.name));
}

/** The values of a sheet from A1 to its last used cell. */
export function sheetValues(host: MemoryExcel, name: string): CellValue[][] {
  return snapshotSheet(host, name).values;
}

/** One cell, everything about it. */
export function inspectCell(host: MemoryExcel, sheetName: string, address: string) {
  const st = host.state;
  const sheet = sheetOf(host, sheetName);
  const { row, column } = parseAddress(address) as Rect;
  const cell = st.getCell(sheet, row, column);
  const value = st.valueAt(sheet, row, column);
  const at = (x: { sheetId: string; row: number; column: number }) => x.sheetId === sheet.id && x.row === row && x.column === column;
  return {
    value: toPlain(value),
    formula: cell?.formula,
    numberFormat: st.numberFormatAt(sheet, row, column),
    text: cell ? displayText(value, st.numberFormatAt(sheet, row, column)) : "",
    fill: st.style(sheet, row, column, "fill"),
    font: st.style(sheet, row, column, "font"),
    hyperlink: cell?.hyperlink,
    note: st.notes.find(at)?.content,
    comment: st.comments.find(at)?.content,
  };
}
