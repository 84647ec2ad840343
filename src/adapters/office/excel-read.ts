// The Office.js adapter's read side: what this Excel supports and the workbook's cells as sheets of values.
// The pane's start needs only this; the write side (excel-workbook.ts, applyWorkbookChange) is loaded when
// the user acts. excel-workbook.ts re-exports this module, so it remains the adapter's one entry point.

import { CellGrid, CellValue } from "../../engine";
import { SheetCells } from "../../workbook";

/** What this Excel supports beyond the add-in's minimum (ExcelApi 1.7), detected at run time. */
export interface HostFeatures {
  /** ExcelApi 1.8: data validation and calculation mode. */
  readonly validation: boolean;
  /** ExcelApi 1.9: suspendScreenUpdatingUntilNextSync. */
  readonly screenUpdating: boolean;
  /** ExcelApi 1.9: page layout (paper, orientation, fit to page, print titles). */
  readonly pageLayout: boolean;
  /** ExcelApi 1.9: a sheet's autofilter. */
  readonly autoFilter: boolean;
  /** ExcelApi 1.10: comments, used for cell notes where notes are missing. */
  readonly comments: boolean;
  /** ExcelApi 1.18: notes, what a cell's note is in a file (ExcelJS writes the same). */
  readonly notes: boolean;
  /** Charts (ExcelApi 1.7 series API); false where the host cannot draw them. */
  readonly charts: boolean;
}

export function detectFeatures(isSetSupported: (name: string, version: string) => boolean): HostFeatures {
  return {
    validation: isSetSupported("ExcelApi", "1.8"),
    screenUpdating: isSetSupported("ExcelApi", "1.9"),
    pageLayout: isSetSupported("ExcelApi", "1.9"),
    autoFilter: isSetSupported("ExcelApi", "1.9"),
    comments: isSetSupported("ExcelApi", "1.10"),
    notes: isSetSupported("ExcelApi", "1.18"),
    charts: isSetSupported("ExcelApi", "1.7"),
  };
}

/** Office's limit for one request on the web is 5 MB; stay well under it. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** Excel's cell values as the engine's: errors come as "#DIV/0!" strings, which cells.ts recognises. */
function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Places a used range's values (which start at its top-left) into a grid that starts at A1. */
function placeGrid(values: unknown[][], rowIndex: number, columnIndex: number): CellGrid {
  const grid: CellValue[][] = Array.from({ length: rowIndex }, () => []);
  for (const row of values) {
    const out: CellValue[] = Array(columnIndex).fill(null);
    for (const v of row) out.push(toCellValue(v));
    grid.push(out);
  }
  return grid;
}

/** Sheets the adapter writes before swapping them in are named with this prefix, and hidden. */
export const TEMPORARY_PREFIX = "~kp12328 ";

export interface SheetInfo {
  readonly name: string;
  readonly id: string;
  readonly visibility: string;
}

export interface WorkbookSnapshot {
  /** The cells of every sheet but the adapter's own leftovers (hidden "~kp12328 …" sheets). */
  readonly sheets: SheetCells[];
  /** Every sheet name, hidden ones included. */
  readonly names: string[];
  /** Every sheet's id and visibility, to put the workbook back as it was after a failure. */
  readonly info?: readonly SheetInfo[];
  /** The id of the sheet that was active. */
  readonly active?: string;
  /** The calculation mode to restore after writing (ExcelApi 1.8), undefined where unsupported. */
  readonly calculation?: Excel.CalculationMode | "Automatic" | "AutomaticExceptTables" | "Manual";
  /** Round trips the read took (2 unless a response had to be split under Office's 5 MB cap). */
  readonly syncs?: number;
}

export function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | undefined)?.code;
}

const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/**
 * Reads every sheet's used range in two round trips whatever the number of sheets: names, ids and
 * the calculation mode, then all values at once. Only where the values would pass Office's 5 MB
 * response cap (thousands of sheets) is the second trip split, halving the sheets until each part fits.
 */
export async function readWorkbookCells(context: Excel.RequestContext, features: HostFeatures): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/visibility");
  const active = worksheets.getActiveWorksheet();
  active.load("id");
  const app = context.workbook.application;
  if (features.validation) app.load("calculationMode");
  await context.sync();
  let syncs = 1;
  const items = worksheets.items;
  const info = items.map((ws) => ({ name: ws.name, id: ws.id, visibility: String(ws.visibility) }));
  const leftover = (s: SheetInfo) => s.name.startsWith(TEMPORARY_PREFIX) && s.visibility !== "Visible";
  const wanted = items.filter((_, i) => !leftover(info[i]));
  const cells = new Map<Excel.Worksheet, CellGrid>();
  const groups: Excel.Worksheet[][] = wanted.length ? [wanted] : [];
  while (groups.length) {
    const group = groups.shift()!;
    const ranges = group.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("values,rowIndex,columnIndex");
      return range;
    });
    try {
      syncs++;
      await context.sync();
    } catch (error) {
      if (errorCode(error) !== RESPONSE_TOO_LARGE) throw error;
      if (group.length > 1) {
        const half = Math.ceil(group.length / 2);
        groups.unshift(group.slice(0, half), group.slice(half));
        continue;
      }
      const read = await readLargeSheet(context, group[0]);
      syncs += read.syncs;
      cells.set(group[0], read.cells);
      continue;
    }
    group.forEach((ws, i) => {
      const range = ranges[i];
      cells.set(ws, range.isNullObject ? [] : placeGrid(range.values, range.rowIndex, range.columnIndex));
    });
  }
  return {
    names: info.map((s) => s.name),
    info,
    active: active.id,
    sheets: wanted.map((ws) => ({ name: ws.name, cells: cells.get(ws) ?? [] })),
    calculation: features.validation ? app.calculationMode : undefined,
    syncs,
  };
}

/** One sheet whose values alone pass the response cap: its used range's size, then rows in parts that fit. */
async function readLargeSheet(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<{ cells: CellGrid; syncs: number }> {
  const used = ws.getUsedRange(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  let syncs = 1;
  const rows: unknown[][] = [];
  const parts: [number, number][] = [[0, used.rowCount]];
  while (parts.length) {
    const [from, count] = parts.shift()!;
    const range = ws.getRangeByIndexes(used.rowIndex + from, used.columnIndex, count, used.columnCount);
    range.load("values");
    try {
      syncs++;
      await context.sync();
    } catch (error) {
      if (errorCode(error) !== RESPONSE_TOO_LARGE || count < 2) throw error;
      const half = Math.ceil(count / 2);
      parts.unshift([from, half], [from + half, count - half]);
      continue;
    }
    rows.push(...range.values);
  }
  return { cells: placeGrid(rows, used.rowIndex, used.columnIndex), syncs };
}
