// Writing into an ExcelJS workbook in memory: a sheet on its own (a template, a unit's file) or a
// WorkbookChange all or nothing, both as the host port's steps (xlsx-port.ts), the same steps the
// Office.js and WPS adapters execute. No Node import (ExcelJS is only a type here), so the task pane can
// use it in the browser as the command-line tool does in Node. What to write is decided in src/workbook.

import type ExcelJS from "exceljs";
import { SheetSpec, WorkbookChange, applyChange as applyThroughPort, sheetSteps } from "../../workbook";
import { XLSX_CAPABILITIES, XlsxSteps, xlsxPort } from "./xlsx-port";

/** Adds the sheet, visible, at the end of the workbook. */
export function writeSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  new XlsxSteps(workbook).execute([
    { op: "addSheet", sheet: spec.name },
    ...sheetSteps(spec, spec.name, XLSX_CAPABILITIES),
    { op: "setVisibility", sheet: spec.name, visibility: "visible" },
  ]);
  return workbook.worksheets[workbook.worksheets.length - 1];
}

/**
 * Applies a change to the workbook in memory, after checkChange accepted it against the workbook as
 * it is (else ChangeRefused, and nothing is touched), in transact's order (src/workbook/transact.ts).
 * The caller saves to a new file, so a failure never leaves half a file.
 */
export async function applyChange(workbook: ExcelJS.Workbook, change: WorkbookChange): Promise<void> {
  const port = xlsxPort(workbook);
  await applyThroughPort(port, change, await port.read());
}
