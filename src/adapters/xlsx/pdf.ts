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
  numberPagesThrough(copy.worksheets.slice().sort((a, b) => order.get(a.name.toLowerCase())! - order.get(b.name.toLowerCase())!));
  return copy;
}

/** A sheet fitted to one page wide and one tall prints as exactly one page. */
function onePage(ws: ExcelJS.Worksheet): boolean {
  const setup = ws.pageSetup;
  return !!setup.fitToPage && setup.fitToWidth === 1 && setup.fitToHeight === 1;
}

/**
 * Page numbers through the whole PDF. LibreOffice counts &N over the document but starts &P again on
 * every sheet (as Excel does): each sheet is told its first page number, which is known while every
 * sheet before it is a one-page sheet (the 公示表 before the result sheet). Where it is not known,
 * "共 &N 页" is dropped from the footers, so no page claims a total it does not belong to.
 */
function numberPagesThrough(sheets: readonly ExcelJS.Worksheet[]): void {
  let next = 1;
  for (const [i, ws] of sheets.entries()) {
    ws.pageSetup.firstPageNumber = next;
    if (i < sheets.length - 1 && !onePage(ws)) {
      for (const sheet of sheets) {
        const footer = sheet.headerFooter;
        for (const key of ["oddFooter", "evenFooter", "firstFooter"] as const)
          if (footer?.[key]) footer[key] = footer[key]!.replace(/，共 &N 页/g, "");
        sheet.pageSetup.firstPageNumber = undefined;
      }
      return;
    }
    next += 1;
  }
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
