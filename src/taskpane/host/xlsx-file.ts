// A centre's returned .xlsx, read in the pane. ExcelJS is loaded only when a file is imported, so the
// pane's first load stays small.

import { SheetCells } from "../../workbook";
import { workbookSheets } from "../../adapters/xlsx/cells";

export async function readXlsxFile(file: File): Promise<SheetCells[]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error("不是 .xlsx 工作簿（可能是 .xls 或 .csv），请在 Excel 中另存为 .xlsx");
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  } catch {
    throw new Error("文件已损坏，无法读取");
  }
  return workbookSheets(workbook);
}
