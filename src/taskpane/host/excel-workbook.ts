// The Office.js adapter: reads the workbook into sheets of cell values and applies a WorkbookChange.
// Built for Excel on the web, where every sync is a round trip and a request is capped at 5 MB: a
// generation takes a fixed number of syncs, writes whole 2-D ranges, and splits only what would not
// fit in one request. New sheets are written under temporary names and swapped in at the end, so a
// failure part-way leaves the workbook as it was.

import { CellGrid, CellValue } from "../../core/cells";
import { cellAddress, columnLetters } from "../../core/problems";
import { SheetCells, registryRows } from "../../core/workbook/read";
import { CellSpec, REGISTRY_SHEET, SheetSpec, WorkbookChange } from "../../core/workbook/sheet-spec";

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

export interface WorkbookSnapshot {
  readonly sheets: SheetCells[];
  /** Every sheet name, hidden ones included. */
  readonly names: string[];
  /** The calculation mode to restore after writing (ExcelApi 1.8), undefined where unsupported. */
  readonly calculation?: Excel.CalculationMode | "Automatic" | "AutomaticExceptTables" | "Manual";
}

/** Reads every sheet's used range: two syncs whatever the number of sheets. */
export async function readWorkbookCells(context: Excel.RequestContext, features: HostFeatures): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const used = worksheets.items.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("values,rowIndex,columnIndex");
    return { name: ws.name, range };
  });
  const app = context.workbook.application;
  if (features.validation) app.load("calculationMode");
  await context.sync();
  return {
    names: used.map((u) => u.name),
    sheets: used.map(({ name, range }) => ({ name, cells: range.isNullObject ? [] : placeGrid(range.values, range.rowIndex, range.columnIndex) })),
    calculation: features.validation ? app.calculationMode : undefined,
  };
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
  const values = spec.rows.map((row) => Array.from({ length: width }, (_, c) => {
    const cell = row[c];
    if (!cell) return "";
    if (cell.formula) return cell.formula;
    return cell.value ?? "";
  }));
  // Text cells carry "@" so that a string like "=1+2" from the input is stored as text, never a formula.
  const formats = spec.rows.map((row) => Array.from({ length: width }, (_, c) => row[c]?.numberFormat ?? (typeof row[c]?.value === "string" && !row[c]?.formula ? "@" : "General")));
  return { values, formats, width };
}

/** Rows per write so that one request stays under the budget (values + formats as JSON). */
function rowChunks(spec: SheetSpec, budget: number): [number, number][] {
  const sizes = spec.rows.map((row) => JSON.stringify(row).length + 16);
  const chunks: [number, number][] = [];
  let start = 0;
  let size = 0;
  sizes.forEach((s, i) => {
    if (size + s > budget && i > start) {
      chunks.push([start, i]);
      start = i;
      size = 0;
    }
    size += s;
  });
  chunks.push([start, spec.rows.length]);
  return chunks;
}

const POINTS_PER_CHARACTER = 7;

function writeStyles(ws: Excel.Worksheet, spec: SheetSpec, features: HostFeatures): void {
  for (const { range, style } of styleBlocks(spec.rows)) {
    const r = ws.getRange(range);
    if (style.fill) r.format.fill.color = style.fill;
    if (style.bold) r.format.font.bold = true;
    if (style.fontColor) r.format.font.color = style.fontColor;
    if (style.fontSize) r.format.font.size = style.fontSize;
    if (style.align) r.format.horizontalAlignment = style.align === "left" ? "Left" : style.align === "center" ? "Center" : "Right";
    if (style.wrap) r.format.wrapText = true;
  }
  spec.columnWidths?.forEach((w, i) => {
    ws.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = w * POINTS_PER_CHARACTER;
  });
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const m of spec.merges ?? []) ws.getRange(m).merge(false);
  if (spec.freeze) {
    if (spec.freeze.columns) ws.freezePanes.freezeAt(ws.getRange(`A1:${cellAddress(spec.freeze.rows, spec.freeze.columns)}`));
    else ws.freezePanes.freezeRows(spec.freeze.rows);
  }
  if (spec.tabColor) ws.tabColor = spec.tabColor;
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.link) {
        ws.getRange(cellAddress(r + 1, c + 1)).hyperlink = { documentReference: `'${cell.link.sheet.replace(/'/g, "''")}'!${cell.link.cell || "A1"}`, textToDisplay: String(cell.value ?? "") };
      }
    }),
  );
  if (features.validation) {
    for (const v of spec.validations ?? []) {
      const dv = ws.getRange(v.range).dataValidation;
      const rule = v.max === undefined ? { formula1: v.min, operator: Excel.DataValidationOperator.greaterThanOrEqualTo } : { formula1: v.min, formula2: v.max, operator: Excel.DataValidationOperator.between };
      dv.rule = v.kind === "wholeNumber" ? { wholeNumber: rule } : { decimal: rule };
      dv.errorAlert = { message: v.message, showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: v.title };
      dv.prompt = { message: v.message, showPrompt: true, title: v.title };
    }
  }
}

function writeNotes(context: Excel.RequestContext, sheet: string, spec: SheetSpec, features: HostFeatures): void {
  if (!features.comments) return;
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.note) context.workbook.comments.add(`'${sheet.replace(/'/g, "''")}'!${cellAddress(r + 1, c + 1)}`, cell.note);
    }),
  );
}

function writeChart(ws: Excel.Worksheet, spec: SheetSpec, features: HostFeatures): void {
  if (!spec.chart || !features.charts) return;
  const chart = ws.charts.add(Excel.ChartType.barClustered, ws.getRange(spec.chart.values), Excel.ChartSeriesBy.columns);
  chart.title.text = spec.chart.title;
  chart.legend.visible = false;
  chart.series.getItemAt(0).setXAxisValues(ws.getRange(spec.chart.categories));
  chart.setPosition(spec.chart.anchor);
}

/** A name for a sheet while it is written: hidden from the user's sheet list until it is complete. */
function temporaryName(i: number, taken: ReadonlySet<string>): string {
  for (let n = i; ; n++) {
    const name = `~kp12328 ${n}`;
    if (!taken.has(name)) return name;
  }
}

/**
 * Applies the change in two steps. (1) Every new sheet is written, hidden, under a temporary name, in
 * as few requests as the payload cap allows (one for ordinary sizes). (2) They are swapped in:
 * earlier product sheets renamed or replaced, 修正记录 appended, the registry rewritten, calculation
 * restored. A failure in (1) deletes the temporary sheets: the workbook is left as it was.
 * `snapshot` is what readWorkbookCells returned for this generation.
 */
export async function applyWorkbookChange(context: Excel.RequestContext, change: WorkbookChange, snapshot: WorkbookSnapshot, features: HostFeatures): Promise<void> {
  const app = context.workbook.application;
  const existing = new Set(snapshot.names);
  const taken = new Set(existing);
  const temps = change.sheets.map((spec, i) => {
    const temp = temporaryName(i + 1, taken);
    taken.add(temp);
    return { spec, temp };
  });

  // Step 1 requests: each a list of queued writes; a new request starts where the payload would pass the budget.
  const requests: (() => void)[][] = [[]];
  let size = 0;
  const queue = (bytes: number, write: () => void) => {
    if (size + bytes > REQUEST_BUDGET_BYTES && requests[requests.length - 1].length) {
      requests.push([]);
      size = 0;
    }
    size += bytes;
    requests[requests.length - 1].push(write);
  };
  for (const { spec, temp } of temps) {
    queue(256, () => {
      const ws = context.workbook.worksheets.add(temp);
      ws.visibility = Excel.SheetVisibility.hidden;
    });
    const { values, formats, width } = rectangular(spec);
    for (const [from, to] of rowChunks(spec, REQUEST_BUDGET_BYTES / 2)) {
      const bytes = JSON.stringify(values.slice(from, to)).length + JSON.stringify(formats.slice(from, to)).length;
      queue(bytes, () => {
        const range = context.workbook.worksheets.getItem(temp).getRange(`A${from + 1}:${columnLetters(width)}${to}`);
        // Formats first: a text cell must already be "@" when its value arrives.
        range.numberFormat = formats.slice(from, to);
        range.values = values.slice(from, to);
      });
    }
    queue(JSON.stringify(styleBlocks(spec.rows)).length + 4096, () => {
      const ws = context.workbook.worksheets.getItem(temp);
      writeStyles(ws, spec, features);
      writeChart(ws, spec, features);
      writeNotes(context, temp, spec, features);
    });
  }

  try {
    for (const [i, writes] of requests.entries()) {
      if (i === 0) {
        if (features.screenUpdating) app.suspendScreenUpdatingUntilNextSync();
        if (snapshot.calculation !== undefined) app.calculationMode = Excel.CalculationMode.manual;
      }
      for (const write of writes) write();
      await context.sync();
    }
  } catch (error) {
    await discardTemporarySheets(context, temps.map((t) => t.temp), snapshot.calculation);
    throw error;
  }

  // Step 2: swap in. The planned names were checked free against the snapshot.
  for (const { from, to } of change.renames) context.workbook.worksheets.getItem(from).name = to;
  for (const { spec, temp } of temps) {
    if (existing.has(spec.name) && !change.renames.some((r) => r.from === spec.name)) context.workbook.worksheets.getItem(spec.name).delete();
    const ws = context.workbook.worksheets.getItem(temp);
    ws.name = spec.name;
    ws.visibility = Excel.SheetVisibility.visible;
  }
  for (const append of change.appends) {
    if (!append.rows.length) continue;
    const already = snapshot.sheets.find((s) => s.name === append.sheet)?.cells.length ?? 0;
    const { values, formats, width } = rectangular({ name: append.sheet, role: "corrections", rows: append.rows });
    const range = context.workbook.worksheets.getItem(append.sheet).getRange(`A${already + 1}:${columnLetters(width)}${already + append.rows.length}`);
    range.numberFormat = formats;
    range.values = values;
  }
  writeRegistry(context, change, existing.has(REGISTRY_SHEET));
  if (change.activate) context.workbook.worksheets.getItem(change.activate).activate();
  if (snapshot.calculation !== undefined) app.calculationMode = snapshot.calculation;
  await context.sync();
}

async function discardTemporarySheets(context: Excel.RequestContext, names: readonly string[], calculation: WorkbookSnapshot["calculation"]): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const ws of sheets.items) if (names.includes(ws.name)) ws.delete();
    if (calculation !== undefined) context.workbook.application.calculationMode = calculation;
    await context.sync();
  } catch {
    // The original failure is what the user needs to hear about; leftover temporary sheets are hidden.
  }
}

function writeRegistry(context: Excel.RequestContext, change: WorkbookChange, exists: boolean): void {
  const rows = registryRows(change.registry).map((r) => r.map((v) => (v === null || typeof v === "object" ? "" : v)));
  const ws = exists ? context.workbook.worksheets.getItem(REGISTRY_SHEET) : context.workbook.worksheets.add(REGISTRY_SHEET);
  if (exists) ws.getRange().clear();
  const range = ws.getRange(`A1:${columnLetters(rows[0].length)}${rows.length}`);
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows;
  ws.visibility = Excel.SheetVisibility.veryHidden;
}
