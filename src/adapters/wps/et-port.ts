// The host port over WPS 表格's ET object model (a WPS 加载项's `Application`). ET is synchronous: every
// call runs at once inside WPS, and while the page's script runs, WPS's window neither repaints nor takes
// a click. So execute runs the steps in transact's order but gives the window back between sheets (once a
// frame's worth of work is done) and after any stretch of STRETCH_MS, and reads yield after each sheet.
// While writing, screen updating and events are off and calculation manual (pause … resume); a failure
// part-way puts them back before it is thrown, so WPS is never left frozen.

import { parseCellAddress } from "../../engine";
import { ExecuteReport, HostCapabilities, HostPort, HostSnapshot, HostStep, RememberedLook, SheetEntry } from "../../workbook";
import { EtApplication, EtSheets, EtWorksheet, XL } from "./et-model";
import { activeWorkbook, readEtWorkbook, sheetEntries } from "./et-read";
import { remember, restore } from "./et-in-place";
import { PlainStep, freezeActive, runStep, writeFormats, writeLayout, writeValues } from "./et-steps";

/** What WPS 表格 can do through this adapter; its charts are not drawn (yet), so the result sheet has none there. */
export const WPS_CAPABILITIES: HostCapabilities = { validation: true, pageSetUp: true, autoFilter: true, notes: true, charts: false };

/** The longest the port works without giving the window back, and the least it works before yielding at a sheet's end. */
export const STRETCH_MS = 50;
const FRAME_MS = 16;

export interface EtPortOptions {
  /** Gives WPS's window back (it repaints and handles the clerk's input); by default one macrotask. */
  readonly yieldToWindow?: () => Promise<void>;
  /** Milliseconds, to tell how long the port has worked since it last yielded. */
  readonly clock?: () => number;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const key = (name: string) => name.toLowerCase();

/** Rows of a value block written at once, at most: a larger block is written in parts, the window given back between them. */
export const BLOCK_ROWS = 100;

/** writeBlock steps of more than BLOCK_ROWS rows as several, in order. */
function splitBlocks(steps: readonly HostStep[]): HostStep[] {
  return steps.flatMap((step) => {
    if (step.op !== "writeBlock" || step.values.length <= BLOCK_ROWS) return [step];
    const parts: HostStep[] = [];
    for (let from = 0; from < step.values.length; from += BLOCK_ROWS)
      parts.push({
        ...step,
        row: step.row + from,
        values: step.values.slice(from, from + BLOCK_ROWS),
        ...(step.formats ? { formats: step.formats.slice(from, from + BLOCK_ROWS) } : {}),
      });
    return parts;
  });
}

/** The longest address ET takes (as Excel: 255 characters). */
const MAX_ADDRESS = 255;

type Box = { r0: number; c0: number; r1: number; c1: number };
function box(range: string): Box {
  const [a, b = a] = range.split(":").map((x) => parseCellAddress(x)!);
  return { r0: a.row, c0: a.column, r1: b.row, c1: b.column };
}
const overlap = (a: Box, b: Box) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/**
 * Consecutive looks on one sheet that are the same, written by one call over all their areas
 * ("A7:C7,A9:C9", up to 255 characters). A look joins the first of its kind only where no other look
 * written since then covers the same cells, so what is drawn is what the steps in order draw. Borders
 * keep their own calls (ET draws inside lines per area only where an area has cells on both sides).
 */
export function mergeLooks(steps: readonly HostStep[]): HostStep[] {
  const out: HostStep[] = [];
  let sheet: string | undefined;
  let groups = new Map<string, { at: number; ranges: string[] }>();
  let placed: { key: string; box: Box; at: number }[] = [];
  for (const step of steps) {
    if (step.op !== "styleBlock" || step.style.border || step.sheet !== sheet) {
      sheet = step.op === "styleBlock" ? step.sheet : undefined;
      groups = new Map();
      placed = [];
    }
    if (step.op !== "styleBlock" || step.style.border) {
      out.push(step);
      continue;
    }
    const key = JSON.stringify(step.style);
    const here = box(step.range);
    const group = groups.get(key);
    const blocked = group && placed.some((p) => p.key !== key && p.at > group.at && overlap(p.box, here));
    if (group && !blocked && [...group.ranges, step.range].join(",").length <= MAX_ADDRESS) {
      group.ranges.push(step.range);
      out[group.at] = { ...step, range: group.ranges.join(",") };
      placed.push({ key, box: here, at: group.at });
      continue;
    }
    out.push(step);
    groups.set(key, { at: out.length - 1, ranges: [step.range] });
    placed.push({ key, box: here, at: out.length - 1 });
  }
  return out;
}

/** Deletes a sheet without the dialog WPS shows while alerts are on. */
function deleteQuietly(app: EtApplication, ws: EtWorksheet): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    ws.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}

type Panes = Map<string, { rows: number; columns?: number }>;

/** Shows a sheet's frozen panes, where some wait for it: it is activated for that, and the sheet that was active comes back. */
function freezeShown(app: EtApplication, frozen: Panes, sheets: EtSheets, ws: EtWorksheet, name: string): void {
  const panes = frozen.get(key(name));
  if (!panes) return;
  frozen.delete(key(name));
  const before = activeWorkbook(app).ActiveSheet.Name;
  ws.Activate();
  freezeActive(app, panes);
  if (key(before) !== key(name)) sheets.Item(before).Activate();
}

/** Runs steps one at a time, keeping what spans them: the switches paused, what was remembered, panes still to freeze. */
function stepRunner(app: EtApplication) {
  const remembered = new Map<string, RememberedLook>();
  /** Panes to freeze once the sheet shows (ET freezes the active window's sheet; a hidden sheet cannot be active). */
  const frozen: Panes = new Map();
  let paused: { screen: boolean; events: boolean; calculation: Et.XlCalculation } | undefined;

  function resume(): void {
    if (!paused) return;
    const p = paused;
    paused = undefined;
    app.Calculation = p.calculation;
    app.EnableEvents = p.events;
    app.ScreenUpdating = p.screen;
  }

  function step(sheets: EtSheets, step: HostStep, sheet: () => EtWorksheet): void {
    switch (step.op) {
      case "pause":
        if (paused) return;
        paused = { screen: app.ScreenUpdating, events: app.EnableEvents, calculation: app.Calculation };
        app.ScreenUpdating = false;
        app.EnableEvents = false;
        if (paused.calculation !== XL.xlCalculationManual) app.Calculation = XL.xlCalculationManual;
        return;
      case "resume":
        return resume();
      case "writeBlock": {
        const ws = sheet();
        // Formats first: a text cell must already be "@" when its value arrives.
        if (step.formats) writeFormats(ws, step.row, step.column, step.formats);
        return writeValues(ws, step.row, step.column, step.values);
      }
      case "layout": {
        const { freeze: panes, ...rest } = step.layout;
        const ws = sheet();
        writeLayout(ws, rest);
        if (panes) {
          frozen.set(key(step.sheet), panes);
          if (ws.Visible === XL.xlSheetVisible) freezeShown(app, frozen, sheets, ws, step.sheet);
        }
        return;
      }
      case "delete":
        return deleteQuietly(app, sheet());
      case "addSheet": {
        // At the end of the workbook (Add without Before/After inserts before the active sheet), hidden. Until it has
        // its temporary name nobody could find it to undo it: a failure before that deletes it here.
        const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
        try {
          ws.Name = step.sheet;
          ws.Visible = XL.xlSheetHidden;
        } catch (error) {
          if (ws.Name !== step.sheet) deleteQuietly(app, ws);
          throw error;
        }
        return;
      }
      case "remember":
        remembered.set(step.key, remember(sheet(), step));
        return;
      case "restore": {
        const before = remembered.get(step.key);
        if (before) restore(sheet(), step, before);
        return;
      }
      case "chart":
        return;
      case "rename": {
        const panes = frozen.get(key(step.sheet));
        runStep(step, sheet);
        if (panes) {
          frozen.delete(key(step.sheet));
          frozen.set(key(step.to), panes);
        }
        return;
      }
      case "setVisibility":
        runStep(step, sheet);
        if (step.visibility === "visible") freezeShown(app, frozen, sheets, sheet(), step.sheet);
        return;
      default:
        return runStep(step as PlainStep, sheet);
    }
  }

  return { run: step, resume };
}

export function etPort(app: EtApplication, options: EtPortOptions = {}): HostPort {
  const yieldToWindow = options.yieldToWindow ?? macrotask;
  const now = options.clock ?? (() => performance.now());
  const runner = stepRunner(app);
  /** When the window last had its turn: the planning between a read and a write counts towards the stretch. */
  let since = now();
  const giveBack = async () => {
    await yieldToWindow();
    since = now();
  };
  return {
    can: WPS_CAPABILITIES,

    read(): Promise<HostSnapshot> {
      return readEtWorkbook(app, giveBack);
    },

    async sheets(): Promise<SheetEntry[]> {
      return sheetEntries(activeWorkbook(app)).map((s) => s.entry);
    },

    async execute(steps: readonly HostStep[]): Promise<ExecuteReport> {
      const sheets = activeWorkbook(app).Worksheets;
      let previous: string | undefined;
      // The last sheet object, by the name it has now: consecutive steps on one sheet fetch it once.
      let cached: { name: string; ws: EtWorksheet } | undefined;
      try {
        for (const step of mergeLooks(splitBlocks(steps))) {
          const name = "sheet" in step ? step.sheet : undefined;
          const elapsed = now() - since;
          if (elapsed >= STRETCH_MS || (name !== previous && previous !== undefined && elapsed >= FRAME_MS)) {
            await giveBack();
          }
          previous = name;
          const sheet = () => {
            if (!cached || key(cached.name) !== key(name!)) cached = { name: name!, ws: sheets.Item(name!) };
            return cached.ws;
          };
          runner.run(sheets, step, sheet);
          if (step.op === "rename" && cached && key(cached.name) === key(step.sheet)) cached = { name: step.to, ws: cached.ws };
          if (step.op === "delete") cached = undefined;
        }
      } catch (error) {
        runner.resume();
        throw error;
      }
      return { refusedCharts: 0 };
    },
  };
}
