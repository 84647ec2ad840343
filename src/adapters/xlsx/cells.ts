// ExcelJS cells as the engine's cell values; shared by the Node adapter and the pane's file import,
// so it imports nothing from Node.

import type ExcelJS from "exceljs";
import { CellGrid, CellValue } from "../../engine";
import { SheetCells } from "../../workbook";

/**
 * What Excel shows in a cell formatted as a date whose number is past any date (1e21): ExcelJS turns
 * such a cell into an invalid Date and the number is lost, so the engine gets what the user sees,
 * and its message names that cell ("“########”不是数字", "日期“########”无法识别").
 */
export const OUT_OF_RANGE_DATE = "########";

function dateValue(date: Date): CellValue {
  return Number.isNaN(date.getTime()) ? OUT_OF_RANGE_DATE : date;
}

/** An ExcelJS cell value as the engine's CellValue: formulas by their cached result, rich text as text. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateValue(value);
  if (typeof value === "object") {
    if ("error" in value) return { error: String((value as ExcelJS.CellErrorValue).error) };
    if ("richText" in value) return (value as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (result instanceof Date) return dateValue(result);
      if (typeof result === "object" && "error" in result) return { error: String(result.error) };
      return result as CellValue;
    }
    if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  }
  return String(value);
}

/** One sheet as a grid of cell values, trimmed to the last row and column that hold a value. */
export function sheetGrid(sheet: ExcelJS.Worksheet): CellGrid {
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = toCellValue(cell.value);
      if (v !== null && v !== "") values[col - 1] = v;
    });
    if (values.length) rows[rowNumber - 1] = Array.from(values, (v) => v ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

export function workbookSheets(workbook: ExcelJS.Workbook): SheetCells[] {
  return workbook.worksheets.map((ws) => ({ name: ws.name, cells: sheetGrid(ws) }));
}
