// What a user sees of a workbook, as plain data in one vocabulary, read from an .xlsx file (ExcelJS)
// or from the in-memory Excel host: so that one comparison can hold the two adapters to the same
// picture. Defaults are left out (an empty General cell, Excel's default print set-up), so a cell the
// Office adapter wrote as "" and a cell ExcelJS never touched look the same, as they do in Excel.

import ExcelJS from "exceljs";
import { cellAddress, columnLetters, parseCellAddress } from "../../src/engine";
import { MemoryExcel, snapshotSheet } from "./memory-excel";

export interface CellView {
  /** The value, or "=formula" for a formula cell (the in-memory host calculates no custom function). */
  value: string | number | boolean | null;
  format: string;
  fill: string | null;
  bold: boolean;
  fontColor: string | null;
  fontSize: number | null;
  /** The font's name; null for Excel's default (Calibri). */
  fontName: string | null;
  /** Each edge's line, "top/right/bottom/left" ("thin/thin/thin/thin"); null without any. */
  border: string | null;
  underline: boolean;
  horizontal: string | null;
  vertical: string | null;
  wrap: boolean;
}

export interface ValidationView {
  type: "whole" | "decimal" | "list";
  operator: string;
  /** Numbers of a number rule; a list's one source as ExcelJS writes it: "\"a,b\"" or "'Sheet'!$B$2:$B$9". */
  formulae: (number | string)[];
  prompt: string;
  error: string;
  errorStyle: string;
}

export interface PrintView {
  orientation: "portrait" | "landscape";
  /** "default": whatever the printer uses. */
  paper: string;
  /** Pages wide and tall to fit, 0 = automatic; null = printed at 100 %. */
  fit: { wide: number; tall: number } | null;
  titleRows: string | null;
  titleColumns: string | null;
  /** The centre footer, with Excel's codes (&P, &N). */
  footer: string | null;
  /** Margins in inches, "left/right/top/bottom/header/footer"; null: Excel's normal ones. */
  margins: string | null;
}

/** Excel's normal margins, in inches. */
const NORMAL_MARGINS = "0.7/0.7/0.75/0.75/0.3/0.3";
export const marginText = (inches: number[]): string | null => {
  const text = inches.map((n) => String(Math.round(n * 1000) / 1000)).join("/");
  return text === NORMAL_MARGINS ? null : text;
};

export interface SheetView {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  tabColor: string | null;
  frozen: { rows: number; columns: number };
  /** Column widths in points, by letter. */
  columnWidths: Record<string, number>;
  /** Row heights in points, by 1-based row. */
  rowHeights: Record<string, number>;
  merges: string[];
  autoFilter: string | null;
  print: PrintView;
  cells: Record<string, CellView>;
  validations: Record<string, ValidationView>;
  notes: Record<string, string>;
  /** Internal hyperlinks: target "'Sheet'!A1" by cell. */
  links: Record<string, string>;
}

export interface WorkbookView {
  sheets: SheetView[];
  active: string | undefined;
}

export function isDefault(c: CellView): boolean {
  return (
    (c.value === null || c.value === "") &&
    c.format === "General" &&
    !c.fill &&
    !c.bold &&
    !c.fontColor &&
    !c.fontSize &&
    !c.fontName &&
    !c.border &&
    !c.underline &&
    !c.horizontal &&
    !c.vertical &&
    !c.wrap
  );
}

/** Excel's default font size is no size of its own. */
const fontSize = (size: number | undefined): number | null => (size === undefined || size === 11 ? null : size);

/** Excel's default font is no font of its own. */
const fontName = (name: string | undefined): string | null => (!name || name === "Calibri" ? null : name);

/** "top/right/bottom/left" from each edge's line, null when there is none. */
function borderText(edges: (string | undefined)[]): string | null {
  const lines = edges.map((e) => e ?? "none");
  return lines.every((l) => l === "none") ? null : lines.join("/");
}

const colour = (argb: string | undefined): string | null => (argb ? `#${argb.slice(-6).toUpperCase()}` : null);

/** Excel's drawing of a <col width> of w characters: ((256w + 128/7) / 256 · 7) pixels, 0.75 point each. */
export function widthInPoints(characters: number): number {
  return Math.trunc(((256 * characters + Math.trunc(128 / 7)) / 256) * 7) * 0.75;
}

// ---- ExcelJS ---------------------------------------------------------------------------------

function excelJsValue(cell: ExcelJS.Cell): CellView["value"] {
  const v = cell.value;
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "object" && "formula" in v) return `=${(v as ExcelJS.CellFormulaValue).formula}`;
  if (typeof v === "object" && "text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  if (v instanceof Date) return v.toISOString();
  return v as string | number | boolean;
}

function excelJsCell(cell: ExcelJS.Cell): CellView {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return {
    value: excelJsValue(cell),
    format: cell.numFmt || "General",
    fill: fill?.type === "pattern" && fill.pattern === "solid" ? colour(fill.fgColor?.argb) : null,
    bold: !!cell.font?.bold,
    fontColor: colour(cell.font?.color?.argb),
    fontSize: fontSize(cell.font?.size),
    fontName: fontName(cell.font?.name),
    border: borderText([cell.border?.top?.style, cell.border?.right?.style, cell.border?.bottom?.style, cell.border?.left?.style]),
    underline: !!cell.font?.underline,
    horizontal: cell.alignment?.horizontal ?? null,
    vertical: cell.alignment?.vertical ?? null,
    wrap: !!cell.alignment?.wrapText,
  };
}

function excelJsPrint(ws: ExcelJS.Worksheet): PrintView {
  const p = ws.pageSetup;
  return {
    orientation: p.orientation === "landscape" ? "landscape" : "portrait",
    paper: p.paperSize === 9 ? "A4" : p.paperSize === undefined ? "default" : String(p.paperSize),
    fit: p.fitToPage ? { wide: p.fitToWidth ?? 1, tall: p.fitToHeight ?? 1 } : null,
    titleRows: p.printTitlesRow ?? null,
    titleColumns: p.printTitlesColumn ?? null,
    footer: ws.headerFooter?.oddFooter?.replace(/^&C/, "") || null,
    margins: p.margins
      ? marginText([p.margins.left, p.margins.right, p.margins.top, p.margins.bottom, p.margins.header, p.margins.footer])
      : null,
  };
}

function excelJsSheet(ws: ExcelJS.Worksheet): SheetView {
  const cells: Record<string, CellView> = {};
  const notes: Record<string, string> = {};
  const links: Record<string, string> = {};
  const rowHeights: Record<string, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined) rowHeights[String(r)] = row.height;
    row.eachCell({ includeEmpty: true }, (cell) => {
      // A merged area shows its top-left cell only.
      if (cell.isMerged && cell.master !== cell) return;
      const view = excelJsCell(cell);
      if (!isDefault(view)) cells[cell.address] = view;
      if (cell.note) notes[cell.address] = typeof cell.note === "string" ? cell.note : (cell.note.texts ?? []).map((t) => t.text).join("");
      if (cell.hyperlink) links[cell.address] = cell.hyperlink.replace(/^#/, "");
    });
  });
  const columnWidths: Record<string, number> = {};
  (ws.columns ?? []).forEach((c, i) => {
    if (c.width !== undefined) columnWidths[columnLetters(i + 1)] = widthInPoints(c.width);
  });
  const validations: Record<string, ValidationView> = {};
  for (const [address, v] of Object.entries(
    (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model,
  )) {
    if (!v) continue;
    // A validation added over a range is kept under the range's address: each of its cells has it.
    for (const cell of addresses(address))
      validations[cell] = {
        type: v.type as ValidationView["type"],
        operator: v.type === "list" ? "" : (v.operator ?? "between"),
        formulae: v.type === "list" ? (v.formulae ?? []).map(String) : (v.formulae ?? []).map(Number),
        prompt: `${v.promptTitle ?? ""}|${v.prompt ?? ""}`,
        error: `${v.errorTitle ?? ""}|${v.error ?? ""}`,
        errorStyle: v.errorStyle ?? "stop",
      };
  }
  const view = ws.views?.[0];
  const filter = ws.autoFilter;
  return {
    name: ws.name,
    visibility: ws.state === "veryHidden" ? "veryHidden" : ws.state === "hidden" ? "hidden" : "visible",
    tabColor: colour((ws.properties.tabColor as { argb?: string } | undefined)?.argb),
    frozen: view?.state === "frozen" ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : { rows: 0, columns: 0 },
    columnWidths,
    rowHeights,
    merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
    autoFilter: typeof filter === "string" ? filter : filter ? `${filter.from}:${filter.to}` : null,
    print: excelJsPrint(ws),
    cells,
    validations,
    notes,
    links,
  };
}

export function viewOfExcelJs(workbook: ExcelJS.Workbook): WorkbookView {
  const active = workbook.views?.[0]?.activeTab;
  return { sheets: workbook.worksheets.map(excelJsSheet), active: active === undefined ? undefined : workbook.worksheets[active]?.name };
}

// ---- the in-memory Excel host ----------------------------------------------------------------

const OPERATORS: Record<string, string> = { GreaterThanOrEqualTo: "greaterThanOrEqual", Between: "between" };

function memoryValidation(v: ReturnType<typeof snapshotSheet>["validations"][number]): ValidationView {
  const prompts = {
    prompt: `${v.prompt?.title ?? ""}|${v.prompt?.message ?? ""}`,
    error: `${v.errorAlert?.title ?? ""}|${v.errorAlert?.message ?? ""}`,
    errorStyle: String(v.errorAlert?.style ?? "Stop").toLowerCase(),
  };
  if (v.rule.list) {
    // Office.js takes a range as "=…" and words bare; the file holds the range bare and the words quoted.
    const source = String(v.rule.list.source);
    return { type: "list", operator: "", formulae: [source.startsWith("=") ? source.slice(1) : `"${source}"`], ...prompts };
  }
  const kind = v.rule.wholeNumber ? "whole" : "decimal";
  const rule = (v.rule.wholeNumber ?? v.rule.decimal)!;
  return {
    type: kind,
    operator: OPERATORS[String(rule.operator)] ?? String(rule.operator),
    formulae: [rule.formula1, rule.formula2].filter((f) => f !== undefined).map(Number),
    prompt: `${v.prompt?.title ?? ""}|${v.prompt?.message ?? ""}`,
    error: `${v.errorAlert?.title ?? ""}|${v.errorAlert?.message ?? ""}`,
    errorStyle: String(v.errorAlert?.style ?? "Stop").toLowerCase(),
  };
}

/** "A1:B3" → every address in it. */
function addresses(range: string): string[] {
  const [from, to = from] = range.split(":").map((a) => parseCellAddress(a)!);
  const out: string[] = [];
  for (let r = from.row; r <= to.row; r++) for (let c = from.column; c <= to.column; c++) out.push(cellAddress(r, c));
  return out;
}

function memoryPrint(p: ReturnType<typeof snapshotSheet>["pageLayout"]): PrintView {
  const fitted = p.zoom.horizontalFitToPages !== undefined || p.zoom.verticalFitToPages !== undefined;
  return {
    orientation: p.orientation === "Landscape" ? "landscape" : "portrait",
    // The host's default paper is the US one; a sheet nobody set up prints on the printer's default.
    paper: p.paperSize === "Letter" ? "default" : p.paperSize,
    fit: fitted ? { wide: p.zoom.horizontalFitToPages ?? 0, tall: p.zoom.verticalFitToPages ?? 0 } : null,
    titleRows: p.printTitleRows,
    titleColumns: p.printTitleColumns,
    footer: p.centerFooter,
    margins: marginText(
      [
        p.margins.leftMargin,
        p.margins.rightMargin,
        p.margins.topMargin,
        p.margins.bottomMargin,
        p.margins.headerMargin,
        p.margins.footerMargin,
      ].map((points) => points / 72),
    ),
  };
}

/** "Continuous/Thin" → "thin", as ExcelJS names a thin continuous line; "None" → none. */
function memoryBorder(b: { top?: string; right?: string; bottom?: string; left?: string } | undefined): string | null {
  const line = (edge: string | undefined) => {
    if (!edge) return undefined;
    const [style, weight] = edge.split("/");
    return style === "None" ? undefined : style === "Continuous" ? weight.toLowerCase() : style.toLowerCase();
  };
  return b ? borderText([line(b.top), line(b.right), line(b.bottom), line(b.left)]) : null;
}

function memorySheet(host: MemoryExcel, name: string): SheetView {
  const snap = snapshotSheet(host, name);
  const cells: Record<string, CellView> = {};
  const hidden = new Set(snap.merges.flatMap((m) => addresses(m).slice(1)));
  snap.formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      const address = cellAddress(r + 1, c + 1);
      // A merged area shows its top-left cell only.
      if (hidden.has(address)) return;
      const font = snap.fonts[address];
      const align = snap.alignment[address];
      const value = snap.values[r][c];
      // A formula cell's formula differs from its value; text such as "=1+2" is its own value.
      const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
      const view: CellView = {
        value: isFormula ? formula : value === "" ? null : (value as CellView["value"]),
        format: snap.numberFormats[r][c],
        fill: snap.fills[r][c]?.toUpperCase() ?? null,
        bold: !!font?.bold,
        fontColor: font?.color?.toUpperCase() ?? null,
        fontSize: fontSize(font?.size),
        fontName: fontName(font?.name),
        border: memoryBorder(snap.borders[address]),
        underline: !!font?.underline && font.underline !== "None",
        horizontal: align?.horizontal ? align.horizontal.toLowerCase() : null,
        vertical: align?.vertical ? align.vertical.toLowerCase() : null,
        wrap: !!align?.wrapText,
      };
      if (!isDefault(view)) cells[address] = view;
    }),
  );
  const validations: Record<string, ValidationView> = {};
  for (const v of snap.validations) for (const a of addresses(v.address)) validations[a] = memoryValidation(v);
  const links = Object.fromEntries(Object.entries(snap.hyperlinks).map(([a, h]) => [a, h.documentReference ?? h.address ?? ""]));
  return {
    name: snap.name,
    visibility: snap.visibility === "VeryHidden" ? "veryHidden" : snap.visibility === "Hidden" ? "hidden" : "visible",
    tabColor: snap.tabColor ? snap.tabColor.toUpperCase() : null,
    frozen: { rows: snap.frozenRows, columns: snap.frozenColumns },
    columnWidths: snap.columnWidths,
    rowHeights: snap.rowHeights,
    merges: [...snap.merges].sort(),
    autoFilter: snap.autoFilter,
    print: memoryPrint(snap.pageLayout),
    cells,
    validations,
    notes: { ...snap.notes },
    links,
  };
}

export function viewOfMemoryHost(host: MemoryExcel): WorkbookView {
  const active = host.state.sheets.find((s) => s.id === host.state.activeSheetId)?.name;
  return { sheets: host.state.sheets.map((s) => memorySheet(host, s.name)), active };
}
