// The Office.js adapter's read side: what this Excel supports and the workbook's cells as sheets of values.
// The pane's start needs only this; the write side (excel-workbook.ts, applyWorkbookChange) is loaded when
// the user acts. excel-workbook.ts re-exports this module, so it remains the adapter's one entry point.

import { CellGrid, CellValue } from "../../engine";
import { HostCapabilities, HostSnapshot, SheetEntry, Visibility, isLeftover } from "../../workbook";

/**
 * What this Excel supports beyond the add-in's minimum (ExcelApi 1.7), detected at run time by
 * requirement set; the host port's capabilities (what the workbook layer asks for) follow from it.
 */
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

/** What the workbook layer may ask of this Excel (see HostCapabilities). */
export function capabilities(features: HostFeatures): HostCapabilities {
  return {
    validation: features.validation,
    pageSetUp: features.pageLayout,
    autoFilter: features.autoFilter,
    notes: features.notes || features.comments,
    charts: features.charts,
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

/** Office's visibility as the host port's. */
export const VISIBILITY: Record<string, Visibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** Every sheet's name and visibility, from loaded worksheets. */
export function sheetEntries(items: readonly Excel.Worksheet[]): SheetEntry[] {
  return items.map((ws) => ({ name: ws.name, visibility: VISIBILITY[String(ws.visibility)] ?? "visible" }));
}

export interface WorkbookSnapshot extends HostSnapshot {
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
 * Reads every sheet's used range in two round trips whatever the number of sheets: names, visibility and
 * the calculation mode, then all values at once. Only where the values would pass Office's 5 MB
 * response cap (thousands of sheets) is the second trip split, halving the sheets until each part fits.
 */
export async function readWorkbookCells(context: Excel.RequestContext, features: HostFeatures): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const app = context.workbook.application;
  if (features.validation) app.load("calculationMode");
  await context.sync();
  let syncs = 1;
  const items = worksheets.items;
  const entries = sheetEntries(items);
  const wanted = items.filter((_, i) => !isLeftover(entries[i]));
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
    names: entries.map((s) => s.name),
    entries,
    active: active.name,
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
