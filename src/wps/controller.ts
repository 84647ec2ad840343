// The pane's controller in WPS 表格: the generic host controller (src/taskpane/host/host-controller.ts)
// over the ET port (src/adapters/wps/et-port.ts). WPS's errors become the pane's: a refused change is its
// Chinese sentence, anything WPS threw is shown with WPS's own words. No rule of the product is decided here.

import { ChangeRefused, transact } from "../workbook";
import { PaneController, PaneError } from "../taskpane/controller";
import { createHostController } from "../taskpane/host/host-controller";
import type { EtApplication } from "../adapters/wps/et-model";
import { activeWorkbook } from "../adapters/wps/et-read";
import { EtPortOptions, etPort } from "../adapters/wps/et-port";

export function toPaneError(error: unknown): unknown {
  if (error instanceof PaneError) return error;
  if (error instanceof ChangeRefused) return new PaneError("failed", error.message);
  if (error instanceof Error) return new PaneError("failed", `WPS 表格报告：${error.message}`);
  return error;
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toPaneError(error);
  }
}

export function createWpsController(app: EtApplication, options: EtPortOptions & { now?: () => Date } = {}): PaneController {
  const port = etPort(app, options);
  return createHostController({
    read: () => guarded(() => port.read()),
    transact: (plan, onStep) => guarded(() => transact(port, plan, onStep)),
    selectCell: (ref) =>
      guarded(async () => {
        const ws = activeWorkbook(app).Worksheets.Item(ref.sheet);
        ws.Activate();
        if (ref.cell) ws.Range(ref.cell).Select();
      }),
    now: options.now ?? (() => new Date()),
  });
}
