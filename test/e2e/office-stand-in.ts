/**
 * Browser stand-in for office.js in the end-to-end test (pane.e2e.heavy.test.ts): bundled by esbuild into
 * one classic script and served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js.
 * It runs before the add-in's deferred scripts and sets up what Excel would: the in-memory host
 * (src/testing/memory-excel) holding the demo workbook of `kp12328 demo` plus a sheet of the user's
 * own, the `Excel` / `Office` / `OfficeExtension` globals, and a `CustomFunctions` global that records
 * what functions.js associates. The test reads the host through `window.__kp`.
 */
import { CellValue } from "../../src/engine";
import { SheetSpec, describeTemplate, DEMO_EVENTS, DEMO_YEAR, demoValues } from "../../src/workbook";
import { MemoryExcel, SheetInfo, installGlobals, listSheets, snapshotSheet } from "../support/memory-excel";
import { USER_CELLS, USER_SHEET } from "./user-sheet";

/** What the test reads through `page.evaluate`. */
export interface StandIn {
  readonly host: MemoryExcel;
  /** Custom function ids functions.js passed to CustomFunctions.associate. */
  readonly associated: string[];
  sheets(): SheetInfo[];
  values(sheet: string): CellValue[][];
  formulas(sheet: string): CellValue[][];
  /** Fill colours, null where there is none. */
  fills(sheet: string): (string | null)[][];
}

/** A SheetSpec's cells as the add-in writes them: text cells formatted "@" before their values arrive. */
function seedSheet(host: MemoryExcel, spec: SheetSpec): void {
  const sheet = host.state.addSheet(spec.name);
  if (!spec.rows.length) return;
  const width = Math.max(1, ...spec.rows.map((r) => r.length));
  const rect = { row: 0, column: 0, rowCount: spec.rows.length, columnCount: width };
  const formats = spec.rows.map((row) =>
    Array.from({ length: width }, (_, c) => row[c]?.numberFormat ?? (typeof row[c]?.value === "string" ? "@" : null)),
  );
  // Formula cells carry the engine's value; the host is given that value (no KP.* evaluation here).
  const values = spec.rows.map((row) => Array.from({ length: width }, (_, c): CellValue => row[c]?.value ?? null));
  host.state.setNumberFormats(sheet, rect, formats, "fixture");
  host.state.writeValues(sheet, rect, values, "fixture");
}

function demoWorkbook(): MemoryExcel {
  const host = new MemoryExcel();
  for (const spec of describeTemplate({ year: DEMO_YEAR, values: demoValues, events: DEMO_EVENTS })) seedSheet(host, spec);
  const notes = host.state.addSheet(USER_SHEET);
  USER_CELLS.forEach((row, r) =>
    host.state.writeValues(notes, { row: r, column: 0, rowCount: 1, columnCount: row.length }, [row], "fixture"),
  );
  return host;
}

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
  }
}

const host = demoWorkbook();
const associated: string[] = [];
installGlobals(host, { displayLanguage: "zh-CN" }, window);
Object.assign(window, {
  CustomFunctions: {
    associate(idOrMappings: string | Record<string, unknown>): void {
      if (typeof idOrMappings === "string") associated.push(idOrMappings);
      else associated.push(...Object.keys(idOrMappings));
    },
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  },
});
const standIn: StandIn = {
  host,
  associated,
  sheets: () => listSheets(host),
  values: (sheet) => snapshotSheet(host, sheet).values,
  formulas: (sheet) => snapshotSheet(host, sheet).formulas,
  fills: (sheet) => snapshotSheet(host, sheet).fills,
};
Object.assign(window, { __kp: standIn });
