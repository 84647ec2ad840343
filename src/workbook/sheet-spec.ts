// What the product writes, described as data: each adapter (ExcelJS for .xlsx, Office.js in the
// add-in) turns a WorkbookChange into writes, and nothing else decides what a sheet looks like.

import { CellRef } from "../engine";

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
  | "validation" // 数据校验
  | "corrections" // 修正记录
  | "rules" // 评分规则
  | "units" // 考评单位
  | "events" // 考评事件
  | "holidays" // 节假日调整
  | "unitInput" // one unit's indicator sheet
  | "summaryInput"; // 汇总 indicator sheet

export interface NumberValidation {
  /** A1 range, e.g. "B4:W15". */
  readonly range: string;
  readonly kind: "wholeNumber" | "decimal";
  readonly min: number;
  readonly max?: number;
  readonly title: string;
  readonly message: string;
}

export interface SheetSpec {
  readonly name: string;
  readonly role: SheetRole;
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
  readonly validations?: readonly NumberValidation[];
  readonly tabColor?: string;
  /** The header row (1-based) of a table-like sheet, for autofilter. */
  readonly headerRow?: number;
  /** Printed landscape, one page wide: result sheets go out on paper and as PDF. */
  readonly printLandscape?: boolean;
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
}

/**
 * One generation's effect on a workbook, applied all or nothing: renames of earlier product sheets
 * (to keep a version), sheets to write (created or replaced), rows to append to product sheets.
 */
export interface WorkbookChange {
  readonly renames: readonly { readonly from: string; readonly to: string }[];
  readonly sheets: readonly SheetSpec[];
  readonly appends: readonly { readonly sheet: string; readonly rows: readonly (readonly (CellSpec | null)[])[] }[];
  /** The registry after the change. */
  readonly registry: readonly ProductSheet[];
  /** The sheet to show when done. */
  readonly activate?: string;
}

export const REGISTRY_SHEET = "_kp12328";
