// The Office.js adapter: reads the workbook into sheets of cell values and applies a WorkbookChange.
// Built for Excel on the web, where every sync is a round trip and a request is capped at 5 MB: a
// generation takes a fixed number of syncs, writes whole 2-D ranges, and splits only what would not
// fit in one request. New sheets are written under temporary names and swapped in at the end, so a
// failure part-way leaves the workbook as it was. The read side is excel-read.ts (the pane starts with it
// alone); this module re-exports it.

import { cellAddress, columnLetters } from "../../engine";
import {
  CellSpec,
  CellWrite,
  FontSpec,
  PrintSpec,
  SheetAppend,
  REGISTRY_SHEET,
  SheetSpec,
  WorkbookChange,
  WorkbookState,
  cellNumberFormat,
  checkChange,
  filterRange,
  firstFreeRow,
  Validation,
  describeRegistrySheet,
  tableRange,
  workbookState,
} from "../../workbook";

import { HostFeatures, REQUEST_BUDGET_BYTES, TEMPORARY_PREFIX, WorkbookSnapshot, errorCode } from "./excel-read";

export * from "./excel-read";

/** The parts of a CellSpec that are formatting, as one key, so equal styles group into one range. */
function styleKey(c: CellSpec | null): string {
  if (!c) return "";
  const parts = [c.fill ?? "", c.bold ? "b" : "", c.fontColor ?? "", c.fontSize ?? "", c.align ?? "", c.wrap ? "w" : "", c.link ? "u" : ""];
  return parts.every((p) => p === "") ? "" : parts.join("|");
}

/** Rectangles of equal style: runs along each row, joined down consecutive rows with the same run. */
export function styleBlocks(rows: readonly (readonly (CellSpec | null)[])[], rowOffset = 0): { range: string; style: CellSpec }[] {
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
  const at = (r: number, c: number) => cellAddress(r + 1 + rowOffset, c + 1);
  return done.map((b) => ({ range: `${at(b.r0, b.c0)}:${at(b.r1, b.c1)}`, style: b.style }));
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
  const formats = spec.rows.map((row) => Array.from({ length: width }, (_, c) => cellNumberFormat(row[c])));
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

/**
 * A SheetSpec's column width is in characters, as in a file's <col width>, which Excel draws as
 * width × 7 pixels (the default font's digit); Office.js takes points, at 0.75 point per pixel.
 */
const POINTS_PER_CHARACTER = 7 * 0.75;

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

/** The six borders that draw a thin line around every cell of a range. */
const THIN_BORDERS = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/** Thin borders around every cell of `address` (ExcelApi 1.1). */
function writeBorders(ws: Excel.Worksheet, address: string): void {
  const borders = ws.getRange(address).format.borders;
  for (const index of THIN_BORDERS) {
    const border = borders.getItem(index);
    border.style = "Continuous";
    border.weight = "Thin";
  }
}

/**
 * Fills, fonts, alignment and links of rows written from row `rowOffset + 1` (a sheet's, or rows appended to one);
 * the sheet's font first, over the rows' rectangle, so a cell's own size wins.
 */
function writeCellStyles(ws: Excel.Worksheet, rows: readonly (readonly (CellSpec | null)[])[], rowOffset = 0, font?: FontSpec): void {
  if (font && rows.length) {
    const width = Math.max(1, ...rows.map((r) => r.length));
    const all = ws.getRange(`A${rowOffset + 1}:${columnLetters(width)}${rowOffset + rows.length}`).format.font;
    all.name = font.name;
    all.size = font.size;
  }
  for (const { range, style } of styleBlocks(rows, rowOffset)) {
    const r = ws.getRange(range);
    if (style.fill) r.format.fill.color = style.fill;
    if (style.bold) r.format.font.bold = true;
    if (style.fontColor) r.format.font.color = style.fontColor;
    if (style.fontSize) r.format.font.size = style.fontSize;
    if (style.link) r.format.font.underline = "Single";
    if (style.align) r.format.horizontalAlignment = HORIZONTAL[style.align];
    if (style.wrap) r.format.wrapText = true;
    if (style.align || style.wrap) r.format.verticalAlignment = "Top";
  }
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.link) {
        ws.getRange(cellAddress(r + 1 + rowOffset, c + 1)).hyperlink = {
          documentReference: `'${cell.link.sheet.replace(/'/g, "''")}'!${cell.link.cell || "A1"}`,
          textToDisplay: String(cell.value ?? ""),
        };
      }
    }),
  );
}

/** Formatting, links and validation of a sheet. */
function writeStyles(ws: Excel.Worksheet, spec: SheetSpec, features: HostFeatures): void {
  writeCellStyles(ws, spec.rows, 0, spec.font);
  for (const range of spec.borders ?? []) writeBorders(ws, range);
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
  writePrintAndFilter(ws, spec, features);
  if (features.validation) {
    for (const v of spec.validations ?? []) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = validationRule(v);
      dv.errorAlert = { message: v.message, showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: v.title };
      dv.prompt = { message: v.message, showPrompt: true, title: v.title };
    }
  }
}

/** A validation as Office.js takes it: a dropdown's words (or their range, as "=…"), or a number rule. */
function validationRule(v: Validation): Excel.DataValidationRule {
  if (v.kind === "list") {
    const source = v.source ? `=${v.source}` : (v.values ?? []).join(",");
    return { list: { inCellDropDown: true, source } };
  }
  const rule: Excel.BasicDataValidation =
    v.max === undefined ? { formula1: v.min, operator: "GreaterThanOrEqualTo" } : { formula1: v.min, formula2: v.max, operator: "Between" };
  return v.kind === "wholeNumber" ? { wholeNumber: rule } : { decimal: rule };
}

/** SheetSpec.print on A4, where the host has page layout (ExcelApi 1.9). */
function writePrint(ws: Excel.Worksheet, print: PrintSpec, features: HostFeatures): void {
  if (!features.pageLayout) return;
  const layout = ws.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // Pages wide and tall to fit, 0 = as many as it takes (Excel's "fit all columns on one page" is 1 × 0).
  if (print.fitToWidth !== undefined) layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight ?? 0 };
  if (print.printTitleRows) layout.setPrintTitleRows(absolute(print.printTitleRows));
  if (print.printTitleColumns) layout.setPrintTitleColumns(absolute(print.printTitleColumns));
  if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
  const m = print.margins;
  if (m) {
    // Office.js takes points, 72 an inch.
    layout.leftMargin = m.left * 72;
    layout.rightMargin = m.right * 72;
    layout.topMargin = m.top * 72;
    layout.bottomMargin = m.bottom * 72;
    layout.headerMargin = m.header * 72;
    layout.footerMargin = m.footer * 72;
  }
}

/** "5:5" → "$5:$5", "A:B" → "$A:$B". */
function absolute(range: string): string {
  return range
    .split(":")
    .map((part) => `$${part}`)
    .join(":");
}

/** SheetSpec.print and headerRow, where the host has page layout and autofilter (ExcelApi 1.9). */
function writePrintAndFilter(ws: Excel.Worksheet, spec: SheetSpec, features: HostFeatures): void {
  if (spec.print) writePrint(ws, spec.print, features);
  const filter = tableRange(spec);
  if (filter && features.autoFilter) ws.autoFilter.apply(ws.getRange(filter));
}

/** An estimate of what writeStyles and writeNotes send, to place them in a request under the budget. */
function styleBytes(spec: SheetSpec, features: HostFeatures): number {
  let bytes = styleBlocks(spec.rows).length * ACTION_BYTES * 6;
  bytes +=
    ((spec.columnWidths?.length ?? 0) + Object.keys(spec.rowHeights ?? {}).length + (spec.merges?.length ?? 0) + 10) * ACTION_BYTES * 2;
  bytes += (spec.borders?.length ?? 0) * THIN_BORDERS.length * ACTION_BYTES * 3;
  if (features.validation) for (const v of spec.validations ?? []) bytes += ACTION_BYTES * 4 + 2 * jsonBytes(v);
  for (const row of spec.rows) {
    for (const cell of row) {
      if (cell?.link) bytes += ACTION_BYTES * 2 + jsonBytes(cell.link) + jsonBytes(String(cell.value ?? ""));
      if (cell?.note && (features.notes || features.comments)) bytes += ACTION_BYTES + jsonBytes(cell.note);
    }
  }
  return bytes;
}

/** Cell notes as notes (ExcelApi 1.18), else as comments (1.10), else not at all. */
function writeNotes(context: Excel.RequestContext, sheet: string, spec: SheetSpec, features: HostFeatures): void {
  if (!features.notes && !features.comments) return;
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.note) return;
      const address = `'${sheet.replace(/'/g, "''")}'!${cellAddress(r + 1, c + 1)}`;
      if (features.notes) context.workbook.notes.add(address, cell.note);
      else if (features.comments) context.workbook.comments.add(address, cell.note, Excel.ContentType.plain);
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

/** Values written into cells of a sheet that stays: rows appended to a product sheet, or an import's empty cells. */
interface RangeWrite {
  readonly sheet: string;
  readonly address: string;
  readonly values: (string | number | boolean)[][];
  /** Undefined: the cells keep the format they have. */
  readonly formats?: string[][];
  /** "appended": rows under a product sheet's last; "cells": cells of the user's sheet an import fills. */
  readonly kind: "appended" | "cells";
  /** The autofilter's range once the rows are appended. */
  readonly filter?: string;
  /** A single cell's look (the mark on a superseded result sheet). */
  readonly style?: CellWrite["style"];
  /** The sheet's name until the swap, when the change renames it (a superseded result sheet takes a mark). */
  readonly formerName?: string;
  /** Appended rows as described, for their look (fills, fonts, links) and the row they start at. */
  readonly rows?: readonly (readonly (CellSpec | null)[])[];
  readonly firstRow?: number;
  /** The sheet's font and borders for appended rows, and the heights of those that wrap (SheetAppend). */
  readonly font?: FontSpec;
  readonly bordered?: boolean;
  readonly rowHeights?: SheetAppend["rowHeights"];
}

/** What applyWorkbookChange does, worked out before anything is written. */
interface WritePlan {
  /** Every sheet to write: under a temporary name first, swapped in at the end. */
  readonly sheets: readonly { readonly spec: SheetSpec; readonly temp: string; readonly visibility: "Visible" | "VeryHidden" }[];
  /** Sheets of the product's that are replaced: renamed out of the way, deleted once the new ones are in. */
  readonly replaced: readonly { readonly name: string; readonly id: string; readonly visibility: string; readonly aside: string }[];
  /** Earlier product sheets kept under a new name (the versioned result sheet). */
  readonly renames: readonly { readonly from: string; readonly to: string; readonly id: string }[];
  /** Writes into sheets that stay, undone on a failure before the commit point. */
  readonly ranges: readonly RangeWrite[];
  /** Hidden temporary sheets an earlier, interrupted run left behind. */
  readonly leftovers: readonly { readonly name: string; readonly id: string }[];
}

/** The writes into sheets that stay: appended rows, then an import's cells (a string as text, "@"). */
function rangeWrites(change: WorkbookChange, state: WorkbookState): RangeWrite[] {
  const appended = change.appends
    .filter((a) => a.rows.length)
    .map((append): RangeWrite => {
      const first = firstFreeRow(state, append.sheet);
      const last = first + append.rows.length - 1;
      const { values, formats, width } = rectangular({ name: append.sheet, role: "corrections", rows: append.rows });
      const filter = append.headerRow ? filterRange(append.headerRow, width, last) : undefined;
      const address = `A${first}:${columnLetters(width)}${last}`;
      const look = { font: append.font, bordered: append.bordered, rowHeights: append.rowHeights };
      return { sheet: append.sheet, address, values, formats, kind: "appended", filter, rows: append.rows, firstRow: first, ...look };
    });
  const formerName = new Map(change.renames.map((r) => [r.to.toLowerCase(), r.from]));
  const cells = change.cellWrites.map((w): RangeWrite => ({
    sheet: w.sheet,
    formerName: formerName.get(w.sheet.toLowerCase()),
    address: w.cell,
    values: [[w.value]],
    formats: typeof w.value === "string" ? [["@"]] : undefined,
    kind: "cells",
    style: w.style,
  }));
  return [...appended, ...cells];
}

/** Checks the change against the snapshot (checkChange: nothing is written when it is refused) and lays out the writes. */
function planWrites(change: WorkbookChange, snapshot: WorkbookSnapshot): WritePlan {
  const state = workbookState(snapshot.sheets, snapshot.names);
  checkChange(change, state);
  const info = snapshot.info ?? snapshot.names.map((name) => ({ name, id: name, visibility: "Visible" }));
  const byName = new Map(info.map((s) => [s.name.toLowerCase(), s]));
  const taken = new Set(info.map((s) => s.name.toLowerCase()));
  const renames = change.renames.map(({ from, to }) => {
    const sheet = byName.get(from.toLowerCase())!;
    return { from: sheet.name, to, id: sheet.id };
  });
  const movedAway = new Set(renames.map((r) => r.from.toLowerCase()));
  const specs = [...change.sheets, describeRegistrySheet(change.registry)];
  const replaced: WritePlan["replaced"][number][] = [];
  const sheets = specs.map((spec) => {
    const existing = byName.get(spec.name.toLowerCase());
    if (existing && !movedAway.has(existing.name.toLowerCase()))
      replaced.push({ name: existing.name, id: existing.id, visibility: existing.visibility, aside: temporaryName(taken) });
    return {
      spec,
      temp: temporaryName(taken),
      visibility: spec.name === REGISTRY_SHEET || spec.hidden ? ("VeryHidden" as const) : ("Visible" as const),
    };
  });
  const leftovers = info
    .filter((s) => s.name.startsWith(TEMPORARY_PREFIX) && s.visibility !== "Visible")
    .map((s) => ({ name: s.name, id: s.id }));
  return { sheets, replaced, renames, ranges: rangeWrites(change, state), leftovers };
}

export interface ApplyOutcome {
  /** Round trips the write took (2 unless the payload had to be split, or a failure was recovered). */
  readonly syncs: number;
  /** False where the host refused the chart: the result is complete without it. */
  readonly chart: boolean;
}

/** One part of step 1, with what it adds to a request. */
interface Write {
  readonly bytes: number;
  readonly run: () => void;
}

/** Step 1's writes, packed into requests under the budget; the charts come last. */
function packWrites(context: Excel.RequestContext, plan: WritePlan, features: HostFeatures): { requests: Write[][]; charts: number } {
  const sheets = context.workbook.worksheets;
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
  return { requests, charts: charts.length };
}

/**
 * Step 2, queued as one request: the swap up to the commit point (the new registry taking its name),
 * then the clean-up that may fail without undoing the change.
 */
function queueSwap(context: Excel.RequestContext, plan: WritePlan, change: WorkbookChange, features: HostFeatures): void {
  const sheets = context.workbook.worksheets;
  for (const r of plan.replaced) sheets.getItem(r.id).name = r.aside;
  for (const r of plan.renames) sheets.getItem(r.id).name = r.to;
  const registry = plan.sheets.find((s) => s.spec.name === REGISTRY_SHEET)!;
  for (const s of plan.sheets) {
    if (s === registry) continue;
    const ws = sheets.getItem(s.temp);
    ws.name = s.spec.name;
    ws.visibility = s.visibility === "VeryHidden" ? Excel.SheetVisibility.veryHidden : Excel.SheetVisibility.visible;
  }
  for (const r of plan.replaced) if (r.visibility === "Visible") sheets.getItem(r.id).visibility = Excel.SheetVisibility.hidden;
  for (const w of plan.ranges) {
    const ws = sheets.getItem(w.sheet);
    const range = ws.getRange(w.address);
    if (w.formats) range.numberFormat = w.formats;
    range.values = w.values;
    if (w.rows) writeCellStyles(ws, w.rows, w.firstRow! - 1, w.font);
    if (w.bordered) writeBorders(ws, w.address);
    for (const [row, height] of Object.entries(w.rowHeights ?? {})) {
      const r = w.firstRow! + Number(row) - 1;
      ws.getRange(`${r}:${r}`).format.rowHeight = height;
    }
    if (w.style?.bold) range.format.font.bold = true;
    if (w.style?.fontColor) range.format.font.color = w.style.fontColor;
    if (w.style?.link) range.format.font.underline = "Single";
    if (w.style?.link)
      range.hyperlink = {
        documentReference: `'${w.style.link.sheet.replace(/'/g, "''")}'!${w.style.link.cell || "A1"}`,
        textToDisplay: String(w.values[0][0]),
      };
    if (w.filter && features.autoFilter) ws.autoFilter.apply(ws.getRange(w.filter));
  }
  if (change.activate) sheets.getItem(change.activate).activate();
  // The commit point: the new registry takes its name. Everything before it is undone on a failure.
  const reg = sheets.getItem(registry.temp);
  reg.visibility = Excel.SheetVisibility.veryHidden;
  reg.name = REGISTRY_SHEET;
  finishCommitted(plan, (id) => sheets.getItem(id));
}

/** After the commit point: the sheets set aside and the leftovers of an earlier run deleted. */
function finishCommitted(plan: WritePlan, sheetById: (id: string) => Excel.Worksheet | undefined): void {
  for (const r of plan.replaced) sheetById(r.id)?.delete();
  for (const l of plan.leftovers) sheetById(l.id)?.delete();
}

/**
 * Applies the change, all or nothing, in two steps, after checkChange accepted it against the
 * snapshot (else ChangeRefused, and nothing is written).
 * (1) Every new sheet — the registry included — is written hidden under a temporary name, in as few
 * requests as the 4 MB budget allows (one for ordinary sizes); the chart comes last, so a host that
 * refuses charts leaves the sheets complete. Screen updating is suspended and calculation set to
 * manual while writing.
 * (2) One request swaps them in: replaced product sheets renamed aside, the earlier result sheet
 * renamed to its version, the new sheets renamed and shown, 修正记录 appended, an import's cells
 * filled, the earlier active sheet left for the new result, the new registry put in place (the commit
 * point), and only then the sheets set aside deleted and calculation restored.
 * Any failure is followed by a recovery that reads what was applied: before the commit point,
 * everything is undone (new sheets deleted, names, visibility, appended rows, filled cells and the
 * calculation mode restored); after it, the clean-up is finished and the change stands.
 * `snapshot` is what readWorkbookCells returned for this change.
 */
export async function applyWorkbookChange(
  context: Excel.RequestContext,
  change: WorkbookChange,
  snapshot: WorkbookSnapshot,
  features: HostFeatures,
): Promise<ApplyOutcome> {
  const plan = planWrites(change, snapshot);
  const app = context.workbook.application;
  const manual = snapshot.calculation !== undefined && snapshot.calculation !== "Manual";
  const { requests, charts } = packWrites(context, plan, features);
  let syncs = 0;
  let chartDrawn = charts > 0;
  // What the cells written in place are now, read with the first request, to put back if the swap fails.
  const reading = plan.ranges.map((w) => readBefore(context, w, features));
  const before: (Before | undefined)[] = [];
  try {
    for (const [i, request] of requests.entries()) {
      if (features.screenUpdating) app.suspendScreenUpdatingUntilNextSync();
      if (i === 0 && manual) app.calculationMode = Excel.CalculationMode.manual;
      for (const write of request) write.run();
      syncs++;
      try {
        await context.sync();
        if (i === 0) reading.forEach((read, j) => (before[j] = read()));
      } catch (error) {
        // Charts are queued last: when only they were refused, every sheet before them was written.
        if (i === requests.length - 1 && charts && chartRefused(error)) chartDrawn = false;
        else throw error;
      }
    }
    if (features.screenUpdating) app.suspendScreenUpdatingUntilNextSync();
    queueSwap(context, plan, change, features);
    if (manual) app.calculationMode = snapshot.calculation!;
    syncs++;
    await context.sync();
  } catch (error) {
    const committed = await recover(context, plan, snapshot, features, manual, before);
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
  features: HostFeatures,
  manual: boolean,
  ranges: readonly (Before | undefined)[],
): Promise<boolean> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id,items/visibility");
    const written = plan.ranges.map((w, i) => {
      const range = sheets.getItemOrNullObject(w.sheet).getRange(w.address);
      range.load("values,numberFormat");
      return { write: w, before: ranges[i], range };
    });
    await context.sync().catch(async () => {
      // A written-to sheet that is gone fails the read of its range: read the sheets alone.
      sheets.load("items/name,items/id,items/visibility");
      written.length = 0;
      await context.sync();
    });
    const now = sheets.items.map((ws) => ({ ws, name: ws.name, id: ws.id, visibility: String(ws.visibility) }));
    const existing = new Set((snapshot.info ?? []).map((s) => s.id));
    const temps = new Set(plan.sheets.map((s) => s.temp.toLowerCase()));
    const finals = new Set(plan.sheets.map((s) => s.spec.name.toLowerCase()));
    const created = now.filter((s) => !existing.has(s.id) && (temps.has(s.name.toLowerCase()) || finals.has(s.name.toLowerCase())));
    const app = context.workbook.application;
    if (created.some((s) => s.name === REGISTRY_SHEET)) {
      finishCommitted(plan, (id) => now.find((s) => s.id === id)?.ws);
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
    for (const w of written) undoRangeWrite(context, w.write, w.range, w.before, features);
    if (snapshot.active && now.some((s) => s.id === snapshot.active)) sheets.getItem(snapshot.active).activate();
    if (manual) app.calculationMode = snapshot.calculation!;
    await context.sync();
  } catch {
    // See above: the original failure is reported.
  }
  return false;
}

/** What a range written in place held before: its formats, and its sheet's autofilter where the write grows it. */
interface Before {
  readonly formats: string[][];
  /** The autofilter's address (null: none); undefined where the write leaves the filter alone. */
  readonly filter?: string | null;
  /** A styled write's cell font (the sheet's), which clearing its look would otherwise reset. */
  readonly font?: { readonly name: string; readonly size: number };
  /** The rows an append gives a height: each one's height before, null where it had the sheet's standard one. */
  readonly rowHeights?: ReadonlyMap<number, number | null>;
}

/** Queues the reads of what `write` changes; the returned function gives them once the request ran. */
function readBefore(context: Excel.RequestContext, write: RangeWrite, features: HostFeatures): () => Before {
  const ws = context.workbook.worksheets.getItem(write.formerName ?? write.sheet);
  const range = ws.getRange(write.address).load("numberFormat");
  const filter = write.filter && features.autoFilter ? ws.autoFilter.getRangeOrNullObject().load("address") : undefined;
  const font = write.style ? range.format.font.load("name,size") : undefined;
  const rows = Object.keys(write.rowHeights ?? {}).map((r) => write.firstRow! + Number(r) - 1);
  const heights = rows.map((r) => [r, ws.getRange(`${r}:${r}`).format.load("useStandardHeight,rowHeight")] as const);
  return () => ({
    formats: range.numberFormat,
    filter: filter && (filter.isNullObject ? null : filter.address),
    font: font && { name: font.name, size: font.size },
    rowHeights: heights.length ? new Map(heights.map(([r, f]) => [r, f.useStandardHeight ? null : f.rowHeight])) : undefined,
  });
}

/**
 * Cells written in place, emptied again with the formats they had (unknown only when the swap never
 * ran). Rows appended to a product sheet were empty: all is cleared where they had no format, their
 * heights return, and the sheet's autofilter goes back to its range. An import's cells belong to the user's sheet: only
 * their contents go, and the format they had returns.
 */
function undoRangeWrite(
  context: Excel.RequestContext,
  write: RangeWrite,
  range: Excel.Range,
  before: Before | undefined,
  features: HostFeatures,
): void {
  if (!before) return;
  if (features.autoFilter && before.filter !== undefined) {
    const ws = context.workbook.worksheets.getItem(write.sheet);
    if (before.filter === null) ws.autoFilter.remove();
    else ws.autoFilter.apply(ws.getRange(before.filter.split("!").pop()));
  }
  for (const [row, height] of before.rowHeights ?? []) {
    const format = context.workbook.worksheets.getItem(write.sheet).getRange(`${row}:${row}`).format;
    if (height === null) format.useStandardHeight = true;
    else format.rowHeight = height;
  }
  const formats = before.formats;
  const changed =
    range.values.some((row) => row.some((v) => v !== "" && v !== null)) || JSON.stringify(range.numberFormat) !== JSON.stringify(formats);
  if (!changed) return;
  // Appended rows and a superseded sheet's mark were written with their look: all of it goes, and any number format returns.
  if (write.kind === "appended" || write.style) {
    range.clear(Excel.ClearApplyTo.all);
    if (formats.some((row) => row.some((f) => f !== "General"))) range.numberFormat = formats;
    if (before.font) {
      range.format.font.name = before.font.name;
      range.format.font.size = before.font.size;
    }
    return;
  }
  range.clear(Excel.ClearApplyTo.contents);
  if (JSON.stringify(range.numberFormat) !== JSON.stringify(formats)) range.numberFormat = formats;
}
