// Benchmark of the Office.js adapter on the in-memory Excel host (src/testing/memory-excel): one
// generation of the October ranking for 28 and 2,800 units, each with its own indicator sheet.
// Reported: round trips (context.sync calls that sent something), the largest request against Excel
// on the web's 5 MB cap, all bytes sent, the largest response, and the wall-clock time.
// Target: the same number of round trips (at most 4) for both sizes, every request under 5 MB.

import { CellValue } from "../src/core/cells";
import { parsePeriod } from "../src/core/period";
import { Unit } from "../src/core/units";
import { SheetSpec } from "../src/core/workbook/sheet-spec";
import { FIELDS } from "../src/core/catalogue";
import { monthKey } from "../src/core/period";
import { SHEETS } from "../src/core/workbook/catalogue-sheets";
import { describeEventsSheet, describeHolidaysSheet, describeRulesSheet, describeTemplate, describeUnitsSheet } from "../src/core/workbook/template";
import { DEMO_EVENTS, DEMO_YEAR, demoValues } from "../src/sample/demo-data";
import { DEFAULT_UNITS } from "../src/core/units";
import { createOfficeController } from "../src/taskpane/host/office-controller";
import { FIVE_MB, MemoryExcel, installGlobals } from "../src/testing/memory-excel";

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
  const formats = spec.rows.map((row) => Array.from({ length: width }, (_, c) => row[c]?.numberFormat ?? (typeof row[c]?.value === "string" ? "@" : null)));
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
      rows.push([{ value: unit.name, numberFormat: "@" }, ...FIELDS.map((f) => (f.id === "month" ? { value: month, numberFormat: "@" } : { value: (v[f.id] as number | undefined) ?? null }))]);
    }
  }
  return { name: SHEETS.summary, role: "summaryInput", rows };
}

/**
 * A year's workbook as the centres return it: the template of describeTemplate (评分规则, 考评单位,
 * 考评事件, 节假日调整, one indicator sheet per unit) filled with the demo year up to October.
 */
export function yearWorkbook(options: YearWorkbookOptions): MemoryExcel {
  const host = new MemoryExcel();
  for (const [name, rows] of Object.entries(options.userSheets ?? {})) {
    const sheet = host.state.addSheet(name);
    rows.forEach((row, r) => row.length && host.state.writeValues(sheet, { row: r, column: 0, rowCount: 1, columnCount: row.length }, [row], "fixture"));
  }
  const values = options.values ?? ((unit: Unit, month: string) => (month <= `${DEMO_YEAR}-10` ? demoValues(unit, month) : undefined));
  const specs =
    options.layout === "summary"
      ? [describeRulesSheet(), describeUnitsSheet(options.units), describeEventsSheet(options.events ?? []), describeHolidaysSheet(), describeSummarySheet(options.units, values)]
      : describeTemplate({ year: DEMO_YEAR, units: options.units, values, events: options.events ?? [] });
  for (const spec of specs) seedSheet(host, spec);
  return host;
}

export interface GenerationFigures {
  readonly units: number;
  readonly layout: "unitSheets" | "summary";
  readonly syncs: number;
  readonly largestRequestBytes: number;
  readonly totalRequestBytes: number;
  readonly largestResponseBytes: number;
  /** Requests the host refused (a response over the cap, which the adapter then splits). */
  readonly refused: number;
  readonly ms: number;
}

/** One generation of October on a fresh workbook of `n` units, measured. */
export async function measureGeneration(n: number, layout: "unitSheets" | "summary" = "unitSheets"): Promise<GenerationFigures> {
  const host = yearWorkbook({ units: syntheticUnits(n), events: n === DEFAULT_UNITS.length ? DEMO_EVENTS : [], layout });
  const globals = installGlobals(host);
  try {
    const controller = createOfficeController({ run: (batch) => host.run(batch), isSetSupported: (set, v) => globals.Office.context.requirements.isSetSupported(set, v), now: () => new Date(2026, 10, 3, 9, 30) });
    host.resetStats();
    const start = performance.now();
    await controller.generate(parsePeriod("2026-10")!, "2026-11-05");
    const ms = performance.now() - start;
    return {
      units: n,
      layout,
      syncs: host.syncCount,
      largestRequestBytes: host.largestRequestBytes,
      totalRequestBytes: host.requests.reduce((s, r) => s + r.bytes, 0),
      largestResponseBytes: host.requests.reduce((m, r) => (r.ok ? Math.max(m, r.responseBytes) : m), 0),
      refused: host.requests.filter((r) => !r.ok).length,
      ms,
    };
  } finally {
    globals.uninstall();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchOffice(): Promise<void> {
  console.log("\noffice — one generation (October 2026) through the Office.js adapter on the in-memory Excel host");
  console.log(`  Excel on the web caps a request and a response at ${kb(FIVE_MB)}; target: the same round trips for every size, at most 4`);
  const rows: GenerationFigures[] = [];
  for (const [n, layout] of [[28, "unitSheets"], [2800, "unitSheets"], [28, "summary"], [2800, "summary"]] as const) rows.push(await measureGeneration(n, layout));
  console.log("  units  layout                  round trips  largest request  total sent  largest response     time");
  for (const r of rows) {
    const layout = r.layout === "summary" ? "指标汇总 (one sheet)" : "one sheet per unit";
    console.log(`  ${String(r.units).padStart(5)}  ${layout.padEnd(22)}  ${String(r.syncs).padStart(11)}  ${kb(r.largestRequestBytes).padStart(15)}  ${kb(r.totalRequestBytes).padStart(10)}  ${kb(r.largestResponseBytes).padStart(16)}  ${r.ms.toFixed(0).padStart(5)} ms`);
  }
  for (const layout of ["unitSheets", "summary"] as const) {
    const of = rows.filter((r) => r.layout === layout);
    const constant = of.every((r) => r.syncs === of[0].syncs);
    console.log(`  ${layout === "summary" ? "指标汇总" : "per-unit sheets"}: round trips ${constant ? "constant" : "not constant"} (${of.map((r) => `${r.units}: ${r.syncs}`).join(", ")})`);
  }
  const under = rows.every((r) => r.largestRequestBytes <= FIVE_MB && r.largestResponseBytes <= FIVE_MB);
  console.log(`  every request and every answered response ${under ? "under" : "OVER"} 5 MB`);
  for (const r of rows.filter((x) => x.refused)) {
    console.log(`  ${r.units} ${r.layout === "summary" ? "units in 指标汇总" : "per-unit sheets"}: ${r.refused} read refused for passing the 5 MB response cap, then read in parts`);
  }
}

