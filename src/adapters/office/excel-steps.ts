// Each host-port step as Office.js actions queued on a request (nothing here syncs), with what it adds
// to the request: excel-port.ts packs them into requests under Office's 5 MB cap.

import { cellAddress, columnLetters } from "../../engine";
import { BlockStyle, HostStep, PrintSpec, SheetLayout, Validation, Visibility, cellReference } from "../../workbook";
import { HostFeatures } from "./excel-read";

const utf8 = new TextEncoder();
/** UTF-8 size of a value as JSON: what it adds to a request. */
export function jsonBytes(value: unknown): number {
  return utf8.encode(JSON.stringify(value) ?? "").length;
}

/** What one queued action costs besides its payload: the object path and the action's frame. */
export const ACTION_BYTES = 200;

/**
 * A column width is in characters, as in a file's <col width>, which Excel draws as width × 7 pixels
 * (the default font's digit); Office.js takes points, at 0.75 point per pixel.
 */
const POINTS_PER_CHARACTER = 7 * 0.75;

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

const SHEET_VISIBILITY: Record<Visibility, Excel.SheetVisibility> = {
  visible: "Visible" as Excel.SheetVisibility,
  hidden: "Hidden" as Excel.SheetVisibility,
  veryHidden: "VeryHidden" as Excel.SheetVisibility,
};

/** The six borders that draw a thin line around every cell of a range. */
const THIN_BORDERS = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/** A block's look on a range (ExcelApi 1.1). */
function queueStyle(range: Excel.Range, style: BlockStyle): void {
  const format = range.format;
  if (style.fontName) format.font.name = style.fontName;
  if (style.fontSize) format.font.size = style.fontSize;
  if (style.fill) format.fill.color = style.fill;
  if (style.bold) format.font.bold = true;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.underline) format.font.underline = "Single";
  if (style.align) format.horizontalAlignment = HORIZONTAL[style.align];
  if (style.wrap) format.wrapText = true;
  if (style.top) format.verticalAlignment = "Top";
  if (style.border) {
    for (const index of THIN_BORDERS) {
      const border = format.borders.getItem(index);
      border.style = "Continuous";
      border.weight = "Thin";
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

/** "5:5" → "$5:$5", "A:B" → "$A:$B". */
function absolute(range: string): string {
  return range
    .split(":")
    .map((part) => `$${part}`)
    .join(":");
}

/** Print set-up on A4, where the host has page layout (ExcelApi 1.9; transact sends none where it has not). */
function queuePrint(ws: Excel.Worksheet, print: PrintSpec, features: HostFeatures): void {
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

/** A sheet's set-up: widths, heights, merges, panes, tab colour, print, autofilter, validation. */
function queueLayout(ws: Excel.Worksheet, layout: SheetLayout, features: HostFeatures): void {
  layout.columnWidths?.forEach((w, i) => {
    ws.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = w * POINTS_PER_CHARACTER;
  });
  for (const [row, height] of Object.entries(layout.rowHeights ?? {})) ws.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const m of layout.merges ?? []) ws.getRange(m).merge(false);
  if (layout.freeze) {
    // freezeAt takes the cells of the top-left pane: "A1:B5" keeps 5 rows and 2 columns in place.
    const { rows, columns } = layout.freeze;
    if (columns) ws.freezePanes.freezeAt(ws.getRange(`A1:${cellAddress(rows, columns)}`));
    else ws.freezePanes.freezeRows(rows);
  }
  if (layout.tabColor) ws.tabColor = layout.tabColor;
  if (layout.print) queuePrint(ws, layout.print, features);
  if (layout.filter && features.autoFilter) ws.autoFilter.apply(ws.getRange(layout.filter));
  if (!features.validation) return;
  for (const v of layout.validations ?? []) {
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule = validationRule(v);
    dv.errorAlert = { message: v.message, showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: v.title };
    dv.prompt = { message: v.message, showPrompt: true, title: v.title };
  }
}

/** A native bar chart of the totals beside the ranking: a clustered bar over the 总分 column, 单位 as categories. */
function queueChart(ws: Excel.Worksheet, spec: Extract<HostStep, { op: "chart" }>["chart"]): void {
  const chart = ws.charts.add(Excel.ChartType.barClustered, ws.getRange(spec.values), Excel.ChartSeriesBy.columns);
  chart.title.text = spec.title;
  chart.legend.visible = false;
  chart.series.getItemAt(0).setXAxisValues(ws.getRange(spec.categories));
  chart.setPosition(spec.anchor);
}

/** Steps that are queued here alone; writeBlock, pause, resume, remember and restore need the port's state (excel-port.ts). */
export type PlainStep = Exclude<HostStep, { op: "writeBlock" | "pause" | "resume" | "remember" | "restore" }>;

/** Queues one step on the request. */
export function queueStep(context: Excel.RequestContext, step: PlainStep, features: HostFeatures): void {
  const sheets = context.workbook.worksheets;
  switch (step.op) {
    case "addSheet":
      sheets.add(step.sheet).visibility = SHEET_VISIBILITY.hidden;
      return;
    case "styleBlock":
      return queueStyle(sheets.getItem(step.sheet).getRange(step.range), step.style);
    case "link":
      sheets.getItem(step.sheet).getRange(step.cell).hyperlink = { documentReference: cellReference(step.to), textToDisplay: step.text };
      return;
    case "note": {
      // Notes where the host has them (ExcelApi 1.18), else comments (1.10).
      const address = cellReference({ sheet: step.sheet, cell: step.cell });
      if (features.notes) context.workbook.notes.add(address, step.text);
      else if (features.comments) context.workbook.comments.add(address, step.text, Excel.ContentType.plain);
      return;
    }
    case "layout":
      return queueLayout(sheets.getItem(step.sheet), step.layout, features);
    case "chart":
      return queueChart(sheets.getItem(step.sheet), step.chart);
    case "rename":
      sheets.getItem(step.sheet).name = step.to;
      return;
    case "setVisibility":
      sheets.getItem(step.sheet).visibility = SHEET_VISIBILITY[step.visibility];
      return;
    case "delete":
      sheets.getItem(step.sheet).delete();
      return;
    case "activate":
      sheets.getItem(step.sheet).activate();
      return;
  }
}

/** An estimate of what a step sends, to place it in a request under the budget. */
export function stepBytes(step: PlainStep): number {
  switch (step.op) {
    case "styleBlock":
      return step.style.border ? THIN_BORDERS.length * ACTION_BYTES * 3 : ACTION_BYTES * 6;
    case "link":
      return ACTION_BYTES * 2 + jsonBytes(step.to) + jsonBytes(step.text);
    case "note":
      return ACTION_BYTES + jsonBytes(step.text);
    case "layout": {
      const l = step.layout;
      const parts = (l.columnWidths?.length ?? 0) + Object.keys(l.rowHeights ?? {}).length + (l.merges?.length ?? 0) + 10;
      return parts * ACTION_BYTES * 2 + (l.validations ?? []).reduce((sum, v) => sum + ACTION_BYTES * 4 + 2 * jsonBytes(v), 0);
    }
    case "chart":
      return ACTION_BYTES * 8;
    default:
      return ACTION_BYTES * 2;
  }
}
