// The host port over an ExcelJS workbook in memory: the same steps the Office.js and WPS adapters
// execute, run on ExcelJS's model (no Node import, so the pane and a browser page can use it as the
// command-line tool does). The order of a change is transact's (src/workbook/transact.ts); the caller
// saves to a new file, so even an undo that failed never leaves half a file.

import type ExcelJS from "exceljs";
import {
  ALL_CAPABILITIES,
  BlockStyle,
  ExecuteReport,
  HostCapabilities,
  HostPort,
  HostSnapshot,
  HostStep,
  PrintSpec,
  SheetEntry,
  SheetLayout,
  Validation,
  Visibility,
  cellReference,
  isLeftover,
  listSource,
} from "../../workbook";
import { sheetGrid } from "./cells";

/** ExcelJS has no chart API: a result sheet is complete without its chart (SheetSpec.chart: "where the host supports charts"). */
export const XLSX_CAPABILITIES: HostCapabilities = { ...ALL_CAPABILITIES, charts: false };

function argb(color: string): string {
  return `FF${color.replace("#", "").toUpperCase()}`;
}

/**
 * ExcelJS leaves a column of width 9 out of the file, taking 9 for the default; Excel's default is
 * 8.43, so the column would come out narrower than the spec says. A width a hair over 9 is kept.
 */
const EXCELJS_DEFAULT_WIDTH = 9;
const WIDTH_NUDGE = 1e-6;

/** The paper size A4 in the OOXML page set-up. */
const PAPER_A4 = 9;

/** A thin line on every side of a cell. */
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** A sheet by name, without regard to case (as Excel names sheets). */
function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return workbook.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

/** Every cell of an A1 range ("A5:AD33", or one cell). */
function cellsOf(ws: ExcelJS.Worksheet, range: string): ExcelJS.Cell[] {
  const [from, to] = range.split(":");
  const start = ws.getCell(from);
  const end = ws.getCell(to ?? from);
  const cells: ExcelJS.Cell[] = [];
  for (let r = Number(start.row); r <= Number(end.row); r++)
    for (let c = Number(start.col); c <= Number(end.col); c++) cells.push(ws.getCell(r, c));
  return cells;
}

/** A loaded file's cells share one style object per look: a cell gets its own before it changes. */
function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style };
}

/** A block's look on one cell, over what the cell has. */
function styleCell(cell: ExcelJS.Cell, style: BlockStyle): void {
  ownStyle(cell);
  if (style.fontName || style.fontSize || style.bold || style.fontColor || style.underline) {
    const old = (cell.font ?? {}) as Partial<ExcelJS.Font>;
    cell.font = {
      ...old,
      ...(style.fontName ? { name: style.fontName } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.bold ? { bold: true } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
      ...(style.underline ? { underline: true } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.align || style.wrap || style.top)
    cell.alignment = { horizontal: style.align, wrapText: style.wrap, vertical: style.top ? "top" : undefined };
  if (style.border) cell.border = THIN;
}

/** A block of values; a formula as ExcelJS keeps it, with the value it is expected to show (ExcelJS calculates nothing). */
function writeBlock(ws: ExcelJS.Worksheet, step: Extract<HostStep, { op: "writeBlock" }>): void {
  step.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = ws.getCell(step.row + r, step.column + c);
      const format = step.formats?.[r][c];
      if (format && format !== "General") {
        ownStyle(cell);
        cell.numFmt = format;
      }
      if (value === "") return;
      // A string is stored as a string ("=1+2" in a text cell stays text); only a formula cell's text is a formula.
      if (typeof value === "string" && value.startsWith("=") && format !== "@")
        cell.value = { formula: value.slice(1), result: (step.cached?.[r][c] ?? undefined) as ExcelJS.CellFormulaValue["result"] };
      else cell.value = value;
    }),
  );
}

/** ExcelJS's data validations of a sheet by range (exceljs's typings leave the member out). */
type DataValidations = { add(range: string, validation: ExcelJS.DataValidation): void };

/** Each validation over its range, without creating the range's cells (rows typed later still start under the header). */
function writeValidations(ws: ExcelJS.Worksheet, validations: readonly Validation[]): void {
  const all = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  for (const v of validations) {
    all.add(v.range, {
      ...(v.kind === "list"
        ? { type: "list" as const, formulae: [listSource(v)] }
        : {
            type: v.kind === "wholeNumber" ? ("whole" as const) : ("decimal" as const),
            operator: v.max === undefined ? ("greaterThanOrEqual" as const) : ("between" as const),
            formulae: v.max === undefined ? [v.min] : [v.min, v.max],
          }),
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.title,
      error: v.message,
      showInputMessage: true,
      promptTitle: v.title,
      prompt: v.message,
    });
  }
}

/** Print set-up: A4, orientation, pages to fit (0 = as many as it takes), print titles, margins, the centre footer. */
function writePrint(ws: ExcelJS.Worksheet, print: PrintSpec): void {
  ws.pageSetup = {
    orientation: print.orientation,
    paperSize: PAPER_A4,
    fitToPage: print.fitToWidth !== undefined,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToWidth !== undefined ? (print.fitToHeight ?? 0) : undefined,
    printTitlesRow: print.printTitleRows,
    printTitlesColumn: print.printTitleColumns,
    ...(print.margins ? { margins: { ...print.margins } } : {}),
  };
  // Excel's header/footer codes: &C starts the centre section.
  if (print.footer) ws.headerFooter = { oddFooter: `&C${print.footer}` };
}

function writeLayout(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  layout.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w === EXCELJS_DEFAULT_WIDTH ? w + WIDTH_NUDGE : w));
  for (const [row, height] of Object.entries(layout.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const range of layout.merges ?? []) ws.mergeCells(range);
  if (layout.freeze) ws.views = [{ state: "frozen", xSplit: layout.freeze.columns ?? 0, ySplit: layout.freeze.rows }];
  if (layout.tabColor) ws.properties.tabColor = { argb: argb(layout.tabColor) };
  if (layout.print) writePrint(ws, layout.print);
  if (layout.filter) ws.autoFilter = layout.filter;
  if (layout.validations) writeValidations(ws, layout.validations);
}

/** A style as plain data (fonts, fills, borders: JSON all the way down), copied so later writes leave it alone. */
function copy<T>(style: T): T {
  return JSON.parse(JSON.stringify(style)) as T;
}

const STATE: Record<string, Visibility> = { visible: "visible", hidden: "hidden", veryHidden: "veryHidden" };

/** What cells of a sheet that stays were before a write: their values and styles, the autofilter, the rows' heights. */
interface Before {
  readonly cells: readonly { readonly cell: ExcelJS.Cell; readonly value: ExcelJS.CellValue; readonly style: Partial<ExcelJS.Style> }[];
  /** Where the write grows the autofilter: the one the sheet had. */
  readonly filter?: { readonly range: ExcelJS.Worksheet["autoFilter"] };
  readonly heights: readonly { readonly row: ExcelJS.Row; readonly height: number | undefined }[];
}

/** The steps on whole sheets and on what is remembered. */
type SheetStep = Extract<HostStep, { op: "rename" | "setVisibility" | "delete" | "activate" | "remember" | "restore" }>;

/** Steps on an ExcelJS workbook, executed at once; `execute` throws on the first that fails, as Excel would refuse it. */
export class XlsxSteps {
  private readonly memory = new Map<string, Before>();
  private active?: ExcelJS.Worksheet;

  constructor(private readonly workbook: ExcelJS.Workbook) {}

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = sheetNamed(this.workbook, name);
    if (!ws) throw new Error(`找不到工作表“${name}”`);
    return ws;
  }

  private visibleOthers(ws: ExcelJS.Worksheet): number {
    return this.workbook.worksheets.filter((w) => w !== ws && (w.state ?? "visible") === "visible").length;
  }

  execute(steps: readonly HostStep[]): ExecuteReport {
    let refusedCharts = 0;
    for (const step of steps) if (!this.run(step)) refusedCharts++;
    const tab = this.active ? this.workbook.worksheets.indexOf(this.active) : -1;
    if (tab >= 0) this.workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: tab, visibility: "visible" }];
    return { refusedCharts };
  }

  /** Runs one step; false for a chart, which ExcelJS cannot draw. */
  private run(step: HostStep): boolean {
    switch (step.op) {
      case "addSheet":
        this.workbook.addWorksheet(step.sheet, { state: "hidden" });
        return true;
      case "writeBlock":
        writeBlock(this.sheet(step.sheet), step);
        return true;
      case "styleBlock":
        for (const cell of cellsOf(this.sheet(step.sheet), step.range)) styleCell(cell, step.style);
        return true;
      case "link": {
        const cell = this.sheet(step.sheet).getCell(step.cell);
        if (typeof cell.value === "string") cell.value = { text: step.text, hyperlink: `#${cellReference(step.to)}` };
        return true;
      }
      case "note":
        this.sheet(step.sheet).getCell(step.cell).note = step.text;
        return true;
      case "layout":
        writeLayout(this.sheet(step.sheet), step.layout);
        return true;
      case "chart":
        return false;
      case "pause":
      case "resume":
        return true;
      default:
        this.runOnSheets(step);
        return true;
    }
  }

  /** Renames, visibility, deletes, the active sheet, and what is remembered and restored. */
  private runOnSheets(step: SheetStep): void {
    const ws = this.sheet(step.sheet);
    switch (step.op) {
      case "rename": {
        const other = sheetNamed(this.workbook, step.to);
        if (other && other !== ws) throw new Error(`工作表名“${step.to}”已被占用`);
        ws.name = step.to;
        return;
      }
      case "setVisibility":
        if (step.visibility !== "visible" && !this.visibleOthers(ws)) throw new Error("不能隐藏最后一张可见的工作表");
        ws.state = step.visibility;
        return;
      case "delete":
        if ((ws.state ?? "visible") === "visible" && !this.visibleOthers(ws)) throw new Error("不能删除最后一张可见的工作表");
        if (this.active === ws) this.active = undefined;
        this.workbook.removeWorksheet(ws.id);
        return;
      case "activate":
        this.active = ws;
        return;
      case "remember":
        this.memory.set(step.key, {
          cells: cellsOf(ws, step.range).map((cell) => ({ cell, value: cell.value, style: copy(cell.style ?? {}) })),
          filter: step.filter ? { range: ws.autoFilter } : undefined,
          heights: (step.rows ?? []).map((r) => ({ row: ws.getRow(r), height: ws.getRow(r).height })),
        });
        return;
      case "restore": {
        const before = this.memory.get(step.key);
        if (!before) return;
        // ExcelJS keeps every look of a cell: the cells get back exactly what they had, whichever the clear.
        for (const { cell, value, style } of before.cells) {
          cell.value = value;
          cell.style = copy(style);
        }
        if (before.filter) ws.autoFilter = before.filter.range;
        for (const { row, height } of before.heights) row.height = height as number;
        return;
      }
    }
  }
}

/** The workbook's sheets, names and visibility in order. */
function entriesOf(workbook: ExcelJS.Workbook): SheetEntry[] {
  return workbook.worksheets.map((ws) => ({ name: ws.name, visibility: STATE[ws.state ?? "visible"] ?? "visible" }));
}

/** The port over `workbook`. */
export function xlsxPort(workbook: ExcelJS.Workbook): HostPort {
  const steps = new XlsxSteps(workbook);
  return {
    can: XLSX_CAPABILITIES,
    read: async (): Promise<HostSnapshot> => {
      const entries = entriesOf(workbook);
      const sheets = workbook.worksheets.filter((_, i) => !isLeftover(entries[i])).map((ws) => ({ name: ws.name, cells: sheetGrid(ws) }));
      const tab = workbook.views?.[0]?.activeTab;
      return { sheets, names: entries.map((e) => e.name), entries, active: tab === undefined ? undefined : entries[tab]?.name };
    },
    sheets: async () => entriesOf(workbook),
    execute: async (batch) => steps.execute(batch),
  };
}
