/** The cell model: what a cell stores, how written input is interpreted, how a value is displayed. */

/** A plain cell value as Office returns it in `Range.values`: errors are strings such as "#DIV/0!". */
export type CellValue = string | number | boolean;

export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
] as const;
export type ExcelErrorText = (typeof EXCEL_ERRORS)[number];

/** A cell's error value, kept distinct from text that merely looks like an error. */
export class ErrorValue {
  constructor(readonly text: ExcelErrorText) {}
  toString(): string {
    return this.text;
  }
}

export type StoredValue = CellValue | ErrorValue;

export interface FontState {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
  name?: string;
  underline?: string;
}

/** A cell's borders (ExcelApi 1.1 RangeBorder): each edge's line style and weight, e.g. "Continuous/Thin". */
export interface BordersState {
  top?: string;
  bottom?: string;
  left?: string;
  right?: string;
}

export interface CellState {
  /** The constant value; for a formula cell, unused (the value is calculated). */
  value: StoredValue;
  /** "=…" when the cell holds a formula. */
  formula?: string;
  numberFormat?: string;
  fill?: string;
  font?: FontState;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: BordersState;
  hyperlink?: Excel.RangeHyperlink;
}

export const GENERAL = "General";
export const TEXT_FORMAT = "@";

export function isTextFormat(format: string | undefined): boolean {
  return format === TEXT_FORMAT;
}

/** Days from 1899-12-30 (Excel's 1900 date system, valid from 1900-03-01). */
export function dateToSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function serialToDate(serial: number): {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
} {
  const ms = Math.round(serial * 86_400_000) + Date.UTC(1899, 11, 30);
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
    seconds: d.getUTCSeconds(),
  };
}

export interface Interpreted {
  /** undefined: leave the cell unchanged (Office ignores `null` entries when writing). */
  kind: "unchanged" | "clear" | "constant" | "formula";
  value?: StoredValue;
  formula?: string;
  /** A number format Excel applies by itself when it recognises a percentage or a date. */
  impliedFormat?: string;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * How Excel interprets one entry written to `values` or `formulas`, given the cell's number format
 * at that moment:
 * - `null`/`undefined` leaves the cell unchanged; "" clears it;
 * - with number format "@" (Text), a string is stored as typed: never a formula, never a number;
 * - otherwise a string starting with "=" is a formula, and one starting with "+" or "-" that is not a
 *   number is a formula too (Excel prefixes "="); numeric text becomes a number ("12%" → 0.12 with
 *   format "0%"), "TRUE"/"FALSE" booleans, ISO-like dates ("2026-10-05", "2026/10/5", "2026-10")
 *   date serials — as if typed into the cell in an en-US Excel.
 */
export function interpretInput(input: unknown, numberFormat: string | undefined): Interpreted {
  if (input === null || input === undefined) return { kind: "unchanged" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { kind: "constant", value: new ErrorValue("#NUM!") };
    return { kind: "constant", value: input };
  }
  if (typeof input === "boolean") return { kind: "constant", value: input };
  if (typeof input !== "string") return { kind: "constant", value: String(input) };
  if (input === "") return { kind: "clear" };
  if (isTextFormat(numberFormat)) return { kind: "constant", value: input };
  if (input.startsWith("=") && input.length > 1) return { kind: "formula", formula: input };
  const trimmed = input.trim();
  if (NUMBER.test(trimmed) && /\d/.test(trimmed)) return { kind: "constant", value: Number(trimmed.replace(/,/g, "")) };
  const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  if (percent)
    return {
      kind: "constant",
      value: Number((Number(percent[1]) / 100).toPrecision(15)),
      impliedFormat: Number.isInteger(Number(percent[1])) ? "0%" : "0.00%",
    };
  if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1) return { kind: "formula", formula: `=${input}` };
  if (/^(true|false)$/i.test(trimmed)) return { kind: "constant", value: trimmed.toLowerCase() === "true" };
  const ymd = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900)
      return { kind: "constant", value: dateToSerial(y, m, d), impliedFormat: "yyyy/m/d" };
  }
  const ym = /^(\d{4})[-/](\d{1,2})$/.exec(trimmed);
  if (ym) {
    const [y, m] = [Number(ym[1]), Number(ym[2])];
    if (m >= 1 && m <= 12 && y >= 1900) return { kind: "constant", value: dateToSerial(y, m, 1), impliedFormat: "mmm-yy" };
  }
  if ((EXCEL_ERRORS as readonly string[]).includes(trimmed)) return { kind: "constant", value: new ErrorValue(trimmed as ExcelErrorText) };
  return { kind: "constant", value: input };
}

export function toPlain(value: StoredValue): CellValue {
  return value instanceof ErrorValue ? value.text : value;
}

export function valueType(value: StoredValue): Excel.RangeValueType {
  if (value instanceof ErrorValue) return "Error" as Excel.RangeValueType.error;
  if (value === "") return "Empty" as Excel.RangeValueType.empty;
  if (typeof value === "number") return "Double" as Excel.RangeValueType.double;
  if (typeof value === "boolean") return "Boolean" as Excel.RangeValueType.boolean;
  return "String" as Excel.RangeValueType.string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function formatGeneral(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9)
    return n
      .toExponential(5)
      .replace(/\.?0+e/, "E")
      .replace("E+", "E+")
      .toUpperCase();
  return String(Number(n.toPrecision(11)));
}

function formatDate(serial: number, format: string): string {
  const d = serialToDate(serial);
  const pad = (x: number) => String(x).padStart(2, "0");
  return format
    .replace(/\\(.)/g, "$1")
    .replace(/"([^"]*)"/g, "$1")
    .replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss/g, (tok) => {
      switch (tok) {
        case "yyyy":
          return String(d.year);
        case "yy":
          return pad(d.year % 100);
        case "mmmm":
        case "mmm":
          return MONTHS[d.month - 1];
        case "mm":
          return pad(d.month);
        case "m":
          return String(d.month);
        case "dd":
          return pad(d.day);
        case "d":
          return String(d.day);
        case "hh":
          return pad(d.hours);
        case "h":
          return String(d.hours);
        default:
          return pad(d.seconds);
      }
    });
}

function formatNumber(n: number, format: string): string {
  const section = format.split(";")[n < 0 && format.includes(";") ? 1 : 0] ?? format;
  const literals = section.replace(/"([^"]*)"/g, "\u0000$1\u0000");
  const percent = section.includes("%");
  const value = percent ? n * 100 : n;
  const codeMatch = /[#0,]*\.?[0#]*/.exec(
    literals
      .replace(/\u0000[^\u0000]*\u0000/g, (m) => " ".repeat(m.length))
      .replace(/[^#0,.]/g, " ")
      .trim(),
  );
  const code = codeMatch ? codeMatch[0] : "0";
  const decimals = code.includes(".") ? code.split(".")[1].replace(/[^0#]/g, "").length : 0;
  let body = Math.abs(value).toFixed(decimals);
  if (code.includes(",")) {
    const [int, frac] = body.split(".");
    body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? `.${frac}` : "");
  }
  const sign = value < 0 && !(format.includes(";") && n < 0) ? "-" : "";
  const prefix = /^(?:\u0000([^\u0000]*)\u0000)/.exec(literals)?.[1] ?? "";
  const suffixMatch = /\u0000([^\u0000]*)\u0000[^\u0000]*$/.exec(literals);
  const suffix = suffixMatch && !literals.startsWith(`\u0000${suffixMatch[1]}\u0000`) ? suffixMatch[1] : "";
  return `${prefix}${sign}${body}${percent ? "%" : ""}${suffix}`;
}

/** The text Excel displays for a value under a number format (a reasonable subset of format codes). */
export function displayText(value: StoredValue, numberFormat: string | undefined): string {
  if (value instanceof ErrorValue) return value.text;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const format = numberFormat ?? GENERAL;
  if (format === GENERAL || format === "" || isTextFormat(format)) return formatGeneral(value);
  const withoutLiterals = format.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  if (/[ymd]/i.test(withoutLiterals) && !/[0#]/.test(withoutLiterals)) return formatDate(value, format);
  return formatNumber(value, format);
}
