// What a user sees of the in-memory ET workbook, in what-a-user-sees.ts's vocabulary, so the contract test
// holds the WPS adapter to the same picture as the ExcelJS and Office ones. ET's units become the view's:
// BGR → "#RRGGBB", a width in characters → points as Excel and WPS draw it (7 pixels a character of the
// standard font plus 5 pixels of padding, 0.75 point a pixel), margins in points → inches.

import { cellAddress, columnLetters } from "../memory-excel/address";
import { ErrorValue, displayText } from "../memory-excel/cells";
import { CellView, PrintView, SheetView, ValidationView, WorkbookView, isDefault, marginText } from "../what-a-user-sees";
import { EtHost } from "./host";
import { EtSheetState, EtValidationState } from "./state";

const hex = (bgr: number | undefined): string | null =>
  bgr === undefined
    ? null
    : `#${[bgr & 0xff, (bgr >> 8) & 0xff, (bgr >> 16) & 0xff].map((n) => n.toString(16).padStart(2, "0").toUpperCase()).join("")}`;

/** A column width of `characters` as drawn, in points. */
export const columnPoints = (characters: number): number => Math.round(characters * 7 + 5) * 0.75;

const HORIZONTAL: Record<number, string> = { [-4131]: "left", [-4108]: "center", [-4152]: "right" };
const VERTICAL: Record<number, string> = { [-4160]: "top", [-4108]: "middle" };
const GENERAL = new Set(["General", "G/通用格式", undefined]);

/** An edge as ExcelJS names its line: continuous and thin (1/2) is "thin". */
function line(edge: string | undefined): string {
  if (!edge) return "none";
  const [style, weight] = edge.split("/");
  if (style !== "1") return `style${style}`;
  return ({ "1": "hair", "2": "thin", "-4138": "medium", "4": "thick" } as Record<string, string>)[weight] ?? `weight${weight}`;
}

function cellView(host: EtHost, sheet: EtSheetState, r: number, c: number): CellView {
  const cell = sheet.cells.get(`${r},${c}`);
  const value = cell?.formula ? cell.formula : (cell?.value ?? "");
  const borders = [cell?.borders?.top, cell?.borders?.right, cell?.borders?.bottom, cell?.borders?.left].map(line);
  const font = cell?.font;
  return {
    value: value instanceof ErrorValue ? value.text : value === "" ? null : value,
    format: GENERAL.has(cell?.numberFormat) ? "General" : cell!.numberFormat!,
    fill: hex(cell?.fill),
    bold: !!font?.bold,
    fontColor: font?.color === undefined || font.color === 0 ? null : hex(font.color),
    fontSize: font?.size === undefined || font.size === 11 ? null : font.size,
    fontName: font?.name ?? null,
    border: borders.every((b) => b === "none") ? null : borders.join("/"),
    underline: font?.underline !== undefined && font.underline !== -4142,
    horizontal: cell?.horizontal === undefined ? null : (HORIZONTAL[cell.horizontal] ?? String(cell.horizontal)),
    vertical: cell?.vertical === undefined ? null : (VERTICAL[cell.vertical] ?? String(cell.vertical)),
    wrap: !!cell?.wrap,
  };
}

function validationView(v: EtValidationState): ValidationView {
  const prompts = {
    prompt: `${v.inputTitle}|${v.inputMessage}`,
    error: `${v.errorTitle}|${v.errorMessage}`,
    errorStyle: ({ 1: "stop", 2: "warning", 3: "information" } as Record<number, string>)[v.alertStyle] ?? String(v.alertStyle),
  };
  if (v.type === 3) {
    // ET takes a range as "=…" and words bare; the file holds the range bare and the words quoted.
    const f = v.formula1 ?? "";
    return { type: "list", operator: "", formulae: [f.startsWith("=") ? f.slice(1) : `"${f}"`], ...prompts };
  }
  return {
    type: v.type === 1 ? "whole" : "decimal",
    operator: ({ 1: "between", 7: "greaterThanOrEqual" } as Record<number, string>)[v.operator ?? 1] ?? String(v.operator),
    formulae: [v.formula1, v.formula2].filter((f) => f !== undefined).map(Number),
    ...prompts,
  };
}

function printView(s: EtSheetState): PrintView {
  const p = s.page;
  const bare = (a: string) => a.replace(/\$/g, "") || null;
  return {
    orientation: p.orientation === 2 ? "landscape" : "portrait",
    paper: p.paperSize === undefined ? "default" : p.paperSize === 9 ? "A4" : String(p.paperSize),
    fit: p.zoom === false ? { wide: p.fitWide || 0, tall: p.fitTall || 0 } : null,
    titleRows: bare(p.printTitleRows),
    titleColumns: bare(p.printTitleColumns),
    footer: p.centerFooter || null,
    margins: marginText(
      [p.margins.left, p.margins.right, p.margins.top, p.margins.bottom, p.margins.header, p.margins.footer].map((x) => x / 72),
    ),
  };
}

const a1 = (rect: { row: number; column: number; rowCount: number; columnCount: number }) =>
  `${cellAddress(rect.row, rect.column)}:${cellAddress(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1)}`;

function sheetView(host: EtHost, s: EtSheetState): SheetView {
  const hidden = new Set<string>();
  for (const m of s.merges)
    for (let r = m.row; r < m.row + m.rowCount; r++)
      for (let c = m.column; c < m.column + m.columnCount; c++) if (r !== m.row || c !== m.column) hidden.add(`${r},${c}`);
  const cells: Record<string, CellView> = {};
  for (const key of s.cells.keys()) {
    if (hidden.has(key)) continue;
    const [r, c] = key.split(",").map(Number);
    const view = cellView(host, s, r, c);
    if (!isDefault(view)) cells[cellAddress(r, c)] = view;
  }
  const validations: Record<string, ValidationView> = {};
  for (const v of s.validations)
    for (let r = v.rect.row; r < v.rect.row + v.rect.rowCount; r++)
      for (let c = v.rect.column; c < v.rect.column + v.rect.columnCount; c++) validations[cellAddress(r, c)] = validationView(v);
  const byCell = (m: Map<string, string>) =>
    Object.fromEntries([...m].map(([key, v]) => [cellAddress(...(key.split(",").map(Number) as [number, number])), v]));
  return {
    name: s.name,
    visibility: s.visible === 2 ? "veryHidden" : s.visible === 0 ? "hidden" : "visible",
    tabColor: hex(s.tabColor),
    frozen: { ...s.frozen },
    columnWidths: Object.fromEntries([...s.columnWidths].sort(([a], [b]) => a - b).map(([c, w]) => [columnLetters(c), columnPoints(w)])),
    rowHeights: Object.fromEntries([...s.rowHeights].sort(([a], [b]) => a - b).map(([r, h]) => [String(r + 1), h])),
    merges: s.merges.map(a1).sort(),
    autoFilter: s.autoFilter ? a1(s.autoFilter) : null,
    print: printView(s),
    cells,
    validations,
    notes: byCell(s.notes),
    links: byCell(s.links),
  };
}

export function viewOfMemoryEt(host: EtHost): WorkbookView {
  return { sheets: host.sheets.map((s) => sheetView(host, s)), active: host.active?.name };
}

/** The text a cell shows, as ET's Range.Text gives it. */
export function shownText(host: EtHost, sheet: string, row: number, column: number): string {
  const s = host.sheetNamed(sheet)!;
  return displayText(host.valueOf(s, row - 1, column - 1), s.cells.get(`${row - 1},${column - 1}`)?.numberFormat);
}
