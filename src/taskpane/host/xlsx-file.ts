// A centre's returned file, read in the pane through the one reader (adapters/convert/reader.ts): its
// size checked before its bytes are read and the zip's before anything is inflated, so a hostile file
// cannot freeze or crash the pane. There is no converter here: an .xls/.et/.ods gets what to do.
// ExcelJS is loaded only when a file is imported, so the pane's first load stays small.

import { SheetCells } from "../../workbook";
import { readSheets } from "../../adapters/convert/reader";
import { checkFileSize } from "../../adapters/convert/limits";

export async function readXlsxFile(file: File): Promise<SheetCells[]> {
  checkFileSize(file.name, file.size);
  return readSheets({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
}
