// What the product writes, described as data: each adapter (ExcelJS for .xlsx, Office.js in the
// add-in) turns a WorkbookChange into writes, and nothing else decides what a sheet looks like.

import { CellRef, columnLetters } from "../engine";

export interface CellSpec {
  /** Strings are always written as text, never as formulas (a name starting with "=" stays text). */
  readonly value: string | number | boolean | null;
  /** Excel number format: "0.00", "0.00%", "@", "yyyy-mm-dd", "General". */
  readonly numberFormat?: string;
  /** Background fill "#RRGGBB". */
  readonly fill?: string;
  readonly bold?: boolean;
  readonly fontColor?: string;
  readonly fontSize?: number;
  /** A cell with `align` or `wrap` is also top-aligned, so a wrapped cell and its neighbours start on one line. */
  readonly align?: "left" | "center" | "right";
  readonly wrap?: boolean;
  /** A note (comment) on the cell. */
  readonly note?: string;
  /** An internal hyperlink to a cell of the workbook. */
  readonly link?: CellRef;
  /** A formula (product-made input sheets only); `value` is then its expected result or null. */
  readonly formula?: string;
}

export type SheetRole =
  | "result" // 考评结果 of a period
  | "publication" // 公示表 of a period, beside its result
  | "validation" // 数据校验
  | "corrections" // 修正记录
  | "rules" // 评分规则
  | "units" // 考评单位
  | "events" // 考评事件
  | "holidays" // 节假日调整
  | "unitInput" // one unit's indicator sheet
  | "summaryInput" // 汇总 indicator sheet
  | "instructions" // 填报说明 of a template
  | "registry" // _kp12328, the list of the product's sheets
  | "inputs"; // _kp12328_inputs, the input values each period's current result was computed from

export interface NumberValidation {
  /** A1 range, e.g. "B4:W15". */
  readonly range: string;
  readonly kind: "wholeNumber" | "decimal";
  readonly min: number;
  readonly max?: number;
  readonly title: string;
  readonly message: string;
}

/** A font family and size (points). */
export interface FontSpec {
  readonly name: string;
  readonly size: number;
}

/** A sheet's print set-up; the paper is always A4. */
export interface PrintSpec {
  readonly orientation: "portrait" | "landscape";
  /** Fitted to this many pages wide; without it, printed at 100 %. */
  readonly fitToWidth?: number;
  /** With fitToWidth: this many pages tall, 0 (the default) = as many as it takes. */
  readonly fitToHeight?: number;
  /** Whole rows repeated at the top of every page, "5:5". */
  readonly printTitleRows?: string;
  /** Whole columns repeated at the left of every page, "A:B". */
  readonly printTitleColumns?: string;
  /** The centre footer of every page, with Excel's header/footer codes (&P this page, &N pages). */
  readonly footer?: string;
  /** Margins in inches; without them, Excel's normal ones (0.7 in left and right, 0.75 in top and bottom). */
  readonly margins?: PageMargins;
}

export interface PageMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/**
 * A dropdown: the cells of `range` take one of the listed words (or stay empty). The words are given
 * either in the rule itself (`values`, at most 255 characters together, Excel's limit) or as a range of the
 * workbook that holds them (`source`, e.g. "'考评单位'!$B$2:$B$29").
 */
export interface ListValidation {
  readonly range: string;
  readonly kind: "list";
  readonly values?: readonly string[];
  readonly source?: string;
  readonly title: string;
  readonly message: string;
}

export type Validation = NumberValidation | ListValidation;

/** A list validation's source as Excel takes it: the words as one quoted list ("\"a,b\""), or the range's reference. */
export function listSource(v: ListValidation): string {
  return v.source ?? `"${(v.values ?? []).join(",")}"`;
}

export interface SheetSpec {
  readonly name: string;
  readonly role: SheetRole;
  /** Written very hidden, as the registry is (the inputs a result was computed from). */
  readonly hidden?: boolean;
  /** The period a result or validation sheet belongs to ("2026-10"). */
  readonly period?: string;
  /** Row-major from A1; null = an empty cell. */
  readonly rows: readonly (readonly (CellSpec | null)[])[];
  /** Column widths in characters, from column A. */
  readonly columnWidths?: readonly number[];
  readonly freeze?: { readonly rows: number; readonly columns?: number };
  /** Row heights in points for rows that need more than one line (1-based row → height). */
  readonly rowHeights?: Readonly<Record<number, number>>;
  /** Merged ranges, e.g. "A1:H1". */
  readonly merges?: readonly string[];
  readonly validations?: readonly Validation[];
  readonly tabColor?: string;
  /** The header row (1-based) of a table-like sheet: the autofilter covers it and the rows under it (see tableRange). */
  readonly headerRow?: number;
  /** How the sheet prints (print-style.ts decides it for each product sheet). */
  readonly print?: PrintSpec;
  /** The font of every cell of the sheet (from A1 to its widest row and last row); a cell's fontSize overrides the size. */
  readonly font?: FontSpec;
  /** Ranges ("A5:AD33") whose every cell gets a thin border on all four sides. */
  readonly borders?: readonly string[];
  /** A bar chart of one column against the names, where the host supports charts. */
  readonly chart?: { readonly title: string; readonly categories: string; readonly values: string; readonly anchor: string };
}

/** A sheet the product made, as recorded in its registry (the very hidden sheet `_kp12328`). */
export interface ProductSheet {
  readonly name: string;
  readonly role: SheetRole;
  readonly period?: string;
  readonly version?: number;
  readonly created: string;
  /** A result sheet's standing (see lifecycle.ts): draft, ready, published or superseded. */
  readonly state?: "draft" | "ready" | "published" | "superseded";
  /** A result's publication date, YYYY-MM-DD. */
  readonly published?: string;
  /** A result's inputs fingerprint (see ledger.ts): the same inputs give the same one. */
  readonly inputs?: string;
}

/** Rows added under the last used row of a product sheet (修正记录). */
export interface SheetAppend {
  readonly sheet: string;
  readonly rows: readonly (readonly (CellSpec | null)[])[];
  /** The sheet's header row, when its autofilter is to grow over the appended rows. */
  readonly headerRow?: number;
  /** The sheet's font, for the appended cells. */
  readonly font?: FontSpec;
  /** Thin borders around every appended cell, as the sheet's table has. */
  readonly bordered?: boolean;
  /** Heights in points of the appended rows that wrap, by their place among them (1 = the first appended row). */
  readonly rowHeights?: Readonly<Record<number, number>>;
}

/**
 * One value into a cell of an existing sheet (an import, or the mark on a superseded result sheet,
 * named after its rename); only ever into a cell that is empty (see checkChange).
 */
export interface CellWrite {
  readonly sheet: string;
  /** A1 address, e.g. "C13". */
  readonly cell: string;
  /** A string is stored as text (the cell formatted "@"), never as a formula; a number keeps the cell's format. */
  readonly value: string | number | boolean;
  /** How it looks, where the host can (a product sheet's mark): bold, colour, a link. */
  readonly style?: Pick<CellSpec, "bold" | "fontColor" | "link">;
}

/**
 * One change to a workbook, applied all or nothing: renames of earlier product sheets (to keep a
 * version), sheets to write (created or replaced), rows to append to product sheets, values into
 * empty cells (an import). Adapters apply it only after checkChange accepts it.
 */
export interface WorkbookChange {
  readonly renames: readonly { readonly from: string; readonly to: string }[];
  readonly sheets: readonly SheetSpec[];
  readonly appends: readonly SheetAppend[];
  readonly cellWrites: readonly CellWrite[];
  /** The registry after the change. */
  readonly registry: readonly ProductSheet[];
  /** The sheet to show when done. */
  readonly activate?: string;
}

export const REGISTRY_SHEET = "_kp12328";

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/** A sheet name as a formula, a link or an address names it: in single quotes, each of its quotes doubled ('O''Brien'). */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A cell's number format as written: its own, else "@" for text (so "=1+2" stays text), else General. */
export function cellNumberFormat(cell: CellSpec | null | undefined): string {
  if (!cell) return "General";
  return cell.numberFormat ?? (typeof cell.value === "string" && !cell.formula ? "@" : "General");
}

/** The columns of a table: from A to the header row's last cell. */
function tableWidth(header: readonly (CellSpec | null)[]): number {
  let width = header.length;
  while (width > 1 && !header[width - 1]) width--;
  return width;
}

/** An autofilter's range: from column A of the header row to `lastRow`, `width` columns wide ("A5:X33"). */
export function filterRange(headerRow: number, width: number, lastRow: number): string {
  return `A${headerRow}:${columnLetters(width)}${Math.max(headerRow, lastRow)}`;
}

/** A written sheet's autofilter: the header row and the rows under it down to the first empty one (a legend below is left out). */
export function tableRange(spec: Pick<SheetSpec, "rows" | "headerRow">): string | undefined {
  const header = spec.headerRow ? spec.rows[spec.headerRow - 1] : undefined;
  if (!spec.headerRow || !header) return undefined;
  let last = spec.headerRow;
  while (last < spec.rows.length && spec.rows[last].some((c) => c !== null)) last++;
  return filterRange(spec.headerRow, tableWidth(header), last);
}
