// The command-line tool's ledger: a period's output workbook holds its published versions. Ranking
// again into the same file brings those sheets (result versions, 修正记录, the inputs ledger and the
// registry) into the freshly read input workbook, so the generation sees them exactly as the add-in
// sees its own workbook, and nothing published is lost.

import ExcelJS from "exceljs";
import { REGISTRY_SHEET, productSheetKeys, readRegistry, sheetKey } from "../../workbook";
import { workbookSheets } from "./cells";

/** The sheets the product made in a workbook, by its registry (the registry itself included); empty for any other workbook. */
export function productSheets(workbook: ExcelJS.Workbook): string[] {
  const registry = workbookSheets(workbook).find((s) => sheetKey(s.name) === sheetKey(REGISTRY_SHEET));
  if (!registry) return [];
  const mine = productSheetKeys(readRegistry(registry.cells));
  // In the workbook's tab order, so that the carried sheets stand as they stood.
  return workbook.worksheets.map((ws) => ws.name).filter((n) => mine.has(sheetKey(n)));
}

/**
 * Copies the ledger's product sheets into `target` (cells, formats, merges, widths, views, print set-up,
 * visibility). Returns the names of sheets `target` already has under one of those names (then nothing is copied).
 */
export function carryLedger(ledger: ExcelJS.Workbook, target: ExcelJS.Workbook): { copied: string[]; clashes: string[] } {
  const names = productSheets(ledger);
  const taken = new Set(target.worksheets.map((ws) => sheetKey(ws.name)));
  const clashes = names.filter((n) => taken.has(sheetKey(n)));
  if (clashes.length) return { copied: [], clashes };
  for (const name of names) {
    const source = ledger.getWorksheet(name)!;
    const copy = target.addWorksheet(name);
    const model = source.model as ExcelJS.WorksheetModel & { merges?: string[] };
    copy.model = { ...model, name, id: copy.id, mergeCells: model.merges } as unknown as ExcelJS.WorksheetModel;
    copy.state = source.state;
  }
  return { copied: names, clashes: [] };
}

/** The period's ledger file beside the input, e.g. 河南-2026-10-考评结果.xlsx (the CLI's default --out, the 网页版's save). */
export function ledgerFileName(inputName: string, periodKey: string): string {
  return `${inputName.replace(/\.[^./\\]+$/, "")}-${periodKey}-考评结果.xlsx`;
}
