// How the product's sheets print and which font they use, as data: the one font family, the footer,
// each kind of sheet's print set-up, and the estimate of how many lines a wrapped text takes (which
// decides row heights, so that nothing is cut on paper).

import { columnLetters } from "../engine";
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

/** An indicator sheet of the template (a unit's or the 汇总): one page wide, the 月份 header row on every page. */
export function indicatorPrint(headerRow: number): PrintSpec {
  return { orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitleRows: titleRows(headerRow), footer: printFooter() };
}

/** Narrower margins than Excel's normal ones, for a table that must fit one page: 0.3 in at the sides, 0.5 in top and bottom. */
export const NARROW_MARGINS: PageMargins = { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 };

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
    // Excel's normal side margins (the widths are chosen for them), half an inch less at top and bottom.
    margins: { ...NARROW_MARGINS, left: 0.7, right: 0.7 },
  };
}

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
 * column, or over the table's whole width in a row merged across it (`merged`, 1-based).
 */
export function wrappedHeights(
  rows: readonly (readonly (CellSpec | null)[])[],
  widths: readonly number[],
  merged: ReadonlySet<number>,
): Record<number, number> {
  const total = widths.reduce((a, b) => a + b, 0);
  const heights: Record<number, number> = {};
  rows.forEach((row, r) => {
    const cells = row.flatMap((cell, c) =>
      cell?.wrap && cell.value !== null
        ? [{ text: String(cell.value), width: merged.has(r + 1) ? total : widths[c], size: cell.fontSize }]
        : [],
    );
    // A line merged across the table (a title, a notice) gets its height even on one line: its row has no other cell to size it.
    const height = wrappedRowHeight(cells) ?? (merged.has(r + 1) && cells.length ? linesHeight(1, cells[0].size) : undefined);
    if (height) heights[r + 1] = height;
  });
  return heights;
}
