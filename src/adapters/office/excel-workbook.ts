// The Office.js adapter's write side: a WorkbookChange applied all or nothing through the host port
// (excel-port.ts packs the steps into Excel.run requests under the 5 MB cap; excel-steps.ts queues
// each step). The order of the steps, the commit point and the undo are transact's
// (src/workbook/transact.ts), the same for every host. The read side is excel-read.ts (the pane starts
// with it alone); this module re-exports it.

import { WorkbookChange, applyChange } from "../../workbook";
import { HostFeatures, WorkbookSnapshot } from "./excel-read";
import { excelPort } from "./excel-port";

export * from "./excel-read";
export { excelPort } from "./excel-port";
// The order of a change, with the port: the pane's write chunk carries both.
export { transact } from "../../workbook";
export type { ExcelPort } from "./excel-port";

export interface ApplyOutcome {
  /** Round trips the write took (2 unless the payload had to be split, or a failure was recovered). */
  readonly syncs: number;
  /** False where the host refused the chart: the result is complete without it. */
  readonly chart: boolean;
}

/**
 * Applies the change, all or nothing (see applyChange in src/workbook/transact.ts), after checkChange
 * accepted it against `snapshot`, what readWorkbookCells returned for this change (else ChangeRefused,
 * and nothing is written).
 */
export async function applyWorkbookChange(
  context: Excel.RequestContext,
  change: WorkbookChange,
  snapshot: WorkbookSnapshot,
  features: HostFeatures,
): Promise<ApplyOutcome> {
  const port = excelPort(context, features, snapshot);
  const { chart } = await applyChange(port, change, snapshot);
  return { syncs: port.syncs, chart };
}
