// The in-memory ET host (WPS 表格's object model) for tests and benchmarks; see README.md.

import type { EtApplication } from "../../../src/adapters/wps/et-model";
import { parseAddress } from "../memory-excel/address";
import { ErrorValue, EXCEL_ERRORS, ExcelErrorText, interpretInput } from "../memory-excel/cells";
import { EtHost, EtHostOptions, counted } from "./host";
import { MemoryEtApplication } from "./sheets";
import { cellKey } from "./state";

export { EtHost, counted } from "./host";
export type { EtHostOptions, Stretch } from "./host";
export { ERROR_CODES, EtError, hresultOf } from "./state";
export { viewOfMemoryEt } from "./view";

export interface MemoryEt {
  readonly host: EtHost;
  /** What a WPS 加载项 sees as `Application` (and `wps`): every call on it is counted. */
  readonly app: EtApplication;
}

/** A workbook of sheets given as rows of values from A1, the first sheet active. */
export function createEt(sheets: Record<string, readonly (readonly unknown[])[]> = { Sheet1: [] }, options?: EtHostOptions): MemoryEt {
  const host = new EtHost(options);
  for (const [name, rows] of Object.entries(sheets)) {
    host.addSheet(name);
    setValues(host, name, "A1", rows);
  }
  const app = counted(host, new MemoryEtApplication(host));
  host.resetCalls();
  return { host, app };
}

/**
 * Values typed into cells, as a clerk would (not counted as calls): "=…" is a formula, "#DIV/0!" an
 * error, "2026-10-05" a date (its serial, formatted); undefined/null leave a cell empty.
 */
export function setValues(host: EtHost, sheetName: string, topLeft: string, rows: readonly (readonly unknown[])[]): void {
  const sheet = host.sheetNamed(sheetName);
  const at = parseAddress(topLeft);
  if (!sheet || !at) throw new Error(`no sheet ${sheetName} or bad address ${topLeft}`);
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const key = cellKey(at.row + r, at.column + c);
      const meant = interpretInput(v, undefined);
      if (typeof v === "string" && (EXCEL_ERRORS as readonly string[]).includes(v))
        sheet.cells.set(key, { value: new ErrorValue(v as ExcelErrorText) });
      else if (meant.kind === "formula") sheet.cells.set(key, { value: "", formula: meant.formula });
      else sheet.cells.set(key, { value: meant.value!, numberFormat: meant.impliedFormat });
    }),
  );
}
