// An in-memory ET workbook with the sheets and cells (values, formulas, number formats) of an in-memory
// Excel one: the synthetic workbooks of test/support/synthetic-workbooks.ts, for WPS's benchmark and tests.

import type { MemoryExcel } from "../memory-excel";
import { EtHostOptions } from "./host";
import { MemoryEt, createEt } from ".";

export function etFromMemoryExcel(excel: MemoryExcel, options?: EtHostOptions): MemoryEt {
  const et = createEt({}, options);
  for (const sheet of excel.state.sheets) {
    const target = et.host.addSheet(sheet.name);
    for (const [key, cell] of sheet.cells)
      target.cells.set(key, { value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat ?? undefined });
  }
  et.host.resetCalls();
  return et;
}
