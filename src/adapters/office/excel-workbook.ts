// The Office.js adapter: reads the workbook into sheets of cell values and applies a WorkbookChange.
// Built for Excel on the web, where every sync is a round trip and a request is capped at 5 MB: a
// generation takes a fixed number of syncs, writes whole 2-D ranges, and splits only what would not
// fit in one request. New sheets are written under temporary names and swapped in at the end, so a
// failure part-way leaves the workbook as it was.

import { CellGrid, CellValue, cellAddress, columnLetters } from "../../engine";
import { SheetCells, readRegistry, registryRows, CellSpec, REGISTRY_SHEET, SheetSpec, WorkbookChange } from "../../workbook";

/** What this Excel supports beyond the add-in's minimum (ExcelApi 1.7), detected at run time. */
export interface HostFeatures {
  /** ExcelApi 1.8: data validation and calculation mode. */
  readonly validation: boolean;
  /** ExcelApi 1.9: suspendScreenUpdatingUntilNextSync, autofilter, page layout. */
  readonly screenUpdating: boolean;
  /** ExcelApi 1.10: comments, used for cell notes. */
  readonly comments: boolean;
  /** Charts (ExcelApi 1.7 series API); false where the host cannot draw them. */
  readonly charts: boolean;
}

export function detectFeatures(isSetSupported: (name: string, version: string) => boolean): HostFeatures {
  return {
    validation: isSetSupported("ExcelApi", "1.8"),
    screenUpdating: isSetSupported("ExcelApi", "1.9"),
    comments: isSetSupported("ExcelApi", "1.10"),
    charts: isSetSupported("ExcelApi", "1.7"),
  };
}

/** Office's limit for one request on the web is 5 MB; stay well under it. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** Excel's cell values as the engine's: errors come as "#DIV/0!" strings, which cells.ts recognises. */
function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Places a used range's values (which start at its top-left) into a grid that starts at A1. */
function placeGrid(values: unknown[][], rowIndex: number, columnIndex: number): CellGrid {
  const grid: CellValue[][] = Array.from({ length: rowIndex }, () => []);
  for (const row of values) {
    const out: CellValue[] = Array(columnIndex).fill(null);
    for (const v of row) out.push(toCellValue(v));
    grid.push(out);
  }
  return grid;
}

/** Sheets the adapter writes before swapping them in are named with this prefix, and hidden. */
export const TEMPORARY_PREFIX = "~kp12328 ";

export interface SheetInfo {
  readonly name: string;
  readonly id: string;
  readonly visibility: string;
}

export interface WorkbookSnapshot {
  /** The cells of every sheet but the adapter's own leftovers (hidden "~kp12328 …" sheets). */
  readonly sheets: SheetCells[];
  /** Every sheet name, hidden ones included. */
  readonly names: string[];
  /** Every sheet's id and visibility, to put the workbook back as it was after a failure. */
  readonly info?: readonly SheetInfo[];
  /** The id of the sheet that was active. */
  readonly active?: string;
  /** The calculation mode to restore after writing (ExcelApi 1.8), undefined where unsupported. */
  readonly calculation?: Excel.CalculationMode | "Automatic" | "AutomaticExceptTables" | "Manual";
  /** Round trips the read took (2 unless a response had to be split under Office's 5 MB cap). */
  readonly syncs?: number;
}

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | undefined)?.code;
}

const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/**
 * Reads every sheet's used range in two round trips whatever the number of sheets: names, ids and
 * the calculation mode, then all values at once. Only where the values would pass Office's 5 MB
 * response cap (thousands of sheets) is the second trip split, halving the sheets until each part fits.
 */
export async function readWorkbookCells(context: Excel.RequestContext, features: HostFeatures): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/visibility");
  const active = worksheets.getActiveWorksheet();
  active.load("id");
  const app = context.workbook.application;
  if (features.validation) app.load("calculationMode");
  await context.sync();
  let syncs = 1;
  const items = worksheets.items;
  const info = items.map((ws) => ({ name: ws.name, id: ws.id, visibility: String(ws.visibility) }));
  const leftover = (s: SheetInfo) => s.name.startsWith(TEMPORARY_PREFIX) && s.visibility !== "Visible";
  const wanted = items.filter((_, i) => !leftover(info[i]));
  const cells = new Map<Excel.Worksheet, CellGrid>();
  const groups: Excel.Worksheet[][] = wanted.length ? [wanted] : [];
  while (groups.length) {
    const group = groups.shift()!;
    const ranges = group.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("values,rowIndex,columnIndex");
      return range;
    });
    try {
      syncs++;
      await context.sync();
    } catch (error) {
      if (errorCode(error) !== RESPONSE_TOO_LARGE) throw error;
      if (group.length > 1) {
        const half = Math.ceil(group.length / 2);
        groups.unshift(group.slice(0, half), group.slice(half));
        continue;
      }
      const read = await readLargeSheet(context, group[0]);
      syncs += read.syncs;
      cells.set(group[0], read.cells);
      continue;
    }
    group.forEach((ws, i) => {
      const range = ranges[i];
      cells.set(ws, range.isNullObject ? [] : placeGrid(range.values, range.rowIndex, range.columnIndex));
    });
  }
  return {
    names: info.map((s) => s.name),
    info,
    active: active.id,
    sheets: wanted.map((ws) => ({ name: ws.name, cells: cells.get(ws) ?? [] })),
    calculation: features.validation ? app.calculationMode : undefined,
    syncs,
  };
}

/** One sheet whose values alone pass the response cap: its used range's size, then rows in parts that fit. */
async function readLargeSheet(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<{ cells: CellGrid; syncs: number }> {
  const used = ws.getUsedRange(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  let syncs = 1;
  const rows: unknown[][] = [];
  const parts: [number, number][] = [[0, used.rowCount]];
  while (parts.length) {
    const [from, count] = parts.shift()!;
    const range = ws.getRangeByIndexes(used.rowIndex + from, used.columnIndex, count, used.columnCount);
    range.load("values");
    try {
      syncs++;
      await context.sync();
    } catch (error) {
      if (errorCode(error) !== RESPONSE_TOO_LARGE || count < 2) throw error;
      const half = Math.ceil(count / 2);
      parts.unshift([from, half], [from + half, count - half]);
      continue;
    }
    rows.push(...range.values);
  }
  return { cells: placeGrid(rows, used.rowIndex, used.columnIndex), syncs };
}

/** The parts of a CellSpec that are formatting, as one key, so equal styles group into one range. */
function styleKey(c: CellSpec | null): string {
  if (!c) return "";
  const parts = [c.fill ?? "", c.bold ? "b" : "", c.fontColor ?? "", c.fontSize ?? "", c.align ?? "", c.wrap ? "w" : ""];
  return parts.join("|") === "|||||" ? "" : parts.join("|");
}

/** Rectangles of equal style: runs along each row, joined down consecutive rows with the same run. */
export function styleBlocks(rows: readonly (readonly (CellSpec | null)[])[]): { range: string; style: CellSpec }[] {
  type Block = { r0: number; r1: number; c0: number; c1: number; key: string; style: CellSpec };
  const open = new Map<string, Block>();
  const done: Block[] = [];
  rows.forEach((row, r) => {
    const runs: Block[] = [];
    let c = 0;
    while (c < row.length) {
      const key = styleKey(row[c]);
      let e = c;
      while (e + 1 < row.length && styleKey(row[e + 1]) === key) e++;
      if (key) runs.push({ r0: r, r1: r, c0: c, c1: e, key, style: row[c]! });
      c = e + 1;
    }
    const seen = new Set<string>();
    for (const run of runs) {
      const id = `${run.c0}:${run.c1}:${run.key}`;
      seen.add(id);
      const prev = open.get(id);
      if (prev && prev.r1 === r - 1) prev.r1 = r;
      else {
        if (prev) done.push(prev);
        open.set(id, run);
      }
    }
    for (const [id, block] of open) {
      if (!seen.has(id)) {
        done.push(block);
        open.delete(id);
      }
    }
  });
  done.push(...open.values());
  return done.map((b) => ({ range: `${cellAddress(b.r0 + 1, b.c0 + 1)}:${cellAddress(b.r1 + 1, b.c1 + 1)}`, style: b.style }));
}

function rectangular(spec: SheetSpec): { values: (string | number | boolean)[][]; formats: string[][]; width: number } {
  const width = Math.max(1, ...spec.rows.map((r) => r.length));
  const values = spec.rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const cell = row[c];
      if (!cell) return "";
      if (cell.formula) return cell.formula;
      return cell.value ?? "";
    }),
  );
  // Text cells carry "@" so that a string like "=1+2" from the input is stored as text, never a formula.
  const formats = spec.rows.map((row) =>
    Array.from(
      { length: width },
      (_, c) => row[c]?.numberFormat ?? (typeof row[c]?.value === "string" && !row[c]?.formula ? "@" : "General"),
    ),
  );
  return { values, formats, width };
}

const utf8 = new TextEncoder();
/** UTF-8 size of a value as JSON: what it adds to a request. */
function jsonBytes(value: unknown): number {
  return utf8.encode(JSON.stringify(value) ?? "").length;
}

/** What one queued action costs besides its payload: the object path and the action's frame. */
const ACTION_BYTES = 200;

/** Row ranges whose values and formats stay under `budget` bytes each. */
function rowChunks(values: readonly unknown[][], formats: readonly unknown[][], budget: number): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  let size = 0;
  values.forEach((row, i) => {
    const s = jsonBytes(row) + jsonBytes(formats[i]) + 2;
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

const POINTS_PER_CHARACTER = 7;

/** Formatting, links and validation of a sheet; returns the number of actions queued. */
function writeStyles(ws: Excel.Worksheet, spec: SheetSpec, features: HostFeatures): void {
  for (const { range, style } of styleBlocks(spec.rows)) {
    const r = ws.getRange(range);
    if (style.fill) r.format.fill.color = style.fill;
    if (style.bold) r.format.font.bold = true;
    if (style.fontColor) r.format.font.color = style.fontColor;
    if (style.fontSize) r.format.font.size = style.fontSize;
    if (style.align)
      r.format.horizontalAlignment =
        style.align === "left"
          ? Excel.HorizontalAlignment.left
          : style.align === "center"
            ? Excel.HorizontalAlignment.center
            : Excel.HorizontalAlignment.right;
    if (style.wrap) r.format.wrapText = true;
  }
  spec.columnWidths?.forEach((w, i) => {
    ws.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = w * POINTS_PER_CHARACTER;
  });
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const m of spec.merges ?? []) ws.getRange(m).merge(false);
  if (spec.freeze) {
    // freezeAt takes the cells of the top-left pane: "A1:B5" keeps 5 rows and 2 columns in place.
    if (spec.freeze.columns) ws.freezePanes.freezeAt(ws.getRange(`A1:${cellAddress(spec.freeze.rows, spec.freeze.columns)}`));
    else ws.freezePanes.freezeRows(spec.freeze.rows);
  }
  if (spec.tabColor) ws.tabColor = spec.tabColor;
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.link) {
        ws.getRange(cellAddress(r + 1, c + 1)).hyperlink = {
          documentReference: `'${cell.link.sheet.replace(/'/g, "''")}'!${cell.link.cell || "A1"}`,
          textToDisplay: String(cell.value ?? ""),
        };
      }
    }),
  );
  if (features.validation) {
    for (const v of spec.validations ?? []) {
      const dv = ws.getRange(v.range).dataValidation;
      const rule: Excel.BasicDataValidation =
        v.max === undefined
          ? { formula1: v.min, operator: Excel.DataValidationOperator.greaterThanOrEqualTo }
          : { formula1: v.min, formula2: v.max, operator: Excel.DataValidationOperator.between };
      dv.rule = v.kind === "wholeNumber" ? { wholeNumber: rule } : { decimal: rule };
      dv.errorAlert = { message: v.message, showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: v.title };
      dv.prompt = { message: v.message, showPrompt: true, title: v.title };
    }
  }
}

/** An estimate of what writeStyles and writeNotes send, to place them in a request under the budget. */
function styleBytes(spec: SheetSpec, features: HostFeatures): number {
  let bytes = styleBlocks(spec.rows).length * ACTION_BYTES * 4;
  bytes +=
    ((spec.columnWidths?.length ?? 0) + Object.keys(spec.rowHeights ?? {}).length + (spec.merges?.length ?? 0) + 4) * ACTION_BYTES * 2;
  if (features.validation) for (const v of spec.validations ?? []) bytes += ACTION_BYTES * 4 + 2 * jsonBytes(v);
  for (const row of spec.rows) {
    for (const cell of row) {
      if (cell?.link) bytes += ACTION_BYTES * 2 + jsonBytes(cell.link) + jsonBytes(String(cell.value ?? ""));
      if (cell?.note && features.comments) bytes += ACTION_BYTES + jsonBytes(cell.note);
    }
  }
  return bytes;
}

function writeNotes(context: Excel.RequestContext, sheet: string, spec: SheetSpec, features: HostFeatures): void {
  if (!features.comments) return;
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.note)
        context.workbook.comments.add(`'${sheet.replace(/'/g, "''")}'!${cellAddress(r + 1, c + 1)}`, cell.note, Excel.ContentType.plain);
    }),
  );
}

/** A native bar chart of the totals beside the ranking: a clustered bar over the 总分 column, 单位 as categories. */
function writeChart(ws: Excel.Worksheet, chartSpec: NonNullable<SheetSpec["chart"]>): void {
  const chart = ws.charts.add(Excel.ChartType.barClustered, ws.getRange(chartSpec.values), Excel.ChartSeriesBy.columns);
  chart.title.text = chartSpec.title;
  chart.legend.visible = false;
  chart.series.getItemAt(0).setXAxisValues(ws.getRange(chartSpec.categories));
  chart.setPosition(chartSpec.anchor);
}

/** Codes with which a host refuses an API it does not have. */
const UNSUPPORTED = new Set(["ApiNotFound", "UnsupportedOperation", "NotImplemented"]);

/** The chart, and only the chart, was refused: the sheets written before it in the request stand. */
function chartRefused(error: unknown): boolean {
  if (!UNSUPPORTED.has(errorCode(error) ?? "")) return false;
  const info = (error as { debugInfo?: { errorLocation?: string; statement?: string } }).debugInfo;
  return /chart/i.test(`${info?.errorLocation ?? ""} ${info?.statement ?? ""}`);
}

/** A name for a sheet while it is written: hidden from the user's sheet list until it is complete. */
function temporaryName(taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${TEMPORARY_PREFIX}${n}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function registrySpec(change: WorkbookChange): SheetSpec {
  const rows = registryRows(change.registry).map((r) =>
    r.map((v): CellSpec => ({ value: v === null || typeof v === "object" ? "" : v, numberFormat: "@" })),
  );
  return { name: REGISTRY_SHEET, role: "corrections", rows };
}

/** What applyWorkbookChange does, worked out before anything is written. */
interface WritePlan {
  /** Every sheet to write: under a temporary name first, swapped in at the end. */
  readonly sheets: readonly { readonly spec: SheetSpec; readonly temp: string; readonly visibility: "Visible" | "VeryHidden" }[];
  /** Sheets of the product's that are replaced: renamed out of the way, deleted once the new ones are in. */
  readonly replaced: readonly { readonly name: string; readonly id: string; readonly visibility: string; readonly aside: string }[];
  /** Earlier product sheets kept under a new name (the versioned result sheet). */
  readonly renames: readonly { readonly from: string; readonly to: string; readonly id: string }[];
  readonly appends: readonly {
    readonly sheet: string;
    readonly address: string;
    readonly values: (string | number | boolean)[][];
    readonly formats: string[][];
  }[];
  /** Hidden temporary sheets an earlier, interrupted run left behind. */
  readonly leftovers: readonly { readonly name: string; readonly id: string }[];
}

/** Refuses (before writing anything) a change that would touch a sheet the product did not make. */
function planWrites(change: WorkbookChange, snapshot: WorkbookSnapshot): WritePlan {
  const info = snapshot.info ?? snapshot.names.map((name) => ({ name, id: name, visibility: "Visible" }));
  const byName = new Map(info.map((s) => [s.name.toLowerCase(), s]));
  const taken = new Set(info.map((s) => s.name.toLowerCase()));
  const registered = new Set(readRegistry(snapshot.sheets.find((s) => s.name === REGISTRY_SHEET)?.cells).map((s) => s.name.toLowerCase()));
  registered.add(REGISTRY_SHEET.toLowerCase());
  const mine = (name: string) => {
    if (!registered.has(name.toLowerCase())) throw new Error(`“${name}”不是本加载项生成的工作表，不会被改名或替换`);
  };
  const renames = change.renames.map(({ from, to }) => {
    const sheet = byName.get(from.toLowerCase());
    if (!sheet) throw new Error(`找不到工作表“${from}”`);
    mine(from);
    return { from: sheet.name, to, id: sheet.id };
  });
  const movedAway = new Set(renames.map((r) => r.from.toLowerCase()));
  const specs = [...change.sheets, registrySpec(change)];
  const replaced: WritePlan["replaced"][number][] = [];
  const sheets = specs.map((spec) => {
    const existing = byName.get(spec.name.toLowerCase());
    if (existing && !movedAway.has(existing.name.toLowerCase())) {
      mine(existing.name);
      replaced.push({ name: existing.name, id: existing.id, visibility: existing.visibility, aside: temporaryName(taken) });
    }
    return { spec, temp: temporaryName(taken), visibility: spec.name === REGISTRY_SHEET ? ("VeryHidden" as const) : ("Visible" as const) };
  });
  const appends = change.appends
    .filter((a) => a.rows.length)
    .map((append) => {
      mine(append.sheet);
      const already = snapshot.sheets.find((s) => s.name === append.sheet)?.cells.length ?? 0;
      const { values, formats, width } = rectangular({ name: append.sheet, role: "corrections", rows: append.rows });
      return { sheet: append.sheet, address: `A${already + 1}:${columnLetters(width)}${already + append.rows.length}`, values, formats };
    });
  const leftovers = info
    .filter((s) => s.name.startsWith(TEMPORARY_PREFIX) && s.visibility !== "Visible")
    .map((s) => ({ name: s.name, id: s.id }));
  return { sheets, replaced, renames, appends, leftovers };
}

export interface ApplyOutcome {
  /** Round trips the write took (2 unless the payload had to be split, or a failure was recovered). */
  readonly syncs: number;
  /** False where the host refused the chart: the result is complete without it. */
  readonly chart: boolean;
}

/**
 * Applies the change, all or nothing, in two steps.
 * (1) Every new sheet — the registry included — is written hidden under a temporary name, in as few
 * requests as the 4 MB budget allows (one for ordinary sizes); the chart comes last, so a host that
 * refuses charts leaves the sheets complete. Screen updating is suspended and calculation set to
 * manual while writing.
 * (2) One request swaps them in: replaced product sheets renamed aside, the earlier result sheet
 * renamed to its version, the new sheets renamed and shown, 修正记录 appended, the earlier active sheet
 * left for the new result, calculation restored, the new registry put in place (the commit point),
 * and only then the sheets set aside deleted.
 * Any failure is followed by a recovery that reads what was applied: before the commit point,
 * everything is undone (new sheets deleted, names, visibility, appended rows and calculation mode
 * restored); after it, the set-aside sheets are deleted and the change stands.
 * `snapshot` is what readWorkbookCells returned for this generation.
 */
export async function applyWorkbookChange(
  context: Excel.RequestContext,
  change: WorkbookChange,
  snapshot: WorkbookSnapshot,
  features: HostFeatures,
): Promise<ApplyOutcome> {
  const plan = planWrites(change, snapshot);
  const app = context.workbook.application;
  const sheets = context.workbook.worksheets;
  const manual = snapshot.calculation !== undefined && snapshot.calculation !== "Manual";

  // Step 1: writes packed into requests under the budget.
  type Write = { bytes: number; run: () => void };
  const writes: Write[] = [];
  const charts: Write[] = [];
  for (const { spec, temp } of plan.sheets) {
    writes.push({
      bytes: ACTION_BYTES * 2,
      run: () => {
        sheets.add(temp).visibility = Excel.SheetVisibility.hidden;
      },
    });
    const { values, formats, width } = rectangular(spec);
    for (const [from, to] of rowChunks(values, formats, REQUEST_BUDGET_BYTES / 2)) {
      writes.push({
        bytes: ACTION_BYTES * 3 + jsonBytes(values.slice(from, to)) + jsonBytes(formats.slice(from, to)),
        run: () => {
          const range = sheets.getItem(temp).getRange(`A${from + 1}:${columnLetters(width)}${to}`);
          // Formats first: a text cell must already be "@" when its value arrives.
          range.numberFormat = formats.slice(from, to);
          range.values = values.slice(from, to);
        },
      });
    }
    writes.push({
      bytes: styleBytes(spec, features),
      run: () => {
        writeStyles(sheets.getItem(temp), spec, features);
        writeNotes(context, temp, spec, features);
      },
    });
    const chart = spec.chart;
    if (chart && features.charts) charts.push({ bytes: ACTION_BYTES * 8, run: () => writeChart(sheets.getItem(temp), chart) });
  }
  const requests: Write[][] = [[]];
  let size = 0;
  for (const write of [...writes, ...charts]) {
    if (size + write.bytes > REQUEST_BUDGET_BYTES && requests[requests.length - 1].length) {
      requests.push([]);
      size = 0;
    }
    size += write.bytes;
    requests[requests.length - 1].push(write);
  }

  let syncs = 0;
  let chartDrawn = charts.length > 0;
  // What the cells to append to hold now (formats of empty rows), to put back if the swap fails.
  const underAppends = plan.appends.map((a) => sheets.getItem(a.sheet).getRange(a.address).load("numberFormat"));
  const original: (string[][] | undefined)[] = [];
  try {
    for (const [i, request] of requests.entries()) {
      if (features.screenUpdating) app.suspendScreenUpdatingUntilNextSync();
      if (i === 0 && manual) app.calculationMode = Excel.CalculationMode.manual;
      for (const write of request) write.run();
      syncs++;
      try {
        await context.sync();
        if (i === 0) underAppends.forEach((r, j) => (original[j] = r.numberFormat));
      } catch (error) {
        // Charts are queued last: when only they were refused, every sheet before them was written.
        if (i === requests.length - 1 && charts.length && chartRefused(error)) chartDrawn = false;
        else throw error;
      }
    }

    // Step 2: the swap, in one request.
    if (features.screenUpdating) app.suspendScreenUpdatingUntilNextSync();
    for (const r of plan.replaced) sheets.getItem(r.id).name = r.aside;
    for (const r of plan.renames) sheets.getItem(r.id).name = r.to;
    const registry = plan.sheets.find((s) => s.spec.name === REGISTRY_SHEET)!;
    for (const s of plan.sheets) {
      if (s === registry) continue;
      const ws = sheets.getItem(s.temp);
      ws.name = s.spec.name;
      ws.visibility = Excel.SheetVisibility.visible;
    }
    for (const r of plan.replaced) if (r.visibility === "Visible") sheets.getItem(r.id).visibility = Excel.SheetVisibility.hidden;
    for (const a of plan.appends) {
      const range = sheets.getItem(a.sheet).getRange(a.address);
      range.numberFormat = a.formats;
      range.values = a.values;
    }
    if (change.activate) sheets.getItem(change.activate).activate();
    // The commit point: the new registry takes its name. Everything before it is undone on a failure.
    const reg = sheets.getItem(registry.temp);
    reg.visibility = Excel.SheetVisibility.veryHidden;
    reg.name = REGISTRY_SHEET;
    for (const r of plan.replaced) sheets.getItem(r.id).delete();
    for (const l of plan.leftovers) sheets.getItem(l.id).delete();
    if (manual) app.calculationMode = snapshot.calculation!;
    syncs++;
    await context.sync();
  } catch (error) {
    const committed = await recover(context, plan, snapshot, manual, original);
    if (!committed) throw error;
  }
  return { syncs, chart: chartDrawn };
}

/**
 * After a failure: reads which sheets exist now and puts the workbook back as the snapshot had it —
 * or, when the new registry is already in place (the change committed), only finishes the clean-up.
 * Returns whether the change committed. A failure here is swallowed: the first error is the one the
 * user hears about, and what cannot be undone is hidden ("~kp12328 …") and removed by the next run.
 */
async function recover(
  context: Excel.RequestContext,
  plan: WritePlan,
  snapshot: WorkbookSnapshot,
  manual: boolean,
  underAppends: readonly (string[][] | undefined)[],
): Promise<boolean> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id,items/visibility");
    const appended = plan.appends.map((a, i) => {
      const range = sheets.getItemOrNullObject(a.sheet).getRange(a.address);
      range.load("values,numberFormat");
      return { before: underAppends[i], range };
    });
    await context.sync().catch(async () => {
      // An appended-to sheet that is gone fails the read of its range: read the sheets alone.
      sheets.load("items/name,items/id,items/visibility");
      appended.length = 0;
      await context.sync();
    });
    const now = sheets.items.map((ws) => ({ ws, name: ws.name, id: ws.id, visibility: String(ws.visibility) }));
    const before = new Set((snapshot.info ?? []).map((s) => s.id));
    const temps = new Set(plan.sheets.map((s) => s.temp.toLowerCase()));
    const finals = new Set(plan.sheets.map((s) => s.spec.name.toLowerCase()));
    const created = now.filter((s) => !before.has(s.id) && (temps.has(s.name.toLowerCase()) || finals.has(s.name.toLowerCase())));
    const committed = created.some((s) => s.name === REGISTRY_SHEET);
    const app = context.workbook.application;
    if (committed) {
      for (const r of plan.replaced) now.find((s) => s.id === r.id)?.ws.delete();
      for (const l of plan.leftovers) now.find((s) => s.id === l.id)?.ws.delete();
      if (manual) app.calculationMode = snapshot.calculation!;
      await context.sync();
      return true;
    }
    // Undo, in an order that never leaves the workbook without a visible sheet or a name taken twice.
    for (const r of plan.replaced) {
      const s = now.find((x) => x.id === r.id);
      if (s && s.visibility !== r.visibility) s.ws.visibility = r.visibility as Excel.SheetVisibility;
    }
    for (const s of created) s.ws.delete();
    for (const r of plan.replaced) {
      const s = now.find((x) => x.id === r.id);
      if (s && s.name !== r.name) s.ws.name = r.name;
    }
    for (const r of plan.renames) {
      const s = now.find((x) => x.id === r.id);
      if (s && s.name !== r.from) s.ws.name = r.from;
    }
    // Rows appended to 修正记录: emptied, with the formats the cells had (unknown only when the swap never ran).
    for (const { before, range } of appended) {
      if (!before) continue;
      const changed =
        range.values.some((row) => row.some((v) => v !== "" && v !== null)) ||
        JSON.stringify(range.numberFormat) !== JSON.stringify(before);
      if (!changed) continue;
      if (before.every((row) => row.every((f) => f === "General"))) range.clear(Excel.ClearApplyTo.all);
      else {
        range.clear(Excel.ClearApplyTo.contents);
        range.numberFormat = before;
      }
    }
    if (snapshot.active && now.some((s) => s.id === snapshot.active)) sheets.getItem(snapshot.active).activate();
    if (manual) app.calculationMode = snapshot.calculation!;
    await context.sync();
  } catch {
    // See above: the original failure is reported.
  }
  return false;
}
