// Writing a WorkbookChange into an ExcelJS workbook in memory. No Node import (ExcelJS is only a
// type here), so the task pane can use it in the browser as the command-line tool does in Node. What
// to write is decided in src/workbook; this file only moves it into ExcelJS's model.

import type ExcelJS from "exceljs";
import {
  CellSpec,
  FontSpec,
  PrintSpec,
  REGISTRY_SHEET,
  SheetSpec,
  WorkbookChange,
  WorkbookState,
  cellNumberFormat,
  checkChange,
  filterRange,
  firstFreeRow,
  listSource,
  quotedSheetName,
  describeRegistrySheet,
  tableRange,
  workbookState,
} from "../../workbook";
import { columnLetters } from "../../engine";
import { workbookSheets } from "./cells";

function argb(color: string): string {
  return `FF${color.replace("#", "").toUpperCase()}`;
}

/**
 * ExcelJS leaves a column of width 9 out of the file, taking 9 for the default; Excel's default is
 * 8.43, so the column would come out narrower than the spec says. A width a hair over 9 is kept.
 */
const EXCELJS_DEFAULT_WIDTH = 9;
const WIDTH_NUDGE = 1e-6;

/** The paper size A4 in the OOXML page set-up. */
const PAPER_A4 = 9;

/** A thin line on every side of a cell. */
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/**
 * A cell's font: the sheet's name and size, the cell's own size, weight, colour, underline, over what the
 * cell has (a mark written into an existing cell keeps the sheet's font).
 */
function cellFont(cell: ExcelJS.Cell, spec: CellSpec, sheetFont: FontSpec | undefined): Partial<ExcelJS.Font> | undefined {
  if (!sheetFont && !(spec.bold || spec.fontColor || spec.fontSize || spec.link)) return undefined;
  const old = (cell.font ?? {}) as Partial<ExcelJS.Font>;
  return {
    ...old,
    name: sheetFont?.name ?? old.name,
    size: spec.fontSize ?? sheetFont?.size ?? old.size,
    bold: spec.bold || old.bold,
    color: spec.fontColor ? { argb: argb(spec.fontColor) } : old.color,
    underline: spec.link ? true : old.underline,
  };
}

function writeCell(cell: ExcelJS.Cell, spec: CellSpec, sheetFont?: FontSpec): void {
  if (spec.formula)
    cell.value = {
      formula: spec.formula.replace(/^=/, ""),
      result: (spec.value ?? undefined) as ExcelJS.CellFormulaValue["result"],
    } as ExcelJS.CellFormulaValue;
  else if (spec.link && typeof spec.value === "string")
    cell.value = { text: spec.value, hyperlink: `#${quotedSheetName(spec.link.sheet)}!${spec.link.cell || "A1"}` };
  // A string is stored as a string: "=1+1" from a unit name stays text, never a formula.
  else cell.value = spec.value;
  const format = cellNumberFormat(spec);
  if (format !== "General") cell.numFmt = format;
  if (spec.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(spec.fill) } };
  const font = cellFont(cell, spec, sheetFont);
  if (font) cell.font = font;
  if (spec.align || spec.wrap) cell.alignment = { horizontal: spec.align, wrapText: spec.wrap, vertical: "top" };
  if (spec.note) cell.note = spec.note;
}

/** ExcelJS's data validations of a sheet by range (exceljs's typings leave the member out). */
type DataValidations = { add(range: string, validation: ExcelJS.DataValidation): void };

/** Each validation over its range, without creating the range's cells (rows typed later still start under the header). */
function writeValidations(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const validations = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  for (const v of spec.validations ?? []) {
    validations.add(v.range, {
      ...(v.kind === "list"
        ? { type: "list" as const, formulae: [listSource(v)] }
        : {
            type: v.kind === "wholeNumber" ? ("whole" as const) : ("decimal" as const),
            operator: v.max === undefined ? ("greaterThanOrEqual" as const) : ("between" as const),
            formulae: v.max === undefined ? [v.min] : [v.min, v.max],
          }),
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.title,
      error: v.message,
      showInputMessage: true,
      promptTitle: v.title,
      prompt: v.message,
    });
  }
}

/** SheetSpec.print: A4, orientation, pages to fit (0 = as many as it takes), print titles, the centre footer. */
function writePrint(ws: ExcelJS.Worksheet, print: PrintSpec): void {
  ws.pageSetup = {
    orientation: print.orientation,
    paperSize: PAPER_A4,
    fitToPage: print.fitToWidth !== undefined,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToWidth !== undefined ? (print.fitToHeight ?? 0) : undefined,
    printTitlesRow: print.printTitleRows,
    printTitlesColumn: print.printTitleColumns,
    ...(print.margins ? { margins: { ...print.margins } } : {}),
  };
  // Excel's header/footer codes: &C starts the centre section.
  if (print.footer) ws.headerFooter = { oddFooter: `&C${print.footer}` };
}

/** Rows from row `rowOffset + 1`; with a sheet font, every cell of the rows' rectangle (empty ones too) takes it. */
function writeRows(ws: ExcelJS.Worksheet, rows: readonly (readonly (CellSpec | null)[])[], rowOffset: number, font?: FontSpec): void {
  const width = Math.max(1, ...rows.map((r) => r.length));
  rows.forEach((row, r) => {
    for (let c = 0; c < (font ? width : row.length); c++) {
      const cell = row[c];
      if (cell) writeCell(ws.getCell(rowOffset + r + 1, c + 1), cell, font);
      else if (font) ws.getCell(rowOffset + r + 1, c + 1).font = { name: font.name, size: font.size };
    }
  });
}

/** Thin borders around every cell of a range ("A5:AD33"). */
function writeBorders(ws: ExcelJS.Worksheet, range: string): void {
  const [from, to] = range.split(":");
  const start = ws.getCell(from);
  const end = ws.getCell(to ?? from);
  for (let r = Number(start.row); r <= Number(end.row); r++) {
    for (let c = Number(start.col); c <= Number(end.col); c++) ws.getCell(r, c).border = THIN;
  }
}

/** Adds the sheet at the end of the workbook. */
export function writeSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(spec.name, {
    properties: spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : undefined,
    views: spec.freeze ? [{ state: "frozen", xSplit: spec.freeze.columns ?? 0, ySplit: spec.freeze.rows }] : undefined,
  });
  spec.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w === EXCELJS_DEFAULT_WIDTH ? w + WIDTH_NUDGE : w));
  if (spec.print) writePrint(ws, spec.print);
  writeRows(ws, spec.rows, 0, spec.font);
  for (const range of spec.borders ?? []) writeBorders(ws, range);
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const range of spec.merges ?? []) ws.mergeCells(range);
  writeValidations(ws, spec);
  const filter = tableRange(spec);
  if (filter) ws.autoFilter = filter;
  return ws;
}

function writeRegistry(workbook: ExcelJS.Workbook, change: WorkbookChange): void {
  const old = sheetNamed(workbook, REGISTRY_SHEET);
  if (old) workbook.removeWorksheet(old.id);
  writeSheet(workbook, describeRegistrySheet(change.registry)).state = "veryHidden";
}

/** A sheet by name, without regard to case (as Excel names sheets). */
function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return workbook.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

function appendRows(workbook: ExcelJS.Workbook, change: WorkbookChange, state: WorkbookState): void {
  for (const append of change.appends) {
    if (!append.rows.length) continue;
    const ws = sheetNamed(workbook, append.sheet)!;
    const first = firstFreeRow(state, append.sheet);
    writeRows(ws, append.rows, first - 1, append.font);
    const width = Math.max(...append.rows.map((r) => r.length));
    if (append.bordered) writeBorders(ws, `A${first}:${columnLetters(width)}${first + append.rows.length - 1}`);
    for (const [row, height] of Object.entries(append.rowHeights ?? {})) ws.getRow(first + Number(row) - 1).height = height;
    if (append.headerRow) {
      ws.autoFilter = filterRange(append.headerRow, width, first + append.rows.length - 1);
    }
  }
}

/**
 * Applies a change to the workbook in memory, after checkChange accepted it against the workbook as
 * it is (else ChangeRefused, and nothing is touched). The caller saves to a new file, so a failure
 * never leaves half a file.
 */
export function applyChange(workbook: ExcelJS.Workbook, change: WorkbookChange): void {
  const state = workbookState(
    workbookSheets(workbook),
    workbook.worksheets.map((ws) => ws.name),
  );
  checkChange(change, state);
  for (const { from, to } of change.renames) sheetNamed(workbook, from)!.name = to;
  for (const spec of change.sheets) {
    const existing = sheetNamed(workbook, spec.name);
    if (existing) workbook.removeWorksheet(existing.id);
    const ws = writeSheet(workbook, spec);
    if (spec.hidden) ws.state = "veryHidden";
  }
  appendRows(workbook, change, state);
  for (const w of change.cellWrites) {
    const cell = sheetNamed(workbook, w.sheet)!.getCell(w.cell);
    // A loaded file's cells share one style object per look: this cell gets its own before it changes.
    cell.style = { ...cell.style };
    if (w.style) writeCell(cell, { value: w.value, ...w.style });
    else {
      if (typeof w.value === "string") cell.numFmt = "@";
      cell.value = w.value;
    }
  }
  writeRegistry(workbook, change);
  const active = change.activate ? workbook.worksheets.findIndex((w) => w.name === change.activate) : -1;
  if (active >= 0) {
    workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  }
}
