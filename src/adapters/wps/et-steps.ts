// Each host-port step as calls on WPS's ET object model, run at once (ET is synchronous): a block of values
// is one Value2 write after its number formats (one NumberFormat per rectangle of equal formats, since ET
// takes one format for a whole range), looks go on rectangles, colours become BGR integers, a column width
// in characters becomes ET's ColumnWidth. The order of the steps is transact's; et-port.ts runs them.

import { cellAddress, columnLetters } from "../../engine";
import { BlockStyle, HostStep, PrintSpec, SheetLayout, Validation, Visibility, cellReference } from "../../workbook";
import { EtRange, EtWorksheet, XL } from "./et-model";

/** "#RRGGBB" as ET's colour: blue in the high byte, red in the low (BGR). */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/**
 * A file's column width `w` (characters, as a <col width>) as ET's ColumnWidth: Excel and WPS draw
 * ColumnWidth c as c × 7 + 5 pixels (the standard font's digit, and padding), a file's w as
 * trunc((256w + trunc(128/7)) / 256 × 7) pixels; the same pixels make the same column.
 */
export function columnWidthOf(w: number): number {
  const pixels = Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7);
  return (pixels - 5) / 7;
}

const VISIBLE: Record<Visibility, Et.XlSheetVisibility> = {
  visible: XL.xlSheetVisible,
  hidden: XL.xlSheetHidden,
  veryHidden: XL.xlSheetVeryHidden,
};

const HORIZONTAL = { left: XL.xlLeft, center: XL.xlCenter, right: XL.xlRight } as const;

/** ET names General "G/通用格式" in Chinese builds; both mean the same. */
export const isGeneral = (format: string | null | undefined): boolean => !format || format === "General" || format === "G/通用格式";

/** Rectangles (0-based, inclusive) of equal keys: runs along each row, joined down rows with the same run. */
export function equalRectangles<T>(grid: readonly (readonly T[])[], same: (a: T, b: T) => boolean) {
  type Rect = { r0: number; r1: number; c0: number; c1: number; value: T };
  const done: Rect[] = [];
  let open: Rect[] = [];
  grid.forEach((row, r) => {
    const next: Rect[] = [];
    for (let c = 0; c < row.length;) {
      let e = c;
      while (e + 1 < row.length && same(row[e + 1], row[c])) e++;
      const above = open.find((o) => o.c0 === c && o.c1 === e && same(o.value, row[c]));
      if (above) {
        above.r1 = r;
        next.push(above);
      } else next.push({ r0: r, r1: r, c0: c, c1: e, value: row[c] });
      c = e + 1;
    }
    done.push(...open.filter((o) => !next.includes(o)));
    open = next;
  });
  return [...done, ...open];
}

/** Number formats from (row, column), 1-based: one NumberFormat per rectangle of equal formats. */
export function writeFormats(ws: EtWorksheet, row: number, column: number, formats: readonly (readonly string[])[]): void {
  for (const b of equalRectangles(formats, (a, z) => a === z || (isGeneral(a) && isGeneral(z))))
    ws.Range(`${cellAddress(row + b.r0, column + b.c0)}:${cellAddress(row + b.r1, column + b.c1)}`).NumberFormat = b.value;
}

/** A block of values; a single cell as its value (ET's scalar form), more as rows padded to one width. */
export function writeValues(ws: EtWorksheet, row: number, column: number, values: readonly (readonly (string | number | boolean)[])[]) {
  const width = Math.max(1, ...values.map((r) => r.length));
  const range = ws.Range(`${cellAddress(row, column)}:${cellAddress(row + values.length - 1, column + width - 1)}`);
  if (values.length === 1 && width === 1) range.Value2 = values[0][0] as string;
  else range.Value2 = values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
}

/** A range's thin border around every cell: its four edges, and the lines between its cells where it has more than one. */
function thinBorders(range: EtRange): void {
  const inside = [...(range.Columns.Count > 1 ? [XL.xlInsideVertical] : []), ...(range.Rows.Count > 1 ? [XL.xlInsideHorizontal] : [])];
  const borders = range.Borders;
  for (const index of [XL.xlEdgeTop, XL.xlEdgeBottom, XL.xlEdgeLeft, XL.xlEdgeRight, ...inside]) {
    const border = borders.Item(index);
    border.LineStyle = XL.xlContinuous;
    border.Weight = XL.xlThin;
  }
}

export function writeStyle(range: EtRange, style: BlockStyle): void {
  if (style.fontName || style.fontSize || style.bold || style.fontColor || style.underline) {
    const font = range.Font;
    if (style.fontName) font.Name = style.fontName;
    if (style.fontSize) font.Size = style.fontSize;
    if (style.bold) font.Bold = true;
    if (style.fontColor) font.Color = bgr(style.fontColor);
    if (style.underline) font.Underline = XL.xlUnderlineStyleSingle;
  }
  if (style.fill) range.Interior.Color = bgr(style.fill);
  if (style.align) range.HorizontalAlignment = HORIZONTAL[style.align];
  if (style.wrap) range.WrapText = true;
  if (style.top) range.VerticalAlignment = XL.xlTop;
  if (style.border) thinBorders(range);
}

/** "5:5" → "$5:$5", "A:B" → "$A:$B", as PageSetup's print titles take them. */
const absolute = (range: string) =>
  range
    .split(":")
    .map((part) => `$${part}`)
    .join(":");

function writePrint(ws: EtWorksheet, print: PrintSpec): void {
  const page = ws.PageSetup;
  page.PaperSize = XL.xlPaperA4;
  page.Orientation = print.orientation === "landscape" ? XL.xlLandscape : XL.xlPortrait;
  if (print.fitToWidth !== undefined) {
    // Fitting counts only while Zoom is false; 0 pages tall (as many as it takes) is false too.
    page.Zoom = false;
    page.FitToPagesWide = print.fitToWidth || false;
    page.FitToPagesTall = print.fitToHeight || false;
  }
  if (print.printTitleRows) page.PrintTitleRows = absolute(print.printTitleRows);
  if (print.printTitleColumns) page.PrintTitleColumns = absolute(print.printTitleColumns);
  if (print.footer) page.CenterFooter = print.footer;
  const m = print.margins;
  if (m) {
    // ET takes points, 72 an inch.
    page.LeftMargin = m.left * 72;
    page.RightMargin = m.right * 72;
    page.TopMargin = m.top * 72;
    page.BottomMargin = m.bottom * 72;
    page.HeaderMargin = m.header * 72;
    page.FooterMargin = m.footer * 72;
  }
}

function writeValidation(ws: EtWorksheet, v: Validation): void {
  const dv = ws.Range(v.range).Validation;
  dv.Delete();
  if (v.kind === "list")
    dv.Add(XL.xlValidateList, XL.xlValidAlertStop, XL.xlBetween, v.source ? `=${v.source}` : (v.values ?? []).join(","));
  else
    dv.Add(
      v.kind === "wholeNumber" ? XL.xlValidateWholeNumber : XL.xlValidateDecimal,
      XL.xlValidAlertStop,
      v.max === undefined ? XL.xlGreaterEqual : XL.xlBetween,
      String(v.min),
      v.max === undefined ? undefined : String(v.max),
    );
  dv.InputTitle = v.title;
  dv.InputMessage = v.message;
  dv.ErrorTitle = v.title;
  dv.ErrorMessage = v.message;
  dv.ShowInput = true;
  dv.ShowError = true;
}

/** Consecutive keys with one value, as [first, last, value] runs: columns of one width take one call. */
function runs(entries: readonly (readonly [number, number])[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const [k, v] of [...entries].sort(([a], [b]) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] === k - 1 && last[2] === v) last[1] = k;
    else out.push([k, k, v]);
  }
  return out;
}

/** A sheet's set-up but its frozen panes, which ET freezes on the active window only (et-port.ts does that once the sheet shows). */
export function writeLayout(ws: EtWorksheet, layout: SheetLayout): void {
  for (const [a, b, w] of runs((layout.columnWidths ?? []).map((w, i) => [i + 1, w] as const)))
    ws.Range(`${columnLetters(a)}:${columnLetters(b)}`).ColumnWidth = columnWidthOf(w);
  for (const [a, b, h] of runs(Object.entries(layout.rowHeights ?? {}).map(([r, h]) => [Number(r), h] as const)))
    ws.Range(`${a}:${b}`).RowHeight = h;
  for (const m of layout.merges ?? []) ws.Range(m).Merge();
  if (layout.tabColor) ws.Tab.Color = bgr(layout.tabColor);
  if (layout.print) writePrint(ws, layout.print);
  if (layout.filter) {
    if (ws.AutoFilterMode) ws.AutoFilterMode = false;
    ws.Range(layout.filter).AutoFilter();
  }
  for (const v of layout.validations ?? []) writeValidation(ws, v);
}

/** Freezes `rows` and `columns` on the active window's sheet, counted from the sheet's top-left cell. */
export function freezeActive(app: { readonly ActiveWindow: import("./et-model").EtWindow }, freeze: { rows: number; columns?: number }) {
  const w = app.ActiveWindow;
  if (w.FreezePanes) w.FreezePanes = false;
  w.ScrollRow = 1;
  w.ScrollColumn = 1;
  w.SplitRow = freeze.rows;
  w.SplitColumn = freeze.columns ?? 0;
  w.FreezePanes = true;
}

/** The steps here alone; addSheet, writeBlock, pause, resume, remember, restore, layout's panes and delete are the port's. */
export type PlainStep = Extract<HostStep, { op: "styleBlock" | "link" | "note" | "rename" | "setVisibility" | "activate" }>;

/** Runs one step; `sheet` gives the step's sheet (et-port.ts keeps the last one). */
export function runStep(step: PlainStep, sheet: () => EtWorksheet): void {
  const ws = sheet();
  switch (step.op) {
    case "styleBlock":
      return writeStyle(ws.Range(step.range), step.style);
    case "link":
      ws.Hyperlinks.Add(ws.Range(step.cell), "", cellReference(step.to), undefined, step.text);
      return;
    case "note":
      ws.Range(step.cell).AddComment(step.text);
      return;
    case "rename":
      ws.Name = step.to;
      return;
    case "setVisibility":
      ws.Visible = VISIBLE[step.visibility];
      return;
    case "activate":
      ws.Activate();
      return;
  }
}
