// The pane's Office controller on the in-memory Excel host, and what the Office adapter tests read
// back: the demo year's workbook, the engine's ranking of the same data, the result table, the registry.

import ExcelJS from "exceljs";
import { EventLevel, EventScope, EventType, RESULT_LABELS } from "../../src/engine/catalogue";
import { CellValue } from "../../src/engine/cells";
import { evaluate } from "../../src/engine/evaluate";
import { ScoringEvent } from "../../src/engine/events";
import { monthKey, parsePeriod } from "../../src/engine/period";
import { RawRecord } from "../../src/engine/records";
import { DEFAULT_UNITS, Unit } from "../../src/engine/units";
import { REGISTRY_SHEET } from "../../src/workbook/sheet-spec";
import { DEMO_EVENTS, DEMO_YEAR, demoValues } from "../../src/workbook/demo-data";
import { describeUnitSheet } from "../../src/workbook/template";
import { writeSheet } from "../../src/adapters/xlsx/writer";
import { PaneController } from "../../src/taskpane/controller";
import { createOfficeController } from "../../src/taskpane/host/office-controller";
import { FIVE_MB, MemoryExcel, installGlobals, listSheets, setCells, sheetValues, snapshotSheet, snapshotWorkbook } from "./memory-excel";
import { syntheticUnits, yearWorkbook } from "./synthetic-workbooks";

export const OCTOBER = parsePeriod("2026-10")!;
export const RESULT = "2026年10月 考评结果";
const filled = (unit: Unit, month: string) => (month <= `${DEMO_YEAR}-10` ? demoValues(unit, month) : undefined);

let uninstall: (() => void) | undefined;

/** Removes the Office globals the last paneOn installed; call it after each test. */
export function uninstallPane(): void {
  uninstall?.();
  uninstall = undefined;
}

/** The real controller on the host, with Office's globals installed (Excel.* enums, isSetSupported). */
export function paneOn(host: MemoryExcel, requirementSets?: Record<string, string>): PaneController {
  uninstall?.();
  const globals = installGlobals(host, requirementSets ? { requirementSets } : {});
  uninstall = globals.uninstall;
  return createOfficeController({
    run: (batch) => host.run(batch),
    isSetSupported: (name, version) => globals.Office.context.requirements.isSetSupported(name, version),
    now: () => new Date(2026, 10, 3, 9, 30),
  });
}

export const USER_SHEET: Record<string, CellValue[][]> = {
  我的笔记: [["自己的表", "=1+2", 3.14159], ["2026-10", "=SUM(C1,1)", "周口市"], [], ["", "", "", "右下角"]],
};

/** The 28 units with the demo year and October's events, plus a sheet of the user's own. */
export function demoWorkbook(units: readonly Unit[] = DEFAULT_UNITS): MemoryExcel {
  const host = yearWorkbook({ units, events: DEMO_EVENTS, userSheets: USER_SHEET });
  const notes = host.state.findSheet("我的笔记")!;
  host.state.setStyle(notes, { row: 0, column: 0, rowCount: 1, columnCount: 2 }, "fill", "#FFFF00");
  host.state.addComment(notes, 0, 0, "别动这张表");
  return host;
}

const TYPES: Record<string, EventType> = { 荣誉奖励: "honour", 批评曝光: "criticism", 弄虚作假: "falsification" };
const LEVELS: Record<string, EventLevel> = { 国家级: "national", 省级: "provincial", 市级: "city" };
const SCOPES: Record<string, EventScope> = { 月度: "monthly", 年度: "annual" };

/** The engine on the same data, straight from the generators: rank (or its label), unit, total. */
export function engineRanking(units: readonly Unit[], events: readonly (readonly CellValue[])[]): (string | number)[][] {
  const records: RawRecord[] = [];
  for (const unit of units)
    for (let m = 1; m <= 12; m++) {
      const values = filled(unit, monthKey(DEMO_YEAR, m));
      if (values) records.push({ unitCode: unit.code, month: monthKey(DEMO_YEAR, m), values });
    }
  const scoring: ScoringEvent[] = events.map(([date, unit, type, level, scope]) => ({
    date: String(date),
    unitCode: units.find((u) => u.name === unit)!.code,
    type: TYPES[String(type)],
    level: level === null ? undefined : LEVELS[String(level)],
    scope: SCOPES[String(scope)],
  }));
  const evaluation = evaluate({ period: OCTOBER, units, records, events: scoring });
  // A 不合格 row's 总分 reads 不合格 on the sheet (never a total beside the ranked units').
  return evaluation.rows.map((r) => [
    r.rank ?? RESULT_LABELS[r.result],
    r.unit.name,
    r.result === "disqualified" ? RESULT_LABELS.disqualified : (r.total ?? ""),
  ]);
}

/** The result sheet's table read back: 名次, 单位, 总分 of every row under the header. */
export function sheetRanking(host: MemoryExcel, name = RESULT): (string | number)[][] {
  const values = sheetValues(host, name);
  const header = values.findIndex((row) => row[0] === "名次" && row[1] === "单位");
  const total = values[header].indexOf("总分");
  const rows: (string | number)[][] = [];
  for (const row of values.slice(header + 1)) {
    if (row[1] === "" || row[1] === undefined) break;
    rows.push([row[0] as string | number, row[1] as string, row[total] as string | number]);
  }
  return rows;
}

export function registry(host: MemoryExcel): { visibility: string; rows: CellValue[][] } {
  const snap = snapshotSheet(host, REGISTRY_SHEET);
  return { visibility: snap.visibility, rows: snap.values.slice(1) };
}

/** A workbook generated once, with a value changed since: the next generation renames, replaces and appends. */
export async function regenerating(): Promise<{ host: MemoryExcel; pane: PaneController }> {
  const host = demoWorkbook();
  const pane = paneOn(host);
  // Published: a later change makes a new version (an unpublished result is replaced in place).
  await pane.generate(OCTOBER, "2026-11-02");
  setCells(host, "郑州市", "D13", [[20000]]);
  await pane.generate(OCTOBER);
  setCells(host, "开封市", "D13", [[15000]]);
  host.resetStats();
  return { host, pane };
}

/** Everything a user could notice of the workbook: every sheet, their list, calculation mode and selection. */
export function workbookNow(host: MemoryExcel) {
  return {
    sheets: snapshotWorkbook(host),
    list: listSheets(host),
    calculation: host.state.calculationMode,
    selection: host.state.selection,
  };
}

/**
 * A generation for `n` units (the 28 with October's events, else synthetic ones without): the
 * engine's ranking written, every request accepted and under 5 MB. Returns the host to look at (its round trips).
 */
export async function generatesTheEnginesRanking(n: number, layout: "unitSheets" | "summary"): Promise<MemoryExcel> {
  const units = syntheticUnits(n);
  const events = n === 28 ? DEMO_EVENTS : [];
  const host = yearWorkbook({ units, events, layout });
  const pane = paneOn(host);
  host.resetStats();
  const outcome = await pane.generate(OCTOBER, "2026-11-05");
  expect(outcome.resultSheet).toBe(RESULT);
  expect(sheetRanking(host)).toEqual(engineRanking(units, events));
  expect(host.requests.every((r) => r.ok)).toBe(true);
  expect(host.largestRequestBytes).toBeLessThan(FIVE_MB);
  return host;
}

/** A centre's returned workbook: its unit sheet with October filled. */
export async function returnedFile(name: string, unit: Unit, october: Record<string, CellValue>): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  writeSheet(
    workbook,
    describeUnitSheet(unit, DEMO_YEAR, (_, month) => (month === "2026-10" ? october : undefined)),
  );
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } as unknown as File;
}
