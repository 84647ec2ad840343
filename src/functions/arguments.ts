// A KAOPING function's arguments as the host hands them over, and how each declared kind of argument is
// read (spec §7; docs/functions.md says what each host sends): scalars, or 2-D arrays for ranges; omitted
// optional arguments as null or undefined; an empty cell as null or "" on Excel on the web and current
// desktop builds, but as 0 on older desktop builds (OfficeDev/office-js #4702, #5262, #1951), which no
// requirement set tells apart. So an argument declares what a 0 is: where it has no meaning of its own it
// is read as the empty cell it may be; where it is a real number (a count, a median, a total),
// docs/functions.md names the argument and the formula guard for it. Error values
// (allowErrorForDataTypeAny) arrive as objects; every other object is refused.

import { CellValue, EXCEL_ERRORS, checkMeasure, isBlank } from "../engine";
import { invalid, measureError, passOn } from "./errors";

/** Any value a host may pass for one argument. */
export type Arg = unknown;

/** What a cell shows for each of Excel's error types (Excel.ErrorCellValueType in @types/office-js). */
const ERROR_TYPE_TEXT: Readonly<Record<string, string>> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

/**
 * The error an object given for a cell stands for, in each shape one may arrive in: the engine's
 * {error}, a CustomFunctions.Error ({code: "#DIV/0!"}), or the data types' error value
 * ({type: "Error", basicValue: "#DIV/0!", errorType: "Div0"}, Excel.ErrorCellValue — Microsoft's
 * "Custom functions and data types": a custom function can accept a data types error object).
 * Undefined for any other object.
 */
export function errorOf(value: object): string | undefined {
  const v = value as { error?: unknown; code?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
  if (typeof v.error === "string") return v.error;
  if (v.type === "Error") {
    if (typeof v.basicValue === "string" && v.basicValue.trim()) return v.basicValue;
    return (typeof v.errorType === "string" && ERROR_TYPE_TEXT[v.errorType]) || "#VALUE!";
  }
  if (typeof v.code === "string" && EXCEL_ERRORS.includes(v.code)) return v.code;
  return undefined;
}

/** What the clerk calls a data type Excel may hand over as an object (Excel.CellValueType). */
const DATA_TYPE_NAMES: Readonly<Record<string, string>> = {
  Entity: "实体",
  LinkedEntity: "链接实体",
  FormattedNumber: "带格式的数字",
  Double: "带格式的数字",
  WebImage: "图片",
  LocalImage: "图片",
  Array: "数组",
};

/**
 * One cell as the engine's CellValue. Error objects become {error}; any other object (an entity, a
 * formatted number, a nested array) is refused, naming the argument and, in a range, the cell: the
 * metadata does not ask Excel for data types (build/functions-metadata.js), so such a value is one
 * the function cannot read, and is never turned into "[object Object]".
 */
export function toCell(value: Arg, what: string, row = -1, column = -1): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object" && !Array.isArray(value)) {
    const error = errorOf(value);
    if (error !== undefined) return { error };
  }
  const at = row < 0 ? "" : `（区域第 ${row + 1} 行第 ${column + 1} 列）`;
  throw invalid(`${what}${at}${dataTypeName(value)}，本函数只读取单元格中的数字、文字、日期或错误值，请引用普通单元格`);
}

function dataTypeName(value: unknown): string {
  if (Array.isArray(value)) return "是数组";
  const type = typeof value === "object" && value !== null ? (value as { type?: unknown }).type : undefined;
  const name = typeof type === "string" ? DATA_TYPE_NAMES[type] : undefined;
  return name ? `是 Excel 数据类型“${name}”` : "是无法识别的值";
}

/** A range argument as a grid (a scalar is a 1×1 grid); a cell of a larger range is named by its place in it. */
export function gridOf(arg: Arg, what: string): CellValue[][] {
  if (!Array.isArray(arg)) return [[toCell(arg, what)]];
  const single = arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1;
  const grid: CellValue[][] = [];
  for (let r = 0; r < arg.length; r++) {
    const row: unknown[] = Array.isArray(arg[r]) ? arg[r] : [arg[r]];
    const cells: CellValue[] = [];
    for (let c = 0; c < row.length; c++) cells.push(single ? toCell(row[c], what) : toCell(row[c], what, r, c));
    grid.push(cells);
  }
  return grid;
}

/** An argument's cells in reading order (a scalar is one cell). */
export function cellsOf(arg: Arg, what: string): CellValue[] {
  return flat(gridOf(arg, what));
}

/** The cells of a grid in reading order (a loop: Array.prototype.flat is slow where KAOPING.RANK runs per cell). */
export function flat(grid: readonly (readonly CellValue[])[]): CellValue[] {
  const out: CellValue[] = [];
  for (const row of grid) for (const cell of row) out.push(cell);
  return out;
}

/** A single-cell argument's cells: exactly one (a 1×1 range counts as a single cell). */
export function oneCell(cells: readonly CellValue[], what: string): CellValue {
  if (cells.length === 1) return cells[0];
  throw invalid(`${what}应为单个单元格，收到 ${cells.length} 个单元格`);
}

/** Omitted, or a blank cell / all-blank range: an optional argument not given. */
function omitted(arg: Arg): boolean {
  if (!Array.isArray(arg)) return isBlank(arg as CellValue);
  for (const row of arg) {
    if (!Array.isArray(row)) {
      if (!isBlank(row as CellValue)) return false;
    } else for (const v of row) if (!isBlank(v as CellValue)) return false;
  }
  return true;
}

/** A 0 where a cell can only hold words or dates: the empty cell older desktop Excel hands over as 0. */
export function zeroAsBlank(cell: CellValue): CellValue {
  return cell === 0 ? null : cell;
}

/** Blank, or 0 read as the empty cell older desktop Excel hands over. */
export const blankOrZero = (cell: CellValue): boolean => isBlank(cell) || cell === 0;

// ---------------------------------------------------------------------------------------------
// Declared arguments

/**
 * What a function gets for an argument:
 * - cell: one cell's value (a 1×1 range counts as one cell);
 * - count: one cell holding a count, checked as a centre's count is (records.ts): a whole number ≥ 0;
 * - cells: the cells of a range (or one value) in reading order;
 * - range: the range as rows of cells;
 * - rules: the 评分规则 range as given, read and cached by content (rules-argument.ts).
 */
export type ArgKind = "cell" | "count" | "cells" | "range" | "rules";

export interface ArgSpec {
  /** The parameter's name, as functions.ts's JSDoc (Excel's metadata) names it. */
  readonly name: string;
  /** What messages call it: 分子, 发布日期 … */
  readonly label: string;
  readonly kind: ArgKind;
  /** Excel's metadata takes it as a range (any[][]): a range then always arrives as rows. */
  readonly matrix: boolean;
  /** Omitted, blank (and, where 0 means blank, all 0): the function gets undefined. */
  readonly optional?: boolean;
  /** What a 0 is: a number (a count, a median, a total, a rate), or the empty cell older desktop Excel sends. */
  readonly zero: "number" | "blank";
  /** An error value in a cell argument is the function's result: #DIV/0! in, #DIV/0! out (else #VALUE! naming it). */
  readonly passErrors?: boolean;
  /** What blank and 0 mean for it, in words: for the help, docs/functions.md and a second host's registration. */
  readonly means: string;
}

/** The value of each kind of argument. */
export interface ArgValue {
  readonly cell: CellValue;
  readonly count: number;
  readonly cells: CellValue[];
  readonly range: CellValue[][];
  readonly rules: Arg;
}

/** The value a function gets for an argument declared as `spec`. */
export type ValueOf<S extends ArgSpec> = ArgValue[S["kind"]] | (S["optional"] extends true ? undefined : never);

/** One argument read as it is declared. */
export function readArgument(spec: ArgSpec, arg: Arg): ArgValue[ArgKind] | undefined {
  if (spec.kind === "rules") return arg;
  if (spec.optional && omitted(arg)) return undefined;
  const blank = spec.zero === "blank";
  if (spec.kind === "range") {
    const grid = gridOf(arg, spec.label);
    return blank ? grid.map((row) => row.map(zeroAsBlank)) : grid;
  }
  const cells = cellsOf(arg, spec.label);
  if (spec.optional && blank && cells.every(blankOrZero)) return undefined;
  if (spec.kind === "cells") return blank ? cells.map(zeroAsBlank) : cells;
  const cell = oneCell(cells, spec.label);
  if (spec.kind === "count") {
    const checked = checkMeasure(cell, "count");
    if (typeof checked !== "number") throw measureError(spec.label, checked);
    return checked;
  }
  if (spec.passErrors && typeof cell === "object" && cell !== null && "error" in cell) throw passOn(cell.error, spec.label);
  return blank ? zeroAsBlank(cell) : cell;
}
