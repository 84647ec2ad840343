// Every problem has a place (spec §9: an issue carries a sheet and a cell; the pane selects it on click).
// The engine knows units and months, not sheets: here, after reading, a problem without a place gets
// the one the workbook gives it. A 缺报 unit-month points at the row of its indicator sheet where the
// month is (or belongs), else at the unit's row of 考评单位; a period outside the workbook's year at
// 考评单位!A1 or the indicator sheet whose months decide the year; a problem about a whole sheet at its A1.

import { CellRef, MonthKey, Problem, parseCellAddress } from "../engine";
import { SHEETS } from "./layout";
import { IndicatorSheet, WorkbookInput } from "./read";

const MONTH_KEY = /^\d{4}-\d{2}$/;

/** A month key of `month`'s year before it. */
function sameYearBefore(value: unknown, month: MonthKey): boolean {
  return typeof value === "string" && MONTH_KEY.test(value) && value.slice(0, 4) === month.slice(0, 4) && value < month;
}

export class ProblemPlaces {
  constructor(
    private readonly input: WorkbookInput,
    /** The workbook's sheets, in tab order. */
    private readonly sheetNames: readonly string[],
  ) {}

  /** `p` with a sheet and a cell where the workbook has one for it. */
  place(p: Problem): Problem {
    if (p.at?.cell) return p;
    if (p.at && this.sheetNames.includes(p.at.sheet)) return { ...p, at: { sheet: p.at.sheet, cell: "A1" } };
    if (p.at) return p;
    const at = this.find(p);
    return at ? { ...p, at } : p;
  }

  private find(p: Problem): CellRef | undefined {
    if (p.code === "period.otherYear") return this.yearSheet();
    const month = p.month && MONTH_KEY.test(p.month) ? p.month : undefined;
    // 缺报 of every unit at once: the first unit's place says where the data goes.
    const unitCode = p.unitCode ?? (p.code === "record.missing" ? this.input.units[0]?.code : undefined);
    if (!unitCode) return undefined;
    return (month && this.monthRow(unitCode, month)) || this.input.unitRows?.get(unitCode) || this.unitSheet(unitCode) || this.yearSheet();
  }

  /** The row of the unit's month: the row that has it, else the row below the last earlier month of the unit's sheet. */
  private monthRow(unitCode: string, month: MonthKey): CellRef | undefined {
    const rows = this.input.records.filter((r) => r.unitCode === unitCode && r.cells?.month);
    const exact = rows.find((r) => r.month === month);
    if (exact) return exact.cells!.month;
    const sheet = this.sheetOf(unitCode);
    if (!sheet) return undefined;
    const earlier = rows
      // Months of the same year only: a row of another year (2025-10 typed for 2026-10) is not where the month belongs.
      .filter((r) => r.cells!.month!.sheet === sheet.name && sameYearBefore(r.month, month))
      .map((r) => parseCellAddress(r.cells!.month!.cell)?.row ?? 0);
    const row = earlier.length ? Math.max(...earlier) + 1 : (sheet.headerRow ?? 0) + 1;
    return { sheet: sheet.name, cell: `${sheet.monthColumn ?? "A"}${row}` };
  }

  /** The unit's own sheet, else a summary sheet holding its rows. */
  private sheetOf(unitCode: string): IndicatorSheet | undefined {
    const sheets = this.input.indicatorSheets;
    return sheets.find((s) => s.layout === "unit" && s.unit === unitCode) ?? sheets.find((s) => s.units.includes(unitCode));
  }

  private unitSheet(unitCode: string): CellRef | undefined {
    const sheet = this.sheetOf(unitCode);
    return sheet ? { sheet: sheet.name, cell: "A1" } : undefined;
  }

  /** Where the workbook's year is decided: 考评单位!A1, else its first indicator sheet, else its first sheet. */
  private yearSheet(): CellRef | undefined {
    const sheet = this.sheetNames.includes(SHEETS.units) ? SHEETS.units : (this.input.indicatorSheets[0]?.name ?? this.sheetNames[0]);
    return sheet ? { sheet, cell: "A1" } : undefined;
  }
}
