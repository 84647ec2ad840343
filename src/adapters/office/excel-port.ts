// The host port over one Excel.run's request context. Built for Excel on the web, where every sync is
// a round trip and a request is capped at 5 MB: execute queues a batch of steps into as few requests
// as the budget allows (one for ordinary sizes), splitting a block of values by rows only where it
// would not fit. Screen updating is suspended for each request and calculation set to manual between
// `pause` and `resume`. The order of the steps is transact's (src/workbook/transact.ts).

import { columnLetters } from "../../engine";
import { ExecuteReport, HostPort, HostStep, RememberStep, RememberedLook, SheetEntry } from "../../workbook";
import {
  HostFeatures,
  REQUEST_BUDGET_BYTES,
  WorkbookSnapshot,
  capabilities,
  errorCode,
  readWorkbookCells,
  sheetEntries,
} from "./excel-read";
import { ACTION_BYTES, PlainStep, jsonBytes, queueStep, stepBytes } from "./excel-steps";
import { queueRemember, queueRestore } from "./excel-in-place";

/** One queued part of a request: what it adds, how to queue it, and what to do once its request ran. */
interface Action {
  readonly bytes: number;
  readonly chart?: boolean;
  readonly queue: () => (() => void) | void;
}

/** Codes with which a host refuses an API it does not have. */
const UNSUPPORTED = new Set(["ApiNotFound", "UnsupportedOperation", "NotImplemented"]);

/** The chart, and only the chart, was refused: the steps before it in the request stand. */
function chartRefused(error: unknown): boolean {
  if (!UNSUPPORTED.has(errorCode(error) ?? "")) return false;
  const info = (error as { debugInfo?: { errorLocation?: string; statement?: string } }).debugInfo;
  return /chart/i.test(`${info?.errorLocation ?? ""} ${info?.statement ?? ""}`);
}

/** Row ranges whose values and formats stay under `budget` bytes each. */
function rowChunks(values: readonly unknown[][], formats: readonly unknown[][] | undefined, budget: number): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  let size = 0;
  values.forEach((row, i) => {
    const s = jsonBytes(row) + jsonBytes(formats?.[i] ?? []) + 2;
    if (size + s > budget && i > start) {
      chunks.push([start, i]);
      start = i;
      size = 0;
    }
    size += s;
  });
  chunks.push([start, values.length]);
  return chunks;
}

/** Requests under the budget, in order. */
function pack(actions: readonly Action[]): Action[][] {
  const requests: Action[][] = [[]];
  let size = 0;
  for (const action of actions) {
    if (size + action.bytes > REQUEST_BUDGET_BYTES && requests[requests.length - 1].length) {
      requests.push([]);
      size = 0;
    }
    size += action.bytes;
    requests[requests.length - 1].push(action);
  }
  return requests;
}

/** A block of values as actions, split by rows where it would not fit in half a request. */
function blockActions(sheets: Excel.WorksheetCollection, step: Extract<HostStep, { op: "writeBlock" }>): Action[] {
  // Office.js takes mutable arrays; the slices are new ones.
  const { values, formats } = step as unknown as { values: (string | number | boolean)[][]; formats?: string[][] };
  const width = Math.max(1, ...values.map((r) => r.length));
  return rowChunks(values, formats, REQUEST_BUDGET_BYTES / 2).map(([from, to]) => ({
    bytes: ACTION_BYTES * 3 + jsonBytes(values.slice(from, to)) + jsonBytes(formats?.slice(from, to) ?? []),
    queue: () => {
      const first = step.column;
      const address = `${columnLetters(first)}${step.row + from}:${columnLetters(first + width - 1)}${step.row + to - 1}`;
      const range = sheets.getItem(step.sheet).getRange(address);
      // Formats first: a text cell must already be "@" when its value arrives.
      if (formats) range.numberFormat = formats.slice(from, to);
      range.values = values.slice(from, to);
    },
  }));
}

/** The ranges a batch restores, as they are now (one round trip); none where one cannot be read (its sheet is gone). */
async function readRestored(
  sheets: Excel.WorksheetCollection,
  remembered: ReadonlyMap<string, RememberedLook>,
  steps: readonly HostStep[],
  sync: () => Promise<void>,
): Promise<Map<HostStep, Excel.Range>> {
  const ranges = new Map<HostStep, Excel.Range>();
  for (const step of steps)
    if (step.op === "restore" && remembered.has(step.key))
      ranges.set(step, sheets.getItemOrNullObject(step.sheet).getRange(step.range).load("values,numberFormat"));
  if (!ranges.size) return ranges;
  return sync().then(
    () => ranges,
    () => new Map(),
  );
}

/** Reads, with the request, what a write will change; keeps it under the step's key once answered. */
function rememberAction(
  sheets: Excel.WorksheetCollection,
  step: RememberStep,
  features: HostFeatures,
  remembered: Map<string, RememberedLook>,
): Action {
  return {
    bytes: ACTION_BYTES * 4,
    queue: () => {
      const read = queueRemember(sheets, step, features);
      return () => {
        try {
          remembered.set(step.key, read());
        } catch {
          // Not answered (the request was refused for its chart): a later restore of it does nothing.
        }
      };
    },
  };
}

export interface ExcelPort extends HostPort {
  /** Round trips so far. */
  readonly syncs: number;
}

/**
 * The port over `context`. `snapshot`, when the workbook was read before (applyWorkbookChange), gives
 * the calculation mode to restore; otherwise read() records it.
 */
export function excelPort(context: Excel.RequestContext, features: HostFeatures, snapshot?: WorkbookSnapshot): ExcelPort {
  const app = context.workbook.application;
  const sheets = context.workbook.worksheets;
  let calculation = snapshot?.calculation;
  let syncs = 0;
  const remembered = new Map<string, RememberedLook>();
  const manual = () => calculation !== undefined && calculation !== "Manual";

  async function sync(): Promise<void> {
    syncs++;
    await context.sync();
  }

  /** A step as the actions it takes: a block of values split by rows under the budget, the rest one action each. */
  function actionsOf(step: HostStep, restored: Map<HostStep, Excel.Range>): Action[] {
    switch (step.op) {
      case "writeBlock":
        return blockActions(sheets, step);
      case "pause":
        return [
          {
            bytes: ACTION_BYTES,
            queue: () => void (features.validation && manual() && (app.calculationMode = Excel.CalculationMode.manual)),
          },
        ];
      case "resume":
        return [{ bytes: ACTION_BYTES, queue: () => void (features.validation && manual() && (app.calculationMode = calculation!)) }];
      case "remember":
        return [rememberAction(sheets, step, features, remembered)];
      case "restore": {
        const now = restored.get(step);
        return now ? [{ bytes: ACTION_BYTES * 8, queue: () => queueRestore(sheets, step, remembered.get(step.key)!, now, features) }] : [];
      }
      default:
        return [
          { bytes: stepBytes(step as PlainStep), chart: step.op === "chart", queue: () => queueStep(context, step as PlainStep, features) },
        ];
    }
  }

  return {
    can: capabilities(features),
    get syncs() {
      return syncs;
    },

    async read() {
      const read = await readWorkbookCells(context, features);
      calculation = read.calculation;
      syncs += read.syncs ?? 0;
      return read;
    },

    async sheets(): Promise<SheetEntry[]> {
      sheets.load("items/name,items/visibility");
      await sync();
      return sheetEntries(sheets.items);
    },

    async execute(steps: readonly HostStep[]): Promise<ExecuteReport> {
      const restored = await readRestored(sheets, remembered, steps, sync);
      const requests = pack(steps.flatMap((s) => actionsOf(s, restored)));
      let refusedCharts = 0;
      for (const [i, request] of requests.entries()) {
        if (features.screenUpdating) app.suspendScreenUpdatingUntilNextSync();
        const after = request.map((a) => a.queue()).filter((f): f is () => void => typeof f === "function");
        try {
          await sync();
        } catch (error) {
          // Charts are queued last: when only they were refused, every step before them was executed.
          const charts = request.filter((a) => a.chart).length;
          if (!(i === requests.length - 1 && charts && chartRefused(error))) throw error;
          refusedCharts = charts;
        }
        after.forEach((f) => f());
      }
      return { refusedCharts };
    },
  };
}
