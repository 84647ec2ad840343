// Workbooks for tests and benchmarks at any scale: the 28 units plus synthetic ones, and a year's
// workbook on the in-memory Excel host as the centres return it (demo values up to October).

import { CellValue, DEFAULT_UNITS, FIELDS, Unit, monthKey } from "../../src/engine";
import {
  DEMO_YEAR,
  SHEETS,
  SheetSpec,
  demoValues,
  describeEventsSheet,
  describeHolidaysSheet,
  describeRulesSheet,
  describeTemplate,
  describeUnitSheet,
  describeUnitsSheet,
} from "../../src/workbook";
import { MemoryExcel } from "./memory-excel";

/** `n` units: the 28 of spec §2 first, then synthetic ones (codes 9xxxxx, alternating classes). */
export function syntheticUnits(n: number): Unit[] {
  const units: Unit[] = DEFAULT_UNITS.slice(0, Math.min(n, DEFAULT_UNITS.length)).map((u) => ({ ...u }));
  for (let i = units.length; i < n; i++) {
    units.push({ code: String(900000 + i), name: `测试${String(i).padStart(4, "0")}中心`, unitClass: i % 3 === 0 ? "省直管县" : "省辖市" });
  }
  return units;
}

/**
 * The cells of a SheetSpec as Excel holds them once written: text cells formatted "@" before their
 * values arrive. Formula cells (the unit sheets' KP.SCORE columns) get their cached value, which is
 * what Excel returns in `Range.values` after calculating them; the host does not evaluate them again.
 */
function seedSheet(host: MemoryExcel, spec: SheetSpec): void {
  const sheet = host.state.addSheet(spec.name);
  const width = Math.max(1, ...spec.rows.map((r) => r.length));
  if (!spec.rows.length) return;
  const rect = { row: 0, column: 0, rowCount: spec.rows.length, columnCount: width };
  const formats = spec.rows.map((row) =>
    Array.from({ length: width }, (_, c) => row[c]?.numberFormat ?? (typeof row[c]?.value === "string" ? "@" : null)),
  );
  const values = spec.rows.map((row) => Array.from({ length: width }, (_, c): CellValue | null => row[c]?.value ?? null));
  host.state.setNumberFormats(sheet, rect, formats, "fixture");
  host.state.writeValues(sheet, rect, values, "fixture");
}

export interface YearWorkbookOptions {
  readonly units: readonly Unit[];
  /** Values of a unit-month (default: the demo year's, for any unit). */
  readonly values?: (unit: Unit, month: string) => Partial<Record<string, CellValue>> | undefined;
  readonly events?: readonly (readonly CellValue[])[];
  /** Sheets of the user's own, written first (as if they were there before the add-in). */
  readonly userSheets?: Record<string, CellValue[][]>;
  /**
   * "unitSheets" (default): the template's one indicator sheet per unit. "summary": one 指标汇总 sheet
   * with a row per unit and month, as the provincial centre pastes from the 12328 system's export.
   */
  readonly layout?: "unitSheets" | "summary";
}

/** The 指标汇总 sheet: 单位 then the fields of spec §3, a row per unit and filled month. */
export function describeSummarySheet(units: readonly Unit[], values: NonNullable<YearWorkbookOptions["values"]>): SheetSpec {
  const header = [{ value: "单位", numberFormat: "@" }, ...FIELDS.map((f) => ({ value: f.label, numberFormat: "@" }))];
  const rows: SheetSpec["rows"][number][] = [header];
  for (let m = 1; m <= 12; m++) {
    const month = monthKey(DEMO_YEAR, m);
    for (const unit of units) {
      const v = values(unit, month);
      if (!v) continue;
      rows.push([
        { value: unit.name, numberFormat: "@" },
        ...FIELDS.map((f) => (f.id === "month" ? { value: month, numberFormat: "@" } : { value: (v[f.id] as number | undefined) ?? null })),
      ]);
    }
  }
  return { name: SHEETS.summary, role: "summaryInput", rows };
}

/**
 * A year's workbook as the centres return it: the template of describeTemplate (评分规则, 考评单位,
 * 考评事件, 节假日调整, one indicator sheet per unit) filled with the demo year up to October.
 */
/**
 * The province's A1 formula takes the median over every sheet of the unit's class: for thousands of
 * synthetic units that is quadratic text and work (2,800 units: minutes), while only values are seeded.
 * Past this many units, the A1 formulas and their cached medians look at the first units only.
 */
const MEDIAN_PEERS = 280;

function largeTemplate(
  units: readonly Unit[],
  values: NonNullable<YearWorkbookOptions["values"]>,
  events: readonly (readonly CellValue[])[],
) {
  const peers = units.slice(0, MEDIAN_PEERS);
  return [
    describeRulesSheet(),
    describeUnitsSheet(units),
    describeEventsSheet(events),
    describeHolidaysSheet(),
    ...units.map((u) => describeUnitSheet(u, DEMO_YEAR, values, undefined, { peers })),
  ];
}

export function yearWorkbook(options: YearWorkbookOptions): MemoryExcel {
  const host = new MemoryExcel();
  for (const [name, rows] of Object.entries(options.userSheets ?? {})) {
    const sheet = host.state.addSheet(name);
    rows.forEach(
      (row, r) =>
        row.length && host.state.writeValues(sheet, { row: r, column: 0, rowCount: 1, columnCount: row.length }, [row], "fixture"),
    );
  }
  const values = options.values ?? ((unit: Unit, month: string) => (month <= `${DEMO_YEAR}-10` ? demoValues(unit, month) : undefined));
  const specs =
    options.layout === "summary"
      ? [
          describeRulesSheet(),
          describeUnitsSheet(options.units),
          describeEventsSheet(options.events ?? []),
          describeHolidaysSheet(),
          describeSummarySheet(options.units, values),
        ]
      : options.units.length <= MEDIAN_PEERS
        ? describeTemplate({ year: DEMO_YEAR, units: options.units, values, events: options.events ?? [] })
        : largeTemplate(options.units, values, options.events ?? []);
  for (const spec of specs) seedSheet(host, spec);
  return host;
}
