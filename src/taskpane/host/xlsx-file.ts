// A centre's returned .xlsx, read in the pane (and the 网页版's workbook, opened in the page). ExcelJS
// is loaded only when a file is read, so the pane's first load stays small.

import type ExcelJS from "exceljs";
import { SheetCells } from "../../workbook";
import { workbookSheets } from "../../adapters/xlsx/cells";

/** The file's bytes as an ExcelJS workbook; a file that is no .xlsx workbook gets a sentence saying what it is. */
export async function loadXlsxBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error("不是 .xlsx 工作簿（可能是 .xls 或 .csv），请在 Excel 中另存为 .xlsx");
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new Error("文件已损坏，无法读取");
  }
  return workbook;
}

export async function readXlsxFile(file: File): Promise<SheetCells[]> {
  return workbookSheets(await loadXlsxBytes(new Uint8Array(await file.arrayBuffer())));
}
