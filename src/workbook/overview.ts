// What the pane shows of a workbook before any action: its indicator sheets, which set-up sheets it
// has, the months that hold data and the year they belong to.

import { MonthKey, isEmptyCell, readMonth } from "../engine";
import { SHEETS } from "./layout";
import { SheetCells, WorkbookInput, readWorkbook } from "./read";
import { ProductSheet } from "./sheet-spec";

/** The set-up sheets the pane offers to create (spec §8). */
export const SETUP_SHEETS = [SHEETS.rules, SHEETS.units, SHEETS.events, SHEETS.holidays] as const;
export type SetUpSheet = (typeof SETUP_SHEETS)[number];

/** A workbook as an adapter read it: the cells of its sheets, and every sheet name (hidden ones too). */
export interface WorkbookSheets {
  readonly sheets: readonly SheetCells[];
  readonly names: readonly string[];
}

/** What the workbook holds, read when the pane opens and after set-up or import. */
export interface WorkbookOverview {
  /** Indicator sheets found: one per unit, plus any 汇总 sheet. 0 → the pane shows the set-up prompt. */
  readonly indicatorSheets: number;
  /** Which set-up sheets exist. */
  readonly setUpSheets: Readonly<Record<SetUpSheet, boolean>>;
  /** Months that have at least one indicator row with a value, ascending ("2026-10"); picks the default period. */
  readonly months: readonly MonthKey[];
  /** The workbook's year when it can tell (from the data or the sheets it made); else undefined. */
  readonly year?: number;
}

export function workbookOverview(workbook: WorkbookSheets): WorkbookOverview {
  const input = readWorkbook(workbook.sheets);
  const names = new Set(workbook.names);
  const setUpSheets = Object.fromEntries(SETUP_SHEETS.map((s) => [s, names.has(s)])) as Record<SetUpSheet, boolean>;
  const months = monthsWithData(input);
  return { indicatorSheets: input.indicatorSheets.length, setUpSheets, months, year: workbookYear(months, input.registry) };
}

/** The months of indicator rows that hold at least one value. */
export function monthsWithData(input: WorkbookInput): MonthKey[] {
  const set = new Set<MonthKey>();
  for (const r of input.records) {
    const month = readMonth(r.month);
    const filled = Object.values(r.values).some((v) => !isEmptyCell(v));
    if (month && filled) set.add(month);
  }
  return [...set].sort();
}

/** The year of the latest month with data; else of a period the product generated; else undefined. */
export function workbookYear(months: readonly MonthKey[], registry: readonly ProductSheet[]): number | undefined {
  if (months.length) return Number(months[months.length - 1].slice(0, 4));
  const period = registry.find((s) => s.period)?.period;
  return period ? Number(period.slice(0, 4)) : undefined;
}
