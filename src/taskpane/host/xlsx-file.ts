// A workbook file read in the pane (a centre's returned file for the import; the 网页版's own workbook) through
// the one reader (adapters/convert/reader.ts): its size checked before its bytes are read and the zip's before
// anything is inflated, so a hostile file cannot freeze or crash the pane. There is no converter here: an
// .xls/.et/.ods gets what to do. ExcelJS is loaded only when a file is read, so the pane's first load stays small.

import type ExcelJS from "exceljs";
import { SheetCells } from "../../workbook";
import { openWorkbook, readSheets } from "../../adapters/convert/reader";
import { checkFileSize } from "../../adapters/convert/limits";

/** The file's bytes as an ExcelJS workbook; a file that is no readable workbook gets a sentence naming it and what it is. */
export async function loadXlsxBytes(bytes: Uint8Array, name = "所选文件"): Promise<ExcelJS.Workbook> {
  return openWorkbook({ name, bytes });
}

export async function readXlsxFile(file: File): Promise<SheetCells[]> {
  checkFileSize(file.name, file.size);
  return readSheets({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
}
