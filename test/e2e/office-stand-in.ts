/**
 * Browser stand-in for office.js in the end-to-end test (pane.e2e.heavy.test.ts): bundled by esbuild into
 * one classic script and served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js.
 * It runs before the add-in's deferred scripts and sets up what Excel would: the in-memory host
 * (src/testing/memory-excel) holding the demo workbook of `kp12328 demo` plus a sheet of the user's
 * own, the `Excel` / `Office` / `OfficeExtension` globals, and a `CustomFunctions` global that records
 * what functions.js associates. The test reads the host through `window.__kp`.
 *
 * The page's query string sets the scene (see `StandInScene`): `workbook=empty` (a new, empty workbook),
 * `theme=dark` (Office's Black theme), `lang=en-US` (Office's display language), `inspect=fail` (the
 * first read of the workbook fails, as when Excel is busy).
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

/** What the query string of taskpane.html asks of the stand-in. */
export interface StandInScene {
  readonly workbook?: "demo" | "empty";
  readonly theme?: "light" | "dark";
  readonly lang?: string;
  readonly inspect?: "fail";
}

/**
 * `Office.context.officeTheme` as Office reports it for its Black and White themes. The colours are
 * illustrative (Office's exact values vary by build); the pane decides by `isDarkTheme`, else by the
 * background's luminance.
 */
const OFFICE_THEMES: Record<"light" | "dark", Omit<Office.OfficeTheme, "themeId" | "fluentThemeData">> = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#262626",
    isDarkTheme: false,
  },
  dark: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#363636",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
};

const params = new URLSearchParams(window.location.search);
const scene: StandInScene = {
  workbook: params.get("workbook") === "empty" ? "empty" : "demo",
  theme: params.get("theme") === "dark" ? "dark" : "light",
  lang: params.get("lang") ?? "zh-CN",
  inspect: params.get("inspect") === "fail" ? "fail" : undefined,
};
const host = scene.workbook === "empty" ? new MemoryExcel() : demoWorkbook();
if (scene.workbook === "empty") host.state.addSheet("Sheet1");
// The pane's first Excel.run reads the workbook: it fails once, as Excel does while a cell is being edited.
if (scene.inspect === "fail") host.failNthSync(1, { code: "InvalidOperationInCellEditMode" });
const associated: string[] = [];
const installed = installGlobals(host, { displayLanguage: scene.lang }, window);
Object.assign(installed.Office.context, { officeTheme: OFFICE_THEMES[scene.theme ?? "light"] });
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
