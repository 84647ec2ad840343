// Printing chosen sheets of a workbook to PDF through a real spreadsheet engine: LibreOffice headless
// (`soffice --convert-to pdf`, convert/libreoffice.ts), never a home-made renderer. The sheets are
// copied into a temporary workbook of their own (LibreOffice prints every sheet of a file). Node only.

import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { withConversion } from "../convert/libreoffice";

export { findSoffice } from "../convert/libreoffice";

/** A copy of the workbook with only `sheets`, in that order, all visible, the first one active. */
async function onlySheets(workbook: ExcelJS.Workbook, sheets: readonly string[]): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await workbook.xlsx.writeBuffer());
  const wanted = new Set(sheets.map((s) => s.toLowerCase()));
  for (const ws of [...copy.worksheets]) if (!wanted.has(ws.name.toLowerCase())) copy.removeWorksheet(ws.id);
  for (const ws of copy.worksheets) ws.state = "visible";
  const order = new Map(sheets.map((s, i) => [s.toLowerCase(), i]));
  copy.worksheets
    .slice()
    .sort((a, b) => order.get(a.name.toLowerCase())! - order.get(b.name.toLowerCase())!)
    .forEach((ws, i) => ((ws as unknown as { orderNo: number }).orderNo = i));
  copy.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return copy;
}

/**
 * Writes `sheets` of the workbook, in that order, as one PDF at `out`. Returns false, writing nothing,
 * where LibreOffice is not installed; throws with LibreOffice's message where the conversion fails.
 */
export async function writeSheetsPdf(workbook: ExcelJS.Workbook, sheets: readonly string[], out: string): Promise<boolean> {
  const copy = await onlySheets(workbook, sheets);
  const written = await withConversion(
    "print.xlsx",
    "pdf",
    (xlsx) => copy.xlsx.writeFile(xlsx),
    (pdf) => fs.copyFile(pdf, out).then(() => true),
  );
  return written ?? false;
}
