// How the product's sheets print and which font they use, as data: the one font family, the footer,
// each kind of sheet's print set-up, and the estimate of how many lines a wrapped text takes (which
// decides row heights, so that nothing is cut on paper).

import { columnLetters, parseCellAddress } from "../engine";
import { CellSpec, FontSpec, PageMargins, PrintSpec } from "./sheet-spec";

/**
 * 等线 (DengXian) is Excel's default font for Chinese since Office 2016 and ships with Windows 10+,
 * Office and WPS: a sans face drawn for screen and print, legible at 9–10 pt. LibreOffice, where it is
 * missing, falls back to its sans CJK face (Noto Sans CJK SC, WenQuanYi), so titles, headers and body
 * stay in one sans family instead of a serif fallback beside a sans body. 宋体 is thin at 9 pt in PDF.
 */
export const FONT_NAME = "等线";
/** Body text, in points: at 100 % it prints at 10 pt (the issue's floor is 9 pt). */
export const BODY_SIZE = 10;
export const BODY_FONT: FontSpec = { name: FONT_NAME, size: BODY_SIZE };

/** Who issues the printed sheets (the footer). */
export const ISSUER = "河南省12328电话省中心";

/** The footer of every printed page: issuer, page x of n (Excel's &P / &N), generation time (YYYY-MM-DD HH:mm). */
export function printFooter(generated?: string): string {
  return `${ISSUER} · 第 &P 页，共 &N 页${generated ? ` · 生成时间 ${generated}` : ""}`;
}

/** Header rows "5:5" (or "4:5") of a 1-based row range. */
export function titleRows(first: number, last = first): string {
  return `${first}:${last}`;
}

/** A list-like sheet (数据校验, 修正记录): A4 landscape, one page wide, its header row on every page. */
export function listPrint(headerRow: number, generated?: string): PrintSpec {
  return { orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitleRows: titleRows(headerRow), footer: printFooter(generated) };
}

/** Narrower margins than Excel's normal ones, for a table that must fit one page: 0.3 in at the sides, 0.5 in top and bottom. */
export const NARROW_MARGINS: PageMargins = { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 };

/** The smallest print scale that keeps body text at 9 pt or more (10 pt × 0.9). */
export const LEGIBLE_SCALE = 0.9;

/** The width between the side margins of a landscape A4 page (297 mm), in points. */
export function landscapeWidthPoints(margins: PageMargins = NARROW_MARGINS): number {
  return (297 / 25.4 - margins.left - margins.right) * 72;
}

/** A column's printed width in points at 100 %: Excel draws a width of w characters as about 7w + 5 pixels. */
export function columnPoints(width: number): number {
  return (7 * width + 5) * 0.75;
}

/** How many of the first columns fit on one landscape page at 100 % (at least one). */
export function columnsOnFirstPage(widths: readonly number[], margins: PageMargins = NARROW_MARGINS): number {
  const room = landscapeWidthPoints(margins);
  let used = 0;
  const fit = widths.findIndex((w) => (used += columnPoints(w)) > room);
  return fit === -1 ? widths.length : Math.max(1, fit);
}

/**
 * The fewest landscape pages wide that print columns of `widths` at LEGIBLE_SCALE or larger, the first
 * `repeated` columns printed again on every page after the first.
 */
export function legiblePagesWide(widths: readonly number[], repeated: number, margins: PageMargins = NARROW_MARGINS): number {
  const total = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  const key = widths.slice(0, repeated).reduce((sum, w) => sum + columnPoints(w), 0);
  const room = landscapeWidthPoints(margins);
  let pages = 1;
  while ((pages * room) / (total + (pages - 1) * key) < LEGIBLE_SCALE) pages++;
  return pages;
}

/**
 * An indicator sheet of the template (a unit's): landscape, as few pages wide as keep its body at 9 pt
 * or more (the province's, with score columns, takes two), the 月份 column and header row on every page.
 */
export function indicatorPrint(headerRow: number, columnWidths: readonly number[]): PrintSpec {
  const pages = legiblePagesWide(columnWidths, 1);
  return {
    orientation: "landscape",
    fitToWidth: pages,
    fitToHeight: 0,
    printTitleRows: titleRows(headerRow),
    ...(pages > 1 ? { printTitleColumns: "A:A" } : {}),
    footer: printFooter(),
    margins: NARROW_MARGINS,
  };
}

/**
 * The detailed result table: too wide for one legible page, so two pages wide at 100 % (the column
 * widths are chosen to fit), 名次 and 单位 repeated on the second, the header row on every page.
 */
export function detailedTablePrint(headerRow: number, generated: string, keyColumns = 2): PrintSpec {
  return {
    orientation: "landscape",
    fitToWidth: 2,
    fitToHeight: 0,
    printTitleRows: titleRows(headerRow),
    printTitleColumns: `A:${columnLetters(keyColumns)}`,
    footer: printFooter(generated),
    margins: DETAILED_TABLE_MARGINS,
  };
}

/** The detailed table's: Excel's normal side margins (its widths are chosen for them), half an inch less at top and bottom. */
export const DETAILED_TABLE_MARGINS: PageMargins = { ...NARROW_MARGINS, left: 0.7, right: 0.7 };

/** A table that goes out as one page (公示表): fitted to one page wide and tall, narrow margins. */
export function onePagePrint(orientation: PrintSpec["orientation"], generated: string): PrintSpec {
  return { orientation, fitToWidth: 1, fitToHeight: 1, footer: printFooter(generated), margins: NARROW_MARGINS };
}

// ---- how much room a wrapped text takes --------------------------------------------------------

/** A character's advance in ems: CJK and full-width forms are square, Latin letters and digits about half. */
function charEms(ch: string): number {
  if (/[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u3000-\u303F\u2014\u2026\u00B7\u201C\u201D]/.test(ch)) return 1;
  return /[A-Z%]/.test(ch) ? 0.65 : 0.55;
}

/** A text's width in points at `size`. */
export function textPoints(text: string, size = BODY_SIZE): number {
  let ems = 0;
  for (const ch of text) ems += charEms(ch);
  return ems * size;
}

/**
 * The room for text in a column `width` characters wide (SheetSpec.columnWidths): Excel draws a
 * width of w as about 7w pixels at 0.75 point each, less a few pixels of cell padding.
 */
export function columnTextPoints(width: number): number {
  return Math.max(1, (7 * width - 6) * 0.75);
}

/** Lines a text takes wrapped in columns of `width` characters: each paragraph broken where it runs out of room (10 % to spare). */
export function wrappedLines(text: string, width: number, size = BODY_SIZE): number {
  const room = columnTextPoints(width);
  return text.split("\n").reduce((n, paragraph) => n + Math.max(1, Math.ceil((textPoints(paragraph, size) * 1.1) / room)), 0);
}

/** A row's height in points for `lines` lines of `size` text: CJK faces take about 1.45 em a line. */
export function linesHeight(lines: number, size = BODY_SIZE): number {
  return Math.ceil(lines * size * 1.45 + 3);
}

/**
 * The height of a row whose cells wrap or are larger than body text: the tallest cell's; undefined when
 * every cell fits on one line of body text (the row's default height does).
 */
export function wrappedRowHeight(
  cells: readonly { readonly text: string; readonly width: number; readonly size?: number }[],
): number | undefined {
  let height = 0;
  let taller = false;
  for (const c of cells) {
    const lines = wrappedLines(c.text, c.width, c.size);
    if (lines > 1 || (c.size ?? BODY_SIZE) > BODY_SIZE) taller = true;
    height = Math.max(height, linesHeight(lines, c.size));
  }
  return taller ? height : undefined;
}

/**
 * Row heights (1-based row → points) for the rows of a sheet that wrap: each wrapped cell's text in its
 * column (or columns, for a cell of `merges`), or over the table's whole width in a row merged across
 * it (`merged`, 1-based).
 */
export function wrappedHeights(
  rows: readonly (readonly (CellSpec | null)[])[],
  widths: readonly number[],
  merged: ReadonlySet<number>,
  merges: readonly string[] = [],
): Record<number, number> {
  const total = widths.reduce((a, b) => a + b, 0);
  // A cell merged across columns of its row ("B2:C2") has their widths together.
  const spans = new Map<string, number>();
  for (const m of merges) {
    const [from, to] = m.split(":").map((a) => parseCellAddress(a));
    if (from && to && from.row === to.row) spans.set(`${from.row},${from.column}`, to.column - from.column + 1);
  }
  const widthAt = (r: number, c: number) => {
    const span = spans.get(`${r + 1},${c + 1}`) ?? 1;
    return widths.slice(c, c + span).reduce((a, b) => a + b, 0);
  };
  const heights: Record<number, number> = {};
  rows.forEach((row, r) => {
    const cells = row.flatMap((cell, c) =>
      cell?.wrap && cell.value !== null
        ? [{ text: String(cell.value), width: merged.has(r + 1) ? total : widthAt(r, c), size: cell.fontSize }]
        : [],
    );
    // A line merged across the table (a title, a notice) gets its height even on one line: its row has no other cell to size it.
    const height = wrappedRowHeight(cells) ?? (merged.has(r + 1) && cells.length ? linesHeight(1, cells[0].size) : undefined);
    if (height) heights[r + 1] = height;
  });
  return heights;
}
