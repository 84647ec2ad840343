// Excel as the pane's host (host-controller.ts decides every action; transact, the order of a change):
// one Excel.run per action, the Office.js adapter's read side at start (excel-read.ts) and its write
// side (excel-workbook.ts: the host port and transact) loaded when the user acts, and Office's error
// codes as the pane's.

import { CellRef } from "../../engine";
import { ChangeRefused } from "../../workbook";
import { PaneController, PaneError } from "../controller";
import { HostFeatures, detectFeatures, readWorkbookCells } from "../../adapters/office/excel-read";
import { PaneHost, createHostController } from "./host-controller";
import { loadWriter } from "./on-demand";

export interface OfficeEnvironment {
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  readonly isSetSupported: (name: string, version: string) => boolean;
  readonly now: () => Date;
}

function defaultEnvironment(): OfficeEnvironment {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    now: () => new Date(),
  };
}

/** Office's errors as the pane's: a code the pane words for the user, never a stack trace. */
export function toPaneError(error: unknown): unknown {
  if (error instanceof PaneError) return error;
  if (error instanceof ChangeRefused) return new PaneError("failed", error.message);
  const code = (error as { code?: string })?.code;
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new PaneError("busy");
    case "AccessDenied":
    case "InsertDeleteConflict":
      return new PaneError("protected");
    case "ItemNotFound":
      return new PaneError("notFound");
    case "ApiNotFound":
    case "UnsupportedOperation":
      return new PaneError("notSupported");
    case "ItemAlreadyExists":
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "GeneralException":
      return new PaneError("failed", (error as Error).message);
    default:
      return error;
  }
}

/** Excel as the pane's host: each action one Excel.run, its errors as the pane's. */
export function officePaneHost(env: OfficeEnvironment = defaultEnvironment()): PaneHost {
  const features = (): HostFeatures => detectFeatures(env.isSetSupported);

  async function withExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await env.run(batch);
    } catch (error) {
      throw toPaneError(error);
    }
  }

  return {
    read: () => withExcel((context) => readWorkbookCells(context, features())),
    async transact(plan, onStep) {
      const { excelPort, transact } = await loadWriter();
      return withExcel((context) => transact(excelPort(context, features()), plan, onStep));
    },
    selectCell: (ref: CellRef) =>
      withExcel(async (context) => {
        const ws = context.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        if (ref.cell) ws.getRange(ref.cell).select();
        await context.sync();
      }),
    prefetch: () => void loadWriter().catch(() => undefined),
    now: env.now,
  };
}

/** The pane's controller in Excel. */
export function createOfficeController(env: OfficeEnvironment = defaultEnvironment()): PaneController {
  return createHostController(officePaneHost(env));
}
